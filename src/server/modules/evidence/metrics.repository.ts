import { sql } from 'kysely';
import type { Executor, MetricDefinitionTable, MetricValueTable, OrgUnitType } from '../../db/types.ts';

/* Metric definitions and their values. Every query filters by institution. */

export const listDefinitions = (db: Executor, institutionId: string) =>
  db.selectFrom('metric_definitions').selectAll().where('institution_id', '=', institutionId).orderBy('name').orderBy('id').execute();

export const findDefinition = (db: Executor, institutionId: string, id: string) =>
  db.selectFrom('metric_definitions').selectAll().where('institution_id', '=', institutionId).where('id', '=', id).executeTakeFirst();

export const findDefinitionByName = (db: Executor, institutionId: string, name: string) =>
  db.selectFrom('metric_definitions').select('id').where('institution_id', '=', institutionId).where('name', '=', name).executeTakeFirst();

export const insertDefinition = (db: Executor, row: MetricDefinitionTable) => db.insertInto('metric_definitions').values(row).execute();

export const updateDefinition = (db: Executor, institutionId: string, id: string, patch: Partial<MetricDefinitionTable>) =>
  db.updateTable('metric_definitions').set(patch).where('institution_id', '=', institutionId).where('id', '=', id).execute();

/** Its links to impact evaluations go first (the evaluations stay, no longer citing it), whatever the foreign-key settings. */
export async function deleteDefinition(db: Executor, institutionId: string, id: string) {
  await db.deleteFrom('impact_evaluation_metrics').where('institution_id', '=', institutionId).where('metric_id', '=', id).execute();
  await db.deleteFrom('metric_definitions').where('institution_id', '=', institutionId).where('id', '=', id).execute();
}

/** Per metric: how many values, and the latest period. One grouped read over the primary key's leading column. */
export async function valueStats(db: Executor, institutionId: string, metricIds: string[]) {
  if (!metricIds.length) return new Map<string, { count: number; latest: string | null }>();
  const rows = await db.selectFrom('metric_values')
    .select((eb) => ['metric_id', eb.fn.countAll<number | string>().as('n'), eb.fn.max('period').as('latest')])
    .where('institution_id', '=', institutionId).where('metric_id', 'in', metricIds)
    .groupBy('metric_id').execute();
  return new Map(rows.map((r) => [r.metric_id, { count: Number(r.n), latest: r.latest }]));
}

export const findValue = (db: Executor, institutionId: string, metricId: string, orgUnitId: string, period: string) =>
  db.selectFrom('metric_values').selectAll()
    .where('institution_id', '=', institutionId).where('metric_id', '=', metricId).where('org_unit_id', '=', orgUnitId).where('period', '=', period)
    .executeTakeFirst();

/** One figure by its natural key: a second write for the same metric, unit and period replaces the first. */
export const upsertValue = (db: Executor, row: MetricValueTable) =>
  db.insertInto('metric_values').values(row)
    .onConflict((oc) => oc.columns(['metric_id', 'org_unit_id', 'period']).doUpdateSet({ value: row.value, import_job_id: row.import_job_id, updated_at: row.updated_at }))
    .execute();

export const deleteValue = (db: Executor, institutionId: string, metricId: string, orgUnitId: string, period: string) =>
  db.deleteFrom('metric_values')
    .where('institution_id', '=', institutionId).where('metric_id', '=', metricId).where('org_unit_id', '=', orgUnitId).where('period', '=', period)
    .execute();

export interface ValueFilters {
  period?: string;
  orgUnitId?: string;
}

function valuesQuery(db: Executor, institutionId: string, metricId: string, f: ValueFilters) {
  let q = db.selectFrom('metric_values as v').innerJoin('org_units as o', 'o.id', 'v.org_unit_id')
    .where('v.institution_id', '=', institutionId).where('o.institution_id', '=', institutionId).where('v.metric_id', '=', metricId);
  if (f.period) q = q.where('v.period', '=', f.period);
  if (f.orgUnitId) q = q.where('v.org_unit_id', '=', f.orgUnitId);
  return q;
}

/** A page of one metric's values, latest period first, then by unit name; and how many match. */
export async function listValues(db: Executor, institutionId: string, metricId: string, f: ValueFilters, offset: number, limit: number) {
  const [rows, count] = await Promise.all([
    valuesQuery(db, institutionId, metricId, f)
      .select(['v.metric_id', 'v.org_unit_id', 'v.period', 'v.value', 'v.import_job_id', 'v.updated_at', 'o.name as unit_name', 'o.code as unit_code', 'o.type as unit_type'])
      .orderBy('v.period', 'desc').orderBy('o.name').orderBy('o.id').offset(offset).limit(limit).execute(),
    valuesQuery(db, institutionId, metricId, f).select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}
export type ValueRow = Awaited<ReturnType<typeof listValues>>['rows'][number];

/** The metrics this unit itself has figures for (not its sub-units'). */
export const metricsOfUnit = (db: Executor, institutionId: string, orgUnitId: string) =>
  db.selectFrom('metric_values').select('metric_id').distinct()
    .where('institution_id', '=', institutionId).where('org_unit_id', '=', orgUnitId).execute();

/** This unit's own figures for these metrics (the unit index: org_unit_id, metric_id, period). */
export const unitValues = async (db: Executor, institutionId: string, orgUnitId: string, metricIds: string[]) =>
  // `IN ()` is a syntax error on PostgreSQL: a unit with no figures asks nothing
  !metricIds.length ? [] : db.selectFrom('metric_values').select(['metric_id', 'period', 'value'])
    .where('institution_id', '=', institutionId).where('org_unit_id', '=', orgUnitId).where('metric_id', 'in', metricIds)
    .orderBy('metric_id').orderBy('period').execute();

/**
 * Per metric and period: the mean over this institution's org units of one type that have a figure,
 * and how many there were. Grouped in the database, so no unit's figures leave it but as the mean.
 */
export async function averagesByType(db: Executor, institutionId: string, type: OrgUnitType, metricIds: string[], periods?: string[]) {
  if (!metricIds.length || periods?.length === 0) return [];
  const res = await sql<{ metric_id: string; period: string; average: number | string; units: number | string }>`
    SELECT v.metric_id, v.period, avg(v.value) AS average, count(*) AS units
    FROM metric_values v JOIN org_units o ON o.id = v.org_unit_id
    WHERE v.institution_id = ${institutionId} AND o.institution_id = ${institutionId} AND o.type = ${type}
      AND v.metric_id IN (${sql.join(metricIds)})${periods ? sql` AND v.period IN (${sql.join(periods)})` : sql``}
    GROUP BY v.metric_id, v.period
    ORDER BY v.metric_id, v.period`.execute(db);
  return res.rows.map((r) => ({ metric_id: r.metric_id, period: r.period, average: Number(r.average), units: Number(r.units) }));
}
