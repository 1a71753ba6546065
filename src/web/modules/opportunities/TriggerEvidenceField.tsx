import { Select, type ComboboxItem } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { evidenceKindLabels, type EvidenceKind } from '../../../shared/contracts/evidence.ts';
import { formatDate } from '../../lib/dates.ts';
import { serverFiltered } from '../engagements/EngagementFormDepartments.tsx';
import { useEvidenceSearch } from '../impact/api.ts';

const shorten = (s: string, n = 60) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
/** Evidence named in one line: its kind, date and the start of its words. */
export const evidenceOption = (x: { id: string; kind: EvidenceKind; occurredOn: string; text?: string; excerpt?: string }): ComboboxItem =>
  ({ value: x.id, label: `${evidenceKindLabels[x.kind]}, ${formatDate(x.occurredOn)}: ${shorten(x.text ?? x.excerpt ?? '')}` });

/**
 * The evidence an opportunity came from (an examiner's comment, an NSS result), searched on the
 * server as you type; with nothing typed, the newest 20. `known` labels the current choice.
 */
export function TriggerEvidenceField({ value, onChange, known, error }: {
  value: string | null;
  onChange: (id: string | null) => void;
  known?: ComboboxItem | null;
  error?: string;
}) {
  const [picked, setPicked] = useState<ComboboxItem | null>(known ?? null);
  const [search, setSearch] = useState('');
  // once chosen, the box shows the choice's label: that is not a search
  const typed = picked && search === picked.label ? '' : search.trim();
  const [q] = useDebouncedValue(typed, 200);
  const found = useEvidenceSearch(q);
  const options = (found.data?.items ?? []).map(evidenceOption);
  const chosen = value && picked?.value === value ? [picked] : [];
  return (
    <Select
      label="Came from evidence" description="Optional: the quote, comment or figure it was spotted in; type to search its words"
      placeholder="No evidence chosen" searchable searchValue={search} onSearchChange={setSearch} filter={serverFiltered}
      data={[...chosen, ...options.filter((o) => o.value !== value)]} value={value} clearable
      onChange={(id, option) => {
        setPicked(id ? option : null);
        onChange(id);
      }}
      nothingFoundMessage={found.isFetching ? 'Searching…' : 'No evidence matches'} error={error}
    />
  );
}
