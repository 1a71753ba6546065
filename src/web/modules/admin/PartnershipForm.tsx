import { Button, Checkbox, Fieldset, Group, NumberInput, Radio, Select, SimpleGrid, Stack, Switch, Text, Textarea, TextInput } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { Controller, useFieldArray, useForm, useWatch, type UseFormReturn } from 'react-hook-form';
import type { z } from 'zod';
import type * as z4 from 'zod/v4/core';
import { cadenceLabels, cadences, createTemplateBody, type CreateTemplateBody, type PartnershipTemplateDto } from '../../../shared/contracts/partnership.ts';
import { showApiError } from '../../lib/forms.ts';
import { useOrgUnits, useVocab } from '../org/api.ts';
import { usePartnershipMutations } from './api.ts';

type TemplateInput = z.input<typeof createTemplateBody>;
type ActivityInput = TemplateInput['activities'][number];

/** Plainer words than zod's defaults for what can be left empty by mistake. */
const friendlyErrors: z4.ParseContext<z4.$ZodIssue> = {
  error: (iss) => {
    if (iss.code === 'too_small' && iss.origin === 'string') return 'is required';
    if (iss.code === 'too_big' && iss.origin === 'string') return `must be ${String(iss.maximum)} characters or fewer`;
    return undefined;
  },
};
const resolver = zodResolver(createTemplateBody, friendlyErrors);
const apiFields = ['name', 'description', 'appliesTo', 'units', 'active', 'activities'];
const cadenceData = cadences.map((c) => ({ value: c, label: cadenceLabels[c] }));
const blankActivity: ActivityInput = { name: '', typeId: '', positionTitle: '', cadence: 'yearly', perYear: null };

/** A field array's own message (e.g. "needs at least one key activity") sits under `root` when it has items. */
const listError = (e: { message?: string; root?: { message?: string } } | undefined) => e?.root?.message ?? e?.message;

function defaults(t?: PartnershipTemplateDto): TemplateInput {
  return {
    name: t?.name ?? '',
    description: t?.description ?? '',
    appliesTo: t?.appliesTo ?? 'all_departments',
    units: t?.units.map((u) => ({ orgUnitId: u.id, includeDescendants: u.includeDescendants })) ?? [],
    active: t?.active ?? true,
    activities: t?.activities.map((a) => ({ id: a.id, name: a.name, typeId: a.type.id, positionTitle: a.positionTitle ?? '', cadence: a.cadence, perYear: a.perYear }))
      ?? [blankActivity],
  };
}

/**
 * Add a template (POST /api/v1/partnership-templates) or edit one (PATCH …/:id, sending the whole
 * template: the activity list in its new order replaces the old). Checked with the API's own schema.
 */
export function PartnershipForm({ template, onDone }: { template?: PartnershipTemplateDto; onDone: () => void }) {
  const { create, update } = usePartnershipMutations();
  const form = useForm<TemplateInput, unknown, CreateTemplateBody>({ resolver, defaultValues: defaults(template) });
  const activities = useFieldArray({ control: form.control, name: 'activities' });
  const units = useFieldArray({ control: form.control, name: 'units' });
  const appliesTo = useWatch({ control: form.control, name: 'appliesTo' });
  const [unitNames, setUnitNames] = useState(() => new Map(template?.units.map((u) => [u.id, u.name])));
  const vocab = useVocab('engagement_type');
  // a retired type stays choosable for the activities that already use it
  const types = new Map([...(template?.activities.map((a) => [a.type.id, a.type.label] as const) ?? []), ...(vocab.data ?? []).map((v) => [v.id, v.label] as const)]);
  const typeData = [...types].map(([value, label]) => ({ value, label }));
  const e = form.formState.errors;

  const submit = form.handleSubmit((v) => {
    const body = {
      ...v,
      units: v.appliesTo === 'units' ? v.units : [],
      activities: v.activities.map((a) => ({ ...a, perYear: a.cadence === 'per_meeting' ? a.perYear : null })),
    };
    const onSuccess = (saved: PartnershipTemplateDto) => {
      notifications.show({ message: template ? `Saved “${saved.name}”` : `Added “${saved.name}”` });
      onDone();
    };
    const onError = (err: unknown) => showApiError(err, form.setError, apiFields);
    if (template) update.mutate({ id: template.id, body }, { onSuccess, onError });
    else create.mutate(body, { onSuccess, onError });
  });

  return (
    <form onSubmit={(ev) => void submit(ev)} noValidate aria-label={template ? `Edit ${template.name}` : 'Add a partnership template'}>
      <Stack>
        <TextInput label="Name" required data-autofocus {...form.register('name')} error={e.name?.message} />
        <Textarea label="Description" rows={2} {...form.register('description')} error={e.description?.message} />
        <Controller control={form.control} name="active" render={({ field }) => (
          <Switch label="In use" description="Only templates in use count towards the cadence" checked={!!field.value} onChange={(ev) => field.onChange(ev.currentTarget.checked)} />
        )} />

        <Controller control={form.control} name="appliesTo" render={({ field }) => (
          <Radio.Group label="Applies to" value={field.value} onChange={field.onChange}>
            <Group mt={4}>
              <Radio value="all_departments" label="All departments" />
              <Radio value="units" label="Chosen units" />
            </Group>
          </Radio.Group>
        )} />
        {appliesTo === 'units' && (
          <Fieldset legend="Chosen units">
            <Stack gap="xs">
              {units.fields.map((u, i) => {
                const name = unitNames.get(u.orgUnitId) ?? u.orgUnitId;
                return (
                  <Group key={u.id} justify="space-between" wrap="wrap">
                    <Text size="sm" fw={500}>{name}</Text>
                    <Group gap="sm">
                      <Controller control={form.control} name={`units.${i}.includeDescendants`} render={({ field }) => (
                        <Checkbox label="Include departments below" aria-label={`Include departments below ${name}`} checked={!!field.value} onChange={(ev) => field.onChange(ev.currentTarget.checked)} />
                      )} />
                      <Button size="compact-sm" variant="default" onClick={() => units.remove(i)} aria-label={`Remove ${name}`}>Remove</Button>
                    </Group>
                  </Group>
                );
              })}
              <UnitPicker
                chosen={units.fields.map((u) => u.orgUnitId)}
                error={listError(e.units) && `Units: ${listError(e.units)}`}
                onPick={(id, name) => {
                  setUnitNames((m) => new Map(m).set(id, name));
                  units.append({ orgUnitId: id, includeDescendants: true });
                }}
              />
            </Stack>
          </Fieldset>
        )}

        <Text fw={700} size="sm" mt="sm">Key activities, in order</Text>
        {activities.fields.map((a, i) => (
          <ActivityFields key={a.id} form={form} i={i} last={i === activities.fields.length - 1} typeData={typeData} move={activities.move} remove={activities.remove} />
        ))}
        {listError(e.activities) && <Text size="sm" c="red.9" role="alert">Key activities: {listError(e.activities)}</Text>}
        <Group><Button variant="light" onClick={() => activities.append(blankActivity)}>Add a key activity</Button></Group>

        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>Cancel</Button>
          <Button type="submit" loading={create.isPending || update.isPending}>{template ? 'Save template' : 'Add template'}</Button>
        </Group>
      </Stack>
    </form>
  );
}

/** One key activity: its fields, and moving it up or down the list. Watches only its own cadence, so typing re-renders just this row. */
function ActivityFields({ form, i, last, typeData, move, remove }: {
  form: UseFormReturn<TemplateInput, unknown, CreateTemplateBody>;
  i: number;
  last: boolean;
  typeData: { value: string; label: string }[];
  move: (from: number, to: number) => void;
  remove: (at: number) => void;
}) {
  const cadence = useWatch({ control: form.control, name: `activities.${i}.cadence` });
  const err = form.formState.errors.activities?.[i];
  const n = i + 1;
  return (
    <Fieldset legend={`Key activity ${n}`}>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label="Activity name" required placeholder="e.g. Annual review with the head of department" {...form.register(`activities.${i}.name`)} error={err?.name?.message} />
        <Controller control={form.control} name={`activities.${i}.typeId`} render={({ field }) => (
          <Select label="Engagement type" required data={typeData} value={field.value || null} onChange={(v) => field.onChange(v ?? '')} onBlur={field.onBlur} error={err?.typeId?.message} />
        )} />
        <TextInput label="Position title" description="Counts only when someone met holds a position with this in its title, e.g. Head of" {...form.register(`activities.${i}.positionTitle`)} error={err?.positionTitle?.message} />
        <Controller control={form.control} name={`activities.${i}.cadence`} render={({ field }) => (
          <Select label="Cadence" required data={cadenceData} value={field.value} onChange={(v) => field.onChange(v ?? 'yearly')} allowDeselect={false} error={err?.cadence?.message} />
        )} />
        {cadence === 'per_meeting' && (
          <Controller control={form.control} name={`activities.${i}.perYear`} render={({ field }) => (
            <NumberInput label="Meetings a year" required min={1} max={12} allowDecimal={false} value={field.value ?? ''}
              onChange={(x) => field.onChange(typeof x === 'number' ? x : null)} onBlur={field.onBlur} error={err?.perYear?.message} />
          )} />
        )}
      </SimpleGrid>
      <Group gap="xs" mt="sm">
        <Button size="compact-sm" variant="default" disabled={i === 0} onClick={() => move(i, i - 1)} aria-label={`Move up: key activity ${n}`}>Move up</Button>
        <Button size="compact-sm" variant="default" disabled={last} onClick={() => move(i, i + 1)} aria-label={`Move down: key activity ${n}`}>Move down</Button>
        <Button size="compact-sm" variant="default" onClick={() => remove(i)} aria-label={`Remove: key activity ${n}`}>Remove</Button>
      </Group>
    </Fieldset>
  );
}

/** Type-ahead over active org units (GET /api/v1/org-units?q=…); a pick is added to the list and the box empties. */
function UnitPicker({ chosen, error, onPick }: { chosen: string[]; error?: string; onPick: (id: string, name: string) => void }) {
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const found = useOrgUnits({ q: q || undefined, status: 'active', pageSize: 20 });
  const data = (found.data?.items ?? []).filter((u) => !chosen.includes(u.id)).map((u) => ({ value: u.id, label: u.parentName ? `${u.name} (${u.parentName})` : u.name }));
  return (
    <Select
      label="Add a unit"
      placeholder="Type to search"
      searchable
      data={data}
      value={null}
      searchValue={search}
      onSearchChange={setSearch}
      onChange={(id) => {
        const unit = found.data?.items.find((u) => u.id === id);
        if (unit) onPick(unit.id, unit.name);
        setSearch('');
      }}
      filter={({ options }) => options}
      nothingFoundMessage={found.isFetching ? 'Searching…' : 'No unit matches'}
      error={error}
    />
  );
}
