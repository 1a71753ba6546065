import { Group, Select, Stack, Table, Text } from '@mantine/core';
import type { Page } from '../../../shared/contracts/common.ts';
import type { OpportunityDto, OpportunityStage } from '../../../shared/contracts/opportunities.ts';
import { AnchorLink } from '../../components/AnchorLink.tsx';
import { Pager } from '../../components/Pager.tsx';
import { formatDate } from '../../lib/dates.ts';
import { LinkList } from '../engagements/EngagementsPage.tsx';
import type { OpportunitySort } from './api.ts';
import { ColdNote, PilotBadge, StageBadge } from './Badges.tsx';
import { PriorityPopover } from './Priority.tsx';
import { StageMenu } from './StageMenu.tsx';

const sorts: { value: OpportunitySort; label: string }[] = [
  { value: 'priority', label: 'Priority, highest first' },
  { value: 'window', label: 'Window, closing soonest first' },
  { value: 'updated', label: 'Recently updated first' },
];

const ariaSort = (mine: OpportunitySort, sort: OpportunitySort) => (mine === sort ? (sort === 'priority' ? 'descending' : 'ascending') : undefined);

/** Every opportunity matching the filters, a page at a time, in the order chosen. */
export function OpportunityList({ data, sort, onSort, onPage, editable, onMove }: {
  data: Page<OpportunityDto>;
  sort: OpportunitySort;
  onSort: (s: OpportunitySort) => void;
  onPage: (page: number) => void;
  editable: boolean;
  onMove: (o: OpportunityDto, to: OpportunityStage) => void;
}) {
  const caption = `Opportunities, ${sorts.find((s) => s.value === sort)?.label.toLowerCase() ?? ''}`;
  return (
    <Stack gap="xs">
      <Select label="Sort by" data={sorts} value={sort} onChange={(v) => onSort(v ?? 'priority')} allowDeselect={false} w={280} />
      <Table.ScrollContainer minWidth={900}>
        <Table striped verticalSpacing="xs">
          <Table.Caption>{caption}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Title</Table.Th>
              <Table.Th scope="col">Stage</Table.Th>
              <Table.Th scope="col">Departments</Table.Th>
              <Table.Th scope="col">Owner</Table.Th>
              <Table.Th scope="col" aria-sort={ariaSort('window', sort)}>Window closes</Table.Th>
              <Table.Th scope="col" aria-sort={ariaSort('priority', sort)}>Priority</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.items.map((o) => (
              <Table.Tr key={o.id}>
                <Table.Th scope="row" fw={400} maw={340}>
                  <Stack gap={2}>
                    <Group gap={6} wrap="wrap">
                      <AnchorLink to="/opportunities/$id" params={{ id: o.id }} size="sm" fw={600}>{o.title}</AnchorLink>
                      {o.isPilot && <PilotBadge />}
                    </Group>
                    <ColdNote cold={o.cold} size="xs" />
                  </Stack>
                </Table.Th>
                <Table.Td>
                  <Group gap={6} wrap="wrap">
                    <StageBadge stage={o.stage} />
                    {editable && <StageMenu opportunity={o} onMove={(to) => onMove(o, to)} />}
                  </Group>
                </Table.Td>
                <Table.Td><LinkList items={o.orgUnits} to="/departments/$id" /></Table.Td>
                <Table.Td><Text size="sm">{o.owner?.name ?? '—'}</Text></Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}><Text size="sm">{formatDate(o.windowClosesOn)}</Text></Table.Td>
                <Table.Td><PriorityPopover p={o.priority} title={o.title} /></Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Pager page={data.page} pageSize={data.pageSize} total={data.total} onChange={onPage} noun="opportunities" />
    </Stack>
  );
}
