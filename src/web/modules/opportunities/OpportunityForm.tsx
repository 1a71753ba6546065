import { Button, Checkbox, Fieldset, Group, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { Controller, useForm, useWatch, type DefaultValues } from 'react-hook-form';
import type { z } from 'zod';
import {
  createOpportunityBody, triggerKindLabels, triggerKinds, type CreateOpportunityBody, type OpportunityDetailDto, type TriggerKind, type UpdateOpportunityBody,
} from '../../../shared/contracts/opportunities.ts';
import type { EvidenceKind } from '../../../shared/contracts/evidence.ts';
import { AnchorLink } from '../../components/AnchorLink.tsx';
import { formatDate } from '../../lib/dates.ts';
import { showApiError } from '../../lib/forms.ts';
import { StaffField } from '../coverage/StaffField.tsx';
import { DateField } from '../engagements/EngagementFormDate.tsx';
import { DepartmentsField, type Named } from '../engagements/EngagementFormDepartments.tsx';
import { PeopleField } from '../engagements/EngagementFormPeople.tsx';
import { GoalsField } from '../goals/GoalField.tsx';
import { friendlyErrors } from '../people/PersonForm.tsx';
import { useMe } from '../identity/api.ts';
import { useOpportunityMutations } from './api.ts';
import { ProofField } from './ProofField.tsx';
import { evidenceOption, TriggerEvidenceField } from './TriggerEvidenceField.tsx';

/** What the form holds: the create body before zod's defaults and trimming. */
export type OpportunityFormValues = z.input<typeof createOpportunityBody>;

/** Where a new opportunity starts: an engagement or evidence it was spotted in, or a department. */
export interface OpportunityPrefill {
  orgUnits?: Named[];
  people?: Named[];
  spottedIn?: { id: string; occurredOn: string; summary: string };
  /** the evidence it came from, with the kind of trigger that evidence suggests */
  evidence?: { id: string; kind: EvidenceKind; occurredOn: string; text: string };
  triggerKind?: TriggerKind;
}

const apiFields = ['title', 'triggerKind', 'triggerText', 'triggerEngagementId', 'triggerEvidenceId', 'hook', 'value', 'effort', 'windowClosesOn', 'east', 'isPilot', 'ownerId', 'orgUnitIds', 'personIds', 'goalIds', 'proofIds'];

const valueWords = ['small', 'modest', 'worthwhile', 'significant', 'transformative'];
const effortWords = ['a quick win', 'light', 'moderate', 'heavy', 'a major undertaking'];
const scoreData = (words: string[]) => words.map((w, i) => ({ value: String(i + 1), label: `${i + 1}: ${w}` }));
const triggerData = triggerKinds.map((k) => ({ value: k, label: triggerKindLabels[k] }));

/** The EAST plan from the talk's nudge theory, each with its one-line hint. */
const eastParts = [
  { key: 'easy', label: 'Easy', hint: 'Make it simple to say yes' },
  { key: 'attractive', label: 'Attractive', hint: "What's in it for them" },
  { key: 'social', label: 'Social', hint: 'Who else is doing it; social proof' },
  { key: 'timely', label: 'Timely', hint: 'Why now' },
] as const;

const resolver = zodResolver(createOpportunityBody, {
  error: (iss) => (iss.code === 'invalid_value' ? 'choose one' : friendlyErrors.error?.(iss)),
});
const say = (m: string | undefined) => (m ? m.charAt(0).toUpperCase() + m.slice(1) : undefined);

function defaults(o: OpportunityDetailDto | undefined, prefill: OpportunityPrefill, meId: string | undefined): DefaultValues<OpportunityFormValues> {
  return {
    title: o?.title ?? '',
    // a new one starts unset, so the kind is chosen rather than left at a default
    triggerKind: o ? o.trigger.kind : prefill.triggerKind,
    triggerText: o?.trigger.text ?? '',
    triggerEngagementId: o ? (o.trigger.engagement?.id ?? null) : (prefill.spottedIn?.id ?? null),
    triggerEvidenceId: o ? (o.trigger.evidence?.id ?? null) : (prefill.evidence?.id ?? null),
    hook: o?.hook ?? '',
    value: o?.value ?? 3,
    effort: o?.effort ?? 3,
    windowClosesOn: o?.windowClosesOn ?? null,
    east: { easy: o?.east.easy ?? '', attractive: o?.east.attractive ?? '', social: o?.east.social ?? '', timely: o?.east.timely ?? '' },
    isPilot: o?.isPilot ?? false,
    ownerId: o ? (o.owner?.id ?? null) : (meId ?? null),
    orgUnitIds: (o?.orgUnits ?? prefill.orgUnits ?? []).map((u) => u.id),
    personIds: (o?.people ?? prefill.people ?? []).map((p) => p.id),
    goalIds: (o?.goals ?? []).map((g) => g.id),
    proofIds: (o?.socialProof ?? []).map((p) => p.id),
  };
}

/** Only what changed, for PATCH; the stage is not the form's (it moves through /stage). */
function changes(initial: DefaultValues<OpportunityFormValues>, raw: OpportunityFormValues, parsed: CreateOpportunityBody): UpdateOpportunityBody {
  const { stage: _stage, ...fields } = parsed;
  const changed = (Object.keys(fields) as (keyof typeof fields)[]).filter((k) => k in initial && JSON.stringify(raw[k]) !== JSON.stringify(initial[k]));
  return Object.fromEntries(changed.map((k) => [k, fields[k]]));
}

/**
 * A new opportunity (POST) or an edit (PATCH of what changed), checked against the API's own schema:
 * the trigger and the hook, value and effort, the window, the EAST plan, pilot framing and social proof, who.
 */
export function OpportunityForm({ opportunity: o, prefill = {}, onSaved, onCancel }: {
  opportunity?: OpportunityDetailDto;
  prefill?: OpportunityPrefill;
  onSaved: (saved: OpportunityDetailDto) => void;
  onCancel: () => void;
}) {
  const { data: me } = useMe();
  const { create, update } = useOpportunityMutations();
  const [initial] = useState(() => defaults(o, prefill, me?.user.id));
  const form = useForm<OpportunityFormValues, unknown, CreateOpportunityBody>({ resolver, defaultValues: initial });
  const c = form.control;
  const e = form.formState.errors;
  const orgUnitIds = useWatch({ control: c, name: 'orgUnitIds' }) ?? [];
  const knownUnits = o?.orgUnits ?? prefill.orgUnits ?? [];
  const firstUnit = orgUnitIds[0];
  const spottedIn = o ? o.trigger.engagement : prefill.spottedIn;
  const cameFrom = o ? o.trigger.evidence : prefill.evidence;

  const submit = form.handleSubmit((parsed) => {
    const done = (saved: OpportunityDetailDto) => {
      notifications.show({ color: 'teal', message: o ? `Saved ${saved.title}` : `Added ${saved.title}` });
      onSaved(saved);
    };
    const onError = (err: unknown) => showApiError(err, form.setError, apiFields);
    if (!o) return create.mutate(parsed, { onSuccess: done, onError });
    const body = changes(initial, form.getValues(), parsed);
    if (Object.keys(body).length === 0) return onCancel();
    update.mutate({ id: o.id, body }, { onSuccess: done, onError });
  });

  return (
    <form onSubmit={(ev) => void submit(ev)} noValidate aria-label={o ? `Edit ${o.title}` : 'New opportunity'}>
      <Stack>
        <Fieldset legend="The opportunity">
          <Stack gap="sm">
            <TextInput label="Title" required data-autofocus {...form.register('title')} error={say(e.title?.message)} />
            {spottedIn && (
              <Text size="sm">
                <Text span fw={600} inherit>Spotted in: </Text>
                <AnchorLink to="/engagements/$id" params={{ id: spottedIn.id }} size="sm">{formatDate(spottedIn.occurredOn)} {spottedIn.summary}</AnchorLink>
              </Text>
            )}
            <Controller control={c} name="triggerKind" render={({ field }) => (
              <Select label="What set it off" required data={triggerData} value={field.value ?? null} onChange={field.onChange} onBlur={field.onBlur}
                allowDeselect={false} placeholder="Choose a trigger" error={say(e.triggerKind?.message)} w={320} />
            )} />
            <Controller control={c} name="triggerEvidenceId" render={({ field }) => (
              <TriggerEvidenceField value={field.value ?? null} onChange={field.onChange} known={cameFrom ? evidenceOption(cameFrom) : null}
                error={say(e.triggerEvidenceId?.message)} />
            )} />
            <Textarea label="The trigger in a sentence" description="e.g. what the external examiner wrote, the NSS question, the funding call" rows={2} resize="vertical"
              {...form.register('triggerText')} error={say(e.triggerText?.message)} />
            <Textarea label="The hook" description="The problem we can help them solve, or the benefit we can help them realise" rows={2} resize="vertical"
              {...form.register('hook')} error={say(e.hook?.message)} />
          </Stack>
        </Fieldset>

        <Fieldset legend="Worth and timing">
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <Controller control={c} name="value" render={({ field }) => (
              <Select label="Value" description="How much good it would do" data={scoreData(valueWords)} value={String(field.value ?? 3)}
                onChange={(v) => field.onChange(Number(v ?? 3))} allowDeselect={false} error={say(e.value?.message)} />
            )} />
            <Controller control={c} name="effort" render={({ field }) => (
              <Select label="Effort" description="How much work it takes" data={scoreData(effortWords)} value={String(field.value ?? 3)}
                onChange={(v) => field.onChange(Number(v ?? 3))} allowDeselect={false} error={say(e.effort?.message)} />
            )} />
            <Controller control={c} name="windowClosesOn" render={({ field }) => (
              <DateField label="Window closes" description="Optional: strike while the iron's hot" clearable value={field.value ?? null}
                onChange={field.onChange} onBlur={field.onBlur} error={say(e.windowClosesOn?.message)} />
            )} />
          </SimpleGrid>
        </Fieldset>

        <Fieldset legend="EAST plan">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            {eastParts.map((p) => (
              <Textarea key={p.key} label={p.label} description={p.hint} rows={2} resize="vertical"
                {...form.register(`east.${p.key}`)} error={say(e.east?.[p.key]?.message)} />
            ))}
          </SimpleGrid>
        </Fieldset>

        <Fieldset legend="Pilot and proof">
          <Stack gap="sm">
            <Controller control={c} name="isPilot" render={({ field }) => (
              <Checkbox label="Frame it as a pilot" description="A pilot is an easier yes than a permanent change" checked={!!field.value}
                onChange={(ev) => field.onChange(ev.currentTarget.checked)} />
            )} />
            <Controller control={c} name="proofIds" render={({ field }) => (
              <ProofField value={field.value ?? []} onChange={field.onChange} known={o?.socialProof} exclude={o?.id} error={say(e.proofIds?.message)} />
            )} />
          </Stack>
        </Fieldset>

        <Fieldset legend="Who">
          <Stack gap="sm">
            <Controller control={c} name="ownerId" render={({ field }) => (
              <StaffField value={field.value ?? null} onChange={field.onChange} label="Owner" description="Who in the library moves it on"
                known={o ? o.owner : me ? { id: me.user.id, name: me.user.name } : null} error={say(e.ownerId?.message)} />
            )} />
            <Controller control={c} name="orgUnitIds" render={({ field }) => (
              <DepartmentsField value={field.value ?? []} onChange={field.onChange} known={knownUnits} error={say(e.orgUnitIds?.message)} />
            )} />
            <Controller control={c} name="personIds" render={({ field }) => (
              <PeopleField value={field.value ?? []} onChange={field.onChange} known={o?.people ?? prefill.people} orgUnitId={firstUnit}
                orgUnitName={knownUnits.find((u) => u.id === firstUnit)?.name} error={say(e.personIds?.message)} />
            )} />
            <Controller control={c} name="goalIds" render={({ field }) => (
              <GoalsField value={field.value ?? []} onChange={field.onChange} description="The library's and the institution's goals it serves" error={say(e.goalIds?.message)} />
            )} />
          </Stack>
        </Fieldset>

        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>Cancel</Button>
          <Button type="submit" loading={create.isPending || update.isPending}>{o ? 'Save changes' : 'Save opportunity'}</Button>
        </Group>
      </Stack>
    </form>
  );
}
