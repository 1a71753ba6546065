import { Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import type { PrioritiesDto } from '../../../shared/contracts/opportunities.ts';
import { AnchorLink } from '../../components/AnchorLink.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { canEdit, useMe } from '../identity/api.ts';
import { usePriorities } from '../opportunities/api.ts';
import { StageBadge } from '../opportunities/Badges.tsx';
import { PriorityPopover } from '../opportunities/Priority.tsx';
import { Section } from '../opportunities/Section.tsx';
import { RequestsTable } from '../opportunities/Triage.tsx';

/**
 * For managers: "what happens if we are inundated with requests with no sense of priority". Everything
 * incoming and open, by priority and alignment, and each member of staff's open load.
 */
export function PrioritiesPage() {
  const { data: me, isPending } = useMe();
  const manager = canEdit(me, 'manager');
  const priorities = usePriorities(manager);
  return (
    <Stack gap="lg">
      <div>
        <AnchorLink to="/overview" size="sm">← Relationships at a glance</AnchorLink>
        <Title order={1}>Requests and priorities</Title>
      </div>
      {isPending ? null : !manager ? (
        <Text>This page is for managers: it shows every incoming request and open opportunity, and the load on each member of staff.</Text>
      ) : (
        <QueryState query={priorities} label="Loading requests and priorities">
          {(data) => (
            <>
              <Requests items={data.requests} />
              <Open items={data.open} total={data.openTotal} />
              <Load items={data.load} />
            </>
          )}
        </QueryState>
      )}
    </Stack>
  );
}

function Region({ title, intro, children }: { title: string; intro: string; children: ReactNode }) {
  return (
    <Section title={title} intro={intro} size="h3">
      <Table.ScrollContainer minWidth={760}>{children}</Table.ScrollContainer>
    </Section>
  );
}

const Empty = ({ cols, children }: { cols: number; children: string }) => (
  <Table.Tr><Table.Td colSpan={cols}><Text size="sm" c="gray.8">{children}</Text></Table.Td></Table.Tr>
);

const OpportunityLink = ({ o }: { o: { id: string; title: string } }) => (
  <AnchorLink to="/opportunities/$id" params={{ id: o.id }} size="sm" fw={600}>{o.title}</AnchorLink>
);

function Requests({ items }: { items: PrioritiesDto['requests'] }) {
  return (
    <Section title="Incoming requests" intro="Requests waiting in triage, highest priority first, with how each priority is worked out." size="h3">
      {items.length === 0
        ? <Text size="sm" c="gray.8">No requests are waiting.</Text>
        : <RequestsTable items={items} caption="Incoming requests by priority" extra={{ header: 'Owner', cell: (o) => o.owner?.name ?? 'Nobody yet' }} />}
    </Section>
  );
}

function Open({ items, total }: { items: PrioritiesDto['open']; total: number }) {
  const intro = total > items.length ? `The ${items.length} with the highest priority of ${total} still being worked.` : 'Every opportunity still being worked, highest priority first.';
  return (
    <Region title="Open opportunities by priority" intro={intro}>
      <Table verticalSpacing="xs" striped>
        <Table.Caption>Open opportunities by priority</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Opportunity</Table.Th>
            <Table.Th scope="col">Stage</Table.Th>
            <Table.Th scope="col">Score</Table.Th>
            <Table.Th scope="col">Alignment</Table.Th>
            <Table.Th scope="col">Urgency</Table.Th>
            <Table.Th scope="col">Owner</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.length === 0 && <Empty cols={6}>Nothing is open.</Empty>}
          {items.map((o) => (
            <Table.Tr key={o.id}>
              <Table.Th scope="row" fw={400}><OpportunityLink o={o} /></Table.Th>
              <Table.Td><StageBadge stage={o.stage} /></Table.Td>
              <Table.Td><PriorityPopover p={o.priority} title={o.title} /></Table.Td>
              <Table.Td>{o.priority.alignmentReason}</Table.Td>
              <Table.Td>{o.priority.urgencyReason}</Table.Td>
              <Table.Td>{o.owner?.name ?? 'Nobody yet'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Region>
  );
}

function Load({ items }: { items: PrioritiesDto['load'] }) {
  // by name, not by load: the table balances work, it does not rank colleagues
  const byName = [...items].sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
  return (
    <Region title="Open work per person" intro="Each person's open work is here to balance the load and to see who may need help, never to rank colleagues.">
      <Table verticalSpacing="xs" striped>
        <Table.Caption>Open work per person, by name</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Person</Table.Th>
            <Table.Th scope="col">Opportunities</Table.Th>
            <Table.Th scope="col">Actions</Table.Th>
            <Table.Th scope="col">Overdue actions</Table.Th>
            <Table.Th scope="col">Windows closing soon</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {byName.length === 0 && <Empty cols={5}>Nobody has open work.</Empty>}
          {byName.map((p) => (
            <Table.Tr key={p.id}>
              <Table.Th scope="row" fw={400}>{p.name}</Table.Th>
              <Table.Td>{p.opportunities}</Table.Td>
              <Table.Td>{p.actions}</Table.Td>
              <Table.Td>{p.overdueActions}</Table.Td>
              <Table.Td>{p.closingSoon}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Region>
  );
}
