import { Title } from '@mantine/core';

/** Placeholder while the page is built. */
export function ActionPlanPage() {
  return <Title order={1}>Action plan</Title>;
}
