import { Button, Group, Stack, Table } from '@mantine/core';
import { useState } from 'react';
import type { TeamDto } from '../../../shared/contracts/org.ts';
import { QueryState } from '../../components/QueryState.tsx';
import { canEdit, useMe } from '../identity/api.ts';
import { useTeams } from '../org/api.ts';
import { TeamsFormModal } from './TeamsFormModal.tsx';

/** The library's service areas (Academic Services, Research Services…) and how many active staff each has. */
export function TeamsTab() {
  const teams = useTeams();
  const { data: me } = useMe();
  const manager = canEdit(me, 'manager');
  const [editing, setEditing] = useState<TeamDto | 'new' | null>(null);

  return (
    <Stack>
      {manager && <Group justify="flex-end"><Button onClick={() => setEditing('new')}>Add a team</Button></Group>}
      <QueryState query={teams} isEmpty={(d) => d.length === 0} empty="No teams yet." label="Loading teams">
        {(data) => (
          <Table.ScrollContainer minWidth={520}>
            <Table verticalSpacing="xs">
              <Table.Caption>Teams (service areas) of the library, with their number of active members</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Team</Table.Th>
                  <Table.Th scope="col">Description</Table.Th>
                  <Table.Th scope="col">Members</Table.Th>
                  {manager && <Table.Th scope="col">Actions</Table.Th>}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.map((t) => (
                  <Table.Tr key={t.id}>
                    <Table.Th scope="row" fw={500}>{t.name}</Table.Th>
                    <Table.Td>{t.description ?? '—'}</Table.Td>
                    <Table.Td>{t.memberCount}</Table.Td>
                    {manager && (
                      <Table.Td>
                        <Button size="compact-sm" variant="subtle" onClick={() => setEditing(t)} aria-label={`Rename ${t.name}`}>Rename</Button>
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </QueryState>
      {editing && <TeamsFormModal team={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </Stack>
  );
}
