import { BarChart, LineChart, type BarSeriesOption, type LineSeriesOption } from 'echarts/charts';
import {
  AriaComponent, GridComponent, LegendComponent, TitleComponent, TooltipComponent,
  type AriaComponentOption, type GridComponentOption, type LegendComponentOption, type TitleComponentOption, type TooltipComponentOption,
} from 'echarts/components';
import { init, use, type ComposeOption } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import type { ReportDataDto, ReportEngagementsDto, ReportMetricDto } from './contracts/reports.ts';

/*
 * The annual report's charts, one definition for both outputs: the web view draws these options in the
 * browser (with hover detail), the PDF renders the very same options to SVG on the server. Only the
 * parts drawn here are registered, so ECharts stays split out of the web's main bundle: import this
 * module only from code the web loads lazily.
 */
use([LineChart, BarChart, GridComponent, LegendComponent, TitleComponent, TooltipComponent, AriaComponent, SVGRenderer]);

export type ReportChartOption = ComposeOption<
  LineSeriesOption | BarSeriesOption | GridComponentOption | LegendComponentOption | TitleComponentOption | TooltipComponentOption | AriaComponentOption
>;

export interface ReportChart {
  key: string;
  title: string;
  /** the text alternative: what the chart shows, in words and numbers */
  alt: string;
  /** shown with the chart when the data cannot carry it (fewer than two years of figures) */
  note: string | null;
  /** the height it is designed for; it stretches to any width */
  height: number;
  option: ReportChartOption;
}

// WCAG: all ink at least 4.5:1 on white, marks at least 3:1; series also differ by line style and symbol
export const chartColours = { ink: '#1a1b1e', department: '#1b4f9c', average: '#4f5359', partner: '#8a4b08', rule: '#c9ccd1' } as const;
const textStyle = { color: chartColours.ink, fontSize: 11, fontFamily: 'Helvetica, Arial, sans-serif' };
const axisLabel = { color: chartColours.ink, fontSize: 10 };
const base = { animation: false, textStyle, aria: { enabled: true, label: { enabled: false } } } as const;

const numberFormat = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });
/** A figure as it reads in a sentence: '12', '1,204', '82.5%'. */
export function formatFigure(value: number, unit = ''): string {
  return unit === '%' ? `${numberFormat.format(value)}%` : numberFormat.format(value);
}

/** "a, b and c" */
export function listInWords(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

const valueFormatter = (unit: string) => (v: unknown) => (typeof v === 'number' ? formatFigure(v, unit) : 'no figure');

// ---------------------------------------------------------------- headline metric trends

/** "Loans per student rose from 12 in 2021–22 to 15 in 2025–26; the institution average was 13." */
export function metricTrendText(metric: ReportMetricDto): string {
  const f = (v: number) => formatFigure(v, metric.unit);
  const known = metric.points.filter((p): p is typeof p & { value: number } => p.value !== null);
  const first = known[0];
  const last = known.at(-1);
  if (!first || !last) return `There are no figures for ${metric.name} yet.`;
  const average = last.average === null ? '' : `; the institution average was ${f(last.average)}`;
  if (first === last) {
    return `${metric.name} was ${f(last.value)} in ${last.label}${average}. One year of figures is not enough to show a trend.`;
  }
  const change = last.value > first.value ? `rose from ${f(first.value)} in ${first.label} to ${f(last.value)} in ${last.label}`
    : last.value < first.value ? `fell from ${f(first.value)} in ${first.label} to ${f(last.value)} in ${last.label}`
    : `was ${f(last.value)} in both ${first.label} and ${last.label}`;
  const gaps = metric.points.filter((p) => p.value === null).map((p) => p.label);
  const gapText = gaps.length === 0 ? '' : gaps.length === 1 ? ` There is no figure for ${gaps[0]}.` : ` There are no figures for ${listInWords(gaps)}.`;
  return `${metric.name} ${change}${average}.${gapText}`;
}

/**
 * The department's figures against the institution average, year by year: solid line with round
 * markers against a dashed line with triangles. A missing year stays null, a gap in the line, never a zero.
 */
export function metricTrendChart(metric: ReportMetricDto, departmentName: string): ReportChart {
  const known = metric.points.filter((p) => p.value !== null).length;
  const note = known === 0 ? `No figures for ${departmentName} yet.` : known === 1 ? 'Only one year of figures: not enough to show a trend.' : null;
  const series: LineSeriesOption[] = [
    {
      type: 'line', name: departmentName, color: chartColours.department, symbol: 'circle', symbolSize: 7,
      lineStyle: { width: 2.5, type: 'solid' }, connectNulls: false, data: metric.points.map((p) => p.value),
    },
    {
      type: 'line', name: 'Institution average', color: chartColours.average, symbol: 'triangle', symbolSize: 8,
      lineStyle: { width: 1.5, type: 'dashed' }, connectNulls: false, data: metric.points.map((p) => p.average),
    },
  ];
  const option: ReportChartOption = {
    ...base,
    aria: { enabled: true, label: { enabled: true, description: metricTrendText(metric) } },
    legend: { top: 0, left: 0, textStyle, itemWidth: 28 },
    tooltip: { trigger: 'axis', valueFormatter: valueFormatter(metric.unit) },
    grid: { left: 8, right: 16, top: 32, bottom: note ? 44 : 8 },
    xAxis: { type: 'category', data: metric.points.map((p) => p.label), axisLabel, axisLine: { lineStyle: { color: chartColours.ink } } },
    yAxis: {
      type: 'value', scale: true,
      axisLabel: { ...axisLabel, formatter: (v: number) => formatFigure(v, metric.unit) }, splitLine: { lineStyle: { color: chartColours.rule } },
    },
    series,
    ...(note ? { title: { text: note, left: 'center', bottom: 0, textStyle: { ...textStyle, fontWeight: 'normal', fontStyle: 'italic' } } } : {}),
  };
  return { key: `metric-${metric.id}`, title: metric.name, alt: metricTrendText(metric), note, height: 200, option };
}

// ---------------------------------------------------------------- engagements

type Counts = ReportEngagementsDto['byType'];

function countsText(what: string, counts: Counts, total: number): string {
  const parts = [...counts].sort((a, b) => b.count - a.count).map((c) => `${c.label} ${formatFigure(c.count)}`);
  return `${what}, of ${formatFigure(total)} in all: ${listInWords(parts)}.`;
}
export const engagementsByTypeText = (e: ReportEngagementsDto) => countsText('Engagements by type', e.byType, e.total);
export const engagementsByThemeText = (e: ReportEngagementsDto) => countsText('Engagements by theme', e.byTheme, e.total);

/** Horizontal bars, largest first, each labelled with its count so no reading depends on colour or gridlines. */
function countsChart(key: string, title: string, alt: string, counts: Counts): ReportChart | null {
  if (counts.length === 0) return null;
  const sorted = [...counts].sort((a, b) => b.count - a.count);
  return {
    key, title, alt, note: null, height: 40 + 26 * sorted.length,
    option: {
      ...base,
      aria: { enabled: true, label: { enabled: true, description: alt } },
      tooltip: { trigger: 'item' },
      grid: { left: 8, right: 40, top: 8, bottom: 8 },
      xAxis: { type: 'value', minInterval: 1, axisLabel, splitLine: { lineStyle: { color: chartColours.rule } } },
      yAxis: {
        type: 'category', inverse: true, data: sorted.map((c) => c.label),
        // long labels wrap rather than squeeze the bars
        axisLabel: { ...axisLabel, width: 170, overflow: 'break' }, axisLine: { lineStyle: { color: chartColours.ink } },
      },
      series: [{
        type: 'bar', name: title, color: chartColours.department, barMaxWidth: 18,
        label: { show: true, position: 'right', color: chartColours.ink, fontSize: 10 }, data: sorted.map((c) => c.count),
      }],
    },
  };
}
export const engagementsByTypeChart = (e: ReportEngagementsDto) => countsChart('by-type', 'Engagements by type', engagementsByTypeText(e), e.byType);
export const engagementsByThemeChart = (e: ReportEngagementsDto) => countsChart('by-theme', 'Engagements by theme', engagementsByThemeText(e), e.byTheme);

const share = (n: number, of: number) => (of === 0 ? '' : ` (${Math.round((100 * n) / of)}%)`);

/** "The library initiated 24 of 42 engagements (57%) and the department 18 (43%)." */
export function initiatedText(e: ReportEngagementsDto): string {
  const { library, partner } = e.initiated;
  const all = library + partner;
  if (all === 0) return 'No engagements this year record who initiated them.';
  return `The library initiated ${formatFigure(library)} of ${formatFigure(all)} engagements${share(library, all)} and the department ${formatFigure(partner)}${share(partner, all)}.`;
}

export function initiatedChart(e: ReportEngagementsDto): ReportChart | null {
  const { library, partner } = e.initiated;
  const all = library + partner;
  if (all === 0) return null;
  const alt = initiatedText(e);
  return {
    key: 'initiated', title: 'Who initiated', alt, note: null, height: 110,
    option: {
      ...base,
      aria: { enabled: true, label: { enabled: true, description: alt } },
      tooltip: { trigger: 'item' },
      grid: { left: 8, right: 64, top: 8, bottom: 8 },
      xAxis: { type: 'value', minInterval: 1, axisLabel, splitLine: { lineStyle: { color: chartColours.rule } } },
      yAxis: { type: 'category', inverse: true, data: ['The library', 'The department'], axisLabel, axisLine: { lineStyle: { color: chartColours.ink } } },
      series: [{
        type: 'bar', name: 'Initiated by', barMaxWidth: 22,
        label: { show: true, position: 'right', color: chartColours.ink, fontSize: 10, formatter: ({ value }: { value: unknown }) => `${String(value)}${share(Number(value), all)}` },
        data: [{ value: library, itemStyle: { color: chartColours.department } }, { value: partner, itemStyle: { color: chartColours.partner } }],
      }],
    },
  };
}

/** "38 teaching sessions reached 1,240 attendees: 2,150.5 SCONUL user hours." */
export function teachingReachText(e: ReportEngagementsDto): string {
  const t = e.teaching;
  if (t.sessions === 0) return 'No teaching sessions were recorded this year.';
  const sessions = t.sessions === 1 ? '1 teaching session' : `${formatFigure(t.sessions)} teaching sessions`;
  return `${sessions} reached ${formatFigure(t.attendees)} attendees: ${formatFigure(t.userHours)} SCONUL user hours.`;
}

/** Three measures on three scales, so three small panels side by side rather than one misleading axis. */
export function teachingReachChart(e: ReportEngagementsDto): ReportChart | null {
  if (e.teaching.sessions === 0) return null;
  const measures: Array<[string, number]> = [['Sessions', e.teaching.sessions], ['Attendees', e.teaching.attendees], ['SCONUL user hours', e.teaching.userHours]];
  const alt = teachingReachText(e);
  const panel = (i: number) => ({ left: `${4 + i * 33.3}%`, width: '26%', top: 24, bottom: 28 });
  return {
    key: 'teaching', title: 'Teaching reach', alt, note: null, height: 150,
    option: {
      ...base,
      aria: { enabled: true, label: { enabled: true, description: alt } },
      tooltip: { trigger: 'item' },
      grid: measures.map((_, i) => panel(i)),
      xAxis: measures.map(([name], i) => ({ type: 'category' as const, gridIndex: i, data: [name], axisLabel, axisTick: { show: false }, axisLine: { lineStyle: { color: chartColours.ink } } })),
      yAxis: measures.map((_, i) => ({ type: 'value' as const, gridIndex: i, show: false, max: (v: { max: number }) => v.max * 1.15 })),
      series: measures.map(([name, value], i) => ({
        type: 'bar' as const, name, xAxisIndex: i, yAxisIndex: i, barWidth: '45%', color: chartColours.department,
        label: { show: true, position: 'top' as const, color: chartColours.ink, fontSize: 11, fontWeight: 'bold' as const, formatter: () => formatFigure(value) },
        data: [value],
      })),
    },
  };
}

/** Every chart of a report, in the order the report shows them. */
export function reportCharts(data: ReportDataDto): { metrics: ReportChart[]; engagements: ReportChart[] } {
  const e = data.engagements;
  const engagements = e.total === 0 ? [] : [engagementsByTypeChart(e), engagementsByThemeChart(e), initiatedChart(e), teachingReachChart(e)];
  return {
    metrics: data.metrics.map((m) => metricTrendChart(m, data.orgUnit.name)),
    engagements: engagements.filter((c): c is ReportChart => c !== null),
  };
}

/** Server-side: the option as a standalone SVG document (ECharts SSR), for the PDF. */
export function renderChartSvg(option: ReportChartOption, width: number, height: number): string {
  const chart = init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption(option);
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
