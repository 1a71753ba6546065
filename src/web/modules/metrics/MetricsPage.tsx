import { Title } from '@mantine/core';

// SCAFFOLD: replaced by the real page in this change
export function MetricsPage() {
  return <Title order={1}>MetricsPage</Title>;
}
