import { Button, Group, Table, Text, VisuallyHidden } from '@mantine/core';
import type { ReactNode } from 'react';
import type { Page } from '../../../shared/contracts/common.ts';
import type { OpportunityDto } from '../../../shared/contracts/opportunities.ts';
import { AnchorLink } from '../../components/AnchorLink.tsx';
import { Pager } from '../../components/Pager.tsx';
import { formatDate } from '../../lib/dates.ts';
import { LinkList } from '../engagements/EngagementsPage.tsx';
import { ColdNote } from './Badges.tsx';
import { PriorityParts } from './Priority.tsx';
import { Section } from './Section.tsx';
import type { StageTarget } from './StageMove.tsx';

/** Incoming requests waiting to be looked at, highest priority first, each with its parts and two quick actions. */
export function Triage({ data, editable, onMove, onPage, moving }: {
  data: Page<OpportunityDto>;
  editable: boolean;
  onMove: (o: OpportunityDto, to: StageTarget) => void;
  onPage: (page: number) => void;
  moving: boolean;
}) {
  const actions = {
    header: 'Actions',
    cell: (o: OpportunityDto) => (
      <Group gap="xs" wrap="nowrap">
        <Button size="compact-sm" variant="light" onClick={() => onMove(o, 'hook_found')} disabled={moving}>
          Hook found<VisuallyHidden>: {o.title}</VisuallyHidden>
        </Button>
        <Button size="compact-sm" variant="default" onClick={() => onMove(o, 'declined')} disabled={moving}>
          Decline<VisuallyHidden>: {o.title}</VisuallyHidden>
        </Button>
      </Group>
    ),
  };
  return (
    <Section title="Incoming requests, by priority" size="h3" intro="Requests that came to us and have not been looked at yet. Find the hook, or decline with a reason.">
      {data.items.length === 0
        ? <Text c="gray.8">No requests are waiting.</Text>
        : <RequestsTable items={data.items} caption="Incoming requests, highest priority first" extra={editable ? actions : undefined} />}
      <Pager page={data.page} pageSize={data.pageSize} total={data.total} onChange={onPage} noun="requests" />
    </Section>
  );
}

/** Requests as a table: what was asked, where, the window and the priority with its parts; one more column as the caller needs. */
export function RequestsTable({ items, caption, extra }: {
  items: OpportunityDto[];
  caption: string;
  extra?: { header: string; cell: (o: OpportunityDto) => ReactNode };
}) {
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table verticalSpacing="sm">
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Request</Table.Th>
            <Table.Th scope="col">Departments</Table.Th>
            <Table.Th scope="col">Window closes</Table.Th>
            <Table.Th scope="col">Priority</Table.Th>
            {extra && <Table.Th scope="col">{extra.header}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((o) => (
            <Table.Tr key={o.id}>
              <Table.Th scope="row" fw={400} maw={320}>
                <AnchorLink to="/opportunities/$id" params={{ id: o.id }} size="sm" fw={600}>{o.title}</AnchorLink>
                {o.trigger.text && <Text size="xs" c="gray.8" lineClamp={3}>{o.trigger.text}</Text>}
                <ColdNote cold={o.cold} size="xs" />
              </Table.Th>
              <Table.Td><LinkList items={o.orgUnits} to="/departments/$id" /></Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}><Text size="sm">{formatDate(o.windowClosesOn)}</Text></Table.Td>
              <Table.Td><PriorityParts p={o.priority} /></Table.Td>
              {extra && <Table.Td>{extra.cell(o)}</Table.Td>}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
