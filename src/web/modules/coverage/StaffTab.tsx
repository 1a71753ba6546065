import { Badge, Button, Group, Select, Stack, Table, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import type { UserDto } from '../../../shared/contracts/identity.ts';
import { Pager } from '../../components/Pager.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { useTeams } from '../org/api.ts';
import { useStaff } from './api.ts';
import { StaffCover } from './StaffCover.tsx';

const roleLabel = (r: UserDto['role']) => r[0]?.toUpperCase() + r.slice(1);

/** Library staff with their team and role; each person's current cover loads only when asked for. */
export function StaffTab() {
  const [page, setPage] = useState(1);
  const [text, setText] = useState('');
  const [teamId, setTeamId] = useState<string | null>(null);
  const [q] = useDebouncedValue(text.trim(), 250);
  const staff = useStaff({ page, q: q || undefined, teamId: teamId ?? undefined });
  const teams = useTeams();
  const teamName = (id: string | null) => teams.data?.find((t) => t.id === id)?.name ?? '—';

  return (
    <Stack>
      <Group align="end" wrap="wrap">
        <TextInput label="Search staff by name or email" value={text} onChange={(e) => { setText(e.currentTarget.value); setPage(1); }} w={280} />
        <Select label="Team" placeholder="All teams" clearable data={(teams.data ?? []).map((t) => ({ value: t.id, label: t.name }))}
          value={teamId} onChange={(v) => { setTeamId(v); setPage(1); }} w={240} />
      </Group>
      <QueryState query={staff} isEmpty={(d) => d.items.length === 0} empty="No staff match." label="Loading staff">
        {(data) => (
          <>
            <Table.ScrollContainer minWidth={720}>
              <Table verticalSpacing="xs">
                <Table.Caption>Library staff and the departments they cover; open a row to see what someone covers today.</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">Name</Table.Th>
                    <Table.Th scope="col">Job title</Table.Th>
                    <Table.Th scope="col">Team</Table.Th>
                    <Table.Th scope="col">Role</Table.Th>
                    <Table.Th scope="col">Covers</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.items.map((u) => <StaffRow key={u.id} user={u} team={teamName(u.teamId)} />)}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <Pager page={data.page} pageSize={data.pageSize} total={data.total} onChange={setPage} noun="staff" />
          </>
        )}
      </QueryState>
    </Stack>
  );
}

function StaffRow({ user, team }: { user: UserDto; team: string }) {
  const [open, setOpen] = useState(false);
  const panelId = `cover-of-${user.id}`;
  return (
    <>
      <Table.Tr>
        <Table.Th scope="row" fw={500}>
          <Group gap="xs" wrap="nowrap">
            <span>{user.name}</span>
            {!user.active && <Badge color="gray.8" variant="outline">Inactive</Badge>}
          </Group>
        </Table.Th>
        <Table.Td>{user.jobTitle ?? '—'}</Table.Td>
        <Table.Td>{team}</Table.Td>
        <Table.Td>{roleLabel(user.role)}</Table.Td>
        <Table.Td>
          <Button size="compact-sm" variant="subtle" aria-expanded={open} aria-controls={open ? panelId : undefined} onClick={() => setOpen((o) => !o)}
            aria-label={`${open ? 'Hide' : 'View'} cover: ${user.name}`}>
            {open ? 'Hide cover' : 'View cover'}
          </Button>
        </Table.Td>
      </Table.Tr>
      {open && (
        <Table.Tr id={panelId}>
          <Table.Td colSpan={5} bg="gray.0">
            <StaffCover userId={user.id} name={user.name} />
          </Table.Td>
        </Table.Tr>
      )}
    </>
  );
}
