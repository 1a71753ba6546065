import { BarChart } from 'echarts/charts';
import { AriaComponent, GridSimpleComponent, LegendPlainComponent } from 'echarts/components';
import { use as registerParts } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useMemo } from 'react';
import { bands, count, type Point } from './bands.ts';
import { useEChart } from '../../components/useEChart.ts';

// only what this chart draws, so the rest of ECharts stays out of the bundle
registerParts([BarChart, GridSimpleComponent, LegendPlainComponent, AriaComponent, SVGRenderer]);

/**
 * Stacked bars, one per academic year. Decal patterns tell the levels apart without colour, and each
 * segment carries its count; the container is one image named by the summary, with the table beside it.
 */
export function MaturityChart({ points, summary }: { points: Point[]; summary: string }) {
  const option = useMemo(() => ({
      aria: { enabled: true, label: { enabled: false }, decal: { show: true } },
      legend: { top: 0, textStyle: { color: '#1a1b1e' } },
      grid: { left: 40, right: 16, top: 48, bottom: 32 },
      xAxis: { type: 'category', data: points.map((p) => p.label), axisLabel: { color: '#1a1b1e' } },
      yAxis: { type: 'value', minInterval: 1, axisLabel: { color: '#1a1b1e' } },
      series: bands.map((b) => ({
        type: 'bar',
        name: b.label,
        stack: 'departments',
        color: b.color,
        label: { show: true, color: '#fff', fontWeight: 'bold', formatter: ({ value }: { value: number }) => (value ? String(value) : '') },
        data: points.map((p) => count(p, b.key)),
      })),
    }), [points]);
  const ref = useEChart(option);
  return <div ref={ref} role="img" aria-label={`Stacked bar chart of departments by maturity level. ${summary}`} style={{ width: '100%', height: 320 }} />;
}
