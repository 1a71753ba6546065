import { Alert, Box, Button, Center, Container, Loader, Stack, Text, Title } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { useEffect, type ReactNode } from 'react';
import { ApiError } from '../../lib/api.ts';

/**
 * The frame of every page a partner opens from a share link (an action plan, an annual report): the
 * institution's name instead of the app's navigation, the page title, and the loading, invalid-link
 * and failed states. `name` is what is shared, as a heading ("Library action plan").
 */
export function SharedShell<T>({ query, name, titleOf, institutionOf, children }: {
  query: UseQueryResult<T>;
  name: string;
  titleOf: (data: T) => string;
  institutionOf: (data: T) => string;
  children: (data: T, title: string) => ReactNode;
}) {
  // a malformed token is refused (400) before it is looked up (404): either way the link is no good
  const invalid = query.error instanceof ApiError && (query.error.status === 404 || query.error.status === 400);
  const title = query.data !== undefined ? titleOf(query.data) : invalid ? 'This link is not valid' : name;
  useEffect(() => {
    document.title = title;
  }, [title]);
  const what = name.replace(/^Library /, '');
  return (
    <>
      <Box component="header" px="md" py="sm" style={{ borderBottom: '1px solid var(--mantine-color-gray-4)' }}>
        <Text fw={800} size="lg" c="indigo.9">{query.data !== undefined ? institutionOf(query.data) : name}</Text>
      </Box>
      <Container component="main" id="main" size="md" py="xl">
        {query.isPending ? (
          <Center p="xl"><Loader aria-label={`Loading the ${what}`} /></Center>
        ) : invalid ? (
          <Stack>
            <Title order={1}>This link is not valid</Title>
            <Text>The link may have expired or been withdrawn, or part of it may be missing. Please ask your librarian for a new one.</Text>
          </Stack>
        ) : query.isError ? (
          <Stack>
            <Title order={1}>{name}</Title>
            <Alert color="red" title={`We could not load this ${what}`} role="alert">
              <Text size="sm">{query.error.message}</Text>
              <Button size="xs" mt="xs" variant="light" color="red" onClick={() => void query.refetch()}>Try again</Button>
            </Alert>
          </Stack>
        ) : (
          children(query.data, title)
        )}
      </Container>
    </>
  );
}
