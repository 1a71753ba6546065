import { Button, Group, Stack, TextInput } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { notifications } from '@mantine/notifications';
import { Controller, useForm } from 'react-hook-form';
import type { z } from 'zod';
import { objectiveBody, type ObjectiveBody, type PlanObjectiveDto } from '../../../shared/contracts/plans.ts';
import { showApiError } from '../../lib/forms.ts';
import { GoalField } from '../goals/GoalField.tsx';
import { usePlanMutations } from './api.ts';
import { named } from './words.ts';

/** Adds an objective to the plan, or edits one: its title and the strategic goal it serves. */
export function ObjectiveForm({ planId, objective, onDone }: { planId: string; objective?: PlanObjectiveDto; onDone: () => void }) {
  const { addObjective, updateObjective } = usePlanMutations(planId);
  const form = useForm<z.input<typeof objectiveBody>, unknown, ObjectiveBody>({
    resolver: zodResolver(objectiveBody),
    defaultValues: { title: objective?.title ?? '', goalId: objective?.goal?.id ?? null },
  });
  const e = form.formState.errors;
  const pending = addObjective.isPending || updateObjective.isPending;
  const handlers = {
    onSuccess: () => {
      notifications.show({ message: objective ? 'Objective saved' : 'Objective added' });
      onDone();
    },
    onError: (err: unknown) => showApiError(err, form.setError, ['title', 'goalId']),
  };
  const submit = form.handleSubmit((body) => (objective ? updateObjective.mutate({ id: objective.id, body }, handlers) : addObjective.mutate(body, handlers)));

  return (
    <form onSubmit={(ev) => void submit(ev)} noValidate aria-label={objective ? 'Edit objective' : 'Add an objective'}>
      <Stack>
        <TextInput label="Objective" required data-autofocus {...form.register('title')} error={named('Objective', e.title?.message)} />
        <Controller control={form.control} name="goalId" render={({ field }) => (
          <GoalField value={field.value ?? null} onChange={field.onChange} description="The library or institutional goal this objective serves" error={named('Strategic goal', e.goalId?.message)} />
        )} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>Cancel</Button>
          <Button type="submit" loading={pending}>{objective ? 'Save objective' : 'Add objective'}</Button>
        </Group>
      </Stack>
    </form>
  );
}
