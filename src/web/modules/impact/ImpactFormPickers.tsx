import { MultiSelect, type ComboboxItem } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { formatDate } from '../../lib/dates.ts';
import { useEngagements } from '../engagements/api.ts';
import { serverFiltered } from '../engagements/EngagementFormDepartments.tsx';
import { kindLabels } from '../evidence/labels.ts';
import { useTimeline } from '../org/api.ts';
import { useEvidenceSearch, useMetricOptions } from './api.ts';

/* Pickers for the records an evaluation links: what we did (engagements) and how we measured (metrics, evidence). */

const RECENT = 50;
export const shorten = (s: string, n = 70) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** Chosen options first (with labels known from the record), then the rest of what was found. */
function merge(chosen: string[], known: ComboboxItem[], found: ComboboxItem[]): ComboboxItem[] {
  const labels = new Map([...found, ...known].map((o) => [o.value, o.label]));
  return [...chosen.map((id) => ({ value: id, label: labels.get(id) ?? 'Loading…' })), ...found.filter((o) => !chosen.includes(o.value))];
}

interface PickerProps { value: string[]; onChange: (ids: string[]) => void; known: ComboboxItem[]; error?: string }

/** The first chosen department's 50 most recent engagements (and those below it), or everyone's with none chosen. */
export function EngagementsPicker({ value, onChange, known, error, orgUnitId }: PickerProps & { orgUnitId?: string }) {
  const ofUnit = useTimeline({ orgUnitId, includeDescendants: 'true', pageSize: RECENT }, !!orgUnitId);
  const anywhere = useEngagements({ pageSize: RECENT }, !orgUnitId);
  const source = orgUnitId ? ofUnit : anywhere;
  const found = (source.data?.items ?? []).map((x) => ({ value: x.id, label: `${formatDate(x.occurredOn)} · ${x.type.label}: ${shorten(x.summary)}` }));
  return (
    <MultiSelect
      label="Linked engagements" description={`Any of the ${RECENT} most recent${orgUnitId ? " of the first department's" : ''}`}
      data={merge(value, known, found)} value={value} onChange={onChange} searchable hidePickedOptions clearable
      nothingFoundMessage={source.isPending ? 'Loading engagements…' : 'No such engagement'} error={error}
    />
  );
}

export const evidenceLabel = (x: { kind: keyof typeof kindLabels; text: string; occurredOn: string }) => `${kindLabels[x.kind]}, ${formatDate(x.occurredOn)}: ${shorten(x.text, 60)}`;

/** Evidence searched on the server as you type; with nothing typed, the newest 20. */
export function EvidencePicker({ value, onChange, known, error }: PickerProps) {
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 200);
  const found = useEvidenceSearch(q);
  const [picked, setPicked] = useState<ComboboxItem[]>([]);
  const options = (found.data?.items ?? []).map((x) => ({ value: x.id, label: evidenceLabel(x) }));
  return (
    <MultiSelect
      label="Linked evidence" description="Quotes, feedback and figures: type to search their words" searchable searchValue={search} onSearchChange={setSearch}
      filter={serverFiltered} data={merge(value, [...known, ...picked], options)} value={value} hidePickedOptions clearable
      onChange={(ids) => {
        setPicked((p) => [...p, ...options.filter((o) => ids.includes(o.value))]);
        onChange(ids);
      }}
      nothingFoundMessage={found.isFetching ? 'Searching…' : 'No evidence matches'} error={error}
    />
  );
}

/** The institution's metrics, filtered as you type. */
export function MetricsPicker({ value, onChange, known, error }: PickerProps) {
  const metrics = useMetricOptions();
  const found = (metrics.data?.items ?? []).map((m) => ({ value: m.id, label: `${m.name} (${m.unit})` }));
  return (
    <MultiSelect
      label="Linked metrics" description="The figures that show the change" data={merge(value, known, found)} value={value} onChange={onChange}
      searchable hidePickedOptions clearable nothingFoundMessage={metrics.isPending ? 'Loading metrics…' : 'No metric matches'} error={error}
    />
  );
}
