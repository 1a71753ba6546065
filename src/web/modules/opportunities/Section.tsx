import { Paper, Text, Title } from '@mantine/core';
import { useId, type ReactNode } from 'react';

/** A bordered region of the page named by its h2, with an optional sentence introducing it. */
export function Section({ title, intro, size = 'h4', children }: { title: string; intro?: ReactNode; size?: 'h3' | 'h4'; children: ReactNode }) {
  const id = useId();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={id}>
      <Title order={2} size={size} id={id} mb={intro ? 4 : 'sm'}>{title}</Title>
      {intro && <Text size="sm" c="gray.8" mb="sm">{intro}</Text>}
      {children}
    </Paper>
  );
}
