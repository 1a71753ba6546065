import { MultiSelect, SimpleGrid, type ComboboxItem } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Controller, type Control } from 'react-hook-form';
import type { EvidenceDto } from '../../../shared/contracts/evidence.ts';
import type { ActionPlanDto } from '../../../shared/contracts/plans.ts';
import type { EvidencePrefill } from '../../components/actions.ts';
import { get } from '../../lib/api.ts';
import { formatDate } from '../../lib/dates.ts';
import { useEngagements } from '../engagements/api.ts';
import { serverFiltered } from '../engagements/EngagementFormDepartments.tsx';
import { CampaignsField } from '../engagements/EngagementFormPlanning.tsx';
import { GoalsField } from '../goals/GoalField.tsx';
import { useOpportunities } from '../opportunities/api.ts';
import { useTimeline } from '../org/api.ts';
import { planKeys, usePlans } from '../plans/api.ts';
import type { EvidenceFormValues } from './CaptureEvidenceFields.tsx';

const RECENT = 50;
const shorten = (s: string, n = 70) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
const say = (m: string | undefined) => (m ? m.charAt(0).toUpperCase() + m.slice(1) : undefined);

/** Chosen options first (with labels known from the record), then the rest of what was found. */
function merge(chosen: string[], known: ComboboxItem[], found: ComboboxItem[]): ComboboxItem[] {
  const labels = new Map([...found, ...known].map((o) => [o.value, o.label]));
  return [...chosen.map((id) => ({ value: id, label: labels.get(id) ?? 'Loading…' })), ...found.filter((o) => !chosen.includes(o.value))];
}

/** The department's 50 most recent engagements (and those below it), or everyone's with no department chosen. */
function EngagementsField({ value, onChange, orgUnitId, known, error }: { value: string[]; onChange: (ids: string[]) => void; orgUnitId?: string; known: ComboboxItem[]; error?: string }) {
  const ofUnit = useTimeline({ orgUnitId, includeDescendants: 'true', pageSize: RECENT }, !!orgUnitId);
  const anywhere = useEngagements({ pageSize: RECENT }, !orgUnitId);
  const list = (orgUnitId ? ofUnit : anywhere).data?.items ?? [];
  const found = list.map((x) => ({ value: x.id, label: `${formatDate(x.occurredOn)} · ${x.type.label}: ${shorten(x.summary)}` }));
  return (
    <MultiSelect
      label="Engagements" description={`Any of the ${RECENT} most recent${orgUnitId ? " of the first department's" : ''}`}
      data={merge(value, known, found)} value={value} onChange={onChange} searchable hidePickedOptions clearable
      nothingFoundMessage={(orgUnitId ? ofUnit : anywhere).isPending ? 'Loading engagements…' : 'No such engagement'} error={error}
    />
  );
}

/** Opportunities searched on the server as you type; the first department's come first when nothing is typed. */
function OpportunitiesField({ value, onChange, orgUnitId, known, error }: { value: string[]; onChange: (ids: string[]) => void; orgUnitId?: string; known: ComboboxItem[]; error?: string }) {
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 200);
  const found = useOpportunities({ q: q || undefined, orgUnitId: q ? undefined : orgUnitId, sort: 'updated', page: 1, pageSize: 20 });
  const [picked, setPicked] = useState<ComboboxItem[]>([]);
  const options = (found.data?.items ?? []).map((o) => ({ value: o.id, label: o.title }));
  return (
    <MultiSelect
      label="Opportunities" description="Type to search by title" searchable searchValue={search} onSearchChange={setSearch} filter={serverFiltered}
      data={merge(value, [...known, ...picked], options)} value={value} hidePickedOptions clearable
      onChange={(ids) => {
        setPicked((p) => [...p, ...options.filter((o) => ids.includes(o.value))]);
        onChange(ids);
      }}
      nothingFoundMessage={found.isFetching ? 'Searching…' : 'No opportunity matches'} error={error}
    />
  );
}

/** The actions of the first department's latest action plan. */
function ActionsField({ value, onChange, orgUnitId, known, error }: { value: string[]; onChange: (ids: string[]) => void; orgUnitId?: string; known: ComboboxItem[]; error?: string }) {
  const plans = usePlans({ orgUnitId, pageSize: 1 }, !!orgUnitId);
  const latest = orgUnitId ? plans.data?.items[0] : undefined;
  const plan = useQuery({ queryKey: planKeys.detail(latest?.id ?? ''), queryFn: () => get<ActionPlanDto>(`/api/v1/action-plans/${latest?.id ?? ''}`), enabled: !!latest });
  const found = (plan.data?.actions ?? []).map((x) => ({ value: x.id, label: x.title }));
  const description = !orgUnitId ? 'Choose a department to see its action plan' : latest ? `From ${latest.orgUnit.name}'s ${latest.yearLabel} action plan` : 'No action plan for the first department';
  return (
    <MultiSelect
      label="Action plan actions" description={description} data={merge(value, known, found)} value={value} onChange={onChange}
      searchable hidePickedOptions clearable nothingFoundMessage={plan.isFetching || plans.isFetching ? 'Loading…' : 'No actions'} error={error}
    />
  );
}

/** The optional links, under "More": goals, campaigns and the records this evidence speaks to. */
export function CaptureEvidenceLinks<T>({ control, orgUnitId, prefill, current }: {
  control: Control<EvidenceFormValues, unknown, T>;
  /** the first chosen department: its engagements, opportunities and plan are offered */
  orgUnitId?: string;
  prefill: EvidencePrefill;
  current?: EvidenceDto;
}) {
  const knownEngagements = [...(prefill.engagement ? [prefill.engagement] : []), ...(current?.engagements ?? [])]
    .map((x) => ({ value: x.id, label: `${formatDate(x.occurredOn)}: ${shorten(x.summary)}` }));
  const knownOpportunities = (current?.opportunities ?? []).map((x) => ({ value: x.id, label: x.title }));
  const knownActions = (current?.actions ?? []).map((x) => ({ value: x.id, label: x.title }));
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
      <Controller control={control} name="goalIds" render={({ field, fieldState }) => (
        <GoalsField value={field.value ?? []} onChange={field.onChange} description="The strategy it shows impact against" error={say(fieldState.error?.message)} />
      )} />
      <Controller control={control} name="campaignIds" render={({ field, fieldState }) => (
        <CampaignsField value={field.value ?? []} onChange={field.onChange} known={[...(prefill.known?.campaigns ?? []), ...(current?.campaigns ?? [])]} error={say(fieldState.error?.message)} />
      )} />
      <Controller control={control} name="engagementIds" render={({ field, fieldState }) => (
        <EngagementsField value={field.value ?? []} onChange={field.onChange} orgUnitId={orgUnitId} known={knownEngagements} error={say(fieldState.error?.message)} />
      )} />
      <Controller control={control} name="opportunityIds" render={({ field, fieldState }) => (
        <OpportunitiesField value={field.value ?? []} onChange={field.onChange} orgUnitId={orgUnitId} known={knownOpportunities} error={say(fieldState.error?.message)} />
      )} />
      <Controller control={control} name="actionIds" render={({ field, fieldState }) => (
        <ActionsField value={field.value ?? []} onChange={field.onChange} orgUnitId={orgUnitId} known={knownActions} error={say(fieldState.error?.message)} />
      )} />
    </SimpleGrid>
  );
}
