import { Loader, MultiSelect, type ComboboxItem, type ComboboxItemGroup } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useQueries, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { OrgUnitDto } from '../../../shared/contracts/org.ts';
import type { PersonDto, PersonSummaryDto } from '../../../shared/contracts/people.ts';
import { get } from '../../lib/api.ts';
import { showApiError } from '../../lib/forms.ts';
import { orgKeys } from '../org/api.ts';
import { peopleKeys, usePeople, usePeopleMutations } from '../people/api.ts';
import { serverFiltered, type Named } from './EngagementFormDepartments.tsx';

const CREATE = '__create__:';

const personLabel = (p: PersonSummaryDto) => {
  const where = p.currentPositions[0];
  return where ? `${p.name} — ${where.title}, ${where.orgUnitName}` : p.name;
};

/**
 * People type-ahead over GET /api/v1/people?q=…: the chosen department's people first, then everyone
 * matching, then "Create person “typed name”", which adds the contact (at that department) and selects them.
 */
export function PeopleField({ value, onChange, error, known = [], orgUnitId, orgUnitName: givenUnitName }: {
  value: string[];
  onChange: (ids: string[]) => void;
  error?: string;
  known?: Named[];
  /** the first chosen department: its people come first, and a new person is placed there */
  orgUnitId?: string;
  orgUnitName?: string;
}) {
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 200);
  const [picked, setPicked] = useState<Record<string, string>>(() => Object.fromEntries(known.map((k) => [k.id, k.name])));
  const local = usePeople({ orgUnitId, q: q || undefined, pageSize: 20 }, !!orgUnitId);
  const everyone = usePeople({ q, pageSize: 20 }, !!q);
  const { create } = usePeopleMutations();
  const unit = useQuery({ queryKey: orgKeys.unit(orgUnitId ?? ''), queryFn: () => get<OrgUnitDto>(`/api/v1/org-units/${orgUnitId ?? ''}`), enabled: !!orgUnitId && !givenUnitName });
  const orgUnitName = givenUnitName ?? unit.data?.name;

  const missing = value.filter((id) => !picked[id]);
  const fetched = useQueries({ queries: missing.map((id) => ({ queryKey: peopleKeys.one(id), queryFn: () => get<PersonDto>(`/api/v1/people/${id}`) })) });
  const labels = new Map<string, string>(Object.entries(picked));
  for (const f of fetched) if (f.data) labels.set(f.data.id, f.data.name);

  const toItems = (list: PersonSummaryDto[] | undefined) =>
    (list ?? []).filter((p) => !value.includes(p.id)).map((p) => {
      labels.set(p.id, labels.get(p.id) ?? p.name);
      return { value: p.id, label: personLabel(p) };
    });
  const localItems = orgUnitId ? toItems(local.data?.items) : [];
  const otherItems = q ? toItems(everyone.data?.items).filter((o) => !localItems.some((l) => l.value === o.value)) : [];
  const exact = [...(local.data?.items ?? []), ...(everyone.data?.items ?? [])].some((p) => p.name.toLowerCase() === q.toLowerCase());
  const groups: ComboboxItemGroup<ComboboxItem>[] = [];
  if (localItems.length) groups.push({ group: `At ${orgUnitName ?? 'this department'}`, items: localItems });
  if (otherItems.length) groups.push({ group: orgUnitId ? 'Elsewhere' : 'People', items: otherItems });
  if (q && !exact) groups.push({ group: 'New contact', items: [{ value: `${CREATE}${q}`, label: `Create person “${q}”` }] });
  const chosen: ComboboxItem[] = value.map((id) => ({ value: id, label: labels.get(id) ?? 'Loading…' }));

  const addPerson = (name: string, base: string[]) => {
    create.mutate(
      { name, positions: orgUnitId ? [{ orgUnitId, title: 'Contact' }] : undefined },
      {
        onSuccess: (p) => {
          setPicked((old) => ({ ...old, [p.id]: p.name }));
          onChange([...base, p.id]);
          notifications.show({ message: `Added ${p.name} to your contacts` });
        },
        onError: (e) => showApiError(e),
      },
    );
  };

  const searching = (orgUnitId && local.isFetching) || (q && everyone.isFetching);
  return (
    <MultiSelect
      label="People"
      description={orgUnitId ? `${orgUnitName ?? 'The department'}'s people first; type to search everyone` : 'Type a name or email'}
      placeholder={value.length ? undefined : 'Search people'}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      data={[...chosen, ...groups]}
      filter={serverFiltered}
      hidePickedOptions
      value={value}
      onChange={(ids) => {
        const newName = ids.find((id) => id.startsWith(CREATE))?.slice(CREATE.length);
        const real = ids.filter((id) => !id.startsWith(CREATE));
        setPicked((old) => ({ ...old, ...Object.fromEntries(real.filter((id) => labels.has(id)).map((id) => [id, labels.get(id) ?? ''])) }));
        onChange(real);
        if (newName) addPerson(newName, real);
      }}
      nothingFoundMessage={searching ? 'Searching…' : orgUnitId || q ? 'No one found' : 'Type a name to search'}
      openOnFocus={false}
      rightSection={create.isPending ? <Loader size="xs" aria-label="Adding person" /> : undefined}
      error={error}
    />
  );
}
