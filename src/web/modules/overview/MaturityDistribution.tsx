import { Center, Loader, Paper, Table, Text, Title } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { QueryState } from '../../components/QueryState.tsx';
import { formatDate } from '../../lib/dates.ts';
import { useMaturityDistribution } from './api.ts';
import { bands, count, type Point } from './bands.ts';

// ECharts is the heaviest thing on the page: it loads after the heatmap, in its own chunk
const MaturityChart = lazy(() => import('./MaturityChart.tsx').then((m) => ({ default: m.MaturityChart })));

const YEARS = 5;

const total = (p: Point) => bands.reduce((n, b) => n + count(p, b.key), 0);
const strong = (p: Point) => count(p, 'partner') + count(p, 'pioneer');

/** One sentence for the chart's text alternative: where maturity stands now, against the first year shown. */
function summarise(points: Point[]): string {
  const first = points[0];
  const last = points.at(-1);
  if (!first || !last) return 'No academic years to show yet.';
  const now = `In ${last.label}, ${strong(last)} of ${total(last)} departments were trusted partners or inspiring pioneers and ${count(last, 'unassessed')} were not yet assessed`;
  return first === last ? `${now}.` : `${now}; in ${first.label}, ${strong(first)} of ${total(first)} were trusted partners or inspiring pioneers.`;
}

/** How many departments stood at each maturity level, year by year: a stacked bar chart and the same figures as a table. */
export function MaturityDistribution() {
  const dist = useMaturityDistribution(YEARS);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="maturity-heading">
      <Title order={2} size="h3" id="maturity-heading" mb="xs">Maturity over time</Title>
      <QueryState query={dist} label="Loading the maturity distribution" isEmpty={(d) => d.points.length === 0} empty="No academic years to show yet.">
        {(data) => {
          const summary = summarise(data.points);
          return (
            <>
              <Text size="sm" mb="sm">{summary} Each department counts at its latest assessment on or before the date shown; all faculties.</Text>
              <Suspense fallback={<Center h={320}><Loader aria-label="Loading the chart" /></Center>}>
                <MaturityChart points={data.points} summary={summary} />
              </Suspense>
              <Table.ScrollContainer minWidth={560} mt="md">
                <Table withColumnBorders verticalSpacing={4}>
                  <Table.Caption>The chart's figures: departments at each maturity level, by academic year</Table.Caption>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">Academic year</Table.Th>
                      {bands.map((b) => <Table.Th key={b.key} scope="col" ta="right">{b.label}</Table.Th>)}
                      <Table.Th scope="col" ta="right">All departments</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {data.points.map((p) => (
                      <Table.Tr key={p.date}>
                        <Table.Th scope="row" fw={500}>{p.label} <Text span size="xs" c="dimmed">as of {formatDate(p.date)}</Text></Table.Th>
                        {bands.map((b) => <Table.Td key={b.key} ta="right">{count(p, b.key)}</Table.Td>)}
                        <Table.Td ta="right">{total(p)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </>
          );
        }}
      </QueryState>
    </Paper>
  );
}
