import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import type { PersonDto } from '../../../shared/contracts/people.ts';
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

/** "Understanding the other", stakeholder position, tags and notes (staying in touch is in the Relationship section). */
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
