import { Title } from '@mantine/core';

// SCAFFOLD: replaced by the real page in this change
export function ImpactPage() {
  return <Title order={1}>ImpactPage</Title>;
}
