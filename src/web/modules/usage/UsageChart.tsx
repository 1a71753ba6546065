import { LineChart } from 'echarts/charts';
import { AriaComponent, GridSimpleComponent } from 'echarts/components';
import { use as registerParts } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useMemo } from 'react';
import { useEChart } from '../../components/useEChart.ts';

// only what this chart draws, so the rest of ECharts stays out of the bundle
registerParts([LineChart, GridSimpleComponent, AriaComponent, SVGRenderer]);

const INK = '#1a1b1e';

/** One metric type's monthly counts as a line; months no report covers are gaps. The table beside it holds the figures. */
export function UsageChart({ labels, counts, summary }: { labels: string[]; counts: (number | null)[]; summary: string }) {
  const option = useMemo(() => ({
      aria: { enabled: true, label: { enabled: false } },
      grid: { left: 56, right: 16, top: 16, bottom: 32 },
      xAxis: { type: 'category', data: labels, axisLabel: { color: INK }, axisLine: { lineStyle: { color: INK } } },
      yAxis: { type: 'value', min: 0, axisLabel: { color: INK } },
      series: [{ type: 'line', color: '#364fc7', symbol: 'circle', symbolSize: 8, lineStyle: { width: 3 }, data: counts, connectNulls: false }],
    }), [labels, counts]);
  const ref = useEChart(option);
  return <div ref={ref} role="img" aria-label={`Line chart. ${summary}`} style={{ width: '100%', height: 240 }} />;
}
