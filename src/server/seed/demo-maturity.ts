import type { MaturityLevel } from '../db/types.ts';
import type { PlanCoverage, PlanEngagement, PlanUnit } from './demo-plan.ts';
import { addDays, daysBetween, onWorkingDay, type Rng } from './demo-random.ts';

export interface PlanMaturity {
  unit: string;
  level: MaturityLevel;
  date: string;
  rationale: string;
  /** staff key of the assessor */
  staff: string;
  /** the story's engagements cited as evidence */
  cites: PlanEngagement[];
}

/** The school's journey, assessed at the turning points of the story (indexes into buildStory's list). */
const COMPUTING: { level: MaturityLevel; at: number; rationale: string; cites: number[] }[] = [
  { level: 'provider', at: 0, cites: [0], rationale: 'We answer the school’s requests reliably, but there has been no relationship beyond that for over a year; the external examiner’s report is our way in.' },
  { level: 'partner', at: 8, cites: [4, 6, 8], rationale: 'The library sits on the curriculum review and our sessions are written into the learning outcomes of COMP350, COMP390 and COMP401: the school now plans with us.' },
  { level: 'pioneer', at: -1, cites: [9, 18, 19], rationale: 'A research-skills thread co-designed and co-taught, a joint summer-school bid, and the examiner notices better-referenced dissertations: the school holds this up as practice for others.' },
];

const OTHER: Record<Exclude<MaturityLevel, 'none'>, string> = {
  provider: 'Reliable service when asked: induction sessions and reading-list checks, but little joint planning.',
  partner: 'Regular meetings with the director of teaching and sessions built into modules: a trusted partner.',
  pioneer: 'The department co-creates with us and shows others how: embedded teaching across years and joint projects.',
};

/**
 * Dated maturity assessments: the School of Computing's journey from the story, and for most other
 * departments one or two assessments so the manager's distribution chart has a history.
 */
export function buildMaturity(rng: Rng, o: { units: PlanUnit[]; story: PlanEngagement[]; coverage: PlanCoverage[]; firstYearStart: string; today: string }): PlanMaturity[] {
  const out: PlanMaturity[] = COMPUTING.map((m) => {
    const e = o.story.at(m.at) as PlanEngagement;
    return { unit: 'COMP', level: m.level, date: e.date, rationale: m.rationale, staff: 'fse', cites: m.cites.flatMap((i) => o.story[i] ?? []) };
  });
  const span = daysBetween(o.firstYearStart, o.today);
  for (const u of o.units) {
    if (u.type !== 'department' || u.code === 'COMP' || rng.chance(0.15)) continue;
    const staff = o.coverage.find((c) => c.unit === u.code && c.fn === 'subject_liaison')?.staff ?? 'manager';
    const first = rng.weighted<MaturityLevel>([['provider', 6], ['partner', 3], ['none', 1]]);
    const firstOn = onWorkingDay(addDays(o.firstYearStart, rng.int(20, Math.round(span * 0.4))));
    out.push({ unit: u.code, level: first, date: firstOn, rationale: first === 'none' ? 'No engagement with the department yet beyond the catalogue.' : OTHER[first], staff, cites: [] });
    if (first !== 'none' && rng.chance(0.5)) {
      const next: MaturityLevel = first === 'provider' ? 'partner' : 'pioneer';
      const on = onWorkingDay(addDays(firstOn, rng.int(120, Math.max(121, daysBetween(firstOn, o.today) - 5))));
      if (on <= o.today) out.push({ unit: u.code, level: next, date: on, rationale: OTHER[next], staff, cites: [] });
    }
  }
  return out;
}
