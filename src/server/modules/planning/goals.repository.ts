import { sql } from 'kysely';
import type { Executor, GoalTable } from '../../db/types.ts';

/** Library strategy before the institution's, then the chosen order, then by title. */
const ownerFirst = sql<number>`CASE owner WHEN 'library' THEN 0 ELSE 1 END`;

/** Goals and objectives together (the caller nests them); `includeRetired` for the full list. */
export function goalRows(db: Executor, institutionId: string, opts: { includeRetired: boolean; ids?: string[] }) {
  let q = db.selectFrom('goals').selectAll().where('institution_id', '=', institutionId);
  if (!opts.includeRetired) q = q.where('active', '=', 1);
  if (opts.ids) q = q.where((eb) => eb.or([eb('id', 'in', opts.ids?.length ? opts.ids : ['']), eb('parent_id', 'in', opts.ids?.length ? opts.ids : [''])]));
  return q.orderBy(ownerFirst).orderBy('sort_order').orderBy('title').orderBy('id').execute();
}

export const findGoal = (db: Executor, institutionId: string, id: string) =>
  db.selectFrom('goals').selectAll().where('institution_id', '=', institutionId).where('id', '=', id).executeTakeFirst();

/** A goal's objectives (retired ones too), in their order. */
export const objectiveRows = (db: Executor, institutionId: string, goalId: string) =>
  db.selectFrom('goals').selectAll().where('institution_id', '=', institutionId).where('parent_id', '=', goalId)
    .orderBy('sort_order').orderBy('title').orderBy('id').execute();

/** The next free place at the end of a level: after the last goal of this owner, or the last objective of this goal. */
export async function nextSortOrder(db: Executor, institutionId: string, parentId: string | null, owner: GoalTable['owner']): Promise<number> {
  let q = db.selectFrom('goals').select((eb) => eb.fn.max('sort_order').as('m')).where('institution_id', '=', institutionId);
  q = parentId ? q.where('parent_id', '=', parentId) : q.where('parent_id', 'is', null).where('owner', '=', owner);
  const row = await q.executeTakeFirst();
  return row?.m === null || row?.m === undefined ? 0 : Number(row.m) + 10;
}

export const insertGoal = (db: Executor, row: GoalTable) => db.insertInto('goals').values(row).execute();

export async function updateGoals(db: Executor, institutionId: string, ids: string[], patch: Partial<GoalTable>) {
  if (ids.length) await db.updateTable('goals').set(patch).where('institution_id', '=', institutionId).where('id', 'in', ids).execute();
}

export const deleteGoal = (db: Executor, institutionId: string, id: string) =>
  db.deleteFrom('goals').where('institution_id', '=', institutionId).where('id', '=', id).execute();

const countIn = async (q: Promise<{ n: number | string | bigint } | undefined>) => Number((await q)?.n ?? 0);

/** How many records of each kind align to this goal or objective (its own links only), and its objectives. */
export async function usage(db: Executor, institutionId: string, id: string) {
  const count = (table: 'engagement_goals' | 'opportunity_goals' | 'campaign_goals') =>
    countIn(db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).where('institution_id', '=', institutionId).where('goal_id', '=', id).executeTakeFirst());
  const [engagements, opportunities, campaigns, planObjectives, objectives] = await Promise.all([
    count('engagement_goals'), count('opportunity_goals'), count('campaign_goals'),
    countIn(db.selectFrom('plan_objectives').select((eb) => eb.fn.countAll<number>().as('n')).where('institution_id', '=', institutionId).where('goal_id', '=', id).executeTakeFirst()),
    countIn(db.selectFrom('goals').select((eb) => eb.fn.countAll<number>().as('n')).where('institution_id', '=', institutionId).where('parent_id', '=', id).executeTakeFirst()),
  ]);
  return { engagements, opportunities, campaigns, planObjectives, objectives };
}

/** Engagements aligned to any of `goalIds`: how many (each once) and the ten most recent. */
export async function alignedEngagements(db: Executor, institutionId: string, goalIds: string[]) {
  const linked = db.selectFrom('engagement_goals').select('engagement_id').where('institution_id', '=', institutionId).where('goal_id', 'in', goalIds);
  const [total, recent] = await Promise.all([
    db.selectFrom('engagement_goals').select((eb) => eb.fn.count<number>('engagement_id').distinct().as('n'))
      .where('institution_id', '=', institutionId).where('goal_id', 'in', goalIds).executeTakeFirst(),
    db.selectFrom('engagements as e').innerJoin('vocab_terms as t', 't.id', 'e.type_id')
      .select(['e.id', 'e.occurred_on', 'e.summary', 't.label as type_label'])
      .where('e.institution_id', '=', institutionId)
      .where('e.id', 'in', linked)
      .orderBy('e.occurred_on', 'desc').orderBy('e.id', 'desc').limit(10).execute(),
  ]);
  return { total: Number(total?.n ?? 0), recent };
}

/** Opportunities aligned to any of `goalIds`, by title, with the names of their org units. */
export async function alignedOpportunities(db: Executor, institutionId: string, goalIds: string[]) {
  const rows = await db.selectFrom('opportunities').select(['id', 'title', 'stage'])
    .where('institution_id', '=', institutionId)
    .where('id', 'in', db.selectFrom('opportunity_goals').select('opportunity_id').where('institution_id', '=', institutionId).where('goal_id', 'in', goalIds))
    .orderBy('title').orderBy('id').execute();
  const units = rows.length
    ? await db.selectFrom('opportunity_org_units as ou').innerJoin('org_units as o', 'o.id', 'ou.org_unit_id')
      .select(['ou.opportunity_id', 'o.name']).where('ou.institution_id', '=', institutionId).where('ou.opportunity_id', 'in', rows.map((r) => r.id))
      .orderBy('o.name').execute()
    : [];
  return rows.map((r) => ({ ...r, org_units: units.filter((u) => u.opportunity_id === r.id).map((u) => u.name) }));
}

/** Action-plan objectives aligned to any of `goalIds`, newest plan first, with their plan's unit and action counts. */
export function alignedPlanObjectives(db: Executor, institutionId: string, goalIds: string[]) {
  return db.selectFrom('plan_objectives as po')
    .innerJoin('action_plans as ap', 'ap.id', 'po.plan_id')
    .innerJoin('org_units as o', 'o.id', 'ap.org_unit_id')
    .select((eb) => [
      'po.id', 'po.title', 'ap.id as plan_id', 'ap.year', 'o.id as org_unit_id', 'o.name as org_unit_name',
      eb.selectFrom('plan_actions as pa').select(eb.fn.countAll<number>().as('n')).whereRef('pa.objective_id', '=', 'po.id').as('actions'),
      eb.selectFrom('plan_actions as pa').select(eb.fn.countAll<number>().as('n')).whereRef('pa.objective_id', '=', 'po.id').where('pa.status', '=', 'done').as('done'),
    ])
    .where('po.institution_id', '=', institutionId)
    .where('po.goal_id', 'in', goalIds)
    .orderBy('ap.year', 'desc').orderBy('o.name').orderBy('po.sort_order').orderBy('po.id')
    .execute();
}

/** Campaigns aligned to any of `goalIds`, newest first. */
export const alignedCampaigns = (db: Executor, institutionId: string, goalIds: string[]) =>
  db.selectFrom('campaigns').select(['id', 'name', 'starts_on', 'ends_on'])
    .where('institution_id', '=', institutionId)
    .where('id', 'in', db.selectFrom('campaign_goals').select('campaign_id').where('institution_id', '=', institutionId).where('goal_id', 'in', goalIds))
    .orderBy('starts_on', 'desc').orderBy('name').execute();
