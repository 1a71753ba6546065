import { sql } from 'kysely';
import type { ListPlansQuery } from '../../../shared/contracts/plans.ts';
import type { ActionPlanTable, EvidenceKind, Executor, PlanActionTable, PlanCommentTable, PlanObjectiveTable } from '../../db/types.ts';

export type PlanRow = ActionPlanTable & { org_unit_name: string };

const planQuery = (db: Executor, institutionId: string) =>
  db.selectFrom('action_plans as p').innerJoin('org_units as o', 'o.id', 'p.org_unit_id').selectAll('p').select('o.name as org_unit_name').where('p.institution_id', '=', institutionId);

export const findPlan = (db: Executor, institutionId: string, id: string): Promise<PlanRow | undefined> =>
  planQuery(db, institutionId).where('p.id', '=', id).executeTakeFirst();

export const findPlanFor = (db: Executor, institutionId: string, orgUnitId: string, year: number) =>
  db.selectFrom('action_plans').selectAll().where('institution_id', '=', institutionId).where('org_unit_id', '=', orgUnitId).where('year', '=', year).executeTakeFirst();

/** The same unit's plans for the years either side. */
export const neighbourPlans = (db: Executor, institutionId: string, orgUnitId: string, year: number) =>
  db.selectFrom('action_plans').select(['id', 'year']).where('institution_id', '=', institutionId).where('org_unit_id', '=', orgUnitId)
    .where('year', 'in', [year - 1, year + 1]).execute();

export async function listPlans(db: Executor, institutionId: string, q: ListPlansQuery): Promise<{ rows: PlanRow[]; total: number }> {
  let query = planQuery(db, institutionId);
  if (q.year !== undefined) query = query.where('p.year', '=', q.year);
  if (q.orgUnitId) query = query.where('p.org_unit_id', '=', q.orgUnitId);
  if (q.status) query = query.where('p.status', '=', q.status);
  const [rows, count] = await Promise.all([
    query.orderBy('p.year', 'desc').orderBy('o.name').orderBy('p.id').offset((q.page - 1) * q.pageSize).limit(q.pageSize).execute(),
    query.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export type ActionCounts = { total: number; done: number; overdue: number };

/** Each plan's actions counted in one grouped query: total, done, and overdue as of `today`. */
export async function actionCounts(db: Executor, institutionId: string, planIds: string[], today: string): Promise<Map<string, ActionCounts>> {
  if (!planIds.length) return new Map();
  const rows = await db
    .selectFrom('plan_actions')
    .select((eb) => [
      'plan_id',
      eb.fn.countAll<number>().as('total'),
      sql<number>`sum(case when status = 'done' then 1 else 0 end)`.as('done'),
      sql<number>`sum(case when status in ('not_started', 'in_progress') and due_on < ${today} then 1 else 0 end)`.as('overdue'),
    ])
    .where('institution_id', '=', institutionId)
    .where('plan_id', 'in', planIds)
    .groupBy('plan_id')
    .execute();
  return new Map(rows.map((r) => [r.plan_id, { total: Number(r.total), done: Number(r.done ?? 0), overdue: Number(r.overdue ?? 0) }]));
}

export const insertPlan = (db: Executor, row: ActionPlanTable) => db.insertInto('action_plans').values(row).execute();

export const updatePlan = (db: Executor, institutionId: string, id: string, patch: Partial<ActionPlanTable>) =>
  db.updateTable('action_plans').set(patch).where('institution_id', '=', institutionId).where('id', '=', id).execute();

/** A change to an objective, action or comment is a change to the plan. */
export const touchPlan = (db: Executor, institutionId: string, id: string, now: string) => updatePlan(db, institutionId, id, { updated_at: now });

/**
 * Children first, and the plan's share links with it (they have no foreign key to cascade on).
 * Next year's actions carried from these keep existing, without the link back.
 */
export async function deletePlan(db: Executor, institutionId: string, id: string) {
  const actionIds = db.selectFrom('plan_actions').select('id').where('institution_id', '=', institutionId).where('plan_id', '=', id);
  await db.updateTable('plan_actions').set({ carried_from_id: null }).where('institution_id', '=', institutionId).where('carried_from_id', 'in', actionIds).execute();
  await db.deleteFrom('plan_action_engagements').where('institution_id', '=', institutionId).where('action_id', 'in', actionIds).execute();
  await db.deleteFrom('plan_actions').where('institution_id', '=', institutionId).where('plan_id', '=', id).execute();
  await db.deleteFrom('plan_objectives').where('institution_id', '=', institutionId).where('plan_id', '=', id).execute();
  await db.deleteFrom('plan_comments').where('institution_id', '=', institutionId).where('plan_id', '=', id).execute();
  await db.deleteFrom('share_links').where('institution_id', '=', institutionId).where('subject_type', '=', 'action_plan').where('subject_id', '=', id).execute();
  await db.deleteFrom('action_plans').where('institution_id', '=', institutionId).where('id', '=', id).execute();
}

export const objectiveRows = (db: Executor, institutionId: string, planId: string): Promise<PlanObjectiveTable[]> =>
  db.selectFrom('plan_objectives').selectAll().where('institution_id', '=', institutionId).where('plan_id', '=', planId).orderBy('sort_order').orderBy('id').execute();

export type ActionRow = PlanActionTable & {
  owner_name: string | null;
  partner_name: string | null;
  carried_plan_id: string | null;
  carried_year: number | null;
};

/** A plan's actions by objective (in the objectives' order, unaligned last), then by their own order. */
export function actionRows(db: Executor, institutionId: string, planId: string): Promise<ActionRow[]> {
  return db
    .selectFrom('plan_actions as a')
    .leftJoin('plan_objectives as po', 'po.id', 'a.objective_id')
    .leftJoin('users as u', 'u.id', 'a.owner_id')
    .leftJoin('people as pe', 'pe.id', 'a.partner_person_id')
    .leftJoin('plan_actions as cf', 'cf.id', 'a.carried_from_id')
    .leftJoin('action_plans as cp', 'cp.id', 'cf.plan_id')
    .selectAll('a')
    .select(['u.name as owner_name', 'pe.name as partner_name', 'cp.id as carried_plan_id', 'cp.year as carried_year'])
    .where('a.institution_id', '=', institutionId)
    .where('a.plan_id', '=', planId)
    .orderBy(sql`case when po.id is null then 1 else 0 end`)
    .orderBy('po.sort_order')
    .orderBy('po.id')
    .orderBy('a.sort_order')
    .orderBy('a.id')
    .execute();
}

export type EngagementRef = { action_id: string; id: string; occurred_on: string; summary: string };

/** The engagements linked to these actions, newest first. */
export function actionEngagements(db: Executor, actionIds: string[]): Promise<EngagementRef[]> {
  if (!actionIds.length) return Promise.resolve([]);
  return db
    .selectFrom('plan_action_engagements as l')
    .innerJoin('engagements as e', 'e.id', 'l.engagement_id')
    .select(['l.action_id', 'e.id', 'e.occurred_on', 'e.summary'])
    .where('l.action_id', 'in', actionIds)
    .orderBy('e.occurred_on', 'desc')
    .orderBy('e.id')
    .execute();
}

export type ActionEvidenceRow = { action_id: string; id: string; kind: EvidenceKind; text: string; occurred_on: string };

/** The evidence linked to these actions (the link is made from the evidence side), newest first. */
export function actionEvidence(db: Executor, institutionId: string, actionIds: string[]): Promise<ActionEvidenceRow[]> {
  if (!actionIds.length) return Promise.resolve([]);
  return db
    .selectFrom('evidence_actions as l')
    .innerJoin('evidence as v', 'v.id', 'l.evidence_id')
    .select(['l.action_id', 'v.id', 'v.kind', 'v.text', 'v.occurred_on'])
    .where('l.institution_id', '=', institutionId)
    .where('l.action_id', 'in', actionIds)
    .orderBy('v.occurred_on', 'desc')
    .orderBy('v.id', 'desc')
    .execute();
}

export const commentRows = (db: Executor, institutionId: string, planId: string): Promise<PlanCommentTable[]> =>
  db.selectFrom('plan_comments').selectAll().where('institution_id', '=', institutionId).where('plan_id', '=', planId).orderBy('created_at').orderBy('id').execute();

export const insertComment = (db: Executor, row: PlanCommentTable) => db.insertInto('plan_comments').values(row).execute();
