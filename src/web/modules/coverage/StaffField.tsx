import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { serverFiltered, type Named } from '../engagements/EngagementFormDepartments.tsx';
import { useStaff } from './api.ts';

/**
 * One member of library staff (an owner), searched on the server as you type. `known` names the
 * current choice so it shows before any search has run.
 */
export function StaffField({ value, onChange, known, label = 'Owner', description, error, clearable = true }: {
  value: string | null;
  onChange: (id: string | null) => void;
  known?: Named | null;
  label?: string;
  description?: string;
  error?: string;
  clearable?: boolean;
}) {
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 200);
  const staff = useStaff({ q: q || undefined, pageSize: 20 });
  const found = (staff.data?.items ?? []).filter((u) => u.active).map((u) => ({ value: u.id, label: u.name }));
  const data = known && !found.some((o) => o.value === known.id) ? [{ value: known.id, label: known.name }, ...found] : found;
  return (
    <Select
      label={label} description={description} error={error} data={data} value={value} onChange={onChange} clearable={clearable}
      searchable searchValue={search} onSearchChange={setSearch} filter={serverFiltered}
      nothingFoundMessage={staff.isFetching ? 'Searching…' : 'No member of staff matches'}
    />
  );
}
