import { Title } from '@mantine/core';

// SCAFFOLD: replaced by the real page in this change
export function ImpactEvaluationPage() {
  return <Title order={1}>ImpactEvaluationPage</Title>;
}
