import { actionStatuses, isUnfinished } from '../../../shared/contracts/plans.ts';
import type { ActionPlanTable, Executor, PlanActionTable, PlanObjectiveTable } from '../../db/types.ts';
import type { Actor } from '../../http/actor.ts';
import { newId } from '../../lib/ids.ts';
import { fold } from '../../lib/text.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { proposedForNextYear } from '../reports/reports.repository.ts';
import { insertActions, insertObjectives } from './plan-items.repository.ts';
import { auditableAction } from './plans.mapper.ts';
import { findPlanFor } from './plans.repository.ts';

const unfinished = actionStatuses.filter(isUnfinished);
/** "Map collection  TOUR" is "Map collection tour" */
const sameTitle = (t: string) => fold(t).replace(/\s+/g, ' ').trim();

/**
 * Last year flows into `plan` (a new draft): the unfinished actions of the unit's plan for the year
 * before, with the objectives they sit under, each copy pointing back at its original; then the actions
 * last year's annual report proposed, as new actions not yet started (one already carried under the same
 * title is not added twice). Inside the caller's transaction; returns how many of each.
 */
export async function carryForward(trx: Executor, actor: Actor, plan: ActionPlanTable, now: string): Promise<{ carried: number; proposed: number }> {
  const carried = await carryUnfinished(trx, actor, plan, now);
  const proposed = await proposedForNextYear(trx, actor.institutionId, plan.org_unit_id, plan.year - 1);
  const titles = new Set(carried.map((a) => sameTitle(a.title)));
  const added = proposed.filter((p) => !titles.has(sameTitle(p.title))).map((p, i): PlanActionTable => ({
    id: newId(), institution_id: actor.institutionId, plan_id: plan.id, objective_id: null, title: p.title, owner_id: null, partner_person_id: null, due_on: null,
    status: 'not_started', notes: p.notes, carried_from_id: null, sort_order: carried.length + i, created_at: now, updated_at: now,
  }));
  await insertActions(trx, added);
  for (const a of added) await recordAudit(trx, actor, { action: 'create', entityType: 'plan_action', entityId: a.id, after: { ...auditableAction(a, []), proposed_in_report_for: plan.year - 1 } }, now);
  return { carried: carried.length, proposed: added.length };
}

async function carryUnfinished(trx: Executor, actor: Actor, plan: ActionPlanTable, now: string): Promise<PlanActionTable[]> {
  const previous = await findPlanFor(trx, actor.institutionId, plan.org_unit_id, plan.year - 1);
  if (!previous) return [];
  const actions = await trx.selectFrom('plan_actions').selectAll().where('institution_id', '=', actor.institutionId).where('plan_id', '=', previous.id)
    .where('status', 'in', unfinished).orderBy('sort_order').orderBy('id').execute();
  if (!actions.length) return [];

  const objectiveIds = [...new Set(actions.flatMap((a) => (a.objective_id ? [a.objective_id] : [])))];
  const sources = objectiveIds.length
    ? await trx.selectFrom('plan_objectives').selectAll().where('institution_id', '=', actor.institutionId).where('id', 'in', objectiveIds).orderBy('sort_order').orderBy('id').execute()
    : [];
  const objectiveMap = new Map<string, string>();
  const objectives = sources.map((o): PlanObjectiveTable => {
    const id = newId();
    objectiveMap.set(o.id, id);
    return { id, institution_id: actor.institutionId, plan_id: plan.id, title: o.title, goal_id: o.goal_id, sort_order: o.sort_order, created_at: now, updated_at: now };
  });
  const copies = actions.map((a): PlanActionTable => ({
    id: newId(), institution_id: actor.institutionId, plan_id: plan.id, objective_id: a.objective_id ? (objectiveMap.get(a.objective_id) ?? null) : null,
    title: a.title, owner_id: a.owner_id, partner_person_id: a.partner_person_id,
    // last year's due date belongs to last year: the new plan sets its own
    due_on: null,
    status: a.status, notes: a.notes, carried_from_id: a.id, sort_order: a.sort_order, created_at: now, updated_at: now,
  }));
  await insertObjectives(trx, objectives);
  await insertActions(trx, copies);
  for (const o of objectives) await recordAudit(trx, actor, { action: 'create', entityType: 'plan_objective', entityId: o.id, after: { ...o } }, now);
  for (const a of copies) await recordAudit(trx, actor, { action: 'create', entityType: 'plan_action', entityId: a.id, after: auditableAction(a, []) }, now);
  return copies;
}
