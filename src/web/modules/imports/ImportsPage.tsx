import { Title } from '@mantine/core';

// SCAFFOLD: replaced by the real page in this change
export function ImportsPage() {
  return <Title order={1}>ImportsPage</Title>;
}
