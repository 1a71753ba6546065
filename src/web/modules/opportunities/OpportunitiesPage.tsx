import { Title } from '@mantine/core';

/** Placeholder while the page is built. */
export function OpportunitiesPage() {
  return <Title order={1}>Opportunities</Title>;
}
