import { Autocomplete, Button, Group, NumberInput, Select, SimpleGrid, Stack, Switch, TagsInput, Text, Textarea, TextInput, Title } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { notifications } from '@mantine/notifications';
import { Controller, useFieldArray, useForm, useWatch, type Resolver } from 'react-hook-form';
import type { z } from 'zod';
import type * as z4 from 'zod/v4/core';
import { createPersonBody, MAX_TAGS, updatePersonBody, type CreatePersonBody, type PersonDto } from '../../../shared/contracts/people.ts';
import { today } from '../../lib/dates.ts';
import { showApiError } from '../../lib/forms.ts';
import { DateField } from '../engagements/EngagementFormDate.tsx';
import { usePeopleMutations } from './api.ts';
import { scoreOptions } from './PersonStakeholder.tsx';
import { PositionUnitSelect } from './PositionUnitSelect.tsx';

type PersonInput = z.input<typeof createPersonBody>;

/** Plainer words than zod's defaults for the few rules a person can break by typing. */
export const friendlyErrors: z4.ParseContext<z4.$ZodIssue> = {
  error: (iss) => {
    if (iss.code === 'too_small' && iss.origin === 'string' && iss.minimum === 1) return 'is required';
    if (iss.code === 'too_big' && iss.origin === 'string') return `must be ${String(iss.maximum)} characters or fewer`;
    if (iss.code === 'too_small' && iss.origin === 'number') return `must be at least ${String(iss.minimum)}`;
    if (iss.code === 'too_big' && iss.origin === 'number') return `must be at most ${String(iss.maximum)}`;
    if (iss.code === 'too_big' && iss.origin === 'array') return `at most ${String(iss.maximum)}`;
    return undefined;
  },
};

const apiFields = ['name', 'email', 'phone', 'isChampion', 'championSince', 'influence', 'interest', 'stayInTouchDays', 'contactCap', 'contactCapDays', 'preferredChannel', 'motivations', 'needs', 'challenges', 'tags', 'notes', 'positions'];
const channels = ['Email', 'In person', 'Microsoft Teams', 'Phone', 'Committee meetings', 'Newsletter'];

function defaults(p?: PersonDto): PersonInput {
  return {
    name: p?.name ?? '',
    email: p?.email ?? '',
    phone: p?.phone ?? '',
    isChampion: p?.isChampion ?? false,
    championSince: p?.championSince ?? null,
    influence: p?.influence ?? null,
    interest: p?.interest ?? null,
    stayInTouchDays: p?.stayInTouchDays ?? null,
    contactCap: p?.contactCap ?? null,
    contactCapDays: p?.contactCapDays ?? null,
    preferredChannel: p?.preferredChannel ?? '',
    motivations: p?.motivations ?? '',
    needs: p?.needs ?? '',
    challenges: p?.challenges ?? '',
    tags: p?.tags ?? [],
    notes: p?.notes ?? '',
    // positions are added with the person only; an existing person's are edited on their page
    ...(p ? {} : { positions: [] }),
  };
}

const createResolver = zodResolver(createPersonBody, friendlyErrors);
const updateResolver = zodResolver(updatePersonBody, friendlyErrors);
/** Editing checks against updatePersonBody: the create fields minus positions (which the field array always holds). */
const editResolver: Resolver<PersonInput, unknown, CreatePersonBody> = async (values, ctx, options) => {
  const { positions: _unused, ...rest } = values;
  return (await updateResolver(rest, ctx, options as never)) as Awaited<ReturnType<typeof createResolver>>;
};

/**
 * Add a person (POST /api/v1/people, optionally with one position) or edit one (PATCH /api/v1/people/:id).
 * Validated with the API's own schema; the API's field errors (e.g. an email already in use) appear in place.
 */
export function PersonForm({ person, onSaved, onCancel }: { person?: PersonDto; onSaved: (p: PersonDto) => void; onCancel: () => void }) {
  const { create, update } = usePeopleMutations();
  const resolver = person ? editResolver : createResolver;
  const form = useForm<PersonInput, unknown, CreatePersonBody>({ resolver, defaultValues: defaults(person) });
  const positions = useFieldArray({ control: form.control, name: 'positions' });
  const isChampion = useWatch({ control: form.control, name: 'isChampion' });
  const e = form.formState.errors;
  const saving = create.isPending || update.isPending;

  const submit = form.handleSubmit((v) => {
    const done = (p: PersonDto) => {
      notifications.show({ message: person ? `Saved ${p.name}` : `Added ${p.name}` });
      onSaved(p);
    };
    const onError = (err: unknown) => showApiError(err, form.setError, apiFields);
    if (person) {
      const { positions: _unused, ...body } = v;
      update.mutate({ id: person.id, body }, { onSuccess: done, onError });
    } else {
      create.mutate(v, { onSuccess: done, onError });
    }
  });

  return (
    <form onSubmit={(ev) => void submit(ev)} noValidate aria-label={person ? `Edit ${person.name}` : 'Add a person'}>
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label="Name" required {...form.register('name')} error={e.name?.message} data-autofocus />
          <TextInput label="Email" type="email" {...form.register('email')} error={e.email?.message} />
          <TextInput label="Phone" type="tel" {...form.register('phone')} error={e.phone?.message} />
          <Controller control={form.control} name="preferredChannel" render={({ field }) => (
            <Autocomplete label="Preferred channel" data={channels} value={field.value ?? ''} onChange={field.onChange} onBlur={field.onBlur} error={e.preferredChannel?.message} />
          )} />
        </SimpleGrid>
        <Controller control={form.control} name="isChampion" render={({ field }) => (
          <Switch label="Library champion" description="Speaks up for the library in their department" checked={!!field.value} onChange={(ev) => {
            const on = ev.currentTarget.checked;
            field.onChange(on);
            // a new champion is a milestone on their department's journey: dated today unless changed
            if (on && !form.getValues('championSince')) form.setValue('championSince', today());
            if (!on) form.setValue('championSince', null);
          }} />
        )} />
        {isChampion && (
          <Controller control={form.control} name="championSince" render={({ field }) => (
            <DateField label="Champion since" description="Shown on their department's journey" value={field.value ?? null} onChange={field.onChange} onBlur={field.onBlur}
              error={e.championSince?.message} clearable w={220} />
          )} />
        )}

        <Title order={3} size="h5">Stakeholder position</Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Controller control={form.control} name="influence" render={({ field }) => (
            <Select label="Influence on decisions" description="1 very low – 5 very high" placeholder="Not set" clearable data={scoreOptions}
              value={field.value == null ? null : String(field.value)} onChange={(x) => field.onChange(x ? Number(x) : null)} error={e.influence?.message} />
          )} />
          <Controller control={form.control} name="interest" render={({ field }) => (
            <Select label="Interest in the library" description="1 very low – 5 very high" placeholder="Not set" clearable data={scoreOptions}
              value={field.value == null ? null : String(field.value)} onChange={(x) => field.onChange(x ? Number(x) : null)} error={e.interest?.message} />
          )} />
        </SimpleGrid>

        <Title order={3} size="h5">Keeping in touch</Title>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Controller control={form.control} name="stayInTouchDays" render={({ field }) => (
            <NumberInput label="Stay in touch (days)" description="Empty: no reminder" min={1} max={3650} allowDecimal={false}
              value={field.value ?? ''} onChange={(x) => field.onChange(typeof x === 'number' ? x : null)} onBlur={field.onBlur} error={e.stayInTouchDays?.message} />
          )} />
          <Controller control={form.control} name="contactCap" render={({ field }) => (
            <NumberInput label="Contact cap (library-initiated engagements)" description="At most this many; empty: the institution's default" min={1} max={365} allowDecimal={false}
              value={field.value ?? ''} onChange={(x) => field.onChange(typeof x === 'number' ? x : null)} onBlur={field.onBlur} error={e.contactCap?.message} />
          )} />
          <Controller control={form.control} name="contactCapDays" render={({ field }) => (
            <NumberInput label="Contact cap: within days" description="Counted over this many days; empty: the institution's default" min={1} max={365} allowDecimal={false}
              value={field.value ?? ''} onChange={(x) => field.onChange(typeof x === 'number' ? x : null)} onBlur={field.onBlur} error={e.contactCapDays?.message} />
          )} />
        </SimpleGrid>

        <Title order={3} size="h5">Understanding the other</Title>
        <Textarea label="Motivations" description="What drives them; what they care about" rows={3} resize="vertical" {...form.register('motivations')} error={e.motivations?.message} />
        <Textarea label="Needs" description="What they need from the library" rows={3} resize="vertical" {...form.register('needs')} error={e.needs?.message} />
        <Textarea label="Challenges" description="Pressures and problems we might help with" rows={3} resize="vertical" {...form.register('challenges')} error={e.challenges?.message} />
        <Controller control={form.control} name="tags" render={({ field }) => (
          <TagsInput label="Tags" description="Press Enter or comma after each tag" maxTags={MAX_TAGS} value={field.value ?? []} onChange={field.onChange} error={e.tags?.message} />
        )} />
        <Textarea label="Notes" rows={3} resize="vertical" {...form.register('notes')} error={e.notes?.message} />

        {!person && (
          <Stack gap="xs">
            <Title order={3} size="h5">Position</Title>
            {positions.fields.map((f, i) => (
              <SimpleGrid key={f.id} cols={{ base: 1, sm: 2 }}>
                <Controller control={form.control} name={`positions.${i}.orgUnitId`} render={({ field }) => (
                  <PositionUnitSelect required value={field.value || null} onChange={(id) => field.onChange(id ?? '')} onBlur={field.onBlur} error={e.positions?.[i]?.orgUnitId?.message} />
                )} />
                <TextInput label="Title" required placeholder="e.g. Head of Department" {...form.register(`positions.${i}.title`)} error={e.positions?.[i]?.title?.message} />
              </SimpleGrid>
            ))}
            {e.positions?.message && <Text size="sm" c="red.9" role="alert">{e.positions.message}</Text>}
            <Group>
              {positions.fields.length === 0
                ? <Button variant="light" onClick={() => positions.append({ orgUnitId: '', title: '' })}>Add a position</Button>
                : <Button variant="subtle" color="gray.8" onClick={() => positions.remove(0)}>Remove the position</Button>}
            </Group>
          </Stack>
        )}

        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>Cancel</Button>
          <Button type="submit" loading={saving}>{person ? 'Save changes' : 'Add person'}</Button>
        </Group>
      </Stack>
    </form>
  );
}
