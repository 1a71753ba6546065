import { describe, expect, it } from 'vitest';
import { buildDemoMetricValues, type DemoMetricKey, type DemoMetricValue } from './demo-metrics.ts';
import { departments } from './demo-data.ts';
import { Rng } from './demo-random.ts';

// today is 10 March 2026: the four academic years are 2022–23 to 2025–26; Computing's embedded teaching began in 2025–26
const options = { today: '2026-03-10', yearStartMonth: 8, yearStartDay: 1, computingFrom: 2025 };
const build = (seed = 7) => buildDemoMetricValues(new Rng(seed), options);
const series = (rows: DemoMetricValue[], metric: DemoMetricKey, unit: string) => rows.filter((r) => r.metric === metric && r.unit === unit).map((r) => r.value);
const mean = (ns: number[]) => ns.reduce((a, b) => a + b, 0) / ns.length;

describe('demo metrics', () => {
  it('are the same for the same seed and differ for another', () => {
    expect(build(7)).toEqual(build(7));
    expect(build(8)).not.toEqual(build(7));
  });

  it('give every department a figure for each of the last four academic years, and each month from August 2022 to February 2026', () => {
    const rows = build();
    for (const metric of ['nss', 'loans', 'sessions', 'readingLists'] as const) {
      for (const d of departments) expect(rows.filter((r) => r.metric === metric && r.unit === d.code).map((r) => r.period), `${metric} ${d.code}`).toEqual(['2022', '2023', '2024', '2025']);
    }
    const months = rows.filter((r) => r.metric === 'enquiries' && r.unit === 'HIST').map((r) => r.period);
    expect([months.length, months[0], months.at(-1)]).toEqual([43, '2022-08', '2026-02']);
    for (const r of rows) {
      expect(Number.isFinite(r.value) && r.value >= 0).toBe(true);
      if (r.metric === 'nss' || r.metric === 'readingLists') expect(r.value).toBeLessThanOrEqual(100);
    }
  });

  it('show Computing improving once the library is embedded, Law’s reading lists and Psychology’s NSS dip this year', () => {
    const rows = build();
    const nss = series(rows, 'nss', 'COMP');
    expect(nss[3] ?? 0).toBeGreaterThan((nss[2] ?? 0) + 2);
    const sessions = series(rows, 'sessions', 'COMP');
    expect(sessions[3] ?? 0).toBeGreaterThanOrEqual((sessions[2] ?? 0) + 3);
    const law = series(rows, 'readingLists', 'LAW');
    expect(law[3] ?? 0).toBeGreaterThan((law[2] ?? 0) + 4);
    const psyc = series(rows, 'nss', 'PSYC');
    expect(psyc[3] ?? 0).toBeLessThan((psyc[2] ?? 0) - 3);
    const enquiries = (from: string, to: string) => rows.filter((r) => r.metric === 'enquiries' && r.unit === 'COMP' && r.period >= from && r.period < to).map((r) => r.value);
    expect(mean(enquiries('2025-08', '2026-03'))).toBeGreaterThan(mean(enquiries('2024-08', '2025-03')) * 1.1);
  });
});
