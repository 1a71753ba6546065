import type { OrgUnitType } from '../db/types.ts';
import { COMPUTING_UNITS, departments, faculties, librarianStaff, otherUnits, type StaffSpec } from './demo-data.ts';
import { buildCoverage } from './demo-coverage.ts';
import { buildEngagements } from './demo-engagements.ts';
import { buildMaturity, type PlanMaturity } from './demo-maturity.ts';
import { buildPeople } from './demo-people.ts';
import { academicYearStart } from '../../shared/academic-year.ts';
import { addDays, daysBetween, onWorkingDay, Rng } from './demo-random.ts';
import { buildStory, EMBEDDED_TEACHING_FROM } from './demo-story.ts';
import type { Voice } from './demo-text.ts';

/*
 * The demo university as plain data, before any id or database exists: a pure
 * function of (seed, today, academic-year start), so tests can check the story
 * for any "today" without a database, and two runs always agree.
 */

export interface PlanUnit {
  code: string;
  name: string;
  type: OrgUnitType;
  parent: string | null;
  description: string | null;
}

export interface PlanPosition {
  unit: string;
  title: string;
  start: string | null;
  end: string | null;
}

export interface PlanPerson {
  key: string;
  name: string;
  email: string | null;
  phone: string | null;
  voice: Voice;
  motivations: string | null;
  needs: string | null;
  challenges: string | null;
  channel: string | null;
  champion: boolean;
  championSince?: string;
  influence: number | null;
  interest: number | null;
  stayInTouchDays: number | null;
  tags: string[];
  notes: string | null;
  positions: PlanPosition[];
}

export interface PlanCoverage {
  staff: string;
  unit: string;
  fn: string;
  start: string | null;
  end: string | null;
}

export interface PlanEngagement {
  type: string;
  date: string;
  duration: number | null;
  summary: string;
  outcome: string | null;
  followUp: string | null;
  initiatedBy: 'library' | 'partner';
  attendance: number | null;
  /** staff keys, the first is the author */
  staff: string[];
  /** person keys */
  people: string[];
  /** unit codes */
  units: string[];
  /** theme keys */
  themes: string[];
  /** a key moment on the department's journey */
  milestone?: string;
}

export interface DemoPlan {
  today: string;
  /** first day of the first of the three academic years */
  firstYearStart: string;
  /** the day the external examiner's report reached the library: the School of Computing is silent before it */
  reportDate: string;
  units: PlanUnit[];
  staff: StaffSpec[];
  people: PlanPerson[];
  coverage: PlanCoverage[];
  /** oldest first */
  engagements: PlanEngagement[];
  maturity: PlanMaturity[];
}

export interface PlanOptions {
  seed: number;
  /** 'YYYY-MM-DD' in the institution's time zone */
  today: string;
  yearStartMonth: number;
  yearStartDay: number;
  /** engagements in all, story included */
  engagements?: number;
}

export const DEFAULT_SEED = 20_260_101;
export const DEFAULT_ENGAGEMENTS = 5_000;

export function buildDemoPlan(o: PlanOptions): DemoPlan {
  const rng = new Rng(o.seed);
  const currentYearStart = academicYearStart(o.today, o.yearStartMonth, o.yearStartDay);
  const firstYearStart = `${Number(currentYearStart.slice(0, 4)) - 2}${currentYearStart.slice(4)}`;
  const span = daysBetween(firstYearStart, o.today);
  // Between 11 and 16 months in: always after a silent first year, always with time left for the story.
  const reportDate = onWorkingDay(addDays(firstYearStart, Math.round(span * 0.45)));

  const units: PlanUnit[] = [...faculties, ...departments, ...otherUnits].map((u) => ({
    code: u.code,
    name: u.name,
    type: u.type,
    parent: u.parent ?? null,
    description: u.description ?? null,
  }));
  const people = buildPeople(rng.fork('people'), { units, firstYearStart, today: o.today, currentYearStart });
  const coverage = buildCoverage(rng.fork('coverage'), firstYearStart);
  const story = buildStory({ reportDate, today: o.today });
  const generic = buildEngagements(rng.fork('engagements'), {
    units,
    people,
    coverage,
    firstYearStart,
    today: o.today,
    count: Math.max(0, (o.engagements ?? DEFAULT_ENGAGEMENTS) - story.length),
    // the school joins the everyday record once the story's embedded teaching has begun
    silentUntil: new Map(COMPUTING_UNITS.map((c) => [c, addDays(reportDate, Math.round(daysBetween(reportDate, o.today) * EMBEDDED_TEACHING_FROM) + 3)])),
  });
  const maturity = buildMaturity(rng.fork('maturity'), { units, story, coverage, firstYearStart, today: o.today });
  // champions date from when they came forward: Zoë at the story's first meeting, the others some time in the first year
  const championRng = rng.fork('champions');
  for (const p of people.filter((x) => x.champion)) {
    p.championSince = p.key === 'zoe' ? story[1]?.date : onWorkingDay(addDays(firstYearStart, championRng.int(30, 300)));
  }
  const engagements = [...story, ...generic].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return { today: o.today, firstYearStart, reportDate, units, staff: librarianStaff, people, coverage, engagements, maturity };
}
