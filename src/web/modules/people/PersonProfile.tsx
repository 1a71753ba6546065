import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import type { PersonDto } from '../../../shared/contracts/people.ts';
import { daysSince, formatDate, today } from '../../lib/dates.ts';
import { useTimeline } from '../org/api.ts';
import { StakeholderPosition } from './PersonStakeholder.tsx';

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text component="dt" size="sm" fw={600}>{label}</Text>
      <Text component="dd" size="sm" m={0} style={{ whiteSpace: 'pre-line' }}>{children}</Text>
    </div>
  );
}

const orNone = (s: string | null) => s ?? <Text span size="sm" c="dimmed">Not recorded</Text>;

/** "Understanding the other", stakeholder position, keeping in touch, tags and notes. */
export function PersonProfile({ person }: { person: PersonDto }) {
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="understanding-heading">
      <Stack gap="md">
        <div>
          <Title order={2} size="h3" id="understanding-heading" mb="xs">Understanding the other</Title>
          <Stack component="dl" gap="xs" m={0}>
            <Field label="Motivations">{orNone(person.motivations)}</Field>
            <Field label="Needs">{orNone(person.needs)}</Field>
            <Field label="Challenges">{orNone(person.challenges)}</Field>
            <Field label="Preferred channel">{orNone(person.preferredChannel)}</Field>
          </Stack>
        </div>
        <div>
          <Title order={3} size="h4" mb="xs">Stakeholder position</Title>
          <StakeholderPosition influence={person.influence} interest={person.interest} />
        </div>
        <KeepingInTouch person={person} />
        <div>
          <Title order={3} size="h4" mb="xs">Tags</Title>
          {person.tags.length ? (
            <Group gap={4} role="list" aria-label="Tags">
              {person.tags.map((t) => <Badge key={t} variant="outline" color="gray.8" tt="none" role="listitem">{t}</Badge>)}
            </Group>
          ) : <Text size="sm" c="dimmed">No tags</Text>}
        </div>
        <div>
          <Title order={3} size="h4" mb="xs">Notes</Title>
          <Text size="sm" style={{ whiteSpace: 'pre-line' }}>{orNone(person.notes)}</Text>
        </div>
      </Stack>
    </Paper>
  );
}

/** The stay-in-touch interval against the days since the last engagement (from the history), overdue in words. */
function KeepingInTouch({ person }: { person: PersonDto }) {
  const last = useTimeline({ personId: person.id, to: today(), page: 1, pageSize: 1 });
  const lastOn = last.data?.items[0]?.occurredOn ?? null;
  const days = daysSince(lastOn);
  const interval = person.stayInTouchDays;
  const overdue = !!interval && last.isSuccess && (days == null || days > interval);

  let since: ReactNode;
  if (last.isPending) since = 'Checking the history…';
  else if (last.isError) since = 'The engagement history could not be loaded.';
  else if (days == null) since = 'No engagement logged yet.';
  else since = `Last engagement ${formatDate(lastOn)}, ${days === 0 ? 'today' : days === 1 ? '1 day ago' : `${days} days ago`}.`;

  return (
    <div>
      <Title order={3} size="h4" mb="xs">Keeping in touch</Title>
      <Text size="sm">{interval ? `Stay in touch every ${interval} days.` : 'No stay-in-touch interval set.'}</Text>
      <Text size="sm">{since}</Text>
      {overdue && (
        <Group gap="xs" mt={4}>
          <Badge color="red.9" tt="none">Overdue</Badge>
          <Text size="sm" c="red.9">
            {days == null ? 'Time to make first contact.' : `${days - interval} days past the ${interval}-day interval.`}
          </Text>
        </Group>
      )}
      {interval && last.isSuccess && !overdue && days != null && (
        <Text size="sm" c="dimmed">Next contact due in {interval - days} {interval - days === 1 ? 'day' : 'days'}.</Text>
      )}
    </div>
  );
}
