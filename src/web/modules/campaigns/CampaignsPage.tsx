import { Button, Group, Modal, SegmentedControl, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useId, useState } from 'react';
import type { CampaignDto, CampaignStatus } from '../../../shared/contracts/campaigns.ts';
import { reachText, statusLabels } from './labels.ts';
import { AnchorLink } from '../../components/AnchorLink.tsx';
import { Pager } from '../../components/Pager.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { period } from '../goals/parts.tsx';
import { canEdit, useMe } from '../identity/api.ts';
import { useCampaigns } from './api.ts';
import { CampaignForm } from './CampaignForm.tsx';

const PAGE_SIZE = 25;

const statusOptions = [{ value: 'all', label: 'All' }, ...(['current', 'upcoming', 'past'] as const).map((s) => ({ value: s, label: statusLabels[s] }))];

/** Service-wide campaigns, latest first; the status and page live in the address. */
export function CampaignsPage() {
  const search = useSearch({ from: '/app/campaigns' });
  const navigate = useNavigate({ from: '/campaigns' });
  const { data: me } = useMe();
  return (
    <CampaignsView
      status={search.status} page={search.page ?? 1} manager={canEdit(me, 'manager')}
      onFilter={(s) => void navigate({ search: (old) => ({ ...old, ...s }) })}
      onCreated={(c) => void navigate({ to: '/campaigns/$id', params: { id: c.id } })}
    />
  );
}

export function CampaignsView({ status, page, manager, onFilter, onCreated }: {
  status: CampaignStatus | undefined;
  page: number;
  manager: boolean;
  onFilter: (s: { status?: CampaignStatus; page?: number }) => void;
  onCreated: (c: CampaignDto) => void;
}) {
  const statusId = useId();
  const [text, setText] = useState('');
  const [q] = useDebouncedValue(text.trim(), 250);
  const [adding, setAdding] = useState(false);
  const campaigns = useCampaigns({ status, q: q || undefined, page, pageSize: PAGE_SIZE });

  return (
    <Stack>
      <Group justify="space-between" wrap="wrap">
        <Title order={1}>Campaigns</Title>
        {manager && <Button onClick={() => setAdding(true)}>New campaign</Button>}
      </Group>
      <Group align="end" wrap="wrap">
        <Stack gap={4}>
          <Text component="div" size="sm" fw={500} id={statusId}>Status</Text>
          <SegmentedControl
            aria-labelledby={statusId} data={statusOptions} value={status ?? 'all'}
            onChange={(v) => onFilter({ status: v === 'all' ? undefined : (v as CampaignStatus), page: undefined })}
          />
        </Stack>
        <TextInput label="Search by name" type="search" value={text} w={260}
          onChange={(ev) => {
            setText(ev.currentTarget.value);
            if (page !== 1) onFilter({ page: undefined });
          }} />
      </Group>
      <QueryState query={campaigns} label="Loading campaigns" isEmpty={(d) => d.items.length === 0}
        empty={status || q ? 'No campaign matches these filters.' : 'No campaigns yet.'}>
        {(data) => (
          <>
            <CampaignsTable items={data.items} />
            <Pager page={data.page} pageSize={data.pageSize} total={data.total} onChange={(p) => onFilter({ page: p })} noun="campaigns" />
          </>
        )}
      </QueryState>
      <Modal opened={adding} onClose={() => setAdding(false)} title="New campaign" size="lg">
        {adding && <CampaignForm onCancel={() => setAdding(false)} onSaved={(c) => { setAdding(false); onCreated(c); }} />}
      </Modal>
    </Stack>
  );
}

function CampaignsTable({ items }: { items: CampaignDto[] }) {
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped highlightOnHover>
        <Table.Caption>Campaigns, latest start first, with how many of their target departments they have reached</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Name</Table.Th>
            <Table.Th scope="col">Period</Table.Th>
            <Table.Th scope="col">Status</Table.Th>
            <Table.Th scope="col">Targets</Table.Th>
            <Table.Th scope="col">Reach</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((c) => (
            <Table.Tr key={c.id}>
              <Table.Td><AnchorLink to="/campaigns/$id" params={{ id: c.id }}>{c.name}</AnchorLink></Table.Td>
              <Table.Td>{period(c.startsOn, c.endsOn)}</Table.Td>
              <Table.Td>{statusLabels[c.status]}</Table.Td>
              <Table.Td>{c.reach.targeted}</Table.Td>
              <Table.Td>{reachText(c.reach)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
