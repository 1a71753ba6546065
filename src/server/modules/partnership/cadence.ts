import type { AcademicYear } from '../../../shared/academic-year.ts';
import { addDays } from '../../../shared/academic-year.ts';
import type { Cadence, PeriodStatus } from '../../../shared/contracts/partnership.ts';

/*
 * Cadence arithmetic of the partnership model, with no database: which periods an academic year
 * holds for a key activity, and whether each is done, due, overdue or still to come.
 *
 * A year is cut into twelve "academic-year months": month k runs from the year's first day plus
 * k months (same day of the month) to the day before the next. Terms are a convention built on
 * them, not any institution's real term dates (those vary, and nobody keeps them in Rapport):
 * Autumn = months 0–3, Spring = months 4–6, Summer = months 7–11. With the default 1 August start
 * that is 1 Aug–30 Nov, 1 Dec–28/29 Feb and 1 Mar–31 Jul, so every engagement falls in one term.
 */

/** The start of time for a key activity done once: anything logged before the year still counts. */
export const ONCE_FROM = '1900-01-01';

/** A YYYY-MM-DD date plus whole months, in UTC. Start days are 28 or less, so the day always exists. */
export function addMonths(date: string, months: number): string {
  const [y = 0, m = 1, d = 1] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1 + months, d)).toISOString().slice(0, 10);
}

/** Thirteen dates: academic month k runs from bounds[k] to the day before bounds[k + 1]; bounds[12] is the next year's start. */
export function monthBounds(year: AcademicYear): string[] {
  return Array.from({ length: 13 }, (_, k) => addMonths(year.start, k));
}

export interface PeriodDef {
  label: string;
  from: string;
  to: string;
  /** the academic months it covers, inclusive; null for 'once' (any date up to the year's end) */
  months: [first: number, last: number] | null;
}

const TERMS: [label: string, first: number, last: number][] = [
  ['Autumn term', 0, 3],
  ['Spring term', 4, 6],
  ['Summer term', 7, 11],
];

/** Meetings a year for per_meeting, kept within 1–12 so every period covers at least one month. */
const meetings = (perYear: number | null) => Math.min(12, Math.max(1, Math.trunc(perYear ?? 1)));

/** The periods a key activity asks for in one academic year, in date order. */
export function periodsOf(cadence: Cadence, perYear: number | null, year: AcademicYear, bounds = monthBounds(year)): PeriodDef[] {
  const span = (label: string, first: number, last: number): PeriodDef => ({
    label, from: bounds[first] ?? year.start, to: addDays(bounds[last + 1] ?? year.end, -1), months: [first, last],
  });
  switch (cadence) {
    case 'termly':
      return TERMS.map(([label, first, last]) => span(label, first, last));
    case 'yearly':
      return [span(year.label, 0, 11)];
    case 'per_meeting': {
      const n = meetings(perYear);
      return Array.from({ length: n }, (_, k) => span(`Meeting ${k + 1} of ${n}`, Math.floor((12 * k) / n), Math.floor((12 * (k + 1)) / n) - 1));
    }
    case 'once':
      return [{ label: 'Any time', from: ONCE_FROM, to: year.end, months: null }];
  }
}

/** A period's status on `asOf`, given whether a matching engagement dated from..min(to, asOf) exists. */
export function periodStatus(cadence: Cadence, period: Pick<PeriodDef, 'from' | 'to'>, asOf: string, done: boolean): PeriodStatus {
  if (done) return 'done';
  // a once-only activity has no deadline inside the year: it stays due until it is done
  if (cadence === 'once') return 'due';
  if (period.to < asOf) return 'overdue';
  return period.from <= asOf ? 'due' : 'upcoming';
}

/** The first engagement that matches a key activity within a period. */
export interface Hit {
  occurredOn: string;
  engagementId: string;
}

export interface AssessedPeriod {
  label: string;
  from: string;
  to: string;
  status: PeriodStatus;
  doneBy: { id: string; occurredOn: string } | null;
}

/** The span the database is asked about for a period: its dates up to asOf; null when the period has not begun. */
export function searchSpan(p: Pick<PeriodDef, 'from' | 'to'>, asOf: string): { from: string; to: string } | null {
  return p.from > asOf ? null : { from: p.from, to: p.to < asOf ? p.to : asOf };
}

/**
 * Each period of the activity with its status and the first engagement that satisfied it.
 * `firstIn` answers the first matching engagement dated within a period (see searchSpan).
 */
export function assessActivity(
  activity: { cadence: Cadence; perYear: number | null },
  year: AcademicYear,
  asOf: string,
  firstIn: (p: PeriodDef) => Hit | null,
  bounds = monthBounds(year),
): AssessedPeriod[] {
  return periodsOf(activity.cadence, activity.perYear, year, bounds).map((p) => {
    const hit = firstIn(p);
    // engagements dated after asOf (planned sessions) do not count yet, whoever looked them up
    const first = hit && hit.occurredOn >= p.from && hit.occurredOn <= p.to && hit.occurredOn <= asOf ? hit : null;
    return {
      label: p.label, from: p.from, to: p.to,
      status: periodStatus(activity.cadence, p, asOf, first !== null),
      doneBy: first ? { id: first.engagementId, occurredOn: first.occurredOn } : null,
    };
  });
}

export interface ComplianceSummary {
  done: number;
  due: number;
  overdue: number;
}

/** Done, due and overdue periods; upcoming ones are not counted. */
export function summarize(periods: { status: PeriodStatus }[]): ComplianceSummary {
  const out: ComplianceSummary = { done: 0, due: 0, overdue: 0 };
  for (const p of periods) if (p.status !== 'upcoming') out[p.status]++;
  return out;
}
