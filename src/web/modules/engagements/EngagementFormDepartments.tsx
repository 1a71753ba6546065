import { MultiSelect, Select, type ComboboxItem, type ComboboxParsedItem } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQueries } from '@tanstack/react-query';
import { useState } from 'react';
import type { OrgUnitDto } from '../../../shared/contracts/org.ts';
import { get } from '../../lib/api.ts';
import { useMe } from '../identity/api.ts';
import { orgKeys, useOrgUnits } from '../org/api.ts';

export interface Named {
  id: string;
  name: string;
}

/** The server already searched; show its answer as it is (names and codes both match). */
export const serverFiltered = ({ options }: { options: ComboboxParsedItem[] }) => options;

const unitLabel = (u: OrgUnitDto) => (u.parentName && u.type !== 'faculty' ? `${u.name} (${u.parentName})` : u.name);

/**
 * Type-ahead over GET /api/v1/org-units?q=… (debounced). With nothing typed it offers the units the
 * signed-in user covers, the likeliest answer. Remembers the labels of chosen units across searches.
 */
function useUnitOptions(search: string, selected: string[], known: Named[]) {
  const { data: me } = useMe();
  const [q] = useDebouncedValue(search.trim(), 200);
  const results = useOrgUnits({ q: q || undefined, coveredBy: q ? undefined : me?.user.id, status: 'active', pageSize: 20 }, !!q || !!me);
  const [picked, setPicked] = useState<Record<string, string>>(() => Object.fromEntries(known.map((k) => [k.id, k.name])));
  const missing = selected.filter((id) => !picked[id] && !known.some((k) => k.id === id));
  const fetched = useQueries({
    queries: missing.map((id) => ({ queryKey: orgKeys.unit(id), queryFn: () => get<OrgUnitDto>(`/api/v1/org-units/${id}`) })),
  });
  const labels = new Map<string, string>(Object.entries(picked));
  for (const f of fetched) if (f.data) labels.set(f.data.id, unitLabel(f.data));
  const found: ComboboxItem[] = (results.data?.items ?? []).map((u) => ({ value: u.id, label: unitLabel(u) }));
  for (const o of found) if (!labels.has(o.value)) labels.set(o.value, o.label);
  const chosen: ComboboxItem[] = selected.map((id) => ({ value: id, label: labels.get(id) ?? 'Loading…' }));
  const data = [...chosen, ...found.filter((o) => !selected.includes(o.value))];
  const remember = (ids: string[]) => setPicked((p) => ({ ...p, ...Object.fromEntries(ids.filter((id) => labels.has(id)).map((id) => [id, labels.get(id) ?? ''])) }));
  const empty = results.isFetching ? 'Searching…' : q ? 'No department matches' : 'Type to search departments';
  return { data, remember, empty };
}

export function DepartmentsField({ value, onChange, error, known = [], label = 'Departments' }: {
  value: string[];
  onChange: (ids: string[]) => void;
  error?: string;
  known?: Named[];
  label?: string;
}) {
  const [search, setSearch] = useState('');
  const { data, remember, empty } = useUnitOptions(search, value, known);
  return (
    <MultiSelect
      label={label}
      description="Type a name or code; with nothing typed, the units you cover"
      placeholder={value.length ? undefined : 'Search departments'}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      data={data}
      filter={serverFiltered}
      hidePickedOptions
      value={value}
      onChange={(ids) => {
        remember(ids);
        onChange(ids);
      }}
      nothingFoundMessage={empty}
      openOnFocus={false}
      error={error}
      clearable
    />
  );
}

/** One department, for filters: the same type-ahead as the form. */
export function DepartmentFilter({ value, onChange, w }: { value: string | undefined; onChange: (id: string | undefined) => void; w?: number }) {
  const [search, setSearch] = useState('');
  const selected = value ? [value] : [];
  const { data, remember, empty } = useUnitOptions(search, selected, []);
  return (
    <Select
      label="Department"
      placeholder="Any department"
      searchable
      clearable
      searchValue={search}
      onSearchChange={setSearch}
      data={data}
      filter={serverFiltered}
      value={value ?? null}
      onChange={(id) => {
        if (id) remember([id]);
        onChange(id ?? undefined);
      }}
      nothingFoundMessage={empty}
      openOnFocus={false}
      w={w}
    />
  );
}
