import { Button, Group, Radio, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { notifications } from '@mantine/notifications';
import { Controller, useForm } from 'react-hook-form';
import type { z } from 'zod';
import {
  createMetricBody, metricDirections, metricPeriodKinds, type CreateMetricBody, type MetricDefinitionDto,
} from '../../../shared/contracts/metrics.ts';
import { showApiError } from '../../lib/forms.ts';
import { friendlyErrors } from '../people/PersonForm.tsx';
import { useMetricMutations } from './api.ts';
import { directionLabels, periodKindLabels } from './labels.ts';

type MetricInput = z.input<typeof createMetricBody>;

const resolver = zodResolver(createMetricBody, friendlyErrors);
const apiFields = ['name', 'unit', 'direction', 'source', 'periodKind', 'description'];

const defaults = (m?: MetricDefinitionDto): MetricInput => ({
  name: m?.name ?? '',
  unit: m?.unit ?? '',
  direction: m?.direction ?? 'higher_better',
  source: m?.source ?? '',
  periodKind: m?.periodKind ?? 'academic_year',
  description: m?.description ?? '',
});

/**
 * A new metric (POST) or an edit (PATCH with the whole definition), checked with the API's own schema.
 * While a metric has values its period kind stays: they are stored as years or as months.
 */
export function MetricForm({ metric, onSaved, onCancel }: { metric?: MetricDefinitionDto; onSaved: (m: MetricDefinitionDto) => void; onCancel: () => void }) {
  const { create, update, remove } = useMetricMutations();
  const form = useForm<MetricInput, unknown, CreateMetricBody>({ resolver, defaultValues: defaults(metric) });
  const e = form.formState.errors;
  const kindLocked = !!metric && metric.valueCount > 0;

  const submit = form.handleSubmit((body) => {
    const onSuccess = (saved: MetricDefinitionDto) => {
      notifications.show({ message: metric ? `Saved “${saved.name}”` : `Added “${saved.name}”` });
      onSaved(saved);
    };
    const onError = (err: unknown) => showApiError(err, form.setError, apiFields);
    if (metric) update.mutate({ id: metric.id, body }, { onSuccess, onError });
    else create.mutate(body, { onSuccess, onError });
  });

  const onDelete = () => {
    if (!metric) return;
    remove.mutate(metric.id, {
      onSuccess: () => {
        notifications.show({ message: `Deleted “${metric.name}”` });
        onCancel();
      },
      onError: (err) => showApiError(err),
    });
  };

  return (
    <form onSubmit={(ev) => void submit(ev)} noValidate aria-label={metric ? `Edit ${metric.name}` : 'New metric'}>
      <Stack>
        <TextInput label="Name" required data-autofocus description="As it will read on department pages and reports" {...form.register('name')} error={e.name?.message} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label="Unit" required description="%, loans, sessions, enquiries…" {...form.register('unit')} error={e.unit?.message} />
          <TextInput label="Source" description="Where the figures come from: NSS, Alma Analytics…" {...form.register('source')} error={e.source?.message} />
        </SimpleGrid>
        <Controller control={form.control} name="direction" render={({ field }) => (
          <Radio.Group label="Which way is better" required value={field.value} onChange={field.onChange} error={e.direction?.message}>
            <Group mt={4}>{metricDirections.map((d) => <Radio key={d} value={d} label={directionLabels[d]} />)}</Group>
          </Radio.Group>
        )} />
        <Controller control={form.control} name="periodKind" render={({ field }) => (
          <Radio.Group
            label="Counted per" required value={field.value} onChange={field.onChange} error={e.periodKind?.message}
            description={kindLocked ? `Fixed while the metric has ${metric.valueCount} values` : 'An academic year (NSS, loans) or a month (enquiries)'}
          >
            <Group mt={4}>{metricPeriodKinds.map((k) => <Radio key={k} value={k} label={periodKindLabels[k]} disabled={kindLocked} />)}</Group>
          </Radio.Group>
        )} />
        <Textarea label="Description" description="What is counted, and how" autosize minRows={2} maxRows={6} {...form.register('description')} error={e.description?.message} />
        <Group justify="space-between">
          {metric ? (
            metric.valueCount === 0
              ? <Button variant="outline" color="red.9" onClick={onDelete} loading={remove.isPending}>Delete metric</Button>
              : <Text size="sm" c="gray.8">It has {metric.valueCount} values, so it cannot be deleted.</Text>
          ) : <span />}
          <Group>
            <Button variant="default" onClick={onCancel}>Cancel</Button>
            <Button type="submit" loading={create.isPending || update.isPending}>{metric ? 'Save metric' : 'Add metric'}</Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}
