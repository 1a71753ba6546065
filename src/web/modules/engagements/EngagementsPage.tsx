import { Badge, Button, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useNavigate, useSearch } from '@tanstack/react-router';
import type { EngagementDto } from '../../../shared/contracts/engagements.ts';
import { AnchorLink } from '../../components/AnchorLink.tsx';
import { useAppActions } from '../../components/actions.ts';
import { Pager } from '../../components/Pager.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { withQuery } from '../../lib/api.ts';
import { formatDate } from '../../lib/dates.ts';
import { canEdit, useMe } from '../identity/api.ts';
import { useVocab } from '../org/api.ts';
import { useEngagements, useStaff, type EngagementFilter } from './api.ts';
import { DateField } from './EngagementFormDate.tsx';
import { DepartmentFilter } from './EngagementFormDepartments.tsx';

const PAGE_SIZE = 50;
const initiatedData = [{ value: 'library', label: 'The library' }, { value: 'partner', label: 'The partner' }];

/** The engagement log: every engagement, filtered by the URL's search params, 50 to a page. */
export function EngagementsPage() {
  const search = useSearch({ from: '/app/engagements' });
  const navigate = useNavigate({ from: '/engagements' });
  const { data: me } = useMe();
  const actions = useAppActions();
  const types = useVocab('engagement_type');
  const themes = useVocab('theme');
  const staff = useStaff();
  const set = (patch: Partial<typeof search>) => void navigate({ search: (s) => ({ ...s, ...patch, page: patch.page ?? 1 }) });

  const { page: _page, ...filters } = search;
  const filter: EngagementFilter = { ...filters, page: search.page ?? 1, pageSize: PAGE_SIZE };
  const engagements = useEngagements(filter);
  const filtered = Object.values(filters).some((v) => v !== undefined);

  return (
    <Stack>
      <Group justify="space-between" wrap="wrap">
        <Title order={1}>Engagements</Title>
        <Group gap="sm">
          <Button component="a" href={withQuery('/api/v1/engagements.csv', { ...filters })} variant="light">Export CSV</Button>
          {canEdit(me) && <Button onClick={() => actions.openQuickLog({ orgUnitId: search.orgUnitId })}>Log engagement</Button>}
        </Group>
      </Group>
      <Group align="end" wrap="wrap" gap="sm" role="search" aria-label="Filter engagements">
        <DateField label="From" description={null} clearable value={search.from ?? null} onChange={(v) => set({ from: v ?? undefined })} w={160} />
        <DateField label="To" description={null} clearable value={search.to ?? null} onChange={(v) => set({ to: v ?? undefined })} w={160} />
        <Select label="Type" placeholder="Any type" clearable searchable data={(types.data ?? []).map((t) => ({ value: t.id, label: t.label }))}
          value={search.typeId ?? null} onChange={(v) => set({ typeId: v ?? undefined })} w={190} />
        <Select label="Theme" placeholder="Any theme" clearable searchable data={(themes.data ?? []).map((t) => ({ value: t.id, label: t.label }))}
          value={search.themeId ?? null} onChange={(v) => set({ themeId: v ?? undefined })} w={210} />
        <DepartmentFilter value={search.orgUnitId} onChange={(orgUnitId) => set({ orgUnitId })} w={240} />
        <Select label="Library staff" placeholder="Anyone" clearable searchable data={(staff.data?.items ?? []).map((u) => ({ value: u.id, label: u.id === me?.user.id ? `${u.name} (me)` : u.name }))}
          value={search.staffId ?? null} onChange={(v) => set({ staffId: v ?? undefined })} w={210} />
        <Select label="Initiated by" placeholder="Either" clearable data={initiatedData}
          value={search.initiatedBy ?? null} onChange={(v) => set({ initiatedBy: v === 'library' || v === 'partner' ? v : undefined })} w={160} />
        {filtered && <Button variant="subtle" onClick={() => void navigate({ search: {} })}>Clear filters</Button>}
      </Group>
      <QueryState
        query={engagements}
        isEmpty={(d) => d.items.length === 0}
        empty={filtered ? 'No engagements match these filters.' : 'Nothing logged yet. Log an engagement with the button above or Ctrl+Shift+L from any page.'}
        label="Loading engagements"
      >
        {(data) => (
          <>
            <Table.ScrollContainer minWidth={900}>
              <Table striped highlightOnHover verticalSpacing="xs">
                <Table.Caption>Engagements, newest first</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">Date</Table.Th>
                    <Table.Th scope="col">Type</Table.Th>
                    <Table.Th scope="col">Summary</Table.Th>
                    <Table.Th scope="col">Departments</Table.Th>
                    <Table.Th scope="col">People</Table.Th>
                    <Table.Th scope="col">Staff</Table.Th>
                    <Table.Th scope="col">Initiated by</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>{data.items.map((e) => <EngagementRow key={e.id} e={e} />)}</Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <Pager page={data.page} pageSize={data.pageSize} total={data.total} onChange={(page) => set({ page })} noun="engagements" />
          </>
        )}
      </QueryState>
    </Stack>
  );
}

function EngagementRow({ e }: { e: EngagementDto }) {
  return (
    <Table.Tr>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(e.occurredOn)}</Table.Td>
      <Table.Td>{e.type.label}</Table.Td>
      <Table.Td maw={360}>
        <AnchorLink to="/engagements/$id" params={{ id: e.id }} size="sm">
          <Text span size="sm" lineClamp={2} inherit>{e.summary}</Text>
        </AnchorLink>
      </Table.Td>
      <Table.Td>
        <LinkList items={e.orgUnits} to="/departments/$id" />
      </Table.Td>
      <Table.Td>
        <LinkList items={e.people} to="/people/$id" />
      </Table.Td>
      <Table.Td><Text size="sm">{e.staff.map((s) => s.name).join(', ') || '—'}</Text></Table.Td>
      <Table.Td><InitiatedBadge by={e.initiatedBy} /></Table.Td>
    </Table.Tr>
  );
}

/** Outline with a 9 shade: in Mantine 9 a shaded "light" badge paints the shade as its background. */
export function InitiatedBadge({ by }: { by: EngagementDto['initiatedBy'] }) {
  return by === 'partner'
    ? <Badge color="teal.9" variant="outline" tt="none">Partner</Badge>
    : <Badge color="indigo.9" variant="outline" tt="none">Library</Badge>;
}

/** Comma-separated links to departments, people, goals or campaigns; a dash when there are none. */
export function LinkList({ items, to }: { items: { id: string; name: string }[]; to: '/departments/$id' | '/people/$id' | '/goals/$id' | '/campaigns/$id' }) {
  if (!items.length) return <Text size="sm" c="dimmed">—</Text>;
  return (
    <Text size="sm">
      {items.map((x, i) => (
        <span key={x.id}>
          {i > 0 && ', '}
          <AnchorLink to={to} params={{ id: x.id }} size="sm">{x.name}</AnchorLink>
        </span>
      ))}
    </Text>
  );
}
