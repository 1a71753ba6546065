import { Badge, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import type { PersonDto } from '../../../shared/contracts/people.ts';
import { usePerson } from '../people/api.ts';

/** Shown for at most this many chosen people, the latest chosen first. */
const MAX_SHOWN = 3;

/**
 * "Understanding the other", in view while logging: for each chosen person, what drives them,
 * what they need, what gets in their way and how they like to be reached.
 */
export function QuickLogPersonPanel({ personIds }: { personIds: string[] }) {
  const shown = [...personIds].reverse().slice(0, MAX_SHOWN);
  return (
    <Stack gap="sm" component="section" aria-labelledby="quicklog-people-heading">
      <Title order={3} size="h5" id="quicklog-people-heading">Understanding the other</Title>
      {shown.length === 0 ? (
        <Text size="sm" c="dimmed">Choose a person to see their motivations, needs, challenges and preferred channel here.</Text>
      ) : (
        shown.map((id) => <PersonInsight key={id} id={id} />)
      )}
      {personIds.length > MAX_SHOWN && <Text size="sm" c="dimmed">and {personIds.length - MAX_SHOWN} more</Text>}
    </Stack>
  );
}

function PersonInsight({ id }: { id: string }) {
  const person = usePerson(id);
  if (person.isPending) return <Loader size="sm" aria-label="Loading person" />;
  if (person.isError) return <Text size="sm" c="red.8">Could not load this person.</Text>;
  const p: PersonDto = person.data;
  const where = p.currentPositions[0];
  return (
    <Paper withBorder p="sm" radius="md">
      <Group gap="xs" justify="space-between" wrap="wrap">
        <Title order={4} size="h6">{p.name}</Title>
        {p.isChampion && <Badge color="teal.9" variant="outline" tt="none">Library champion</Badge>}
      </Group>
      {where && <Text size="xs" c="dimmed">{where.title}, {where.orgUnitName}</Text>}
      <Stack gap={6} mt="xs" mb={0} component="dl">
        <Insight term="Motivations" text={p.motivations} />
        <Insight term="Needs" text={p.needs} />
        <Insight term="Challenges" text={p.challenges} />
        <Insight term="Preferred channel" text={p.preferredChannel} />
      </Stack>
    </Paper>
  );
}

function Insight({ term, text }: { term: string; text: string | null }) {
  return (
    <div>
      <Text component="dt" size="xs" fw={700}>{term}</Text>
      <Text component="dd" size="sm" m={0} c={text ? undefined : 'dimmed'} style={{ whiteSpace: 'pre-line' }}>{text ?? 'Not recorded yet'}</Text>
    </div>
  );
}
