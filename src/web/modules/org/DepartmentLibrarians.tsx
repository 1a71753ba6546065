import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { QueryState } from '../../components/QueryState.tsx';
import { useLibrarians } from '../coverage/api.ts';
import { AnchorLink } from '../../components/AnchorLink.tsx';

const listStyle = { listStyle: 'none', margin: 0, padding: 0 } as const;

/** "Who is my librarian": each library function's cover for the unit, inherited cover named, gaps in words. */
export function DepartmentLibrarians({ orgUnitId }: { orgUnitId: string }) {
  const librarians = useLibrarians(orgUnitId);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="librarians-heading">
      <Title order={2} size="h3" id="librarians-heading" mb="sm">Who is my librarian</Title>
      <QueryState query={librarians} label="Loading librarians" isEmpty={(d) => d.functions.length === 0} empty="No library functions are set up yet.">
        {(data) => {
          const gaps = data.functions.filter((f) => f.staff.length === 0).length;
          return (
            <Stack gap="sm">
              <Text size="sm" c="dimmed">
                {gaps === 0 ? 'Every function is covered.' : `${gaps} of ${data.functions.length} functions have no one covering them.`}
              </Text>
              <Stack component="ul" gap="sm" style={listStyle}>
                {data.functions.map((f) => (
                  <li key={f.function.id}>
                    <Text fw={600} size="sm">{f.function.label}</Text>
                    {f.staff.length === 0 ? (
                      <Group gap="xs" wrap="wrap">
                        <Badge color="red.9" tt="none">Gap</Badge>
                        <Text size="sm" c="red.9">No one covers {f.function.label}</Text>
                      </Group>
                    ) : (
                      <Stack gap={2}>
                        {f.staff.map((s) => (
                          <Text size="sm" key={s.id}>
                            {s.name}
                            {s.jobTitle && <Text span size="sm" c="dimmed">, {s.jobTitle}</Text>}
                            {' · '}
                            <Anchor href={`mailto:${s.email}`} size="sm">{s.email}</Anchor>
                          </Text>
                        ))}
                        {f.inheritedFrom && (
                          <Text size="xs" c="dimmed">
                            via{' '}
                            <AnchorLink to="/departments/$id" params={{ id: f.inheritedFrom.id }} size="xs">{f.inheritedFrom.name}</AnchorLink>
                          </Text>
                        )}
                      </Stack>
                    )}
                  </li>
                ))}
              </Stack>
            </Stack>
          );
        }}
      </QueryState>
    </Paper>
  );
}
