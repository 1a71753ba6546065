import { academicYearOf, academicYearStarting, addDays, daysBetween } from '../../../shared/academic-year.ts';
import type { CadenceSummaryDto, SignalWindowDto, SignalWindowQuery, UnitSignalsDto } from '../../../shared/contracts/relationships.ts';
import { invalid } from '../../http/errors.ts';
import type { UnitAggregates, UnitRow } from './signals.repository.ts';

/* The signal rules, pure: windows, and figures derived from the SQL aggregates. */

export interface YearStart {
  month: number;
  day: number;
}

/** An average month (365.25 / 12 days), for engagements per month. */
const MONTH_DAYS = 365.25 / 12;

export interface ResolvedWindow extends SignalWindowDto {
  /** academic years (start calendar years) the window touches, for the breadth summaries */
  years: number[];
}

/**
 * `year`: the academic year starting in `year` (default: the one containing today), from its first
 * day to its last or to `asOf`/today, whichever is earlier. `365`: the 365 days ending on `asOf`/today.
 */
export function resolveWindow(q: Pick<SignalWindowQuery, 'window' | 'year' | 'asOf'>, today: string, ys: YearStart): ResolvedWindow {
  const end = q.asOf ?? today;
  if (q.window === '365') {
    if (q.year !== undefined) throw invalid('year', 'applies to the academic-year window only; give asOf to move the 365 days');
    const from = addDays(end, -364);
    const years = [...new Set([academicYearOf(from, ys.month, ys.day).year, academicYearOf(end, ys.month, ys.day).year])];
    return { kind: '365', from, to: end, label: `365 days to ${end}`, months: 365 / MONTH_DAYS, years };
  }
  const ay = q.year === undefined ? academicYearOf(end, ys.month, ys.day) : academicYearStarting(q.year, ys.month, ys.day);
  if (ay.start > end) {
    // a year that has begun, asked as of a day before it began: the day is at fault, not the year
    throw ay.start <= today ? invalid('asOf', `must be on or after ${ay.start}, the first day of ${ay.label}`) : invalid('year', `${ay.label} has not started yet`);
  }
  const to = ay.end < end ? ay.end : end;
  const days = daysBetween(ay.start, to) + 1;
  return { kind: 'year', from: ay.start, to, label: to === ay.end ? ay.label : `${ay.label} to ${to}`, months: days / MONTH_DAYS, years: [ay.year] };
}

/** Figures as shown: per month over at least one month (so a year's first week does not look frantic). */
export function toUnitSignals(unit: UnitRow, a: UnitAggregates, w: SignalWindowDto, cadence: CadenceSummaryDto | null): UnitSignalsDto {
  return {
    orgUnit: { id: unit.id, name: unit.name, code: unit.code, parentId: unit.parent_id, parentName: unit.parent_name },
    maturity: a.maturity,
    maturityOn: a.maturityOn,
    lastEngagementOn: a.lastEngagementOn,
    daysSinceLast: a.lastEngagementOn ? daysBetween(a.lastEngagementOn, w.to) : null,
    engagements: a.engagements,
    perMonth: round(a.engagements / Math.max(1, w.months), 2),
    people: a.people,
    keyPeople: a.keyPeople,
    themes: a.themes,
    depth: round(a.depth, 1),
    partnerShare: a.engagements ? round(a.partner / a.engagements, 3) : null,
    cadence,
  };
}

export const round = (n: number, places: number) => Math.round(n * 10 ** places) / 10 ** places;

const maturityRank = { none: 0, provider: 1, partner: 2, pioneer: 3 } as const;

/** A sortable number for each overview column; nulls sort last whichever the order. */
export function sortKey(s: UnitSignalsDto, by: string): number | string | null {
  switch (by) {
    case 'name': return s.orgUnit.name.toLocaleLowerCase('en-GB');
    case 'maturity': return s.maturity ? maturityRank[s.maturity] : null;
    case 'cadence': {
      const c = s.cadence;
      const total = c ? c.done + c.due + c.overdue : 0;
      return c && total ? c.done / total : null;
    }
    default: {
      const v = s[by as keyof UnitSignalsDto];
      return typeof v === 'number' ? v : null;
    }
  }
}

export function sortSignals(items: UnitSignalsDto[], by: string, order: 'asc' | 'desc'): UnitSignalsDto[] {
  const dir = order === 'asc' ? 1 : -1;
  return [...items].sort((a, b) => {
    const x = sortKey(a, by);
    const y = sortKey(b, by);
    if (x === null || y === null) return x === y ? a.orgUnit.name.localeCompare(b.orgUnit.name) : x === null ? 1 : -1;
    const c = typeof x === 'string' || typeof y === 'string' ? String(x).localeCompare(String(y)) : x - y;
    return c * dir || a.orgUnit.name.localeCompare(b.orgUnit.name);
  });
}
