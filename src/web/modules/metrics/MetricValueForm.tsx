import { Button, Group, NumberInput, Select, SimpleGrid, TextInput } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import type { z } from 'zod';
import type * as z4 from 'zod/v4/core';
import { putMetricValueBody, type MetricDefinitionDto, type PutMetricValueBody } from '../../../shared/contracts/metrics.ts';
import { parsePeriod, periodLabel } from '../../../shared/metric-periods.ts';
import { showApiError } from '../../lib/forms.ts';
import { serverFiltered } from '../engagements/EngagementFormDepartments.tsx';
import { useOrgUnits } from '../org/api.ts';
import { friendlyErrors } from '../people/PersonForm.tsx';
import { useMetricMutations } from './api.ts';

type ValueInput = z.input<typeof putMetricValueBody>;
export interface ValueDraft { orgUnit: { id: string; name: string } | null; period: string; value: number | '' }

const messages: z4.ParseContext<z4.$ZodIssue> = {
  error: (iss) => (iss.code === 'invalid_type' && iss.expected === 'number' ? (iss.input === '' || iss.input === undefined ? 'is required' : 'must be a number') : friendlyErrors.error?.(iss)),
};
const resolver = zodResolver(putMetricValueBody, messages);
const hints = { academic_year: 'An academic year, e.g. 2025-26', month: 'A month, e.g. 2026-03 or Mar 2026' } as const;

/** Any org unit by name or code (metrics are kept for faculties and services too, not only departments). */
function UnitSelect({ value, onChange, known, error }: { value: string; onChange: (id: string) => void; known: { id: string; name: string } | null; error?: string }) {
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 200);
  const results = useOrgUnits({ q: q || undefined, pageSize: 20 }, !!q);
  const options = (results.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }));
  if (known && !options.some((o) => o.value === known.id)) options.unshift({ value: known.id, label: known.name });
  return (
    <Select
      label="Department or unit" required searchable data={options} filter={serverFiltered} value={value || null}
      searchValue={search} onSearchChange={setSearch} onChange={(id) => onChange(id ?? '')}
      nothingFoundMessage={results.isFetching ? 'Searching…' : q ? 'No unit matches' : 'Type to search'} error={error}
    />
  );
}

/** Enters a figure by hand, or corrects one: it replaces whatever was there for that unit and period. */
export function MetricValueForm({ metric, draft, onDone }: { metric: MetricDefinitionDto; draft: ValueDraft; onDone: () => void }) {
  const { putValue } = useMetricMutations();
  const form = useForm<ValueInput, unknown, PutMetricValueBody>({
    resolver, defaultValues: { orgUnitId: draft.orgUnit?.id ?? '', period: draft.period, value: draft.value as number },
  });
  const e = form.formState.errors;
  const typed = useWatch({ control: form.control, name: 'period' });
  const parsed = typed ? parsePeriod(typed, metric.periodKind) : null;

  const submit = form.handleSubmit((body) => {
    putValue.mutate({ id: metric.id, body }, {
      onSuccess: (saved) => {
        notifications.show({ message: `Saved ${saved.orgUnit.name}, ${saved.periodLabel}` });
        form.reset({ orgUnitId: '', period: '', value: '' as unknown as number });
        onDone();
      },
      onError: (err) => showApiError(err, form.setError, ['orgUnitId', 'period', 'value']),
    });
  });

  return (
    <form onSubmit={(ev) => void submit(ev)} noValidate aria-label={`Enter a value for ${metric.name}`}>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        <Controller control={form.control} name="orgUnitId" render={({ field }) => (
          <UnitSelect value={field.value} onChange={field.onChange} known={draft.orgUnit} error={e.orgUnitId?.message} />
        )} />
        <TextInput
          label="Period" required {...form.register('period')} error={e.period?.message}
          description={parsed ? `Reads as ${periodLabel(parsed, metric.periodKind)}` : hints[metric.periodKind]}
        />
        <Controller control={form.control} name="value" render={({ field }) => (
          <NumberInput label={`Value (${metric.unit})`} required decimalScale={4} value={field.value} onBlur={field.onBlur}
            onChange={(v) => field.onChange(typeof v === 'number' ? v : v === '' ? '' : Number(v))} error={e.value?.message} />
        )} />
      </SimpleGrid>
      <Group justify="flex-end" mt="sm">
        <Button type="submit" loading={putValue.isPending}>Save value</Button>
      </Group>
    </form>
  );
}
