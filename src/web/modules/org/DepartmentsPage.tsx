import { Badge, Button, Checkbox, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { AnchorLink } from '../../components/AnchorLink.tsx';
import { useState } from 'react';
import { orgUnitTypeLabels, orgUnitTypes } from '../../../shared/contracts/org.ts';
import { Pager } from '../../components/Pager.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { withQuery } from '../../lib/api.ts';
import { academicYearStart, daysSince, formatDate, today } from '../../lib/dates.ts';
import { useMe } from '../identity/api.ts';
import { useCoverageFor } from '../coverage/api.ts';
import { useFaculties, useInstitution, useOrgUnits, type OrgUnitFilter } from './api.ts';

const PAGE_SIZE = 50;

export function DepartmentsPage() {
  const search = useSearch({ from: '/app/departments' });
  const navigate = useNavigate({ from: '/departments' });
  const { data: me } = useMe();
  const inst = useInstitution();
  const faculties = useFaculties();
  const [text, setText] = useState(search.q ?? '');
  const [q] = useDebouncedValue(text.trim(), 250);
  const set = (patch: Partial<typeof search>) => void navigate({ search: (s) => ({ ...s, ...patch, page: patch.page ?? 1 }) });

  const yearStart = inst.data ? academicYearStart(today(), inst.data.academicYearStartMonth, inst.data.academicYearStartDay) : undefined;
  const filter: OrgUnitFilter = {
    q: q || undefined,
    type: search.type ?? 'department',
    withinId: search.withinId,
    coveredBy: search.mine ? me?.user.id : undefined,
    notEngagedSince: search.quiet ? yearStart : undefined,
    status: 'active',
    page: search.page ?? 1,
    pageSize: PAGE_SIZE,
  };
  const units = useOrgUnits(filter, !search.quiet || !!yearStart);
  const ids = units.data?.items.map((u) => u.id) ?? [];
  const coverage = useCoverageFor(ids);
  const { page: _p, pageSize: _s, ...exportFilter } = filter;

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>Departments</Title>
        <Button component="a" href={withQuery('/api/v1/org-units.csv', { ...exportFilter })} variant="light">Export CSV</Button>
      </Group>
      <Group align="end" wrap="wrap">
        <TextInput label="Search by name or code" value={text} onChange={(e) => setText(e.currentTarget.value)} w={260} />
        <Select
          label="Faculty"
          placeholder="All faculties"
          clearable
          data={(faculties.data?.items ?? []).map((f) => ({ value: f.id, label: f.name }))}
          value={search.withinId ?? null}
          onChange={(v) => set({ withinId: v ?? undefined })}
          w={260}
        />
        <Select
          label="Type"
          data={orgUnitTypes.map((t) => ({ value: t, label: orgUnitTypeLabels[t] }))}
          value={search.type ?? 'department'}
          onChange={(v) => set({ type: v ?? undefined })}
          w={220}
          allowDeselect={false}
        />
        <Checkbox label="Covered by me" checked={!!search.mine} onChange={(e) => set({ mine: e.currentTarget.checked || undefined })} mb={8} />
        <Checkbox label="Not engaged this academic year" checked={!!search.quiet} onChange={(e) => set({ quiet: e.currentTarget.checked || undefined })} mb={8} />
      </Group>
      <QueryState query={units} isEmpty={(d) => d.items.length === 0} empty="No units match these filters.">
        {(data) => (
          <>
            <Table.ScrollContainer minWidth={700}>
              <Table striped highlightOnHover>
                <Table.Caption>{orgUnitTypeLabels[(filter.type ?? 'department') as keyof typeof orgUnitTypeLabels]} units, with who covers them and the last engagement</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">Name</Table.Th>
                    <Table.Th scope="col">Faculty</Table.Th>
                    <Table.Th scope="col">Code</Table.Th>
                    <Table.Th scope="col">Coverage</Table.Th>
                    <Table.Th scope="col">Last engagement</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.items.map((u) => {
                    const cover = coverage.data?.get(u.id) ?? [];
                    const days = daysSince(u.lastEngagementOn);
                    return (
                      <Table.Tr key={u.id}>
                        <Table.Td><AnchorLink to="/departments/$id" params={{ id: u.id }}>{u.name}</AnchorLink></Table.Td>
                        <Table.Td>{u.parentName ?? '—'}</Table.Td>
                        <Table.Td>{u.code ?? '—'}</Table.Td>
                        <Table.Td>
                          {coverage.isPending ? <Text size="sm" c="dimmed">…</Text> : cover.length ? (
                            <Text size="sm">{[...new Set(cover.map((c) => c.user.name))].join(', ')}</Text>
                          ) : <Badge color="orange.9" variant="outline">No cover</Badge>}
                        </Table.Td>
                        <Table.Td>
                          {u.lastEngagementOn ? <Text size="sm">{formatDate(u.lastEngagementOn)} <Text span c="dimmed" size="sm">({days} days ago)</Text></Text> : <Badge color="gray.8" variant="outline">Never</Badge>}
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <Pager page={data.page} pageSize={data.pageSize} total={data.total} onChange={(page) => set({ page })} noun="units" />
          </>
        )}
      </QueryState>
    </Stack>
  );
}
