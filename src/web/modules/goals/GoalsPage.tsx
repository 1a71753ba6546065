import { Title } from '@mantine/core';

/** Placeholder while the page is built. */
export function GoalsPage() {
  return <Title order={1}>Strategic goals</Title>;
}
