import { Title } from '@mantine/core';

/** Placeholder while the page is built. */
export function ActionPlansPage() {
  return <Title order={1}>Action plans</Title>;
}
