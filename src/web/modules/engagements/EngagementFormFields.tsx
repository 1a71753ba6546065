import { Group, MultiSelect, NumberInput, SegmentedControl, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useId, type KeyboardEvent } from 'react';
import { Controller, useWatch, type Control } from 'react-hook-form';
import type { z } from 'zod';
import type { createEngagementBody, EngagementDto, EngagementWriteDto } from '../../../shared/contracts/engagements.ts';
import { today } from '../../lib/dates.ts';
import type { QuickLogPrefill } from '../../components/actions.ts';
import { useVocab } from '../org/api.ts';
import { GoalsField } from '../goals/GoalField.tsx';
import { DateField } from './EngagementFormDate.tsx';
import { DepartmentsField } from './EngagementFormDepartments.tsx';
import { PeopleField } from './EngagementFormPeople.tsx';
import { CampaignsField } from './EngagementFormPlanning.tsx';

/** What the form holds: the API's create body before zod's defaults and trimming. */
export type EngagementFormValues = z.input<typeof createEngagementBody>;

/** Fields the API may name in a 400, for showApiError. */
export const engagementFieldNames = [
  'typeId', 'occurredOn', 'durationMinutes', 'summary', 'outcome', 'followUp', 'initiatedBy', 'attendance', 'milestone', 'personIds', 'orgUnitIds', 'themeIds',
  'goalIds', 'campaignIds',
];

/** Engagement types that have an audience to count. */
const TEACHING_KEYS = ['teaching_session', 'workshop'];

export function engagementDefaults(prefill: QuickLogPrefill = {}, current?: EngagementDto): EngagementFormValues {
  if (current) {
    return {
      typeId: current.type.id,
      occurredOn: current.occurredOn,
      durationMinutes: current.durationMinutes,
      summary: current.summary,
      outcome: current.outcome ?? '',
      followUp: current.followUp ?? '',
      initiatedBy: current.initiatedBy,
      attendance: current.attendance,
      milestone: current.milestone ?? '',
      personIds: current.people.map((p) => p.id),
      orgUnitIds: current.orgUnits.map((u) => u.id),
      themeIds: current.themes.map((t) => t.id),
      goalIds: current.goals.map((g) => g.id),
      campaignIds: current.campaigns.map((c) => c.id),
    };
  }
  return {
    typeId: '',
    occurredOn: today(),
    durationMinutes: null,
    summary: '',
    outcome: '',
    followUp: '',
    initiatedBy: 'library',
    attendance: null,
    milestone: '',
    personIds: prefill.personIds ?? [],
    orgUnitIds: prefill.orgUnitId ? [prefill.orgUnitId] : [],
    themeIds: [],
    goalIds: [],
    campaignIds: [],
  };
}

/** The engagement types, the default one ("Meeting") and a test for "has an audience". */
export function useEngagementTypes() {
  const types = useVocab('engagement_type');
  const list = types.data ?? [];
  const defaultId = (list.find((t) => t.key === 'meeting') ?? list[0])?.id;
  const isTeaching = (typeId: string | undefined) => TEACHING_KEYS.includes(list.find((t) => t.id === typeId)?.key ?? '');
  return { types, defaultId, isTeaching };
}

/**
 * What quick log and the edit form do once an engagement is saved: refresh people (their stay-in-touch
 * and contact-cap figures count engagements), and show the API's advice, which never blocks saving
 * (e.g. a contact cap passed), as a warning that says so in words as well as colour.
 */
export function useAfterSave() {
  const qc = useQueryClient();
  return (saved: EngagementWriteDto) => {
    void qc.invalidateQueries({ queryKey: ['person'] });
    for (const warning of saved.warnings) {
      notifications.show({ color: 'orange', title: 'Saved, with a warning', message: `Warning: ${warning}`, autoClose: 12_000 });
    }
  };
}

/** Ctrl/Cmd+Enter submits from any field; Enter inside a type-ahead only ever picks an option. */
export const formKeys = (submit: () => void) => (e: KeyboardEvent<HTMLFormElement>) => {
  if (e.key !== 'Enter' || e.nativeEvent.isComposing) return;
  if (e.ctrlKey || e.metaKey) {
    e.preventDefault();
    submit();
  } else if ((e.target as HTMLElement).closest('[aria-haspopup="listbox"]')) {
    e.preventDefault();
  }
};

const say = (m: string | undefined) => (m ? m.charAt(0).toUpperCase() + m.slice(1) : undefined);
const toNumber = (v: string | number) => (typeof v === 'number' ? v : null);

/**
 * Every field of an engagement, in the order a keyboard user fills them in. Shared by quick log
 * and the edit form, so both read and behave alike.
 */
export function EngagementFormFields<T>({ control, current, autoFocus = false }: {
  control: Control<EngagementFormValues, unknown, T>;
  /** the engagement being edited: supplies labels for links and retired vocabulary */
  current?: EngagementDto;
  autoFocus?: boolean;
}) {
  const initiatedId = useId();
  const { types, isTeaching } = useEngagementTypes();
  const themes = useVocab('theme');
  const typeId = useWatch({ control, name: 'typeId' });
  const orgUnitIds = useWatch({ control, name: 'orgUnitIds' }) ?? [];
  const typeData = withCurrent((types.data ?? []).map((t) => ({ value: t.id, label: t.label })), current ? [current.type] : []);
  const themeData = withCurrent((themes.data ?? []).map((t) => ({ value: t.id, label: t.label })), current?.themes ?? []);
  const firstUnit = orgUnitIds[0];
  const firstUnitName = current?.orgUnits.find((u) => u.id === firstUnit)?.name;

  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <Controller control={control} name="typeId" render={({ field, fieldState }) => (
          <Select
            label="Type" required data={typeData} value={field.value || null} onChange={(v) => field.onChange(v ?? '')}
            searchable openOnFocus={false} allowDeselect={false} nothingFoundMessage="No such type"
            onFocus={(e) => e.currentTarget.select()} onBlur={field.onBlur} error={say(fieldState.error?.message)}
            data-autofocus={autoFocus || undefined}
          />
        )} />
        <Controller control={control} name="occurredOn" render={({ field, fieldState }) => (
          <DateField label="Date" required value={field.value} onChange={(v) => field.onChange(v ?? '')} onBlur={field.onBlur} error={say(fieldState.error?.message)} />
        )} />
      </SimpleGrid>
      <Controller control={control} name="orgUnitIds" render={({ field, fieldState }) => (
        <DepartmentsField value={field.value ?? []} onChange={field.onChange} error={say(fieldState.error?.message)} known={current?.orgUnits} />
      )} />
      <Controller control={control} name="personIds" render={({ field, fieldState }) => (
        <PeopleField value={field.value ?? []} onChange={field.onChange} error={say(fieldState.error?.message)} known={current?.people} orgUnitId={firstUnit} orgUnitName={firstUnitName} />
      )} />
      <Controller control={control} name="themeIds" render={({ field, fieldState }) => (
        <MultiSelect
          label="Themes" description="The library's strategic themes this touches" data={themeData} value={field.value ?? []} onChange={field.onChange}
          searchable openOnFocus={false} hidePickedOptions nothingFoundMessage="No such theme" error={say(fieldState.error?.message)}
        />
      )} />
      <Controller control={control} name="summary" render={({ field, fieldState }) => (
        <Textarea label="Summary" description="What happened, in a sentence or two" required rows={3} resize="vertical" {...field} error={say(fieldState.error?.message)} />
      )} />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <Controller control={control} name="outcome" render={({ field, fieldState }) => (
          <Textarea label="Outcome" description="What came of it" rows={2} resize="vertical" {...field} value={field.value ?? ''} error={say(fieldState.error?.message)} />
        )} />
        <Controller control={control} name="followUp" render={({ field, fieldState }) => (
          <Textarea label="Follow-up" description="What you or they will do next" rows={2} resize="vertical" {...field} value={field.value ?? ''} error={say(fieldState.error?.message)} />
        )} />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <Controller control={control} name="goalIds" render={({ field, fieldState }) => (
          <GoalsField value={field.value ?? []} onChange={field.onChange} description="The strategic goals it serves" error={say(fieldState.error?.message)} />
        )} />
        <Controller control={control} name="campaignIds" render={({ field, fieldState }) => (
          <CampaignsField value={field.value ?? []} onChange={field.onChange} known={current?.campaigns} error={say(fieldState.error?.message)} />
        )} />
      </SimpleGrid>
      <Controller control={control} name="milestone" render={({ field, fieldState }) => (
        <TextInput
          label="Milestone on the department's journey" description="Optional: a key moment worth remembering; it appears on the department's journey"
          placeholder="e.g. Found our library champion" {...field} value={field.value ?? ''} error={say(fieldState.error?.message)}
        />
      )} />
      <Group align="flex-start" gap="md" wrap="wrap">
        <Controller control={control} name="initiatedBy" render={({ field }) => (
          <Stack gap={4}>
            <Text component="div" id={initiatedId} size="sm" fw={500}>Initiated by</Text>
            <SegmentedControl aria-labelledby={initiatedId} data={[{ value: 'library', label: 'Library' }, { value: 'partner', label: 'Partner' }]} value={field.value ?? 'library'} onChange={field.onChange} />
          </Stack>
        )} />
        {isTeaching(typeId) && (
          <Controller control={control} name="attendance" render={({ field, fieldState }) => (
            <NumberInput label="Attendance" description="How many attended" min={0} max={100_000} allowDecimal={false} allowNegative={false} w={160}
              value={field.value ?? ''} onChange={(v) => field.onChange(toNumber(v))} onBlur={field.onBlur} error={say(fieldState.error?.message)} />
          )} />
        )}
        <Controller control={control} name="durationMinutes" render={({ field, fieldState }) => (
          <NumberInput label="Duration (minutes)" min={0} max={1440} step={15} allowDecimal={false} allowNegative={false} w={160}
            value={field.value ?? ''} onChange={(v) => field.onChange(toNumber(v))} onBlur={field.onBlur} error={say(fieldState.error?.message)} />
        )} />
      </Group>
    </Stack>
  );
}

function withCurrent(data: { value: string; label: string }[], current: { id: string; label: string }[]) {
  const extra = current.filter((c) => !data.some((d) => d.value === c.id)).map((c) => ({ value: c.id, label: c.label }));
  return [...data, ...extra];
}
