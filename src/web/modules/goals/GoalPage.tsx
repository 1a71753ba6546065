import { Title } from '@mantine/core';

/** Placeholder while the page is built. */
export function GoalPage() {
  return <Title order={1}>Goal</Title>;
}
