import { describe, expect, it } from 'vitest';
import type { UnitSignalsDto } from '../../../shared/contracts/relationships.ts';
import { AppError } from '../../http/errors.ts';
import { resolveWindow, sortSignals, toUnitSignals } from './signals.ts';
import type { UnitAggregates, UnitRow } from './signals.repository.ts';

/** An average month, as the signals count it: 365.25 / 12 days. */
const MONTH = 365.25 / 12;
const august = { month: 8, day: 1 };
const TODAY = '2026-03-15';

describe('resolveWindow', () => {
  it('defaults to the academic year containing today, up to today', () => {
    // 1 Aug 2025 .. 15 Mar 2026: 31+30+31+30+31+31+28 days to 1 March, then 15 more = 227 days
    expect(resolveWindow({ window: 'year' }, TODAY, august)).toEqual({
      kind: 'year', from: '2025-08-01', to: '2026-03-15', label: '2025–26 to 2026-03-15', months: 227 / MONTH, years: [2025],
    });
  });

  it('a given, finished year runs first day to last', () => {
    // Aug 2024 .. Jul 2025 has no 29 February: 365 days
    expect(resolveWindow({ window: 'year', year: 2024 }, TODAY, august)).toEqual({
      kind: 'year', from: '2024-08-01', to: '2025-07-31', label: '2024–25', months: 365 / MONTH, years: [2024],
    });
  });

  it('asOf earlier than the year end cuts the year there', () => {
    // Aug..Dec: 31+30+31+30+31 = 153 days
    expect(resolveWindow({ window: 'year', year: 2024, asOf: '2024-12-31' }, TODAY, august)).toEqual({
      kind: 'year', from: '2024-08-01', to: '2024-12-31', label: '2024–25 to 2024-12-31', months: 153 / MONTH, years: [2024],
    });
    // asOf alone picks the year containing it
    expect(resolveWindow({ window: 'year', asOf: '2025-07-31' }, TODAY, august)).toMatchObject({ from: '2024-08-01', to: '2025-07-31', label: '2024–25', years: [2024] });
  });

  const faultOf = (q: Parameters<typeof resolveWindow>[0]) => {
    try {
      resolveWindow(q, TODAY, august);
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      expect((e as AppError).code).toBe('VALIDATION');
      return (e as AppError).details?.map((d) => d.field);
    }
    return 'no error';
  };

  it('a year that has not started is a 400 naming year', () => {
    expect(faultOf({ window: 'year', year: 2026 })).toEqual(['year']);
    expect(faultOf({ window: 'year', year: 2026, asOf: '2026-03-01' })).toEqual(['year']);
  });

  it('a started year asked as of a day before its start is a 400 naming asOf', () => {
    expect(faultOf({ window: 'year', year: 2025, asOf: '2025-07-31' })).toEqual(['asOf']);
    expect(faultOf({ window: 'year', year: 2025, asOf: '2025-08-01' })).toBe('no error');
  });

  it('the 365-day window across an academic-year boundary lists both years', () => {
    // 2 Nov 2024 .. 31 Oct 2025 would be 364 days; the window starts a day earlier
    expect(resolveWindow({ window: '365', asOf: '2025-10-31' }, TODAY, august)).toEqual({
      kind: '365', from: '2024-11-01', to: '2025-10-31', label: '365 days to 2025-10-31', months: 365 / MONTH, years: [2024, 2025],
    });
    // without asOf it ends today
    expect(resolveWindow({ window: '365' }, TODAY, august)).toMatchObject({ from: '2025-03-16', to: TODAY, years: [2024, 2025] });
  });

  it('a leap year: 365 days ending 31 July 2024 start on 2 August 2023, and that year has 366 days', () => {
    expect(resolveWindow({ window: '365', asOf: '2024-07-31' }, TODAY, august)).toMatchObject({ from: '2023-08-02', to: '2024-07-31', years: [2023] });
    expect(resolveWindow({ window: 'year', year: 2023 }, TODAY, august)).toMatchObject({ from: '2023-08-01', to: '2024-07-31', months: 366 / MONTH });
  });

  it('follows the institution\'s own start of year', () => {
    const sept15 = { month: 9, day: 15 };
    expect(resolveWindow({ window: 'year' }, TODAY, sept15)).toMatchObject({ from: '2025-09-15', to: TODAY, years: [2025] });
    expect(resolveWindow({ window: 'year' }, '2025-09-14', sept15)).toMatchObject({ from: '2024-09-15', to: '2025-09-14', years: [2024] });
    expect(resolveWindow({ window: '365', asOf: '2025-09-15' }, TODAY, sept15)).toMatchObject({ from: '2024-09-16', years: [2024, 2025] });
  });
});

const unit: UnitRow = { id: 'u1', name: 'Chemistry', code: 'CHE', parent_id: 'f1', parent_name: 'Faculty of Science' };
const none: UnitAggregates = { engagements: 0, depth: 0, partner: 0, people: 0, keyPeople: 0, themes: 0, lastEngagementOn: null, maturity: null, maturityOn: null };
const win = (from: string, to: string, months: number) => ({ kind: 'year' as const, from, to, label: 'x', months });

describe('toUnitSignals', () => {
  it('divides by the window\'s months, but never by less than one', () => {
    const a = { ...none, engagements: 3, partner: 1, depth: 7.25, lastEngagementOn: '2025-08-05' };
    // a year's first week: 3 engagements, not 3 ÷ 0.23 ≈ 13 a month
    expect(toUnitSignals(unit, a, win('2025-08-01', '2025-08-07', 7 / MONTH), null).perMonth).toBe(3);
    // 10 engagements over 227 days (7.458 months): 1.3409 → 1.34
    expect(toUnitSignals(unit, { ...a, engagements: 10 }, win('2025-08-01', '2026-03-15', 227 / MONTH), null).perMonth).toBe(1.34);
  });

  it('rounds depth to one place and the partner share to three', () => {
    const s = toUnitSignals(unit, { ...none, engagements: 3, partner: 1, depth: 7.25, people: 2, keyPeople: 1, themes: 4 }, win('2025-08-01', '2026-03-15', 227 / MONTH), null);
    expect(s).toMatchObject({ depth: 7.3, partnerShare: 0.333, people: 2, keyPeople: 1, themes: 4, engagements: 3 });
  });

  it('partnerShare and daysSinceLast are null with no engagement', () => {
    const s = toUnitSignals(unit, none, win('2025-08-01', '2026-03-15', 227 / MONTH), null);
    expect(s).toMatchObject({ engagements: 0, perMonth: 0, partnerShare: null, lastEngagementOn: null, daysSinceLast: null, maturity: null, cadence: null });
  });

  it('days since the last engagement count to the window end, not to today', () => {
    const a = { ...none, lastEngagementOn: '2024-12-20', maturity: 'partner' as const, maturityOn: '2024-11-01' };
    const s = toUnitSignals(unit, a, win('2024-08-01', '2024-12-31', 153 / MONTH), { done: 1, due: 2, overdue: 0 });
    expect(s).toEqual({
      orgUnit: { id: 'u1', name: 'Chemistry', code: 'CHE', parentId: 'f1', parentName: 'Faculty of Science' },
      maturity: 'partner', maturityOn: '2024-11-01', lastEngagementOn: '2024-12-20', daysSinceLast: 11,
      engagements: 0, perMonth: 0, people: 0, keyPeople: 0, themes: 0, depth: 0, partnerShare: null, cadence: { done: 1, due: 2, overdue: 0 },
    });
  });
});

const sig = (name: string, over: Partial<UnitSignalsDto> = {}): UnitSignalsDto => ({
  orgUnit: { id: name, name, code: null, parentId: null, parentName: null },
  maturity: null, maturityOn: null, lastEngagementOn: null, daysSinceLast: null, engagements: 0, perMonth: 0, people: 0, keyPeople: 0,
  themes: 0, depth: 0, partnerShare: null, cadence: null, ...over,
});
const names = (items: UnitSignalsDto[]) => items.map((s) => s.orgUnit.name);

describe('sortSignals', () => {
  const items = [
    sig('Physics', { daysSinceLast: 40, engagements: 2, partnerShare: 0.5 }),
    sig('art history', { daysSinceLast: null, engagements: 5, partnerShare: null }),
    sig('Biology', { daysSinceLast: 3, engagements: 2, partnerShare: 0 }),
    sig('Chemistry', { daysSinceLast: null, engagements: 0, partnerShare: 1 }),
  ];

  it('by name, ignoring case', () => {
    expect(names(sortSignals(items, 'name', 'asc'))).toEqual(['art history', 'Biology', 'Chemistry', 'Physics']);
    expect(names(sortSignals(items, 'name', 'desc'))).toEqual(['Physics', 'Chemistry', 'Biology', 'art history']);
  });

  it('nulls last whichever the order, ties by name', () => {
    expect(names(sortSignals(items, 'daysSinceLast', 'asc'))).toEqual(['Biology', 'Physics', 'art history', 'Chemistry']);
    expect(names(sortSignals(items, 'daysSinceLast', 'desc'))).toEqual(['Physics', 'Biology', 'art history', 'Chemistry']);
    expect(names(sortSignals(items, 'partnerShare', 'desc'))).toEqual(['Chemistry', 'Physics', 'Biology', 'art history']);
  });

  it('numbers compare as numbers, equal ones by name', () => {
    expect(names(sortSignals(items, 'engagements', 'desc'))).toEqual(['art history', 'Biology', 'Physics', 'Chemistry']);
    expect(names(sortSignals(items, 'engagements', 'asc'))).toEqual(['Chemistry', 'Biology', 'Physics', 'art history']);
  });

  it('maturity by rank (none < provider < partner < pioneer), unassessed last', () => {
    const m = [
      sig('A', { maturity: 'partner' }), sig('B', { maturity: null }), sig('C', { maturity: 'none' }), sig('D', { maturity: 'pioneer' }), sig('E', { maturity: 'provider' }),
    ];
    expect(names(sortSignals(m, 'maturity', 'asc'))).toEqual(['C', 'E', 'A', 'D', 'B']);
    expect(names(sortSignals(m, 'maturity', 'desc'))).toEqual(['D', 'A', 'E', 'C', 'B']);
  });

  it('cadence by the share of key activities done; no template, or nothing due yet, last', () => {
    const c = [
      sig('A', { cadence: { done: 1, due: 1, overdue: 2 } }), // 0.25
      sig('B', { cadence: null }),
      sig('C', { cadence: { done: 3, due: 0, overdue: 1 } }), // 0.75
      sig('D', { cadence: { done: 0, due: 0, overdue: 0 } }),
      sig('E', { cadence: { done: 0, due: 1, overdue: 0 } }), // 0
    ];
    expect(names(sortSignals(c, 'cadence', 'desc'))).toEqual(['C', 'A', 'E', 'B', 'D']);
    expect(names(sortSignals(c, 'cadence', 'asc'))).toEqual(['E', 'A', 'C', 'B', 'D']);
  });

  it('does not reorder its input', () => {
    const copy = [...items];
    sortSignals(items, 'engagements', 'desc');
    expect(items).toEqual(copy);
  });
});
