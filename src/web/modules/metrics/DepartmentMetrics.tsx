import { Button, Center, Loader, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { lazy, Suspense, useId, useState } from 'react';
import { unitTypeNouns, type MetricPointDto, type OrgUnitMetricsDto } from '../../../shared/contracts/metrics.ts';
import { AnchorLink } from '../../components/AnchorLink.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { useOrgUnitMetrics } from './api.ts';
import { averageOf, directionLabels, formatNumber, formatValue } from './labels.ts';

// ECharts loads in its own chunk, after the figures
const MetricTrendChart = lazy(() => import('./MetricTrendChart.tsx').then((m) => ({ default: m.MetricTrendChart })));

/** Tables of more periods than this start folded (a monthly metric over four years has 48). */
const OPEN_UP_TO = 8;

type Item = OrgUnitMetricsDto['items'][number];
type Unit = OrgUnitMetricsDto['orgUnit'];

/** One sentence for the chart's text alternative and the card: the latest figure against the average, and the change since the first. */
export function summarise(item: Item, unit: Unit): string {
  const withValue = item.points.filter((p): p is MetricPointDto & { value: number } => p.value !== null);
  const last = withValue.at(-1);
  const first = withValue[0];
  if (!last || !first) return `${unit.name} has no figure yet.`;
  const u = item.metric.unit;
  const avg = last.institutionAverage === null ? '' : ` (${averageOf(last.unitsInAverage, unit.type)}: ${formatValue(last.institutionAverage, u)})`;
  const now = `In ${last.label}, ${formatValue(last.value, u)}${avg}`;
  if (first === last) return `${now}.`;
  const change = last.value > first.value ? 'up from' : last.value < first.value ? 'down from' : 'the same as';
  return `${now}; ${change} ${formatValue(first.value, u)} in ${first.label}.`;
}

function MetricCard({ item, unit }: { item: Item; unit: Unit }) {
  const headingId = useId();
  const tableId = useId();
  const [open, setOpen] = useState(item.points.length <= OPEN_UP_TO);
  const m = item.metric;
  const many = unitTypeNouns[unit.type][1];
  const averageName = `Average of ${many}`;
  const summary = summarise(item, unit);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId}>
      <Title order={3} size="h4" id={headingId}>{m.name}</Title>
      <Text size="sm" c="gray.8">{directionLabels[m.direction]} · {m.unit}{m.source ? ` · source: ${m.source}` : ''}</Text>
      <Text size="sm" mt="xs">{summary}</Text>
      <Suspense fallback={<Center h={260}><Loader aria-label="Loading the chart" /></Center>}>
        <MetricTrendChart points={item.points} unitName={unit.name} averageName={averageName} unit={m.unit} summary={summary} />
      </Suspense>
      <Text size="xs" c="gray.8">
        The average for each period is the mean over the {many} with a figure for it, {unit.name} included.
      </Text>
      <Button variant="subtle" size="compact-sm" mt="xs" aria-expanded={open} aria-controls={tableId} onClick={() => setOpen((o) => !o)}>
        {open ? 'Hide table' : `Show table (${item.points.length} periods)`}
      </Button>
      {open && (
        <Table.ScrollContainer minWidth={420} mt="xs" id={tableId}>
          <Table withColumnBorders verticalSpacing={4}>
            <Table.Caption>{m.name}: {unit.name} and the {averageName.toLowerCase()}, by period</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Period</Table.Th>
                <Table.Th scope="col" ta="right">{unit.name} ({m.unit})</Table.Th>
                <Table.Th scope="col" ta="right">Institution average ({m.unit})</Table.Th>
                <Table.Th scope="col">Averaged over</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {item.points.map((p) => (
                <Table.Tr key={p.period}>
                  <Table.Th scope="row" fw={500}>{p.label}</Table.Th>
                  <Table.Td ta="right">{formatNumber(p.value)}</Table.Td>
                  <Table.Td ta="right">{formatNumber(p.institutionAverage)}</Table.Td>
                  <Table.Td>{p.unitsInAverage ? averageOf(p.unitsInAverage, unit.type) : '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}

/** A department's metrics: one card per metric it has figures for, its trend against departments like it. */
export function DepartmentMetrics({ orgUnitId }: { orgUnitId: string }) {
  const metrics = useOrgUnitMetrics(orgUnitId);
  return (
    <Stack component="section" aria-labelledby="department-metrics-heading" gap="sm">
      <Title order={2} id="department-metrics-heading">Metrics</Title>
      <QueryState query={metrics} label="Loading metrics" isEmpty={(d) => d.items.length === 0}
        empty={<>No metric has a figure for this unit yet. Figures arrive through <AnchorLink to="/imports">Imports</AnchorLink>, or are entered under <AnchorLink to="/metrics">Metrics</AnchorLink>.</>}>
        {(data) => (
          <SimpleGrid cols={{ base: 1, lg: 2 }}>
            {data.items.map((item) => <MetricCard key={item.metric.id} item={item} unit={data.orgUnit} />)}
          </SimpleGrid>
        )}
      </QueryState>
    </Stack>
  );
}
