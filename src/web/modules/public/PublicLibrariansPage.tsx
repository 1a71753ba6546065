import { Alert, Anchor, Button, Card, Center, Container, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useEffect } from 'react';
import type { PublicLibrariansDto } from '../../../shared/contracts/coverage.ts';
import { ApiError, get } from '../../lib/api.ts';
import { PublicDepartments } from './PublicDepartments.tsx';

const base = (institutionId: string) => `/api/v1/public/institutions/${encodeURIComponent(institutionId)}/org-units`;

export const usePublicLibrarians = (institutionId: string, orgUnitId: string) =>
  useQuery({
    queryKey: ['public', institutionId, 'librarians', orgUnitId],
    queryFn: () => get<PublicLibrariansDto>(`${base(institutionId)}/${encodeURIComponent(orgUnitId)}/librarians`),
  });

/** The public "who is my librarian?" page (route /p/$institutionId/$orgUnitId): no session, no app shell. */
export function PublicLibrariansPage() {
  const { institutionId, orgUnitId } = useParams({ from: '/p/$institutionId/$orgUnitId' });
  return <PublicLibrarians institutionId={institutionId} orgUnitId={orgUnitId} />;
}

export function PublicLibrarians({ institutionId, orgUnitId }: { institutionId: string; orgUnitId: string }) {
  const contacts = usePublicLibrarians(institutionId, orgUnitId);
  const notPublished = contacts.error instanceof ApiError && contacts.error.status === 404;
  const unitName = contacts.data?.orgUnit.name;

  useEffect(() => {
    if (unitName) document.title = `Your library contacts: ${unitName}`;
    else if (notPublished) document.title = 'Library directory not published';
    else document.title = 'Library contacts';
  }, [unitName, notPublished]);

  return (
    <Container component="main" id="main" size="md" py="xl">
      {contacts.isPending ? (
        <Center p="xl"><Loader aria-label="Loading library contacts" /></Center>
      ) : notPublished ? (
        <Stack>
          <Title order={1}>This directory is not published</Title>
          <Text>
            The library has not published its directory of contacts, or this department is not listed in it.
            Please get in touch with the library through its main enquiry service.
          </Text>
        </Stack>
      ) : contacts.isError ? (
        <Stack>
          <Title order={1}>Library contacts</Title>
          <Alert color="red" title="We could not load these contacts" role="alert">
            <Text size="sm">{contacts.error.message}</Text>
            <Button size="xs" mt="xs" variant="light" color="red" onClick={() => void contacts.refetch()}>Try again</Button>
          </Alert>
        </Stack>
      ) : (
        <Stack gap="xl">
          <Stack gap="xs">
            <Title order={1}>Your library contacts: {contacts.data.orgUnit.name}</Title>
            <Text>These are the library staff who look after {contacts.data.orgUnit.name}. Email them about teaching, research, collections or anything else the library can help with.</Text>
          </Stack>
          <Contacts data={contacts.data} />
          <PublicDepartments institutionId={institutionId} currentId={orgUnitId} />
        </Stack>
      )}
    </Container>
  );
}

function Contacts({ data }: { data: PublicLibrariansDto }) {
  if (!data.functions.length) return <Text>No library contacts are listed for this department yet.</Text>;
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }}>
      {data.functions.map((f) => (
        <Card key={f.label} withBorder component="section" aria-label={f.label}>
          <Title order={2} size="h4">
            {f.label}
            {f.inheritedFrom && <Text span inherit fw={400} c="dimmed"> (through {f.inheritedFrom})</Text>}
          </Title>
          {f.staff.length === 0 ? (
            <Text size="sm" mt="xs">Nobody is assigned to this at the moment.</Text>
          ) : (
            <Stack gap="sm" mt="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {f.staff.map((s) => (
                <li key={s.email}>
                  <Text fw={600}>{s.name}</Text>
                  {s.jobTitle && <Text size="sm">{s.jobTitle}</Text>}
                  <Anchor href={`mailto:${s.email}`} size="sm">{s.email}</Anchor>
                </li>
              ))}
            </Stack>
          )}
        </Card>
      ))}
    </SimpleGrid>
  );
}
