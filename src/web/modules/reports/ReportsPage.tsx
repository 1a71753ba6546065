import { Badge, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { AnchorLink } from '../../components/AnchorLink.tsx';
import { Pager } from '../../components/Pager.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { canEdit, useMe } from '../identity/api.ts';
import { useReportList, useReportYears } from './api.ts';
import { ReportBatch } from './ReportBatch.tsx';

const formatDate = (d: string) => new Date(`${d}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/** Annual departmental reports: every department's report for a year, and how far each has got. */
export function ReportsPage() {
  const years = useReportYears();
  const [picked, setPicked] = useState<string | null>(null);
  const year = picked ?? years[0]?.value ?? '';
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const list = useReportList({ year: year ? Number(year) : undefined, q: q.trim() || undefined, page });
  const { data: me } = useMe();
  return (
    <Stack>
      <Title order={1}>Annual reports</Title>
      <Text maw={720}>
        Each department’s year in numbers and words: its figures come from what has been logged, imported and captured; the introduction,
        conclusion, the discussion with the head of department and next year’s actions are yours to write.
      </Text>
      <Text><AnchorLink to="/reports/library">The library’s year: every department at once, and the themes for planning</AnchorLink></Text>
      <Group align="end">
        <Select label="Academic year" data={years} value={year} allowDeselect={false} onChange={(v) => { setPicked(v ?? year); setPage(1); }} />
        <TextInput label="Department" placeholder="Name contains…" value={q} onChange={(e) => { setQ(e.currentTarget.value); setPage(1); }} />
      </Group>
      {canEdit(me, 'manager') && year && <ReportBatch key={year} year={Number(year)} label={years.find((y) => y.value === year)?.label ?? year} />}
      <QueryState query={list} label="Loading reports" isEmpty={(d) => d.total === 0} empty="No department matches.">
        {(d) => (
          <>
            <Table.ScrollContainer minWidth={640}>
              <Table striped>
                <Table.Caption>Reports for {d.year.label}</Table.Caption>
                <Table.Thead>
                  <Table.Tr><Table.Th>Department</Table.Th><Table.Th>Faculty</Table.Th><Table.Th>Written</Table.Th><Table.Th>Discussed</Table.Th><Table.Th>Key themes</Table.Th></Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {d.items.map((r) => (
                    <Table.Tr key={r.orgUnit.id}>
                      <Table.Td><AnchorLink to="/reports/$orgUnitId/$year" params={{ orgUnitId: r.orgUnit.id, year: d.year.key }}>{r.orgUnit.name}</AnchorLink></Table.Td>
                      <Table.Td>{r.orgUnit.parentName ?? '—'}</Table.Td>
                      <Table.Td>{r.written ? 'Yes' : 'Draft from the data'}</Table.Td>
                      <Table.Td>{r.discussedOn ? formatDate(r.discussedOn) : 'Not yet'}</Table.Td>
                      <Table.Td>
                        <Group gap={4}>{r.themes.length ? r.themes.map((t) => <Badge key={t} variant="outline" color="dark" style={{ textTransform: 'none' }}>{t}</Badge>) : '—'}</Group>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <Pager page={d.page} pageSize={d.pageSize} total={d.total} onChange={setPage} noun="departments" />
          </>
        )}
      </QueryState>
    </Stack>
  );
}
