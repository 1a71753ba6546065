import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Group, Select, SimpleGrid, Stack } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { createCoverageBody, type CreateCoverageBody } from '../../../shared/contracts/coverage.ts';
import { today } from '../../lib/dates.ts';
import { showApiError } from '../../lib/forms.ts';
import { useCoverageMutations, useStaff } from './api.ts';

const FIELDS = ['userId', 'startDate', 'endDate', 'orgUnitId', 'functionId'];

/** Assigns a staff member to one unit × function from a start date (and optionally until an end date). */
export function CoverageAddForm({ orgUnitId, functionId, onDone }: { orgUnitId: string; functionId: string; onDone: () => void }) {
  const { create } = useCoverageMutations();
  const form = useForm<CreateCoverageBody>({
    resolver: zodResolver(createCoverageBody),
    defaultValues: { userId: '', orgUnitId, functionId, startDate: today(), endDate: null },
  });
  const e = form.formState.errors;
  const startDate = useWatch({ control: form.control, name: 'startDate' });
  const [search, setSearch] = useState('');
  const [chosen, setChosen] = useState<{ value: string; label: string } | null>(null);
  // once a name is chosen the box shows its label: search the server only for what is typed afterwards
  const [q] = useDebouncedValue(search === chosen?.label ? '' : search.trim(), 250);
  const staff = useStaff({ q: q || undefined, pageSize: 50 });
  const options = (staff.data?.items ?? [])
    .filter((u) => u.active)
    .map((u) => ({ value: u.id, label: u.jobTitle ? `${u.name} (${u.jobTitle})` : u.name }));
  if (chosen && !options.some((o) => o.value === chosen.value)) options.unshift(chosen);

  const submit = form.handleSubmit((v) => create.mutate(v, {
    onSuccess: (c) => { notifications.show({ message: `${c.user.name} now covers ${c.function.label} for ${c.orgUnit.name}` }); onDone(); },
    onError: (err) => showApiError(err, form.setError, FIELDS),
  }));
  const userError = e.userId && (e.userId.type === 'server' ? e.userId.message : 'Choose a staff member');
  const placeError = e.orgUnitId?.message ?? e.functionId?.message;

  return (
    <form onSubmit={(ev) => void submit(ev)} noValidate>
      <Stack>
        <Controller control={form.control} name="userId" render={({ field }) => (
          <Select
            label="Staff member"
            placeholder="Type to search library staff"
            required
            searchable
            data={options}
            value={field.value || null}
            onChange={(v, opt) => { field.onChange(v ?? ''); setChosen(v ? { value: v, label: opt?.label ?? v } : null); }}
            searchValue={search}
            onSearchChange={setSearch}
            nothingFoundMessage={staff.isFetching ? 'Searching…' : 'No active staff match'}
            error={userError}
          />
        )} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Controller control={form.control} name="startDate" render={({ field }) => (
            <DateInput label="Start date" valueFormat="D MMM YYYY" clearable
              value={field.value ?? null} onChange={(v) => field.onChange(v)} error={e.startDate?.message} />
          )} />
          <Controller control={form.control} name="endDate" render={({ field }) => (
            <DateInput label="End date" description="Optional, e.g. for cover during leave" valueFormat="D MMM YYYY" clearable
              minDate={startDate ?? undefined}
              value={field.value ?? null} onChange={(v) => field.onChange(v)} error={e.endDate?.message} />
          )} />
        </SimpleGrid>
        {placeError && <Alert color="red" role="alert">{placeError}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>Cancel</Button>
          <Button type="submit" loading={create.isPending}>Add cover</Button>
        </Group>
      </Stack>
    </form>
  );
}
