import { Badge, Group, Paper, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { Fragment, type ReactNode } from 'react';
import type { EngagementDto } from '../../shared/contracts/engagements.ts';
import { formatDate } from '../lib/dates.ts';
import { AnchorLink } from './AnchorLink.tsx';


const listStyle = { listStyle: 'none', margin: 0, padding: 0 } as const;

/** A labelled run of items separated by commas: "People: Ada Lovelace, Alan Turing". */
function Line({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Text size="sm">
      <Text span fw={600} size="sm">{label}: </Text>
      {children}
    </Text>
  );
}

function joined<T extends { id: string }>(items: T[], render: (item: T) => ReactNode) {
  return items.map((item, i) => (
    <Fragment key={item.id}>
      {i > 0 && ', '}
      {render(item)}
    </Fragment>
  ));
}

/**
 * Engagements as an ordered list in the order given (the API answers newest first): date, type, themes,
 * summary, outcome, who took part, who initiated it, attendance for teaching, and a link to the detail.
 * Presentational only: the caller fetches, paginates and shows loading and error states.
 */
export function EngagementTimeline({ items, headingOrder = 3, empty = 'No engagements logged yet.', label = 'Engagements, newest first' }: {
  items: EngagementDto[];
  /** the heading level of each entry: one below the section's heading */
  headingOrder?: 2 | 3 | 4 | 5;
  empty?: ReactNode;
  /** the list's accessible name */
  label?: string;
}) {
  if (!items.length) return <Text c="dimmed" p="md">{empty}</Text>;
  return (
    <Stack component="ol" gap="sm" style={listStyle} aria-label={label}>
      {items.map((e) => (
        <Paper component="li" key={e.id} withBorder p="sm">
          <Stack gap={6}>
            <Group justify="space-between" wrap="wrap" gap="xs" align="baseline">
              <Title order={headingOrder} size="h5">
                <time dateTime={e.occurredOn}>{formatDate(e.occurredOn)}</time> · {e.type.label}
              </Title>
              <Text size="sm" c="dimmed">
                {e.initiatedBy === 'partner' ? 'Initiated by the partner' : 'Initiated by the library'}
                {e.durationMinutes != null && ` · ${e.durationMinutes} min`}
              </Text>
            </Group>
            {e.themes.length > 0 && (
              <Group gap={4} wrap="wrap" aria-label="Themes" role="list">
                {e.themes.map((t) => <Badge key={t.id} variant="light" color="indigo" role="listitem" tt="none">{t.label}</Badge>)}
              </Group>
            )}
            <Text size="sm" style={{ whiteSpace: 'pre-line' }}>{e.summary}</Text>
            {e.outcome && <Line label="Outcome"><Text span size="sm" style={{ whiteSpace: 'pre-line' }}>{e.outcome}</Text></Line>}
            {e.attendance != null && <Line label="Attendance">{e.attendance.toLocaleString('en-GB')}</Line>}
            {e.people.length > 0 && (
              <Line label="People">{joined(e.people, (p) => <AnchorLink to="/people/$id" params={{ id: p.id }} size="sm">{p.name}</AnchorLink>)}</Line>
            )}
            {e.orgUnits.length > 0 && (
              <Line label="Units">{joined(e.orgUnits, (u) => <AnchorLink to="/departments/$id" params={{ id: u.id }} size="sm">{u.name}</AnchorLink>)}</Line>
            )}
            {e.staff.length > 0 && <Line label="Library staff">{e.staff.map((s) => s.name).join(', ')}</Line>}
            <AnchorLink to="/engagements/$id" params={{ id: e.id }} size="sm">
              Open engagement<VisuallyHidden>: {e.type.label} on {formatDate(e.occurredOn)}</VisuallyHidden>
            </AnchorLink>
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}
