import { Button, Group, Modal, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { planStatusLabels, planStatuses, type ActionPlanSummaryDto, type PlanStatus } from '../../../shared/contracts/plans.ts';
import { AnchorLink } from '../../components/AnchorLink.tsx';
import { Pager } from '../../components/Pager.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { formatDate } from '../../lib/dates.ts';
import { canEdit, useMe } from '../identity/api.ts';
import { useCurrentYear, usePlans, yearLabel } from './api.ts';
import { StartPlanForm, yearChoices } from './StartPlanForm.tsx';
import { overdueWords, progressWords } from './words.ts';

const PAGE_SIZE = 50;
const statusData = planStatuses.map((s) => ({ value: s, label: planStatusLabels[s] }));
const isStatus = (s: string | undefined): s is PlanStatus => planStatuses.includes(s as PlanStatus);

export interface PlansSearch {
  year?: number;
  status?: string;
  page?: number;
}

export function ActionPlansPage() {
  const search = useSearch({ from: '/app/plans' });
  const navigate = useNavigate({ from: '/plans' });
  return <ActionPlansView search={search} set={(patch) => void navigate({ search: (s) => ({ ...s, ...patch, page: patch.page ?? 1 }) })} />;
}

/** Every department's action plan for one academic year (the current one unless the URL says), 50 to a page. */
export function ActionPlansView({ search, set }: { search: PlansSearch; set: (patch: PlansSearch) => void }) {
  const { data: me } = useMe();
  const current = useCurrentYear();
  const [starting, setStarting] = useState(false);
  const year = search.year ?? current;
  const status = isStatus(search.status) ? search.status : undefined;
  const plans = usePlans({ year, status, page: search.page ?? 1, pageSize: PAGE_SIZE }, year !== undefined);
  const years = current !== undefined ? yearChoices(current, 5) : [];
  // a year from the URL outside the usual range still shows as chosen
  if (year !== undefined && !years.some((y) => y.value === String(year))) years.push({ value: String(year), label: yearLabel(year) });

  return (
    <Stack>
      <Group justify="space-between" wrap="wrap">
        <Title order={1}>Action plans</Title>
        {canEdit(me) && current !== undefined && <Button onClick={() => setStarting(true)}>Start a plan</Button>}
      </Group>
      <Group align="end" wrap="wrap" gap="sm" role="search" aria-label="Filter action plans">
        <Select label="Academic year" data={years} value={year !== undefined ? String(year) : null} allowDeselect={false}
          onChange={(v) => v && set({ year: Number(v) })} w={160} />
        <Select label="Status" placeholder="Any status" clearable data={statusData} value={status ?? null}
          onChange={(v) => set({ status: v ?? undefined })} w={180} />
      </Group>
      <QueryState
        query={plans} label="Loading action plans" isEmpty={(d) => d.items.length === 0}
        empty={status ? 'No plans with this status for this year.' : 'No action plans for this year yet.'}
      >
        {(data) => (
          <>
            <Table.ScrollContainer minWidth={760}>
              <Table striped highlightOnHover verticalSpacing="xs">
                <Table.Caption>Action plans for {year !== undefined && yearLabel(year)}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">Department</Table.Th>
                    <Table.Th scope="col">Status</Table.Th>
                    <Table.Th scope="col">Agreed</Table.Th>
                    <Table.Th scope="col">Actions</Table.Th>
                    <Table.Th scope="col">Overdue</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>{data.items.map((p) => <PlanRow key={p.id} plan={p} />)}</Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <Pager page={data.page} pageSize={data.pageSize} total={data.total} onChange={(page) => set({ page })} noun="plans" />
          </>
        )}
      </QueryState>
      <Modal opened={starting} onClose={() => setStarting(false)} title="Start an action plan">
        {starting && current !== undefined && <StartPlanForm currentYear={current} onDone={() => setStarting(false)} />}
      </Modal>
    </Stack>
  );
}

function PlanRow({ plan: p }: { plan: ActionPlanSummaryDto }) {
  return (
    <Table.Tr>
      <Table.Td>
        <AnchorLink to="/plans/$id" params={{ id: p.id }} size="sm">{p.orgUnit.name}</AnchorLink>
      </Table.Td>
      <Table.Td>{planStatusLabels[p.status]}</Table.Td>
      <Table.Td>
        {p.agreedBy ? <Text size="sm">{p.agreedBy}{p.agreedOn && `, ${formatDate(p.agreedOn)}`}</Text> : <Text size="sm" c="dimmed">Not yet</Text>}
      </Table.Td>
      <Table.Td>{progressWords(p.actions)}</Table.Td>
      <Table.Td>{overdueWords(p.actions.overdue)}</Table.Td>
    </Table.Tr>
  );
}
