import { Button, Checkbox, Fieldset, Group, MultiSelect, Radio, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { Controller, useWatch, type Control, type UseFormSetValue } from 'react-hook-form';
import type { z } from 'zod';
import { MAX_EVIDENCE_TEXT, type createEvidenceBody, type EvidenceDto, type EvidenceKind } from '../../../shared/contracts/evidence.ts';
import type { EvidencePrefill } from '../../components/actions.ts';
import { today } from '../../lib/dates.ts';
import { DateField } from '../engagements/EngagementFormDate.tsx';
import { DepartmentsField } from '../engagements/EngagementFormDepartments.tsx';
import { PeopleField } from '../engagements/EngagementFormPeople.tsx';
import { useVocab } from '../org/api.ts';
import { kindOptions, textLabels } from './labels.ts';

/** What the form holds: the API's create body before zod's defaults and trimming. */
export type EvidenceFormValues = z.input<typeof createEvidenceBody>;

/** Fields the API may name in a 400, for showApiError. */
export const evidenceFieldNames = [
  'kind', 'text', 'sourcePersonId', 'sourceText', 'occurredOn', 'attribution', 'consentRecorded', 'orgUnitIds', 'themeIds', 'goalIds',
  'engagementIds', 'opportunityIds', 'actionIds', 'campaignIds',
];
/** The fields under "More": an error in one opens it. */
export const linkFieldNames = ['goalIds', 'campaignIds', 'engagementIds', 'opportunityIds', 'actionIds'] as const;

export function evidenceDefaults(prefill: EvidencePrefill, current?: EvidenceDto): EvidenceFormValues {
  if (current) {
    return {
      kind: current.kind, text: current.text, sourcePersonId: current.source.person?.id ?? null, sourceText: current.source.text ?? '',
      occurredOn: current.occurredOn, attribution: current.attribution, consentRecorded: current.consentRecorded,
      orgUnitIds: current.orgUnits.map((x) => x.id), themeIds: current.themes.map((x) => x.id), goalIds: current.goals.map((x) => x.id),
      engagementIds: current.engagements.map((x) => x.id), opportunityIds: current.opportunities.map((x) => x.id),
      actionIds: current.actions.map((x) => x.id), campaignIds: current.campaigns.map((x) => x.id),
    };
  }
  const candidates = prefill.sourceCandidates ?? [];
  return {
    kind: 'quote', text: '',
    // a meeting with one person: they are the likeliest source
    sourcePersonId: prefill.sourcePersonId ?? (candidates.length === 1 ? candidates[0]?.id : undefined) ?? null,
    sourceText: '', occurredOn: prefill.occurredOn ?? today(), attribution: 'named', consentRecorded: false,
    orgUnitIds: prefill.orgUnitIds ?? [], themeIds: prefill.themeIds ?? [], goalIds: prefill.goalIds ?? [],
    engagementIds: prefill.engagement ? [prefill.engagement.id] : [], opportunityIds: [], actionIds: [], campaignIds: prefill.campaignIds ?? [],
  };
}

const say = (m: string | undefined) => (m ? m.charAt(0).toUpperCase() + m.slice(1) : undefined);

/**
 * The quick part of capturing evidence, in the order a keyboard user fills it in: the words first,
 * then what kind, when, where and about what, then who it came from and how it may be attributed.
 */
export function CaptureEvidenceFields<T>({ control, setValue, prefill, current }: {
  control: Control<EvidenceFormValues, unknown, T>;
  setValue: UseFormSetValue<EvidenceFormValues>;
  prefill: EvidencePrefill;
  current?: EvidenceDto;
}) {
  const themes = useVocab('theme');
  const kind = useWatch({ control, name: 'kind' }) as EvidenceKind | undefined;
  const attribution = useWatch({ control, name: 'attribution' });
  const orgUnitIds = useWatch({ control, name: 'orgUnitIds' }) ?? [];
  const sourcePersonId = useWatch({ control, name: 'sourcePersonId' });
  const anonymous = attribution === 'anonymous';
  const themeData = (themes.data ?? []).map((t) => ({ value: t.id, label: t.label }));
  for (const t of current?.themes ?? []) if (!themeData.some((d) => d.value === t.id)) themeData.push({ value: t.id, label: t.label });
  const candidates = prefill.sourceCandidates ?? [];
  const knownPeople = [...candidates, ...(current?.source.person ? [current.source.person] : [])];
  const knownUnits = [...(prefill.known?.orgUnits ?? []), ...(current?.orgUnits ?? [])];

  return (
    <Stack gap="sm">
      <Controller control={control} name="text" render={({ field, fieldState }) => (
        <Textarea
          label={textLabels[kind ?? 'quote']} required rows={3} resize="vertical" maxLength={MAX_EVIDENCE_TEXT} data-autofocus
          {...field} error={say(fieldState.error?.message)}
        />
      )} />
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <Controller control={control} name="kind" render={({ field, fieldState }) => (
          <Select label="Kind" required data={kindOptions} value={field.value ?? 'quote'} onChange={(v) => v && field.onChange(v)} allowDeselect={false}
            onBlur={field.onBlur} error={say(fieldState.error?.message)} />
        )} />
        <Controller control={control} name="occurredOn" render={({ field, fieldState }) => (
          <DateField label="Date" required value={field.value} onChange={(v) => field.onChange(v ?? '')} onBlur={field.onBlur} error={say(fieldState.error?.message)} />
        )} />
      </SimpleGrid>
      <Controller control={control} name="orgUnitIds" render={({ field, fieldState }) => (
        <DepartmentsField value={field.value ?? []} onChange={field.onChange} known={knownUnits} error={say(fieldState.error?.message)} />
      )} />
      <Controller control={control} name="themeIds" render={({ field, fieldState }) => (
        <MultiSelect
          label="Themes" description="The library's strategic themes it speaks to" data={themeData} value={field.value ?? []} onChange={field.onChange}
          searchable openOnFocus={false} hidePickedOptions nothingFoundMessage="No such theme" error={say(fieldState.error?.message)}
        />
      )} />
      <Group align="flex-start" gap="xl" wrap="wrap">
        <Controller control={control} name="attribution" render={({ field }) => (
          <Radio.Group label="Attribution" value={field.value ?? 'named'} onChange={(v) => {
            field.onChange(v);
            // storing the name of an anonymous source would defeat anonymity
            if (v === 'anonymous') setValue('sourcePersonId', null);
          }}>
            <Group gap="md" mt={6}>
              <Radio value="named" label="Named" />
              <Radio value="anonymous" label="Anonymous" />
            </Group>
          </Radio.Group>
        )} />
        <Controller control={control} name="consentRecorded" render={({ field }) => (
          <Checkbox mt={30} label="Consent recorded" description="They agreed to it being used" checked={!!field.value} onChange={(e) => field.onChange(e.currentTarget.checked)} />
        )} />
      </Group>
      {!anonymous && (
        <Controller control={control} name="sourcePersonId" render={({ field, fieldState }) => (
          <Fieldset legend="Who it came from" variant="unstyled">
            <Stack gap={6}>
              {candidates.length > 0 && (
                <Group gap="xs" role="group" aria-label="People at this meeting">
                  <Text size="sm" c="gray.8">At this meeting:</Text>
                  {candidates.map((p) => (
                    <Button key={p.id} size="compact-sm" variant={sourcePersonId === p.id ? 'filled' : 'default'} aria-pressed={sourcePersonId === p.id}
                      onClick={() => field.onChange(sourcePersonId === p.id ? null : p.id)}>{p.name}</Button>
                  ))}
                </Group>
              )}
              {/* one source: a second choice replaces the first */}
              <PeopleField value={field.value ? [field.value] : []} onChange={(ids) => field.onChange(ids.at(-1) ?? null)} known={knownPeople}
                orgUnitId={orgUnitIds[0]} error={say(fieldState.error?.message)} />
            </Stack>
          </Fieldset>
        )} />
      )}
      <Controller control={control} name="sourceText" render={({ field, fieldState }) => (
        <TextInput
          label={anonymous ? 'Describe the source' : 'Or describe the source'}
          description={anonymous ? 'No names: e.g. a final-year student' : 'e.g. a final-year student, NSS 2025, module evaluation'}
          {...field} value={field.value ?? ''} error={say(fieldState.error?.message)}
        />
      )} />
    </Stack>
  );
}
