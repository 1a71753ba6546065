import { Button, Group, Radio, Stack, Textarea, TextInput } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { notifications } from '@mantine/notifications';
import { Controller, useForm } from 'react-hook-form';
import type { z } from 'zod';
import { goalOwnerLabels, goalOwnerSchema, goalOwners, updateGoalBody, type GoalDto, type GoalOwner } from '../../../shared/contracts/goals.ts';
import { showApiError } from '../../lib/forms.ts';
import { friendlyErrors } from '../people/PersonForm.tsx';
import { useGoalMutations } from './api.ts';

/** The API's own title and description rules, plus whose strategy a new goal belongs to. */
const goalForm = updateGoalBody.pick({ title: true, description: true }).required({ title: true }).extend({ owner: goalOwnerSchema });
type GoalInput = z.input<typeof goalForm>;
type GoalOutput = z.output<typeof goalForm>;
const resolver = zodResolver(goalForm, friendlyErrors);
const apiFields = ['title', 'description', 'owner'];

/** What the form is for: a new goal, a new objective under a goal, or editing either. */
export type GoalFormMode =
  | { kind: 'goal'; owner: GoalOwner }
  | { kind: 'objective'; goal: GoalDto }
  | { kind: 'edit'; id: string; title: string; description: string | null; owner: GoalOwner };

export const goalFormTitle = (m: GoalFormMode) =>
  m.kind === 'goal' ? 'Add a goal' : m.kind === 'objective' ? `Add an objective to ${m.goal.title}` : `Edit ${m.title}`;

export function GoalForm({ mode, onDone }: { mode: GoalFormMode; onDone: () => void }) {
  const { create, update } = useGoalMutations();
  const owner = mode.kind === 'goal' ? mode.owner : mode.kind === 'objective' ? mode.goal.owner : mode.owner;
  const form = useForm<GoalInput, unknown, GoalOutput>({
    resolver,
    defaultValues: { owner, title: mode.kind === 'edit' ? mode.title : '', description: mode.kind === 'edit' ? (mode.description ?? '') : '' },
  });
  const e = form.formState.errors;

  const submit = form.handleSubmit((v) => {
    const onSuccess = () => {
      notifications.show({ message: mode.kind === 'edit' ? `Saved “${v.title}”` : `Added “${v.title}”` });
      onDone();
    };
    const onError = (err: unknown) => showApiError(err, form.setError, apiFields);
    const text = { title: v.title, description: v.description ?? null };
    if (mode.kind === 'edit') update.mutate({ id: mode.id, body: text }, { onSuccess, onError });
    else if (mode.kind === 'objective') create.mutate({ parentId: mode.goal.id, ...text }, { onSuccess, onError });
    else create.mutate({ owner: v.owner, ...text }, { onSuccess, onError });
  });

  return (
    <form onSubmit={(ev) => void submit(ev)} noValidate aria-label={goalFormTitle(mode)}>
      <Stack>
        {mode.kind === 'goal' && (
          <Controller control={form.control} name="owner" render={({ field }) => (
            <Radio.Group label="Whose strategy" value={field.value} onChange={(v) => field.onChange(v)} error={e.owner?.message}>
              <Group mt={4}>
                {goalOwners.map((o) => <Radio key={o} value={o} label={goalOwnerLabels[o]} />)}
              </Group>
            </Radio.Group>
          )} />
        )}
        <TextInput label="Title" required data-autofocus {...form.register('title')} error={e.title?.message} />
        <Textarea label="Description" rows={3} autosize maxRows={8} {...form.register('description')} error={e.description?.message} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>Cancel</Button>
          <Button type="submit" loading={create.isPending || update.isPending}>
            {mode.kind === 'edit' ? 'Save' : mode.kind === 'objective' ? 'Add objective' : 'Add goal'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
