import type { OrgUnitType } from '../db/types.ts';
import { quietDepartments } from './demo-data.ts';
import type { PlanCoverage, PlanEngagement, PlanPerson, PlanUnit } from './demo-plan.ts';
import { addDays, isClosureDay, weekday, type Rng } from './demo-random.ts';
import { summarize, themesFor } from './demo-summaries.ts';
import { followUps, outcomes } from './demo-text.ts';

/*
 * The everyday record of three academic years: engagements spread over term
 * time and weekdays, across units in proportion to how active each relationship
 * is, with the people, staff, themes and initiative that type of engagement has.
 */

type Weights = readonly (readonly [string, number])[];

const typesByUnit: Record<OrgUnitType, Weights> = {
  department: [['email', 24], ['meeting', 20], ['teaching_session', 15], ['consultation', 11], ['workshop', 6], ['call', 5], ['event', 3], ['curriculum_review', 2], ['joint_bid', 1], ['committee', 1], ['other', 2]],
  faculty: [['meeting', 40], ['email', 25], ['committee', 20], ['call', 10], ['event', 5]],
  committee: [['committee', 85], ['email', 10], ['meeting', 5]],
  research_centre: [['consultation', 30], ['meeting', 25], ['email', 25], ['workshop', 10], ['joint_bid', 5], ['event', 5]],
  professional_service: [['meeting', 35], ['email', 35], ['call', 10], ['event', 10], ['joint_bid', 5], ['workshop', 5]],
  student_society: [['event', 40], ['meeting', 30], ['email', 20], ['workshop', 10]],
};

const unitWeight: Record<OrgUnitType, [number, number]> = {
  department: [0.5, 2.2],
  faculty: [0.6, 1],
  committee: [0.3, 0.6],
  research_centre: [0.5, 0.9],
  professional_service: [0.3, 0.6],
  student_society: [0.1, 0.25],
};

/** How often the partner, not the library, starts this kind of engagement. */
const partnerShare: Record<string, number> = {
  email: 0.45, meeting: 0.35, call: 0.5, committee: 0.1, teaching_session: 0.5, workshop: 0.3, consultation: 0.85,
  event: 0.2, curriculum_review: 0.5, joint_bid: 0.4, other: 0.3,
};

const durations: Record<string, number[] | null> = {
  email: null, meeting: [30, 45, 60, 60], call: [15, 20, 30], committee: [60, 90, 120], teaching_session: [50, 60, 90, 120],
  workshop: [60, 90, 120], consultation: [30, 45, 60], event: [120, 180, 240], curriculum_review: [60, 90, 120], joint_bid: [60, 90], other: [30],
};

/** Term time is busy, August is quiet; weekends almost never, the Christmas closure never. */
const monthWeight = [1.0, 1.1, 1.1, 0.6, 0.9, 0.7, 0.35, 0.3, 0.9, 1.25, 1.2, 0.7];

function dateSampler(rng: Rng, from: string, to: string) {
  const days: string[] = [];
  const cumulative: number[] = [];
  let total = 0;
  for (let d = from; d <= to; d = addDays(d, 1)) {
    const wd = weekday(d);
    total += isClosureDay(d) ? 0 : (monthWeight[Number(d.slice(5, 7)) - 1] ?? 1) * (wd === 0 || wd === 6 ? 0.03 : 1);
    days.push(d);
    cumulative.push(total);
  }
  return () => {
    const r = rng.next() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cumulative[mid] ?? 0) > r) hi = mid;
      else lo = mid + 1;
    }
    return days[lo] ?? to;
  };
}

interface Holder {
  person: PlanPerson;
  title: string;
  start: string | null;
  end: string | null;
}

export interface EngagementInputs {
  units: PlanUnit[];
  people: PlanPerson[];
  coverage: PlanCoverage[];
  firstYearStart: string;
  today: string;
  count: number;
  /** units with no engagement before the given date */
  silentUntil: Map<string, string>;
}

export function buildEngagements(rng: Rng, o: EngagementInputs): PlanEngagement[] {
  const byCode = new Map(o.units.map((u) => [u.code, u]));
  const holders = new Map<string, Holder[]>();
  for (const p of o.people) {
    for (const pos of p.positions) holders.set(pos.unit, [...(holders.get(pos.unit) ?? []), { person: p, ...pos }]);
  }
  const active = (from: string | null, to: string | null, date: string) => (!from || from <= date) && (!to || to >= date);
  const quietFrom = addDays(o.today, -200);
  const weighted = o.units.map((u) => {
    const [lo, hi] = unitWeight[u.type];
    return { unit: u, weight: lo + rng.next() * (hi - lo), reciprocity: 0.6 + rng.next() * 0.7 };
  });
  const eligible = (u: PlanUnit, date: string) => {
    const silent = o.silentUntil.get(u.code);
    if (silent && date < silent) return false;
    return !(quietDepartments.includes(u.code) && date >= quietFrom);
  };

  function staffFor(code: string, fn: string, date: string): string[] {
    for (let unit = byCode.get(code); unit; unit = unit.parent ? byCode.get(unit.parent) : undefined) {
      const rows = o.coverage.filter((c) => c.unit === unit?.code && active(c.start, c.end, date));
      const match = rows.filter((c) => c.fn === fn);
      const chosen = match.length ? match : rows.filter((c) => c.fn === 'subject_liaison');
      if (chosen.length) return chosen.map((c) => c.staff);
    }
    return ['manager'];
  }

  const sampleDate = dateSampler(rng, o.firstYearStart, o.today);
  const out: PlanEngagement[] = [];
  const recent = addDays(o.today, -30);
  while (out.length < o.count) {
    const date = sampleDate();
    const candidates = weighted.filter((w) => eligible(w.unit, date));
    const { unit, reciprocity } = rng.weighted(candidates.map((c) => [c, c.weight] as const));
    const type = rng.weighted(typesByUnit[unit.type]);
    const themes = themesFor(rng, type, unit.type);
    const here = (holders.get(unit.code) ?? []).filter((h) => active(h.start, h.end, date));
    const convenors = here.filter((h) => h.title.startsWith('Module Convenor'));
    const people = pickPeople(rng, type, type === 'teaching_session' && convenors.length ? convenors : here);
    const fn = type === 'teaching_session' || type === 'workshop' ? 'teaching_learning' : themes.includes('research_knowledge') ? 'research_support' : 'subject_liaison';
    const staff = rng.sample(staffFor(unit.code, fn, date), 1);
    if (rng.chance(0.2)) for (const s of staffFor(unit.code, 'subject_liaison', date)) if (!staff.includes(s)) staff.push(s);
    const partner = rng.chance(Math.min(0.95, Math.max(0.05, (partnerShare[type] ?? 0.3) * reciprocity)));
    const module = convenors.length ? rng.pick(convenors).title.replace(/^Module Convenor \((.*)\)$/, '$1') : null;
    const year = module ? Number(/\d/.exec(module)?.[0] ?? '1') : 1;
    const { summary, attendance } = summarize(rng, { type, unit, people, themes, partner, module, year });
    const durationChoices = durations[type];
    out.push({
      type,
      date,
      duration: durationChoices ? rng.pick(durationChoices) : null,
      summary,
      outcome: rng.chance(type === 'email' || type === 'call' ? 0.15 : 0.4) ? rng.pick(outcomes) : null,
      followUp: rng.chance(date >= recent ? 0.5 : 0.2) ? rng.pick(followUps) : null,
      initiatedBy: partner ? 'partner' : 'library',
      attendance,
      staff,
      people: people.map((h) => h.person.key),
      units: [unit.code],
      themes,
    });
  }
  return out;
}

function pickPeople(rng: Rng, type: string, pool: Holder[]): Holder[] {
  if (!pool.length) return [];
  const [lo, hi] = ({ committee: [2, 4], curriculum_review: [2, 3], joint_bid: [1, 2], meeting: [1, 2], event: [0, 2], workshop: [0, 1] } as Record<string, [number, number]>)[type] ?? [1, 1];
  const n = Math.min(rng.int(lo, hi), new Set(pool.map((h) => h.person.key)).size);
  const picked: Holder[] = [];
  // the more influential and interested are met more often
  const weighted = pool.map((h) => [h, (h.person.influence ?? 2) + (h.person.interest ?? 2)] as const);
  while (picked.length < n) {
    const h = rng.weighted(weighted);
    if (!picked.some((x) => x.person.key === h.person.key)) picked.push(h);
  }
  return picked;
}
