import { Alert, Button, Center, Loader, Text } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';

/** Loading, error and empty states for one query; renders children only with data. */
export function QueryState<T>({ query, empty, isEmpty, children, label = 'Loading' }: {
  query: UseQueryResult<T>;
  empty?: ReactNode;
  isEmpty?: (data: T) => boolean;
  children: (data: T) => ReactNode;
  label?: string;
}) {
  if (query.isPending) return <Center p="lg"><Loader aria-label={label} /></Center>;
  if (query.isError) {
    return (
      <Alert color="red" title="Could not load this" role="alert">
        <Text size="sm">{query.error instanceof Error ? query.error.message : 'Unexpected error'}</Text>
        <Button size="xs" mt="xs" variant="light" color="red" onClick={() => void query.refetch()}>Try again</Button>
      </Alert>
    );
  }
  if (isEmpty?.(query.data)) return <Text c="dimmed" p="md">{empty ?? 'Nothing here yet.'}</Text>;
  return <>{children(query.data)}</>;
}
