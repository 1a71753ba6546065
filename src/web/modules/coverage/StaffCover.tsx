import { List, Text } from '@mantine/core';
import { QueryState } from '../../components/QueryState.tsx';
import { formatDate } from '../../lib/dates.ts';
import { useCoverageList } from './api.ts';
import { AnchorLink } from '../../components/AnchorLink.tsx';


/** What one staff member covers today (fetched only when this is shown). */
export function StaffCover({ userId, name }: { userId: string; name: string }) {
  const cover = useCoverageList({ userId, current: 'true' });
  return (
    <QueryState query={cover} isEmpty={(d) => d.items.length === 0} empty={`${name} has no current cover.`} label={`Loading cover of ${name}`}>
      {(data) => (
        <>
          <List size="sm" spacing={4} aria-label={`Current cover of ${name}`}>
            {data.items.map((c) => (
              <List.Item key={c.id}>
                <AnchorLink to="/departments/$id" params={{ id: c.orgUnit.id }}>{c.orgUnit.name}</AnchorLink>
                {`: ${c.function.label}`}
                {c.endDate && <Text span size="sm" c="dimmed">{` (until ${formatDate(c.endDate)})`}</Text>}
              </List.Item>
            ))}
          </List>
          {data.total > data.items.length && <Text size="sm" c="dimmed" mt={4}>and {data.total - data.items.length} more</Text>}
        </>
      )}
    </QueryState>
  );
}
