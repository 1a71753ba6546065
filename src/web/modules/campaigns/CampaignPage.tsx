import { Title } from '@mantine/core';

/** Placeholder while the page is built. */
export function CampaignPage() {
  return <Title order={1}>Campaign</Title>;
}
