import type { ImpactStatus } from '../../../shared/contracts/impact.ts';
import type { Executor, ImpactCommunicationTable, ImpactEvaluationTable } from '../../db/types.ts';
import { newId } from '../../lib/ids.ts';
import { foldedLike } from '../../lib/text.ts';
import { assertAllFound } from '../engagements/engagements.repository.ts';

/** The link sets of an evaluation, by the body field that names them. */
export const linkTables = {
  orgUnitIds: { table: 'impact_evaluation_org_units', column: 'org_unit_id' },
  goalIds: { table: 'impact_evaluation_goals', column: 'goal_id' },
  engagementIds: { table: 'impact_evaluation_engagements', column: 'engagement_id' },
  evidenceIds: { table: 'impact_evaluation_evidence', column: 'evidence_id' },
  metricIds: { table: 'impact_evaluation_metrics', column: 'metric_id' },
} as const;
export type LinkKey = keyof typeof linkTables;
export type LinkSets = Record<LinkKey, string[]>;
export const linkKeys = Object.keys(linkTables) as LinkKey[];
export const emptyLinks = (): LinkSets => Object.fromEntries(linkKeys.map((k) => [k, [] as string[]])) as LinkSets;

export interface ImpactFilters {
  status?: ImpactStatus;
  /** a unit and every unit below it, already resolved */
  orgUnitIds?: string[];
  /** a goal and its objectives, already resolved */
  goalIds?: string[];
  q?: string;
}

const linkedTo = (db: Executor, key: LinkKey, institutionId: string, ids: string[]) => {
  const { table, column } = linkTables[key];
  return db.selectFrom(table).select('evaluation_id').where('institution_id', '=', institutionId).where(column, 'in', ids);
};

function filtered(db: Executor, institutionId: string, f: ImpactFilters) {
  let q = db.selectFrom('impact_evaluations').where('institution_id', '=', institutionId);
  if (f.status) q = q.where('status', '=', f.status);
  if (f.q) {
    const text = f.q;
    q = q.where((eb) => eb.or([foldedLike('initiative', text), foldedLike('aims', text)]));
  }
  // an empty list (an unknown unit or goal) matches nothing; '' is never an id
  if (f.orgUnitIds) q = q.where('id', 'in', linkedTo(db, 'orgUnitIds', institutionId, f.orgUnitIds.length ? f.orgUnitIds : ['']));
  if (f.goalIds) q = q.where('id', 'in', linkedTo(db, 'goalIds', institutionId, f.goalIds.length ? f.goalIds : ['']));
  return q;
}

/** A page of evaluations, most recently updated first, and how many match. */
export async function listEvaluations(db: Executor, institutionId: string, f: ImpactFilters, offset: number, limit: number) {
  const [rows, count] = await Promise.all([
    filtered(db, institutionId, f).selectAll().orderBy('updated_at', 'desc').orderBy('id', 'desc').offset(offset).limit(limit).execute(),
    filtered(db, institutionId, f).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export const findEvaluation = (db: Executor, institutionId: string, id: string) =>
  db.selectFrom('impact_evaluations').selectAll().where('institution_id', '=', institutionId).where('id', '=', id).executeTakeFirst();

/** A goal and the objectives under it: filtering by a goal finds what aligns to its objectives too. */
export async function goalAndObjectives(db: Executor, institutionId: string, goalId: string): Promise<string[]> {
  const rows = await db.selectFrom('goals').select('id').where('institution_id', '=', institutionId)
    .where((eb) => eb.or([eb('id', '=', goalId), eb('parent_id', '=', goalId)])).execute();
  return rows.map((r) => r.id);
}

/** Each evaluation's link ids, every link table read once. */
export async function linkIds(db: Executor, institutionId: string, ids: string[]): Promise<Map<string, LinkSets>> {
  const out = new Map(ids.map((id) => [id, emptyLinks()]));
  if (!ids.length) return out;
  for (const key of linkKeys) {
    const { table, column } = linkTables[key];
    const rows = await db.selectFrom(table).select(['evaluation_id', `${column} as target`]).where('institution_id', '=', institutionId).where('evaluation_id', 'in', ids).execute();
    for (const r of rows) out.get(r.evaluation_id)?.[key].push(r.target);
  }
  return out;
}

export function objectiveRows(db: Executor, institutionId: string, ids: string[]) {
  if (!ids.length) return Promise.resolve([]);
  return db.selectFrom('impact_objectives').select(['evaluation_id', 'text']).where('institution_id', '=', institutionId).where('evaluation_id', 'in', ids)
    .orderBy('evaluation_id').orderBy('sort_order').execute();
}

export function communicationRows(db: Executor, institutionId: string, ids: string[]) {
  if (!ids.length) return Promise.resolve([]);
  return db.selectFrom('impact_communications').select(['evaluation_id', 'audience', 'communicated_on', 'how']).where('institution_id', '=', institutionId)
    .where('evaluation_id', 'in', ids).orderBy('evaluation_id').orderBy('sort_order').execute();
}

const none = <T>() => Promise.resolve([] as T[]);

/** The records the links name, each table read once; engagements and evidence oldest first, metrics and units by name. */
export async function linkTargets(db: Executor, institutionId: string, ids: LinkSets & { userIds: string[] }) {
  const [orgUnits, engagements, evidence, metrics, users] = await Promise.all([
    ids.orgUnitIds.length ? db.selectFrom('org_units').select(['id', 'name']).where('institution_id', '=', institutionId).where('id', 'in', ids.orgUnitIds).orderBy('name').orderBy('id').execute() : none<{ id: string; name: string }>(),
    ids.engagementIds.length ? db.selectFrom('engagements').select(['id', 'occurred_on', 'summary']).where('institution_id', '=', institutionId).where('id', 'in', ids.engagementIds)
      .orderBy('occurred_on').orderBy('id').execute() : none<{ id: string; occurred_on: string; summary: string }>(),
    ids.evidenceIds.length ? db.selectFrom('evidence').select(['id', 'kind', 'text', 'occurred_on']).where('institution_id', '=', institutionId).where('id', 'in', ids.evidenceIds)
      .orderBy('occurred_on').orderBy('id').execute() : none<{ id: string; kind: 'quote'; text: string; occurred_on: string }>(),
    ids.metricIds.length ? db.selectFrom('metric_definitions').select(['id', 'name', 'unit']).where('institution_id', '=', institutionId).where('id', 'in', ids.metricIds)
      .orderBy('name').orderBy('id').execute() : none<{ id: string; name: string; unit: string }>(),
    ids.userIds.length ? db.selectFrom('users').select(['id', 'name']).where('institution_id', '=', institutionId).where('id', 'in', ids.userIds).execute() : none<{ id: string; name: string }>(),
  ]);
  return { orgUnits, engagements, evidence, metrics, users };
}

/** Throws a 400 naming `field` unless every id is evidence of this institution. */
export async function assertEvidence(db: Executor, institutionId: string, ids: string[], field: string) {
  if (!ids.length) return;
  const found = await db.selectFrom('evidence').select('id').where('institution_id', '=', institutionId).where('id', 'in', ids).execute();
  assertAllFound(found, ids, field, 'evidence');
}

/** Throws a 400 naming `field` unless every id is a metric defined by this institution. */
export async function assertMetrics(db: Executor, institutionId: string, ids: string[], field: string) {
  if (!ids.length) return;
  const found = await db.selectFrom('metric_definitions').select('id').where('institution_id', '=', institutionId).where('id', 'in', ids).execute();
  assertAllFound(found, ids, field, 'metric');
}

export const insertEvaluation = (db: Executor, row: ImpactEvaluationTable) => db.insertInto('impact_evaluations').values(row).execute();

export const updateEvaluation = (db: Executor, institutionId: string, id: string, patch: Partial<ImpactEvaluationTable>) =>
  db.updateTable('impact_evaluations').set(patch).where('institution_id', '=', institutionId).where('id', '=', id).execute();

export async function replaceLinks(db: Executor, institutionId: string, evaluationId: string, key: LinkKey, ids: string[]) {
  const { table, column } = linkTables[key];
  await db.deleteFrom(table).where('institution_id', '=', institutionId).where('evaluation_id', '=', evaluationId).execute();
  if (ids.length) await db.insertInto(table).values(ids.map((id) => ({ evaluation_id: evaluationId, institution_id: institutionId, [column]: id }))).execute();
}

export async function replaceObjectives(db: Executor, institutionId: string, evaluationId: string, texts: string[]) {
  await db.deleteFrom('impact_objectives').where('institution_id', '=', institutionId).where('evaluation_id', '=', evaluationId).execute();
  if (texts.length) {
    await db.insertInto('impact_objectives').values(texts.map((text, i) => ({ id: newId(), evaluation_id: evaluationId, institution_id: institutionId, text, sort_order: i }))).execute();
  }
}

export type CommunicationRow = Pick<ImpactCommunicationTable, 'audience' | 'communicated_on' | 'how'>;

export async function replaceCommunications(db: Executor, institutionId: string, evaluationId: string, rows: CommunicationRow[]) {
  await db.deleteFrom('impact_communications').where('institution_id', '=', institutionId).where('evaluation_id', '=', evaluationId).execute();
  if (rows.length) {
    await db.insertInto('impact_communications').values(rows.map((r, i) => ({ id: newId(), evaluation_id: evaluationId, institution_id: institutionId, ...r, sort_order: i }))).execute();
  }
}

/** Its rows and links go first, whatever the foreign-key settings. */
export async function deleteEvaluation(db: Executor, institutionId: string, id: string) {
  for (const key of linkKeys) await replaceLinks(db, institutionId, id, key, []);
  await replaceObjectives(db, institutionId, id, []);
  await replaceCommunications(db, institutionId, id, []);
  await db.deleteFrom('impact_evaluations').where('institution_id', '=', institutionId).where('id', '=', id).execute();
}
