import type { Executor, PlanActionTable, PlanObjectiveTable } from '../../db/types.ts';

export const findObjective = (db: Executor, institutionId: string, id: string) =>
  db.selectFrom('plan_objectives').selectAll().where('institution_id', '=', institutionId).where('id', '=', id).executeTakeFirst();

export const findAction = (db: Executor, institutionId: string, id: string) =>
  db.selectFrom('plan_actions').selectAll().where('institution_id', '=', institutionId).where('id', '=', id).executeTakeFirst();

/** The sort order after the last of a plan's objectives or actions. */
export async function nextSortOrder(db: Executor, table: 'plan_objectives' | 'plan_actions', planId: string): Promise<number> {
  const row = await db.selectFrom(table).select((eb) => eb.fn.max<number | null>('sort_order').as('n')).where('plan_id', '=', planId).executeTakeFirst();
  return row?.n === null || row?.n === undefined ? 0 : Number(row.n) + 10;
}

export async function insertObjectives(db: Executor, rows: PlanObjectiveTable[]) {
  if (rows.length) await db.insertInto('plan_objectives').values(rows).execute();
}

export const updateObjective = (db: Executor, institutionId: string, id: string, patch: Partial<PlanObjectiveTable>) =>
  db.updateTable('plan_objectives').set(patch).where('institution_id', '=', institutionId).where('id', '=', id).execute();

/** The objective's actions stay in the plan, no longer under an objective. */
export async function deleteObjective(db: Executor, institutionId: string, id: string) {
  await db.updateTable('plan_actions').set({ objective_id: null }).where('institution_id', '=', institutionId).where('objective_id', '=', id).execute();
  await db.deleteFrom('plan_objectives').where('institution_id', '=', institutionId).where('id', '=', id).execute();
}

export async function insertActions(db: Executor, rows: PlanActionTable[]) {
  if (rows.length) await db.insertInto('plan_actions').values(rows).execute();
}

export const updateAction = (db: Executor, institutionId: string, id: string, patch: Partial<PlanActionTable>) =>
  db.updateTable('plan_actions').set(patch).where('institution_id', '=', institutionId).where('id', '=', id).execute();

export async function deleteAction(db: Executor, institutionId: string, id: string) {
  await db.updateTable('plan_actions').set({ carried_from_id: null }).where('institution_id', '=', institutionId).where('carried_from_id', '=', id).execute();
  await db.deleteFrom('plan_action_engagements').where('institution_id', '=', institutionId).where('action_id', '=', id).execute();
  await db.deleteFrom('plan_actions').where('institution_id', '=', institutionId).where('id', '=', id).execute();
}

export async function engagementIdsOf(db: Executor, actionId: string): Promise<string[]> {
  const rows = await db.selectFrom('plan_action_engagements').select('engagement_id').where('action_id', '=', actionId).orderBy('engagement_id').execute();
  return rows.map((r) => r.engagement_id);
}

export async function replaceEngagements(db: Executor, institutionId: string, actionId: string, ids: string[]) {
  await db.deleteFrom('plan_action_engagements').where('institution_id', '=', institutionId).where('action_id', '=', actionId).execute();
  if (ids.length) await db.insertInto('plan_action_engagements').values(ids.map((id) => ({ action_id: actionId, engagement_id: id, institution_id: institutionId }))).execute();
}
