import { Loader, Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { orgUnitTypeLabels } from '../../../shared/contracts/org.ts';
import { useOrgUnits } from '../org/api.ts';

export interface UnitOption {
  value: string;
  label: string;
}

/** Type-ahead for an org unit: searches GET /api/v1/org-units?q=… as you type (debounced). */
export function PositionUnitSelect({ label = 'Department or unit', value, onChange, onBlur, error, initial, required }: {
  label?: string;
  value: string | null;
  onChange: (id: string | null) => void;
  onBlur?: () => void;
  error?: string;
  /** the current choice's label, when the form opens with one */
  initial?: UnitOption;
  required?: boolean;
}) {
  const [search, setSearch] = useState(initial?.label ?? '');
  const [chosen, setChosen] = useState<UnitOption | undefined>(initial);
  const [q] = useDebouncedValue(search.trim(), 250);
  // While the box shows the chosen unit's name, list the units like it; the server does the matching.
  const units = useOrgUnits({ q: q || undefined, status: 'active', pageSize: 20 });
  const options: UnitOption[] = (units.data?.items ?? []).map((u) => ({
    value: u.id,
    label: u.parentName ? `${u.name} (${u.parentName})` : `${u.name} (${orgUnitTypeLabels[u.type]})`,
  }));
  if (chosen && value === chosen.value && !options.some((o) => o.value === chosen.value)) options.unshift(chosen);

  return (
    <Select
      label={label}
      placeholder="Type to search"
      searchable
      clearable
      required={required}
      data={options}
      value={value}
      searchValue={search}
      onSearchChange={setSearch}
      onChange={(id, option) => {
        setChosen(option ?? undefined);
        onChange(id);
      }}
      onBlur={onBlur}
      filter={({ options: o }) => o}
      nothingFoundMessage={units.isFetching ? 'Searching…' : 'No unit matches'}
      rightSection={units.isFetching ? <Loader size="xs" aria-label="Searching units" /> : undefined}
      error={error}
    />
  );
}
