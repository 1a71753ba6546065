import { Title } from '@mantine/core';

/** Placeholder while the page is built. */
export function CampaignsPage() {
  return <Title order={1}>Campaigns</Title>;
}
