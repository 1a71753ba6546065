import { Stack, Text } from '@mantine/core';
import { useMemo } from 'react';
import type { ReportChart } from '../../../shared/report-charts.ts';
import { useEChart } from '../../components/useEChart.ts';

/**
 * One of the report's charts in the browser, drawn from the same option the PDF renders (with
 * tooltips for hover detail). The drawing is one image named by the chart's text alternative; the
 * figures themselves are in the tables beside it.
 */
export function ReportChartView({ chart }: { chart: ReportChart }) {
  // the hover detail's box gets a class of its own, so it can be found (and styled) apart from the drawing
  const option = useMemo(() => ({ ...chart.option, tooltip: { ...(chart.option.tooltip as object | undefined), className: 'report-chart-tooltip' } }), [chart.option]);
  const ref = useEChart(option);
  return (
    <Stack gap={4}>
      <div ref={ref} role="img" aria-label={`${chart.title}. ${chart.alt}`} style={{ width: '100%', height: chart.height }} />
      {chart.note && <Text size="sm" c="gray.8">{chart.note}</Text>}
    </Stack>
  );
}
