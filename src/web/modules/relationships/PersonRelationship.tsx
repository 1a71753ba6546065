import { Badge, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useId, useState, type ReactNode } from 'react';
import type { PersonDto } from '../../../shared/contracts/people.ts';
import type { ContactCapDto, StayInTouchDto } from '../../../shared/contracts/relationships.ts';
import { QueryState } from '../../components/QueryState.tsx';
import { daysSince, formatDate } from '../../lib/dates.ts';
import { usePersonSignals, type SignalWindow } from './api.ts';
import { personFigures, SignalFigures, WindowLine, WindowSwitch } from './HealthSignals.tsx';
import { MaturityPanel } from './MaturityPanel.tsx';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function Box({ title, children }: { title: string; children: ReactNode }) {
  const id = useId();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={id}>
      <Title order={3} size="h4" id={id} mb="xs">{title}</Title>
      {children}
    </Paper>
  );
}

/** The interval, the last engagement and the date the next one is due; "Overdue" in words when it has passed. */
export function StayInTouch({ value: s }: { value: StayInTouchDto | null }) {
  if (!s) return <Text size="sm">No stay-in-touch interval set.</Text>;
  const late = daysSince(s.dueOn) ?? 0;
  return (
    <Stack gap={4}>
      <Text size="sm">Every {plural(s.intervalDays, 'day')}.</Text>
      <Text size="sm">Last engagement: {s.lastEngagementOn ? formatDate(s.lastEngagementOn) : 'none logged yet'}.</Text>
      <Text size="sm">Next contact due: {formatDate(s.dueOn)}.</Text>
      {s.overdue && (
        <Group gap="xs">
          <Badge color="red.9" tt="none">Overdue</Badge>
          <Text size="sm" c="red.9">{late > 0 ? `${plural(late, 'day')} past the due date.` : 'Due today.'}</Text>
        </Group>
      )}
    </Stack>
  );
}

/**
 * Library-initiated engagements against the cap (the person's own, or the institution's default), so
 * a busy partner is not asked too often. "Cap passed" in words once it is exceeded.
 */
export function ContactCap({ value: c, name }: { value: ContactCapDto | null; name: string }) {
  if (!c) return <Text size="sm">No contact cap applies.</Text>;
  return (
    <Stack gap={4}>
      <Text size="sm">
        {c.count} of {c.cap} library-initiated engagements in the last {plural(c.days, 'day')}.
      </Text>
      {c.exceeded ? (
        <Group gap="xs">
          <Badge color="red.9" tt="none">Cap passed</Badge>
          <Text size="sm" c="red.9">Consider letting the next contact come from {name}.</Text>
        </Group>
      ) : c.count >= c.cap && <Text size="sm">At the cap: another library-initiated engagement would pass it.</Text>}
      <Text size="sm" c="dimmed">{c.source === 'person' ? `A cap set for ${name}.` : "The institution's default cap."}</Text>
    </Stack>
  );
}

/** How the relationship with one person stands: keeping in touch, the contact cap, signals and maturity. */
export function PersonRelationship({ person }: { person: PersonDto }) {
  const [span, setSpan] = useState<SignalWindow>('year');
  const signals = usePersonSignals(person.id, span);
  return (
    <Stack component="section" aria-labelledby="relationship-heading" gap="sm">
      <Title order={2} id="relationship-heading">Relationship</Title>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Stack gap="md">
          <Box title="Stay in touch">
            <QueryState query={signals} label="Loading stay in touch">{(d) => <StayInTouch value={d.stayInTouch} />}</QueryState>
          </Box>
          <Box title="Contact cap">
            <QueryState query={signals} label="Loading the contact cap">{(d) => <ContactCap value={d.contactCap} name={person.name} />}</QueryState>
          </Box>
          <MaturityPanel subject={{ type: 'person', id: person.id }} name={person.name} />
        </Stack>
        <Paper withBorder p="md" component="section" aria-labelledby="person-signals-heading">
          <Group justify="space-between" align="flex-end" wrap="wrap" mb="sm">
            <Title order={3} size="h4" id="person-signals-heading">Signals</Title>
            <WindowSwitch value={span} onChange={setSpan} />
          </Group>
          <QueryState query={signals} label="Loading signals">
            {(d) => (
              <Stack gap="sm">
                <WindowLine range={d.window} />
                <SignalFigures figures={personFigures(d)} />
              </Stack>
            )}
          </QueryState>
        </Paper>
      </SimpleGrid>
    </Stack>
  );
}
