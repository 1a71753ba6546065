import { actionStatuses, isUnfinished } from '../../../shared/contracts/plans.ts';
import type { ActionPlanTable, Executor, PlanActionTable, PlanObjectiveTable } from '../../db/types.ts';
import type { Actor } from '../../http/actor.ts';
import { newId } from '../../lib/ids.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { insertActions, insertObjectives } from './plan-items.repository.ts';
import { auditableAction } from './plans.mapper.ts';
import { findPlanFor } from './plans.repository.ts';

const unfinished = actionStatuses.filter(isUnfinished);

/**
 * Copies the unfinished actions of the unit's plan for the year before into `plan` (a new draft), with
 * the objectives they sit under, so the year-end review flows into next year's plan. Each copy points
 * back at its original. Inside the caller's transaction; returns how many actions were carried.
 */
export async function carryForward(trx: Executor, actor: Actor, plan: ActionPlanTable, now: string): Promise<number> {
  const previous = await findPlanFor(trx, actor.institutionId, plan.org_unit_id, plan.year - 1);
  if (!previous) return 0;
  const actions = await trx.selectFrom('plan_actions').selectAll().where('institution_id', '=', actor.institutionId).where('plan_id', '=', previous.id)
    .where('status', 'in', unfinished).orderBy('sort_order').orderBy('id').execute();
  if (!actions.length) return 0;

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
  return copies.length;
}
