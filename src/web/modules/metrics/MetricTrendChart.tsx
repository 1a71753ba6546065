import { LineChart } from 'echarts/charts';
import { AriaComponent, GridSimpleComponent, LegendPlainComponent } from 'echarts/components';
import { use as registerParts } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useMemo } from 'react';
import type { MetricPointDto } from '../../../shared/contracts/metrics.ts';
import { useEChart } from '../../components/useEChart.ts';

// only what this chart draws, so the rest of ECharts stays out of the bundle
registerParts([LineChart, GridSimpleComponent, LegendPlainComponent, AriaComponent, SVGRenderer]);

const INK = '#1a1b1e';

/**
 * This unit's figures against the institution's average, period by period. The lines differ by more
 * than colour: the unit's is solid with round markers, the average's dashed with triangles, and the
 * legend shows both. The container is one image named by the summary; the figures are in the table beside it.
 */
export function MetricTrendChart({ points, unitName, averageName, unit, summary }: {
  points: MetricPointDto[];
  unitName: string;
  averageName: string;
  unit: string;
  summary: string;
}) {
  const option = useMemo(() => ({
      aria: { enabled: true, label: { enabled: false } },
      legend: { top: 0, textStyle: { color: INK } },
      grid: { left: 48, right: 16, top: 40, bottom: 32 },
      xAxis: { type: 'category', data: points.map((p) => p.label), axisLabel: { color: INK }, axisLine: { lineStyle: { color: INK } } },
      yAxis: { type: 'value', name: unit, scale: true, nameTextStyle: { color: INK }, axisLabel: { color: INK } },
      series: [
        {
          type: 'line', name: unitName, color: '#364fc7', symbol: 'circle', symbolSize: 8, lineStyle: { width: 3, type: 'solid' },
          data: points.map((p) => p.value), connectNulls: false,
        },
        {
          type: 'line', name: averageName, color: '#495057', symbol: 'triangle', symbolSize: 9, lineStyle: { width: 2, type: 'dashed' },
          data: points.map((p) => p.institutionAverage), connectNulls: false,
        },
      ],
    }), [points, unitName, averageName, unit]);
  const ref = useEChart(option);
  return <div ref={ref} role="img" aria-label={`Line chart of ${unitName} against the ${averageName.toLowerCase()}. ${summary}`} style={{ width: '100%', height: 260 }} />;
}
