import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Group, Modal, Stack, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useForm } from 'react-hook-form';
import { createTeamBody, type CreateTeamBody, type TeamDto } from '../../../shared/contracts/org.ts';
import { showApiError } from '../../lib/forms.ts';
import { useTeamMutations } from './api.ts';

/** Adds a team, or renames (and re-describes) an existing one. */
export function TeamsFormModal({ team, onClose }: { team: TeamDto | null; onClose: () => void }) {
  const { create, update } = useTeamMutations();
  const form = useForm<CreateTeamBody>({
    // a rename sends name and description, which createTeamBody checks as strictly as updateTeamBody would
    resolver: zodResolver(createTeamBody),
    defaultValues: { name: team?.name ?? '', description: team?.description ?? '' },
  });
  const e = form.formState.errors;
  const handlers = {
    onError: (err: unknown) => showApiError(err, form.setError, ['name', 'description']),
  };
  const submit = form.handleSubmit((v) => {
    if (team) update.mutate({ id: team.id, body: v }, { ...handlers, onSuccess: (t) => { notifications.show({ message: `Saved ${t.name}` }); onClose(); } });
    else create.mutate(v, { ...handlers, onSuccess: (t) => { notifications.show({ message: `Added ${t.name}` }); onClose(); } });
  });
  return (
    <Modal opened onClose={onClose} title={team ? `Rename ${team.name}` : 'Add a team'}>
      <form onSubmit={(ev) => void submit(ev)} noValidate>
        <Stack>
          <TextInput label="Name" required data-autofocus {...form.register('name')} error={e.name?.message} />
          <Textarea label="Description" rows={3} {...form.register('description')} error={e.description?.message} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>Cancel</Button>
            <Button type="submit" loading={create.isPending || update.isPending}>{team ? 'Save' : 'Add team'}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
