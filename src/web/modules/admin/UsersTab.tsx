import { Badge, Button, Group, Modal, PasswordInput, Select, Stack, Switch, Table, TextInput } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { roles } from '../../../shared/contracts/common.ts';
import { createUserBody, type CreateUserBody } from '../../../shared/contracts/identity.ts';
import { Pager } from '../../components/Pager.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { showApiError } from '../../lib/forms.ts';
import { useMe } from '../identity/api.ts';
import { useTeams } from '../org/api.ts';
import { useAdminMutations, useUsers } from './api.ts';

const roleData = roles.map((r) => ({ value: r, label: r[0]?.toUpperCase() + r.slice(1) }));

export function UsersTab() {
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const users = useUsers(page);
  const teams = useTeams();
  const { data: me } = useMe();
  const m = useAdminMutations();
  const teamName = (id: string | null) => teams.data?.find((t) => t.id === id)?.name ?? '—';

  return (
    <Stack>
      <Group justify="flex-end"><Button onClick={() => setCreating(true)}>Add a user</Button></Group>
      <QueryState query={users}>
        {(data) => (
          <>
            <Table.ScrollContainer minWidth={700}>
              <Table>
                <Table.Thead>
                  <Table.Tr><Table.Th>Name</Table.Th><Table.Th>Email</Table.Th><Table.Th>Job title</Table.Th><Table.Th>Team</Table.Th><Table.Th>Role</Table.Th><Table.Th>Active</Table.Th></Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.items.map((u) => (
                    <Table.Tr key={u.id}>
                      <Table.Td>{u.name}</Table.Td>
                      <Table.Td>{u.email}</Table.Td>
                      <Table.Td>{u.jobTitle ?? '—'}</Table.Td>
                      <Table.Td>{teamName(u.teamId)}</Table.Td>
                      <Table.Td>
                        {u.id === me?.user.id ? <Badge variant="light">{u.role} (you)</Badge> : (
                          <Select aria-label={`Role of ${u.name}`} data={roleData} value={u.role} allowDeselect={false} w={140}
                            onChange={(role) => role && m.updateUser.mutate({ id: u.id, body: { role } }, { onError: (e) => showApiError(e), onSuccess: () => notifications.show({ message: `${u.name} is now ${role}` }) })} />
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Switch aria-label={`${u.name} active`} checked={u.active} disabled={u.id === me?.user.id}
                          onChange={(e) => m.updateUser.mutate({ id: u.id, body: { active: e.currentTarget.checked } }, { onError: (err) => showApiError(err) })} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <Pager page={data.page} pageSize={data.pageSize} total={data.total} onChange={setPage} noun="users" />
          </>
        )}
      </QueryState>
      {creating && <CreateUser onClose={() => setCreating(false)} teams={(teams.data ?? []).map((t) => ({ value: t.id, label: t.name }))} />}
    </Stack>
  );
}

function CreateUser({ onClose, teams }: { onClose: () => void; teams: { value: string; label: string }[] }) {
  const { createUser } = useAdminMutations();
  const form = useForm<CreateUserBody>({ resolver: zodResolver(createUserBody), defaultValues: { email: '', name: '', password: '', role: 'librarian', jobTitle: '', teamId: null } });
  const e = form.formState.errors;
  const submit = form.handleSubmit((v) => createUser.mutate(v, {
    onSuccess: () => { notifications.show({ message: `Added ${v.name}` }); onClose(); },
    onError: (err) => showApiError(err, form.setError, ['email', 'name', 'password', 'role', 'jobTitle', 'teamId']),
  }));
  return (
    <Modal opened onClose={onClose} title="Add a user">
      <form onSubmit={(ev) => void submit(ev)} noValidate>
        <Stack>
          <TextInput label="Name" required {...form.register('name')} error={e.name?.message} />
          <TextInput label="Email" type="email" required {...form.register('email')} error={e.email?.message} />
          <PasswordInput label="Initial password" description="At least 12 characters" required {...form.register('password')} error={e.password?.message} />
          <TextInput label="Job title" {...form.register('jobTitle')} error={e.jobTitle?.message} />
          <Controller control={form.control} name="role" render={({ field }) => <Select label="Role" data={roleData} value={field.value} onChange={field.onChange} allowDeselect={false} error={e.role?.message} />} />
          <Controller control={form.control} name="teamId" render={({ field }) => <Select label="Team" data={teams} value={field.value ?? null} onChange={field.onChange} clearable error={e.teamId?.message} />} />
          <Group justify="flex-end"><Button variant="default" onClick={onClose}>Cancel</Button><Button type="submit" loading={createUser.isPending}>Add user</Button></Group>
        </Stack>
      </form>
    </Modal>
  );
}
