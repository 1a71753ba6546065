import { Badge, Group, List, Paper, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { LibraryYearDto } from '../../../shared/contracts/reports.ts';
import { AnchorLink } from '../../components/AnchorLink.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { get } from '../../lib/api.ts';
import { useReportYears } from './api.ts';
import { formatDay } from './ReportSections.tsx';

const n = (x: number) => x.toLocaleString('en-GB');

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <Paper withBorder p="sm">
      <Text size="xl" fw={700}>{value}</Text>
      <Text size="sm" c="gray.8">{label}</Text>
    </Paper>
  );
}

/**
 * The library's year across every department: coverage, the maturity distribution, engagement and
 * teaching totals, evidence highlights, and the key themes of every department's discussion ranked by
 * how many departments raised them, each linked to its departments' reports: the input to planning.
 */
export function LibraryYearPage() {
  const years = useReportYears();
  // the year just ended, by the institution's own start of year: the one whose reports are being written
  const [picked, setPicked] = useState<string | null>(null);
  const year = picked ?? years[1]?.value ?? '';
  const data = useQuery({ queryKey: ['reports', 'library', year], queryFn: () => get<LibraryYearDto>('/api/v1/reports/library', { year }), enabled: year !== '' });
  return (
    <Stack>
      <Text><AnchorLink to="/reports">Annual reports</AnchorLink></Text>
      <Title order={1}>The library’s year</Title>
      <Select label="Academic year" data={years} value={year} allowDeselect={false} onChange={(v) => setPicked(v ?? year)} w={200} />
      <QueryState query={data} label="Loading the library’s year">
        {(y) => (
          <Stack gap="lg">
            <SimpleGrid cols={{ base: 2, sm: 4 }}>
              <Figure label={`of ${n(y.departments)} departments engaged`} value={n(y.departmentsEngaged)} />
              <Figure label="engagements" value={n(y.engagements)} />
              <Figure label={`teaching sessions, ${n(y.teaching.attendees)} attendees`} value={n(y.teaching.sessions)} />
              <Figure label="user hours of teaching (SCONUL)" value={n(y.teaching.userHours)} />
            </SimpleGrid>
            <Stack component="section" aria-labelledby="themes-heading" gap="sm">
              <Title order={2} size="h3" id="themes-heading">Themes for planning</Title>
              <Text>
                The key themes recorded after {n(y.reportsDiscussed)} {y.reportsDiscussed === 1 ? 'meeting' : 'meetings'} with heads of department in {y.year.label},
                most often raised first.
              </Text>
              {y.themes.length ? (
                <Table striped>
                  <Table.Caption>Key themes, {y.year.label}</Table.Caption>
                  <Table.Thead><Table.Tr><Table.Th>Theme</Table.Th><Table.Th>Departments</Table.Th><Table.Th>Raised by</Table.Th></Table.Tr></Table.Thead>
                  <Table.Tbody>
                    {y.themes.map((t) => (
                      <Table.Tr key={t.theme}>
                        <Table.Td>{t.theme}</Table.Td>
                        <Table.Td>{n(t.departments.length)}</Table.Td>
                        <Table.Td>
                          <Group gap={6}>
                            {t.departments.map((d, i) => (
                              <span key={d.id}>
                                <AnchorLink to="/reports/$orgUnitId/$year" params={{ orgUnitId: d.id, year: y.year.key }}>{d.name}</AnchorLink>{i < t.departments.length - 1 ? ',' : ''}
                              </span>
                            ))}
                          </Group>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              ) : <Text>No themes recorded yet: they come from each report’s discussion with the head of department.</Text>}
            </Stack>
            <Stack component="section" aria-labelledby="maturity-heading" gap="sm">
              <Title order={2} size="h3" id="maturity-heading">Where the partnerships stand</Title>
              <Group gap="xs">{y.maturity.map((m) => <Badge key={m.level} variant="outline" color="dark" size="lg" style={{ textTransform: 'none' }}>{m.label}: {n(m.departments)}</Badge>)}</Group>
            </Stack>
            <Stack component="section" aria-labelledby="highlights-heading" gap="sm">
              <Title order={2} size="h3" id="highlights-heading">In people’s words</Title>
              {y.highlights.length ? (
                <List spacing="sm">
                  {y.highlights.map((h) => (
                    <List.Item key={h.id}>
                      “{h.text}” <Text span size="sm" c="gray.8">{[h.source, h.orgUnits.join(', '), formatDay(h.occurredOn)].filter(Boolean).join(' · ')}</Text>
                    </List.Item>
                  ))}
                </List>
              ) : <Text>No quotes or feedback were captured this year.</Text>}
              <Text size="sm">{n(y.evidenceCaptured)} pieces of evidence captured in all.</Text>
            </Stack>
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}
