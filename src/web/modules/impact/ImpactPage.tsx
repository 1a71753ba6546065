import { Button, Group, Modal, SegmentedControl, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useNavigate } from '@tanstack/react-router';
import { useId, useState } from 'react';
import { impactStatuses, impactStatusLabels, type ImpactEvaluationDto, type ImpactStatus, type ImpactSummaryDto } from '../../../shared/contracts/impact.ts';
import { AnchorLink } from '../../components/AnchorLink.tsx';
import { Pager } from '../../components/Pager.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { formatDate } from '../../lib/dates.ts';
import { DepartmentFilter } from '../engagements/EngagementFormDepartments.tsx';
import { canEdit, useMe } from '../identity/api.ts';
import { useImpactEvaluations } from './api.ts';
import { ImpactForm } from './ImpactForm.tsx';
import { StatusBadge } from './labels.tsx';

const PAGE_SIZE = 25;
const statusOptions = [{ value: 'all', label: 'All' }, ...impactStatuses.map((s) => ({ value: s, label: impactStatusLabels[s] }))];

export function ImpactPage() {
  const navigate = useNavigate();
  return <ImpactView onCreated={(e) => void navigate({ to: '/impact/$id', params: { id: e.id } })} />;
}

/** Impact evaluations, most recently changed first, filtered by status, department and words. */
export function ImpactView({ onCreated }: { onCreated: (e: ImpactEvaluationDto) => void }) {
  const { data: me } = useMe();
  const statusId = useId();
  const [status, setStatus] = useState<ImpactStatus | undefined>();
  const [orgUnitId, setOrgUnitId] = useState<string | undefined>();
  const [text, setText] = useState('');
  const [q] = useDebouncedValue(text.trim(), 250);
  const [page, setPage] = useState(1);
  const [adding, setAdding] = useState(false);
  const evaluations = useImpactEvaluations({ status, orgUnitId, q: q || undefined, page, pageSize: PAGE_SIZE });
  /** Any filter change starts again at page 1. */
  const change = <T,>(set: (v: T) => void) => (v: T) => {
    set(v);
    setPage(1);
  };

  return (
    <Stack>
      <Group justify="space-between" wrap="wrap">
        <Title order={1}>Impact evaluations</Title>
        {canEdit(me) && <Button onClick={() => setAdding(true)}>New impact evaluation</Button>}
      </Group>
      <Text size="sm" c="gray.8">Each initiative told the same way: aims, what we did, what we learned, how we acted, how we measured and communicated impact.</Text>
      <Group align="end" wrap="wrap">
        <Stack gap={4}>
          <Text component="div" size="sm" fw={500} id={statusId}>Status</Text>
          <SegmentedControl aria-labelledby={statusId} data={statusOptions} value={status ?? 'all'}
            onChange={(v) => change(setStatus)(v === 'all' ? undefined : (v as ImpactStatus))} />
        </Stack>
        <DepartmentFilter value={orgUnitId} onChange={change(setOrgUnitId)} w={260} />
        <TextInput label="Words" type="search" w={240} value={text} onChange={(ev) => change(setText)(ev.currentTarget.value)} />
      </Group>
      <QueryState query={evaluations} label="Loading impact evaluations" isEmpty={(d) => d.items.length === 0}
        empty={status || orgUnitId || q ? 'No impact evaluation matches these filters.' : 'No impact evaluations yet.'}>
        {(data) => (
          <>
            <ImpactTable items={data.items} />
            <Pager page={data.page} pageSize={data.pageSize} total={data.total} onChange={setPage} noun="evaluations" />
          </>
        )}
      </QueryState>
      <Modal opened={adding} onClose={() => setAdding(false)} title="New impact evaluation" size="xl">
        {adding && <ImpactForm onCancel={() => setAdding(false)} onSaved={(e) => { setAdding(false); onCreated(e); }} />}
      </Modal>
    </Stack>
  );
}

function ImpactTable({ items }: { items: ImpactSummaryDto[] }) {
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped highlightOnHover>
        <Table.Caption>Impact evaluations, most recently updated first</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Initiative</Table.Th>
            <Table.Th scope="col">Status</Table.Th>
            <Table.Th scope="col">Departments</Table.Th>
            <Table.Th scope="col">Updated</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((e) => (
            <Table.Tr key={e.id}>
              <Table.Td><AnchorLink to="/impact/$id" params={{ id: e.id }}>{e.initiative}</AnchorLink></Table.Td>
              <Table.Td><StatusBadge status={e.status} /></Table.Td>
              <Table.Td>{e.orgUnits.length ? e.orgUnits.map((u) => u.name).join(', ') : <Text span size="sm" c="gray.8">None named</Text>}</Table.Td>
              <Table.Td>{formatDate(e.updatedAt)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
