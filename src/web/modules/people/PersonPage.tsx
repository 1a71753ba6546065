import { Anchor, Badge, Button, Group, Modal, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useParams } from '@tanstack/react-router';
import { useState } from 'react';
import type { PersonDto } from '../../../shared/contracts/people.ts';
import { useAppActions } from '../../components/actions.ts';
import { AnchorLink } from '../../components/AnchorLink.tsx';
import { EngagementTimeline } from '../../components/EngagementTimeline.tsx';
import { Pager } from '../../components/Pager.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { ApiError, withQuery } from '../../lib/api.ts';
import { canEdit, useMe } from '../identity/api.ts';
import { useTimeline } from '../org/api.ts';
import { PersonRelationship } from '../relationships/PersonRelationship.tsx';
import { usePerson } from './api.ts';
import { PersonForm } from './PersonForm.tsx';
import { PersonPositions } from './PersonPositions.tsx';
import { PersonProfile } from './PersonProfile.tsx';

const PAGE_SIZE = 20;

export function PersonPage() {
  const { id } = useParams({ from: '/app/people/$id' });
  return <PersonView key={id} id={id} />;
}

/** One partner contact: who they are, how the relationship stands, where they sit, what they need, and every engagement with them. */
export function PersonView({ id }: { id: string }) {
  const person = usePerson(id);
  const { data: me } = useMe();
  if (person.error instanceof ApiError && person.error.status === 404) {
    return (
      <Stack>
        <Title order={1}>Person not found</Title>
        <Text>There is no one at this address. They may have been removed, or the link may be mistyped.</Text>
        <Text><AnchorLink to="/people">Back to people</AnchorLink></Text>
      </Stack>
    );
  }
  return (
    <QueryState query={person} label="Loading person">
      {(p) => (
        <Stack gap="lg">
          <PersonHeader person={p} editable={canEdit(me)} />
          <PersonRelationship person={p} />
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <PersonProfile person={p} />
            <PersonPositions person={p} editable={canEdit(me)} />
          </SimpleGrid>
          <PersonHistory person={p} />
        </Stack>
      )}
    </QueryState>
  );
}

function PersonHeader({ person, editable }: { person: PersonDto; editable: boolean }) {
  const actions = useAppActions();
  const [editing, setEditing] = useState(false);
  const firstUnit = person.currentPositions[0]?.orgUnitId;
  return (
    <Group justify="space-between" wrap="wrap" align="start">
      <Stack gap={4}>
        <Group gap="sm" wrap="wrap">
          <Title order={1}>{person.name}</Title>
          {person.isChampion && <Badge color="teal.9" tt="none" size="lg">Library champion</Badge>}
        </Group>
        {person.currentPositions.length > 0 && (
          <Text c="dimmed">{person.currentPositions.map((x) => `${x.title}, ${x.orgUnitName}`).join(' · ')}</Text>
        )}
        <Group gap="md" wrap="wrap">
          {person.email && <Anchor href={`mailto:${person.email}`} size="sm">{person.email}</Anchor>}
          {person.phone && <Anchor href={`tel:${person.phone.replace(/\s+/g, '')}`} size="sm">{person.phone}</Anchor>}
        </Group>
      </Stack>
      {editable && (
        <Group gap="xs">
          <Button onClick={() => actions.openQuickLog({ personIds: [person.id], orgUnitId: firstUnit })}>Log engagement with {person.name}</Button>
          <Button variant="default" onClick={() => setEditing(true)}>Edit</Button>
        </Group>
      )}
      <Modal opened={editing} onClose={() => setEditing(false)} title={`Edit ${person.name}`} size="lg">
        {editing && <PersonForm person={person} onSaved={() => setEditing(false)} onCancel={() => setEditing(false)} />}
      </Modal>
    </Group>
  );
}

function PersonHistory({ person }: { person: PersonDto }) {
  const [page, setPage] = useState(1);
  const history = useTimeline({ personId: person.id, page, pageSize: PAGE_SIZE });
  return (
    <Stack component="section" aria-labelledby="history-heading" gap="sm">
      <Group justify="space-between" wrap="wrap">
        <Title order={2} id="history-heading">Engagement history</Title>
        <Button component="a" href={withQuery('/api/v1/engagements.csv', { personId: person.id })} variant="light">Export CSV</Button>
      </Group>
      <QueryState query={history} label="Loading engagements">
        {(data) => (
          <>
            <EngagementTimeline items={data.items} label={`Engagements with ${person.name}, newest first`} empty={`No engagements with ${person.name} logged yet.`} />
            <Pager page={data.page} pageSize={data.pageSize} total={data.total} onChange={setPage} noun="engagements" />
          </>
        )}
      </QueryState>
    </Stack>
  );
}
