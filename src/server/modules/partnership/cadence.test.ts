import { describe, expect, it } from 'vitest';
import { academicYearStarting } from '../../../shared/academic-year.ts';
import { addMonths, assessActivity, monthBounds, periodsOf, searchSpan, summarize, type PeriodDef } from './cadence.ts';

const aug2025 = academicYearStarting(2025); // 1 Aug 2025 – 31 Jul 2026
const span = (cadence: Parameters<typeof periodsOf>[0], year = aug2025, perYear: number | null = null) =>
  periodsOf(cadence, perYear, year).map((p) => [p.label, p.from, p.to]);

/** What the database would answer: the first of `dates` within a period, ignoring asOf, so that the rule itself must leave later ones out. */
const firstOf = (dates: string[]) => (p: PeriodDef) => {
  const sorted = [...dates].sort();
  const i = sorted.findIndex((d) => d >= p.from && d <= p.to);
  return i < 0 ? null : { occurredOn: sorted[i] ?? '', engagementId: `e${i}` };
};

function assess(cadence: Parameters<typeof periodsOf>[0], asOf: string, dates: string[], year = aug2025, perYear: number | null = null) {
  return assessActivity({ cadence, perYear }, year, asOf, firstOf(dates));
}
const statuses = (ps: { status: string }[]) => ps.map((p) => p.status);

describe('academic months', () => {
  it('adds months in UTC, across year ends and into February', () => {
    expect(addMonths('2025-08-01', 0)).toBe('2025-08-01');
    expect(addMonths('2025-08-01', 5)).toBe('2026-01-01');
    expect(addMonths('2023-09-28', 5)).toBe('2024-02-28');
    expect(addMonths('2025-03-15', 12)).toBe('2026-03-15');
  });

  it('cuts the default year into twelve calendar months', () => {
    const b = monthBounds(aug2025);
    expect(b).toHaveLength(13);
    expect([b[0], b[4], b[11], b[12]]).toEqual(['2025-08-01', '2025-12-01', '2026-07-01', '2026-08-01']);
  });

  it('asks the database about a period only once it has begun, and only up to asOf', () => {
    const autumn = { from: '2025-08-01', to: '2025-11-30' };
    expect(searchSpan(autumn, '2025-07-31')).toBeNull();
    expect(searchSpan(autumn, '2025-08-01')).toEqual({ from: '2025-08-01', to: '2025-08-01' });
    expect(searchSpan(autumn, '2025-10-10')).toEqual({ from: '2025-08-01', to: '2025-10-10' });
    expect(searchSpan(autumn, '2026-01-01')).toEqual(autumn);
  });
});

describe('periods', () => {
  it('default 1 August start: terms, the year, and once', () => {
    expect(span('termly')).toEqual([
      ['Autumn term', '2025-08-01', '2025-11-30'],
      ['Spring term', '2025-12-01', '2026-02-28'],
      ['Summer term', '2026-03-01', '2026-07-31'],
    ]);
    expect(span('yearly')).toEqual([['2025–26', '2025-08-01', '2026-07-31']]);
    expect(span('once')).toEqual([['Any time', '1900-01-01', '2026-07-31']]);
    // a leap February ends the spring term a day later
    expect(span('termly', academicYearStarting(2023))[1]).toEqual(['Spring term', '2023-12-01', '2024-02-29']);
  });

  it('a 15 September start: months run from the 15th to the 14th', () => {
    const y = academicYearStarting(2025, 9, 15);
    expect(y.end).toBe('2026-09-14');
    expect(span('termly', y)).toEqual([
      ['Autumn term', '2025-09-15', '2026-01-14'],
      ['Spring term', '2026-01-15', '2026-04-14'],
      ['Summer term', '2026-04-15', '2026-09-14'],
    ]);
    expect(periodsOf('per_meeting', 12, y).slice(0, 2).map((p) => [p.from, p.to])).toEqual([['2025-09-15', '2025-10-14'], ['2025-10-15', '2025-11-14']]);
  });

  it('a 1 March start: the last month ends on 29 February in a leap year and on 28 February otherwise', () => {
    const leap = academicYearStarting(2023, 3, 1);
    expect(leap.end).toBe('2024-02-29');
    expect(span('termly', leap)).toEqual([
      ['Autumn term', '2023-03-01', '2023-06-30'],
      ['Spring term', '2023-07-01', '2023-09-30'],
      ['Summer term', '2023-10-01', '2024-02-29'],
    ]);
    expect(span('per_meeting', leap, 12).at(-1)).toEqual(['Meeting 12 of 12', '2024-02-01', '2024-02-29']);
    expect(statuses(assess('termly', '2024-02-29', ['2024-02-29'], leap))).toEqual(['overdue', 'overdue', 'done']);
    const plain = academicYearStarting(2024, 3, 1);
    expect(plain.end).toBe('2025-02-28');
    expect(span('per_meeting', plain, 12).at(-1)).toEqual(['Meeting 12 of 12', '2025-02-01', '2025-02-28']);
    expect(statuses(assess('yearly', '2025-02-28', ['2025-03-01'], plain))).toEqual(['due']);
  });

  it('per_meeting splits the year into N runs of whole months', () => {
    expect(span('per_meeting', aug2025, 1)).toEqual([['Meeting 1 of 1', '2025-08-01', '2026-07-31']]);
    expect(span('per_meeting', aug2025, 3)).toEqual([
      ['Meeting 1 of 3', '2025-08-01', '2025-11-30'],
      ['Meeting 2 of 3', '2025-12-01', '2026-03-31'],
      ['Meeting 3 of 3', '2026-04-01', '2026-07-31'],
    ]);
    // months 0–1, 2–3, 4–6, 7–8, 9–11
    expect(periodsOf('per_meeting', 5, aug2025).map((p) => p.months)).toEqual([[0, 1], [2, 3], [4, 6], [7, 8], [9, 11]]);
    expect(span('per_meeting', aug2025, 5)[2]).toEqual(['Meeting 3 of 5', '2025-12-01', '2026-02-28']);
    const twelve = periodsOf('per_meeting', 12, aug2025);
    expect(twelve).toHaveLength(12);
    expect(twelve.map((p) => p.months?.[0])).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect([twelve[0]?.to, twelve[6]?.from, twelve[6]?.to]).toEqual(['2025-08-31', '2026-02-01', '2026-02-28']);
  });
});

describe('status', () => {
  it('done on the first and the last day of a period; a day outside belongs to the neighbour', () => {
    expect(statuses(assess('termly', '2026-07-31', ['2025-08-01', '2025-11-30', '2026-03-01']))).toEqual(['done', 'overdue', 'done']);
    expect(statuses(assess('termly', '2026-07-31', ['2025-12-01', '2026-02-28', '2026-07-31']))).toEqual(['overdue', 'done', 'done']);
    const [autumn] = assess('termly', '2026-07-31', ['2025-09-10', '2025-08-20', '2025-11-01']);
    expect(autumn?.doneBy).toEqual({ id: 'e0', occurredOn: '2025-08-20' });
  });

  it('asOf on a boundary: due through its last day, overdue the day after; the next period is upcoming until its first day', () => {
    expect(statuses(assess('termly', '2025-11-30', []))).toEqual(['due', 'upcoming', 'upcoming']);
    expect(statuses(assess('termly', '2025-12-01', []))).toEqual(['overdue', 'due', 'upcoming']);
    expect(statuses(assess('termly', '2025-08-01', []))).toEqual(['due', 'upcoming', 'upcoming']);
    expect(statuses(assess('yearly', '2026-07-31', []))).toEqual(['due']);
    expect(statuses(assess('per_meeting', '2026-03-31', [], aug2025, 3))).toEqual(['overdue', 'due', 'upcoming']);
  });

  it('engagements dated after asOf (planned sessions) do not count yet', () => {
    const planned = assess('termly', '2025-10-15', ['2025-10-16', '2026-01-10']);
    expect(statuses(planned)).toEqual(['due', 'upcoming', 'upcoming']);
    expect(planned[0]?.doneBy).toBeNull();
    expect(statuses(assess('termly', '2025-10-16', ['2025-10-16']))).toEqual(['done', 'upcoming', 'upcoming']);
    expect(statuses(assess('once', '2025-10-15', ['2025-10-16']))).toEqual(['due']);
  });

  it('once: done by any engagement up to asOf, even years before; never overdue', () => {
    const done = assess('once', '2025-09-01', ['2019-04-02']);
    expect(done).toEqual([{ label: 'Any time', from: '1900-01-01', to: '2026-07-31', status: 'done', doneBy: { id: 'e0', occurredOn: '2019-04-02' } }]);
    expect(statuses(assess('once', '2026-07-31', []))).toEqual(['due']);
  });

  it('per_meeting 12: each month on its own', () => {
    const res = assess('per_meeting', '2026-01-15', ['2025-08-05', '2025-10-31', '2025-11-01', '2026-01-15'], aug2025, 12);
    expect(statuses(res)).toEqual(['done', 'overdue', 'done', 'done', 'overdue', 'done', ...Array<string>(6).fill('upcoming')]);
  });
});

describe('summary', () => {
  it('counts done, due and overdue periods; upcoming ones are left out', () => {
    const periods = [
      ...assess('termly', '2026-01-10', ['2025-09-01']), // done, due, upcoming
      ...assess('per_meeting', '2026-01-10', ['2025-12-24'], aug2025, 5), // overdue, overdue, done, upcoming, upcoming
      ...assess('yearly', '2026-01-10', []), // due
      ...assess('once', '2026-01-10', []), // due
    ];
    expect(summarize(periods)).toEqual({ done: 2, due: 3, overdue: 2 });
    expect(summarize([])).toEqual({ done: 0, due: 0, overdue: 0 });
  });
});
