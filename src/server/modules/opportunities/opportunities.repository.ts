import type { GoalOwner } from '../../../shared/contracts/goals.ts';
import type { EvidenceKind, Executor, OpportunityStage, OpportunityStageChangeTable, OpportunityTable, TriggerKind } from '../../db/types.ts';
import { invalid } from '../../http/errors.ts';
import { foldedLike } from '../../lib/text.ts';
import { assertAllFound } from '../engagements/engagements.repository.ts';

/** The link sets of an opportunity, by the body field that names them. */
export const linkTables = {
  orgUnitIds: { table: 'opportunity_org_units', column: 'org_unit_id' },
  personIds: { table: 'opportunity_people', column: 'person_id' },
  goalIds: { table: 'opportunity_goals', column: 'goal_id' },
  engagementIds: { table: 'opportunity_engagements', column: 'engagement_id' },
  proofIds: { table: 'opportunity_proofs', column: 'proof_id' },
} as const;
export type LinkKey = keyof typeof linkTables;
export type LinkSets = Record<LinkKey, string[]>;
export const linkKeys = Object.keys(linkTables) as LinkKey[];

/** Filters after the service resolved the org unit into the unit and those below it. */
export interface ListFilters {
  ids?: string[];
  stages?: readonly OpportunityStage[];
  ownerId?: string;
  orgUnitIds?: string[];
  /** a goal matches itself and its objectives */
  goalId?: string;
  triggerKind?: TriggerKind;
  /** linked to this engagement */
  engagementId?: string;
  q?: string;
}

/** What the priority, going cold and the sorts need, for every opportunity a list matches. */
export interface ScoreRow {
  id: string;
  title: string;
  stage: OpportunityStage;
  trigger_kind: TriggerKind;
  owner_id: string | null;
  value: number;
  effort: number;
  window_closes_on: string | null;
  stage_changed_on: string;
  updated_at: string;
  goalOwners: GoalOwner[];
  /** the latest linked engagement on or before today */
  last_engagement_on: string | null;
}

/**
 * One query for every match: the opportunity's own columns, whether it aligns to library and to
 * institutional goals, and its latest linked engagement up to today, as correlated subqueries over the
 * link tables' primary keys (so no id list is sent back and forth, however many match).
 */
export async function scoreRows(db: Executor, institutionId: string, today: string, f: ListFilters): Promise<ScoreRow[]> {
  let q = db.selectFrom('opportunities as o').where('o.institution_id', '=', institutionId);
  if (f.ids) q = q.where('o.id', 'in', f.ids.length ? f.ids : ['']);
  if (f.stages?.length) q = q.where('o.stage', 'in', f.stages);
  if (f.ownerId) q = q.where('o.owner_id', '=', f.ownerId);
  const { orgUnitIds, goalId } = f;
  if (orgUnitIds) q = q.where((eb) => eb('o.id', 'in', eb.selectFrom('opportunity_org_units').select('opportunity_id').where('org_unit_id', 'in', orgUnitIds.length ? orgUnitIds : [''])));
  if (goalId) {
    q = q.where((eb) => eb('o.id', 'in', eb.selectFrom('opportunity_goals').select('opportunity_id').where('goal_id', 'in',
      eb.selectFrom('goals').select('id').where('institution_id', '=', institutionId).where((w) => w.or([w('id', '=', goalId), w('parent_id', '=', goalId)])))));
  }
  if (f.triggerKind) q = q.where('o.trigger_kind', '=', f.triggerKind);
  const { engagementId } = f;
  if (engagementId) q = q.where((eb) => eb('o.id', 'in', eb.selectFrom('opportunity_engagements').select('opportunity_id').where('engagement_id', '=', engagementId)));
  const words = f.q?.trim();
  if (words) q = q.where((eb) => eb.or([foldedLike('o.title', words), foldedLike('o.hook', words), foldedLike('o.trigger_text', words)]));
  const rows = await q
    .select(['o.id', 'o.title', 'o.stage', 'o.trigger_kind', 'o.owner_id', 'o.value', 'o.effort', 'o.window_closes_on', 'o.stage_changed_on', 'o.updated_at'])
    .select((eb) => {
      const aligned = (owner: GoalOwner) => eb.selectFrom('opportunity_goals as og').innerJoin('goals as g', 'g.id', 'og.goal_id')
        .select((s) => s.fn.countAll<number>().as('n')).whereRef('og.opportunity_id', '=', 'o.id').where('g.owner', '=', owner);
      return [
        aligned('library').as('library_goals'),
        aligned('institution').as('institution_goals'),
        eb.selectFrom('opportunity_engagements as oe').innerJoin('engagements as e', 'e.id', 'oe.engagement_id')
          .select((s) => s.fn.max('e.occurred_on').as('d')).whereRef('oe.opportunity_id', '=', 'o.id').where('e.occurred_on', '<=', today)
          .as('last_engagement_on'),
      ];
    })
    .execute();
  return rows.map(({ library_goals, institution_goals, ...r }) => ({
    ...r,
    last_engagement_on: r.last_engagement_on ?? null,
    goalOwners: [...(Number(library_goals) > 0 ? ['library' as const] : []), ...(Number(institution_goals) > 0 ? ['institution' as const] : [])],
  }));
}

export type OpportunityRow = OpportunityTable & {
  owner_name: string | null;
  trigger_occurred_on: string | null;
  trigger_summary: string | null;
  trigger_evidence_kind: EvidenceKind | null;
  trigger_evidence_text: string | null;
  trigger_evidence_on: string | null;
};

/** Whole rows for the opportunities on a page, with their owner's name and the engagement or evidence they were spotted in. */
export function opportunityRows(db: Executor, institutionId: string, ids: string[]): Promise<OpportunityRow[]> {
  if (!ids.length) return Promise.resolve([]);
  return db
    .selectFrom('opportunities as o')
    .leftJoin('users as u', 'u.id', 'o.owner_id')
    .leftJoin('engagements as te', 'te.id', 'o.trigger_engagement_id')
    .leftJoin('evidence as tv', 'tv.id', 'o.trigger_evidence_id')
    .selectAll('o')
    .select([
      'u.name as owner_name', 'te.occurred_on as trigger_occurred_on', 'te.summary as trigger_summary',
      'tv.kind as trigger_evidence_kind', 'tv.text as trigger_evidence_text', 'tv.occurred_on as trigger_evidence_on',
    ])
    .where('o.institution_id', '=', institutionId)
    .where('o.id', 'in', ids)
    .execute();
}

export const findOpportunity = (db: Executor, institutionId: string, id: string) =>
  db.selectFrom('opportunities').selectAll().where('institution_id', '=', institutionId).where('id', '=', id).executeTakeFirst();

export type Named = { id: string; name: string };
export type ProofRef = { id: string; title: string; stage: OpportunityStage };
export interface PageLinks {
  orgUnits: Map<string, Named[]>;
  people: Map<string, Named[]>;
  goalIds: Map<string, string[]>;
  proofs: Map<string, ProofRef[]>;
}

function grouped<R extends { opportunity_id: string }, T>(rows: R[], pick: (r: R) => T): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const r of rows) {
    const list = map.get(r.opportunity_id) ?? [];
    list.push(pick(r));
    map.set(r.opportunity_id, list);
  }
  return map;
}

/** The named links of a page of opportunities: one query per link table, whatever the page size. */
export async function pageLinks(db: Executor, ids: string[]): Promise<PageLinks> {
  if (!ids.length) return { orgUnits: new Map(), people: new Map(), goalIds: new Map(), proofs: new Map() };
  const [orgUnits, people, goals, proofs] = await Promise.all([
    db.selectFrom('opportunity_org_units as l').innerJoin('org_units as u', 'u.id', 'l.org_unit_id')
      .select(['l.opportunity_id', 'u.id', 'u.name']).where('l.opportunity_id', 'in', ids).orderBy('u.name').orderBy('u.id').execute(),
    db.selectFrom('opportunity_people as l').innerJoin('people as p', 'p.id', 'l.person_id')
      .select(['l.opportunity_id', 'p.id', 'p.name']).where('l.opportunity_id', 'in', ids).orderBy('p.name').orderBy('p.id').execute(),
    db.selectFrom('opportunity_goals as l').innerJoin('goals as g', 'g.id', 'l.goal_id')
      .select(['l.opportunity_id', 'g.id']).where('l.opportunity_id', 'in', ids).orderBy('g.title').orderBy('g.id').execute(),
    db.selectFrom('opportunity_proofs as l').innerJoin('opportunities as p', 'p.id', 'l.proof_id')
      .select(['l.opportunity_id', 'p.id', 'p.title', 'p.stage']).where('l.opportunity_id', 'in', ids).orderBy('p.title').orderBy('p.id').execute(),
  ]);
  return {
    orgUnits: grouped(orgUnits, (r) => ({ id: r.id, name: r.name })),
    people: grouped(people, (r) => ({ id: r.id, name: r.name })),
    goalIds: grouped(goals, (r) => r.id),
    proofs: grouped(proofs, (r) => ({ id: r.id, title: r.title, stage: r.stage })),
  };
}

/** The engagements that moved it on, newest first. */
export const linkedEngagements = (db: Executor, opportunityId: string) =>
  db.selectFrom('opportunity_engagements as l').innerJoin('engagements as e', 'e.id', 'l.engagement_id')
    .select(['e.id', 'e.occurred_on', 'e.summary']).where('l.opportunity_id', '=', opportunityId)
    .orderBy('e.occurred_on', 'desc').orderBy('e.id', 'desc').execute();

/** Its stage history, oldest first (ids are time-ordered, so they break ties within one request's timestamp). */
export const stageHistory = (db: Executor, opportunityId: string) =>
  db.selectFrom('opportunity_stage_changes as c').leftJoin('users as u', 'u.id', 'c.changed_by')
    .select(['c.from_stage', 'c.to_stage', 'c.reason', 'c.changed_on', 'c.changed_by', 'u.name as changed_by_name'])
    .where('c.opportunity_id', '=', opportunityId).orderBy('c.created_at').orderBy('c.id').execute();

/** The ids of each link set, sorted so that audit before/after compare by content. */
export async function linkIds(db: Executor, opportunityId: string): Promise<LinkSets> {
  const sets = {} as LinkSets;
  for (const key of linkKeys) {
    const { table, column } = linkTables[key];
    const rows = await db.selectFrom(table).select(`${column} as id`).where('opportunity_id', '=', opportunityId).execute();
    sets[key] = rows.map((r) => r.id).sort();
  }
  return sets;
}

export async function replaceLinks(db: Executor, institutionId: string, opportunityId: string, key: LinkKey, ids: string[]) {
  const { table, column } = linkTables[key];
  await db.deleteFrom(table).where('opportunity_id', '=', opportunityId).execute();
  if (ids.length) await db.insertInto(table).values(ids.map((id) => ({ opportunity_id: opportunityId, institution_id: institutionId, [column]: id }))).execute();
}

export const insertOpportunity = (db: Executor, row: OpportunityTable) => db.insertInto('opportunities').values(row).execute();

export const updateOpportunity = (db: Executor, institutionId: string, id: string, patch: Partial<OpportunityTable>) =>
  db.updateTable('opportunities').set(patch).where('institution_id', '=', institutionId).where('id', '=', id).execute();

export const insertStageChange = (db: Executor, row: OpportunityStageChangeTable) => db.insertInto('opportunity_stage_changes').values(row).execute();

/** Children first (including other opportunities citing it as social proof): the cascade is declared, but deleting does not depend on it. */
export async function deleteOpportunity(db: Executor, institutionId: string, id: string) {
  for (const key of linkKeys) await db.deleteFrom(linkTables[key].table).where('opportunity_id', '=', id).execute();
  await db.deleteFrom('opportunity_proofs').where('proof_id', '=', id).execute();
  await db.deleteFrom('opportunity_stage_changes').where('opportunity_id', '=', id).execute();
  await db.deleteFrom('opportunities').where('institution_id', '=', institutionId).where('id', '=', id).execute();
}

/** Social proof points to a success elsewhere: another opportunity of the institution, piloting or embedded. */
export async function assertProofs(db: Executor, institutionId: string, ids: string[], selfId: string, field: string) {
  if (!ids.length) return;
  if (ids.includes(selfId)) throw invalid(field, 'an opportunity cannot be its own social proof');
  const found = await db.selectFrom('opportunities').select(['id', 'stage']).where('institution_id', '=', institutionId).where('id', 'in', ids).execute();
  assertAllFound(found, ids, field, 'opportunity');
  const early = found.filter((f) => f.stage !== 'piloting' && f.stage !== 'embedded').map((f) => f.id);
  if (early.length) throw invalid(field, `${early.join(', ')} is not piloting or embedded yet: social proof must be a success to point to`);
}

/** Open plan actions per owner (not started or in progress), and how many of them are overdue today. */
export async function openActionsByOwner(db: Executor, institutionId: string, today: string): Promise<Map<string, { actions: number; overdue: number }>> {
  const rows = await db
    .selectFrom('plan_actions')
    .select((eb) => [
      'owner_id',
      eb.fn.countAll<number>().as('actions'),
      eb.fn.sum<number>(eb.case().when('due_on', '<', today).then(1).else(0).end()).as('overdue'),
    ])
    .where('institution_id', '=', institutionId)
    .where('status', 'in', ['not_started', 'in_progress'])
    .where('owner_id', 'is not', null)
    .groupBy('owner_id')
    .execute();
  return new Map(rows.flatMap((r) => (r.owner_id ? [[r.owner_id, { actions: Number(r.actions), overdue: Number(r.overdue) }] as const] : [])));
}

export const activeUsers = (db: Executor, institutionId: string) =>
  db.selectFrom('users').select(['id', 'name']).where('institution_id', '=', institutionId).where('active', '=', 1).orderBy('name').orderBy('id').execute();

/** Throws a 400 naming `field` unless the evidence is this institution's. */
export async function assertEvidence(db: Executor, institutionId: string, id: string, field: string) {
  const found = await db.selectFrom('evidence').select('id').where('institution_id', '=', institutionId).where('id', '=', id).execute();
  assertAllFound(found, [id], field, 'evidence');
}
