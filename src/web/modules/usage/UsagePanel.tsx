import { Center, Group, Loader, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { lazy, Suspense, useState } from 'react';
import { INSTITUTION_LEVEL_NOTE, type CounterReportId, type UsageDto } from '../../../shared/contracts/usage.ts';
import { AnchorLink } from '../../components/AnchorLink.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { useUsage } from './api.ts';
import { count, metricLabel, monthLabel } from './labels.ts';

const UsageChart = lazy(() => import('./UsageChart.tsx').then((m) => ({ default: m.UsageChart })));

const PREFERRED_METRIC = 'Total_Item_Requests';

function MonthsTable({ data, metricType }: { data: UsageDto; metricType: string }) {
  const series = data.series.find((s) => s.metricType === metricType);
  if (!series) return null;
  const labels = data.months.map(monthLabel);
  const shown = series.counts.filter((c): c is number => c !== null);
  const summary = `${metricLabel(metricType)} for the whole institution, ${data.report ?? ''}, ${labels[0] ?? ''} to ${labels[labels.length - 1] ?? ''}: ${count(series.total)} in all` +
    (shown.length ? `, from ${count(Math.min(...shown))} to ${count(Math.max(...shown))} a month.` : '.');
  return (
    <Stack gap="xs">
      <Text size="sm">{summary}</Text>
      <Suspense fallback={<Center h={240}><Loader aria-label="Loading the chart" /></Center>}>
        <UsageChart labels={labels} counts={series.counts} summary={summary} />
      </Suspense>
      <Table.ScrollContainer minWidth={320}>
        <Table striped>
          <Table.Caption>{metricLabel(metricType)} by month, {data.report}, whole institution</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Month</Table.Th>
              <Table.Th scope="col" ta="right">{metricLabel(metricType)}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.months.map((m, i) => {
              const c = series.counts[i] ?? null;
              return (
                <Table.Tr key={m}>
                  <Table.Th scope="row" fw={500}>{monthLabel(m)}</Table.Th>
                  <Table.Td ta="right">{c === null ? 'no report' : count(c)}</Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr>
              <Table.Th scope="row">Total</Table.Th>
              <Table.Td ta="right">{count(series.total)}</Table.Td>
            </Table.Tr>
          </Table.Tfoot>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

/**
 * E-resource usage from imported COUNTER reports, by month, for one report and metric type. The
 * figures are the whole institution's: the panel says so, and how a share of them reaches departments.
 */
export function UsagePanel({ headingOrder = 2 }: { headingOrder?: 2 | 3 }) {
  const [report, setReport] = useState<CounterReportId | undefined>();
  const [metric, setMetric] = useState<string | null>(null);
  const usage = useUsage(report);
  const data = usage.data;
  const metrics = data?.series.map((s) => s.metricType) ?? [];
  const metricType = metric && metrics.includes(metric) ? metric : (metrics.includes(PREFERRED_METRIC) ? PREFERRED_METRIC : (metrics[0] ?? null));

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="usage-heading">
      <Stack gap="sm">
        <Title order={headingOrder} size="h3" id="usage-heading">E-resource usage (COUNTER)</Title>
        <Text size="sm">
          {INSTITUTION_LEVEL_NOTE} <AnchorLink to="/imports" size="sm">Go to Imports</AnchorLink>
        </Text>
        <QueryState query={usage} label="Loading usage" isEmpty={(d) => d.reports.length === 0}
          empty="No COUNTER usage imported yet: import a COUNTER Release 5 or 5.1 report (TR, TR_J1, DR, PR, …) under Imports.">
          {(d) => (
            <Stack gap="sm">
              <Group align="end" wrap="wrap">
                <Select label="Report" w={260} allowDeselect={false} value={d.report}
                  data={d.reports.map((r) => ({ value: r.reportId, label: `${r.reportId} (${monthLabel(r.from)} to ${monthLabel(r.to)})` }))}
                  onChange={(v) => v && setReport(v)} />
                <Select label="Metric type" w={260} allowDeselect={false} value={metricType}
                  data={metrics.map((m) => ({ value: m, label: metricLabel(m) }))} onChange={setMetric} />
              </Group>
              {metricType ? <MonthsTable data={d} metricType={metricType} /> : <Text size="sm">No usage in these months.</Text>}
            </Stack>
          )}
        </QueryState>
      </Stack>
    </Paper>
  );
}
