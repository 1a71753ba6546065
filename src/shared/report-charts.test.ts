import { describe, expect, it } from 'vitest';
import type { ReportMetricDto } from './contracts/reports.ts';
import { sampleReportData } from '../server/modules/reports/pdf/sample.ts';
import {
  engagementsByTypeChart, engagementsByTypeText, initiatedChart, initiatedText, metricTrendChart, metricTrendText,
  renderChartSvg, reportCharts, teachingReachChart, teachingReachText,
} from './report-charts.ts';

type Series = { name: string; data: unknown[]; symbol: string; lineStyle: { type: string }; color: string };

const metric = (values: Array<number | null>, averages: Array<number | null>, over: Partial<ReportMetricDto> = {}): ReportMetricDto => ({
  id: 'm', name: 'Loans per student', unit: 'loans', direction: 'higher_better', source: null,
  points: values.map((value, i) => ({ period: String(2021 + i), label: `${2021 + i}–${22 + i}`, value, average: averages[i] ?? null })),
  ...over,
});

describe('metric trend charts', () => {
  it('keeps missing years null in both series and tells the two lines apart by more than colour', () => {
    const chart = metricTrendChart(metric([12, 12.8, null, 14.1, 15], [11.2, null, 12.4, 12.7, 13]), 'School of Computing');
    const [dept, avg] = chart.option.series as Series[];
    expect(dept!.data).toEqual([12, 12.8, null, 14.1, 15]);
    expect(avg!.data).toEqual([11.2, null, 12.4, 12.7, 13]);
    expect(dept!.name).toBe('School of Computing');
    expect(avg!.name).toBe('Institution average');
    expect(dept!.lineStyle.type).toBe('solid');
    expect(avg!.lineStyle.type).toBe('dashed');
    expect(dept!.symbol).not.toBe(avg!.symbol);
    expect(dept!.color).not.toBe(avg!.color);
    expect((chart.option.xAxis as { data: string[] }).data).toEqual(['2021–22', '2022–23', '2023–24', '2024–25', '2025–26']);
    expect(chart.note).toBeNull();
  });

  it('describes the trend in words with the real figures and the average', () => {
    expect(metricTrendText(metric([12, 12.8, null, 14.1, 15], [11.2, 11.9, 12.4, 12.7, 13])))
      .toBe('Loans per student rose from 12 in 2021–22 to 15 in 2025–26; the institution average was 13. There is no figure for 2023–24.');
    expect(metricTrendText(metric([null, 9.5, 8, null, null], [10, 10, 10, 10, null])))
      .toBe('Loans per student fell from 9.5 in 2022–23 to 8 in 2023–24; the institution average was 10. There are no figures for 2021–22, 2024–25 and 2025–26.');
    expect(metricTrendText(metric([7, 7], [null, null]))).toBe('Loans per student was 7 in both 2021–22 and 2022–23.');
    expect(metricTrendText(metric([78.5, 86.14], [81, 83.5], { name: 'NSS learning resources', unit: '%' })))
      .toBe('NSS learning resources rose from 78.5% in 2021–22 to 86.1% in 2022–23; the institution average was 83.5%.');
  });

  it('notes when fewer than two years have figures, inventing no values', () => {
    const one = metricTrendChart(metric([null, null, 15], [12, 12.5, 13]), 'School of Computing');
    expect(one.note).toBe('Only one year of figures: not enough to show a trend.');
    expect((one.option.series as Series[])[0]!.data).toEqual([null, null, 15]);
    expect((one.option.title as { text: string }).text).toBe(one.note);
    expect(one.alt).toBe('Loans per student was 15 in 2023–24; the institution average was 13. One year of figures is not enough to show a trend.');
    const none = metricTrendChart(metric([null, null], [12, 13]), 'School of Computing');
    expect(none.note).toBe('No figures for School of Computing yet.');
    expect(none.alt).toBe('There are no figures for Loans per student yet.');
  });
});

describe('engagement charts', () => {
  const e = sampleReportData().engagements;

  it('bars by type, largest first, labelled with counts, and the same in words', () => {
    const chart = engagementsByTypeChart({ ...e, byType: [{ key: 'a', label: 'Meeting', count: 3 }, { key: 'b', label: 'Teaching session', count: 9 }, { key: 'c', label: 'Event', count: 1 }], total: 13 })!;
    expect((chart.option.yAxis as { data: string[] }).data).toEqual(['Teaching session', 'Meeting', 'Event']);
    const [bars] = chart.option.series as Array<{ data: number[]; label: { show: boolean } }>;
    expect(bars!.data).toEqual([9, 3, 1]);
    expect(bars!.label.show).toBe(true);
    expect(chart.alt).toBe('Engagements by type, of 13 in all: Teaching session 9, Meeting 3 and Event 1.');
    expect(engagementsByTypeText(e)).toBe('Engagements by type, of 47 in all: Teaching session 18, Meeting 11, Consultation 9, Committee 5 and Email exchange 4.');
    expect(engagementsByTypeChart({ ...e, byType: [] })).toBeNull();
  });

  it('who initiated: library against department, with shares', () => {
    expect(initiatedText(e)).toBe('The library initiated 26 of 47 engagements (55%) and the department 21 (45%).');
    const chart = initiatedChart(e)!;
    const [bars] = chart.option.series as Array<{ data: Array<{ value: number; itemStyle: { color: string } }> }>;
    expect(bars!.data.map((d) => d.value)).toEqual([26, 21]);
    expect(bars!.data[0]!.itemStyle.color).not.toBe(bars!.data[1]!.itemStyle.color);
    expect(initiatedChart({ ...e, initiated: { library: 0, partner: 0 } })).toBeNull();
  });

  it('teaching reach in three panels, and in words', () => {
    expect(teachingReachText(e)).toBe('18 teaching sessions reached 1,240 attendees: 2,150.5 SCONUL user hours.');
    const chart = teachingReachChart(e)!;
    expect((chart.option.series as Array<{ data: number[] }>).map((s) => s.data)).toEqual([[18], [1240], [2150.5]]);
    expect(teachingReachChart({ ...e, teaching: { sessions: 0, attendees: 0, userHours: 0 } })).toBeNull();
  });

  it('a report with no engagements has no engagement charts; every metric still has its chart', () => {
    const data = sampleReportData();
    data.engagements = { ...data.engagements, total: 0 };
    const charts = reportCharts(data);
    expect(charts.engagements).toEqual([]);
    expect(charts.metrics.map((c) => c.title)).toEqual(['Loans per student', 'NSS learning resources']);
    expect(reportCharts(sampleReportData()).engagements.map((c) => c.key)).toEqual(['by-type', 'by-theme', 'initiated', 'teaching']);
  });
});

describe('server-side rendering', () => {
  it('renders an option to a standalone SVG with both series, the average dashed', () => {
    const chart = metricTrendChart(sampleReportData().metrics[0]!, 'School of Computing');
    const svg = renderChartSvg(chart.option, 467, chart.height);
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('width="467"');
    expect(svg).toContain('School of Computing');
    expect(svg).toContain('Institution average');
    expect(svg).toContain('stroke-dasharray');
    expect(svg).toContain('2023–24');
  });
});
