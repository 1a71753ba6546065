import { Button, Group, Stack, TextInput } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { notifications } from '@mantine/notifications';
import { Controller, useForm } from 'react-hook-form';
import type { z } from 'zod';
import { positionBody, updatePositionBody, type PositionBody, type PositionDto, type UpdatePositionBody } from '../../../shared/contracts/people.ts';
import { today } from '../../lib/dates.ts';
import { showApiError } from '../../lib/forms.ts';
import { usePeopleMutations } from './api.ts';
import { friendlyErrors } from './PersonForm.tsx';
import { PositionUnitSelect } from './PositionUnitSelect.tsx';

type PositionInput = z.input<typeof positionBody>;
const blankToNull = (v: unknown) => (v === '' ? null : v);

/** Add a position (POST /api/v1/people/:id/positions): unit, title, start date. */
export function PositionForm({ personId, onDone }: { personId: string; onDone: () => void }) {
  const { addPosition } = usePeopleMutations();
  const form = useForm<PositionInput, unknown, PositionBody>({
    resolver: zodResolver(positionBody, friendlyErrors),
    defaultValues: { orgUnitId: '', title: '', startDate: today(), endDate: null },
  });
  const e = form.formState.errors;
  const submit = form.handleSubmit((body) => addPosition.mutate({ personId, body }, {
    onSuccess: (p) => {
      notifications.show({ message: `Added ${p.title}, ${p.orgUnitName}` });
      onDone();
    },
    onError: (err) => showApiError(err, form.setError, ['orgUnitId', 'title', 'startDate', 'endDate']),
  }));
  return (
    <form onSubmit={(ev) => void submit(ev)} noValidate>
      <Stack>
        <Controller control={form.control} name="orgUnitId" render={({ field }) => (
          <PositionUnitSelect required value={field.value || null} onChange={(id) => field.onChange(id ?? '')} onBlur={field.onBlur} error={e.orgUnitId?.message} />
        )} />
        <TextInput label="Title" required placeholder="e.g. Director of Teaching" {...form.register('title')} error={e.title?.message} data-autofocus />
        <Group grow>
          <TextInput label="Start date" type="date" {...form.register('startDate', { setValueAs: blankToNull })} error={e.startDate?.message} />
          <TextInput label="End date" description="Leave empty while current" type="date" {...form.register('endDate', { setValueAs: blankToNull })} error={e.endDate?.message} />
        </Group>
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>Cancel</Button>
          <Button type="submit" loading={addPosition.isPending}>Add position</Button>
        </Group>
      </Stack>
    </form>
  );
}

/** End a position on a chosen date (PATCH /api/v1/positions/:id); the schema checks it is not before the start. */
export function PositionEndForm({ position, onDone }: { position: PositionDto; onDone: () => void }) {
  const { endPosition } = usePeopleMutations();
  // startDate rides along unregistered so that the schema's date-order rule can compare; only endDate is sent.
  const form = useForm<z.input<typeof updatePositionBody>, unknown, UpdatePositionBody>({
    resolver: zodResolver(updatePositionBody, friendlyErrors),
    defaultValues: { startDate: position.startDate, endDate: today() },
  });
  const e = form.formState.errors;
  const submit = form.handleSubmit(({ endDate }) => {
    if (!endDate) return form.setError('endDate', { message: 'is required' });
    endPosition.mutate({ id: position.id, endDate }, {
      onSuccess: () => {
        notifications.show({ message: `Ended ${position.title}, ${position.orgUnitName}` });
        onDone();
      },
      onError: (err) => showApiError(err, form.setError, ['endDate']),
    });
  });
  return (
    <form onSubmit={(ev) => void submit(ev)} noValidate>
      <Stack>
        <TextInput label="Last day in this position" type="date" required data-autofocus {...form.register('endDate', { setValueAs: blankToNull })} error={e.endDate?.message} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>Cancel</Button>
          <Button type="submit" loading={endPosition.isPending}>End position</Button>
        </Group>
      </Stack>
    </form>
  );
}
