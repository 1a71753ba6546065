import { Title } from '@mantine/core';

/** Placeholder while the page is built. */
export function SharedPlanPage() {
  return <Title order={1}>Action plan</Title>;
}
