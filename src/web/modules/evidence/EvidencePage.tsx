import { Title } from '@mantine/core';

// SCAFFOLD: replaced by the real page in this change
export function EvidencePage() {
  return <Title order={1}>EvidencePage</Title>;
}
