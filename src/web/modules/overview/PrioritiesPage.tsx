import { Title } from '@mantine/core';

/** Placeholder while the page is built. */
export function PrioritiesPage() {
  return <Title order={1}>Priorities</Title>;
}
