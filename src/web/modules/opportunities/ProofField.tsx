import { MultiSelect, type ComboboxItem } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { stageLabels } from '../../../shared/contracts/opportunities.ts';
import { serverFiltered } from '../engagements/EngagementFormDepartments.tsx';
import { useOpportunities } from './api.ts';

interface Known {
  id: string;
  title: string;
}

/**
 * Social proof: successful opportunities elsewhere (piloting or embedded) to point to, searched on
 * the server as you type. Remembers the titles of those chosen across searches.
 */
export function ProofField({ value, onChange, known = [], exclude, error }: {
  value: string[];
  onChange: (ids: string[]) => void;
  known?: Known[];
  /** the opportunity being edited: it cannot be its own proof */
  exclude?: string;
  error?: string;
}) {
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 200);
  const found = useOpportunities({ stage: 'piloting,embedded', q: q || undefined, page: 1, pageSize: 20 });
  const [picked, setPicked] = useState<Record<string, string>>(() => Object.fromEntries(known.map((k) => [k.id, k.title])));
  const options: ComboboxItem[] = (found.data?.items ?? [])
    .filter((o) => o.id !== exclude && !value.includes(o.id))
    .map((o) => ({ value: o.id, label: `${o.title} (${stageLabels[o.stage].toLowerCase()})` }));
  const chosen: ComboboxItem[] = value.map((id) => ({ value: id, label: picked[id] ?? options.find((o) => o.value === id)?.label ?? 'Loading…' }));
  return (
    <MultiSelect
      label="Social proof"
      description="Successful opportunities elsewhere (piloting or embedded) to point to: who else is doing it"
      placeholder={value.length ? undefined : 'Search opportunities'}
      searchable searchValue={search} onSearchChange={setSearch} filter={serverFiltered} hidePickedOptions clearable
      data={[...chosen, ...options]}
      value={value}
      onChange={(ids) => {
        const labels = Object.fromEntries(options.filter((o) => ids.includes(o.value)).map((o) => [o.value, o.label]));
        setPicked((p) => ({ ...p, ...labels }));
        onChange(ids);
      }}
      nothingFoundMessage={found.isFetching ? 'Searching…' : q ? 'No piloting or embedded opportunity matches' : 'None piloting or embedded yet'}
      error={error}
    />
  );
}
