import { Title } from '@mantine/core';

/** Placeholder while the page is built. */
export function NewOpportunityPage() {
  return <Title order={1}>New opportunity</Title>;
}
