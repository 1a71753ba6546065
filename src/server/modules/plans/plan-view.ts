import { academicYearStarting } from '../../../shared/academic-year.ts';
import type { Executor, InstitutionTable } from '../../db/types.ts';
import { localDate, type Clock } from '../../lib/clock.ts';
import { goalRefs } from '../planning/refs.ts';
import type { PlanView } from './plans.mapper.ts';
import * as repo from './plans.repository.ts';

export const todayOf = (inst: InstitutionTable, clock: Clock) => localDate(clock.now(), inst.time_zone);

export const yearLabelOf = (inst: InstitutionTable, year: number) => academicYearStarting(year, inst.academic_year_start_month, inst.academic_year_start_day).label;

/** Reads everything a plan's page shows, or null when the institution has no such plan. */
export async function loadView(db: Executor, inst: InstitutionTable, id: string, clock: Clock): Promise<PlanView | null> {
  const plan = await repo.findPlan(db, inst.id, id);
  if (!plan) return null;
  const [objectives, actions, comments, neighbours] = await Promise.all([
    repo.objectiveRows(db, inst.id, id),
    repo.actionRows(db, inst.id, id),
    repo.commentRows(db, inst.id, id),
    repo.neighbourPlans(db, inst.id, plan.org_unit_id, plan.year),
  ]);
  const actionIds = actions.map((a) => a.id);
  const [goals, engagements, evidence] = await Promise.all([
    goalRefs(db, inst.id, objectives.flatMap((o) => (o.goal_id ? [o.goal_id] : []))),
    repo.actionEngagements(db, actionIds),
    repo.actionEvidence(db, inst.id, actionIds),
  ]);
  return { plan, yearLabel: yearLabelOf(inst, plan.year), today: todayOf(inst, clock), objectives, goals, actions, engagements, evidence, comments, neighbours };
}
