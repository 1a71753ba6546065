import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Pager } from '../../components/Pager.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { usePeople } from '../people/api.ts';
import { AnchorLink } from '../../components/AnchorLink.tsx';

const PAGE_SIZE = 10;
const listStyle = { listStyle: 'none', margin: 0, padding: 0 } as const;

/** Key people: everyone with a current position at this unit, their titles here, champions marked in words. */
export function DepartmentPeople({ orgUnitId }: { orgUnitId: string }) {
  const [page, setPage] = useState(1);
  const people = usePeople({ orgUnitId, page, pageSize: PAGE_SIZE, sort: 'key' });
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="people-heading">
      <Title order={2} size="h3" id="people-heading" mb="sm">Key people</Title>
      <QueryState query={people} label="Loading people" isEmpty={(d) => d.total === 0} empty="No one holds a current position here yet.">
        {(data) => (
          <>
            <Stack component="ul" gap="sm" style={listStyle}>
              {data.items.map((p) => {
                const here = p.currentPositions.filter((x) => x.orgUnitId === orgUnitId);
                return (
                  <li key={p.id}>
                    <Group gap="xs" wrap="wrap">
                      <AnchorLink to="/people/$id" params={{ id: p.id }} fw={600} size="sm">{p.name}</AnchorLink>
                      {p.isChampion && <Badge color="teal.9" tt="none">Library champion</Badge>}
                    </Group>
                    <Text size="sm" c="dimmed">{(here.length ? here : p.currentPositions).map((x) => x.title).join('; ') || 'No title recorded'}</Text>
                    {p.email && <Anchor href={`mailto:${p.email}`} size="sm">{p.email}</Anchor>}
                  </li>
                );
              })}
            </Stack>
            <Pager page={data.page} pageSize={data.pageSize} total={data.total} onChange={setPage} noun="people" />
          </>
        )}
      </QueryState>
    </Paper>
  );
}
