import { Title } from '@mantine/core';

/** Placeholder while the page is built. */
export function OpportunityPage() {
  return <Title order={1}>Opportunity</Title>;
}
