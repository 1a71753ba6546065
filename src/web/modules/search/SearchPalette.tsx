import '@mantine/spotlight/styles.css';
import { Loader, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { createSpotlight, Spotlight } from '@mantine/spotlight';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import type { SearchHitDto } from '../../../shared/contracts/search.ts';
import { get } from '../../lib/api.ts';

const [store, spotlight] = createSpotlight();

const groups: { type: SearchHitDto['type']; label: string }[] = [
  { type: 'org_unit', label: 'Departments and units' },
  { type: 'person', label: 'People' },
  { type: 'engagement', label: 'Engagements' },
];

const hrefOf = (h: SearchHitDto) =>
  h.type === 'org_unit' ? `/departments/${h.id}` : h.type === 'person' ? `/people/${h.id}` : `/engagements/${h.id}`;

/** The command palette (Ctrl/Cmd-K): ranked search over departments, people and engagements. */
export function SearchPalette({ onClose }: { onClose: () => void }) {
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query.trim(), 150);
  const navigate = useNavigate();
  useEffect(() => spotlight.open(), []);

  const result = useQuery({
    queryKey: ['search', debounced],
    queryFn: () => get<{ hits: SearchHitDto[] }>('/api/v1/search', { q: debounced, limit: 24 }),
    enabled: /[\p{L}\p{N}]/u.test(debounced),
    placeholderData: keepPreviousData,
  });
  const hits = result.data?.hits ?? [];

  return (
    <Spotlight.Root store={store} query={query} onQueryChange={setQuery} shortcut={null} onSpotlightClose={onClose} scrollable maxHeight={480}>
      <Spotlight.Search placeholder="Search departments, people, engagements…" aria-label="Search" rightSection={result.isFetching ? <Loader size="xs" /> : null} />
      {/* a generic div may not carry a label (axe: aria-prohibited-attr): the results are a labelled region */}
      <Spotlight.ActionsList role="region" aria-label="Search results">
        {!debounced && <Spotlight.Empty>Type a name, a department or a word from an engagement.</Spotlight.Empty>}
        {debounced && result.isSuccess && hits.length === 0 && <Spotlight.Empty>Nothing found for “{debounced}”.</Spotlight.Empty>}
        {result.isError && <Spotlight.Empty><Text c="red.8">Search failed: {result.error.message}</Text></Spotlight.Empty>}
        {groups.map((g) => {
          const inGroup = hits.filter((h) => h.type === g.type);
          if (!inGroup.length) return null;
          return (
            <Spotlight.ActionsGroup key={g.type} label={g.label}>
              {inGroup.map((h) => (
                <Spotlight.Action key={h.id} label={h.title} description={h.subtitle ?? undefined} onClick={() => void navigate({ to: hrefOf(h) })} />
              ))}
            </Spotlight.ActionsGroup>
          );
        })}
      </Spotlight.ActionsList>
    </Spotlight.Root>
  );
}
