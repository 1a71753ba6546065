import { Title } from '@mantine/core';

// SCAFFOLD: replaced by the real page in this change
export function ImportJobPage() {
  return <Title order={1}>ImportJobPage</Title>;
}
