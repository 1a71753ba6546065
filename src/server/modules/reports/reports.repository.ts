import { sql } from 'kysely';
import type { AnnualReportTable, Executor } from '../../db/types.ts';
import { newId } from '../../lib/ids.ts';

/*
 * The queries behind one department's annual report. Every one is scoped to the institution and the
 * unit, and reads the unit's indexes (engagement_org_units carries date, type and initiator), so a
 * report costs a handful of index range scans however large the engagement log grows.
 */

export interface Range { from: string; to: string }

const num = (v: unknown) => (v === null || v === undefined ? 0 : Number(v));

export async function engagementsByType(db: Executor, institutionId: string, unitId: string, r: Range) {
  const rows = await db.selectFrom('engagement_org_units as u')
    .innerJoin('vocab_terms as t', 't.id', 'u.type_id')
    .select((eb) => ['t.key', 't.label', 't.sort_order', eb.fn.countAll().as('n'),
      eb.fn.sum(sql<number>`CASE WHEN u.initiated_by = 'partner' THEN 1 ELSE 0 END`).as('partner')])
    .where('u.institution_id', '=', institutionId).where('u.org_unit_id', '=', unitId)
    .where('u.occurred_on', '>=', r.from).where('u.occurred_on', '<=', r.to)
    .groupBy(['t.key', 't.label', 't.sort_order'])
    .execute();
  return rows.map((x) => ({ key: x.key, label: x.label, sort: x.sort_order, count: num(x.n), partner: num(x.partner) }))
    .sort((a, b) => b.count - a.count || a.sort - b.sort || a.label.localeCompare(b.label, 'en-GB'));
}

export async function engagementsByTheme(db: Executor, institutionId: string, unitId: string, r: Range) {
  const rows = await db.selectFrom('engagement_org_units as u')
    .innerJoin('engagement_themes as et', 'et.engagement_id', 'u.engagement_id')
    .innerJoin('vocab_terms as t', 't.id', 'et.theme_id')
    .select((eb) => ['t.key', 't.label', eb.fn.countAll().as('n')])
    .where('u.institution_id', '=', institutionId).where('u.org_unit_id', '=', unitId)
    .where('u.occurred_on', '>=', r.from).where('u.occurred_on', '<=', r.to)
    .groupBy(['t.key', 't.label'])
    .execute();
  return rows.map((x) => ({ key: x.key, label: x.label, count: num(x.n) }))
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, 'en-GB'));
}

export async function engagementCount(db: Executor, institutionId: string, unitId: string, r: Range): Promise<number> {
  const row = await db.selectFrom('engagement_org_units as u').select((eb) => eb.fn.countAll().as('n'))
    .where('u.institution_id', '=', institutionId).where('u.org_unit_id', '=', unitId)
    .where('u.occurred_on', '>=', r.from).where('u.occurred_on', '<=', r.to)
    .executeTakeFirstOrThrow();
  return num(row.n);
}

/** Champions holding a position in the unit on the year's last day. */
export function champions(db: Executor, institutionId: string, unitId: string, onDay: string) {
  return db.selectFrom('people as p')
    .select(['p.id', 'p.name', 'p.champion_since'])
    .where('p.institution_id', '=', institutionId).where('p.is_champion', '=', 1)
    // from the unit's positions (a few dozen) to people, not from every champion to their positions
    .where('p.id', 'in', (eb) => eb.selectFrom('positions as pos').select('pos.person_id')
      .where('pos.institution_id', '=', institutionId).where('pos.org_unit_id', '=', unitId)
      .where((e) => e.or([e('pos.start_date', 'is', null), e('pos.start_date', '<=', onDay)]))
      .where((e) => e.or([e('pos.end_date', 'is', null), e('pos.end_date', '>=', onDay)])))
    .orderBy('p.name')
    .execute();
}

/** The unit's evidence in the year, newest first: people's own words before figures. */
export function evidenceIn(db: Executor, institutionId: string, unitId: string, r: Range, limit: number, consentedOnly: boolean) {
  return db.selectFrom('evidence as e')
    .innerJoin('evidence_org_units as l', 'l.evidence_id', 'e.id')
    .leftJoin('people as p', 'p.id', 'e.source_person_id')
    .select(['e.id', 'e.kind', 'e.text', 'e.attribution', 'e.source_text', 'e.occurred_on', 'p.name as person_name'])
    .where('e.institution_id', '=', institutionId).where('l.org_unit_id', '=', unitId)
    .where('e.occurred_on', '>=', r.from).where('e.occurred_on', '<=', r.to)
    // for readers outside the library: anonymous evidence, or named evidence whose source consented
    .$if(consentedOnly, (q) => q.where((eb) => eb.or([eb('e.attribution', '=', 'anonymous'), eb('e.consent_recorded', '=', 1)])))
    .orderBy(sql`CASE WHEN e.kind IN ('quote', 'feedback', 'external_examiner', 'student_comment') THEN 0 ELSE 1 END`)
    .orderBy('e.occurred_on', 'desc').orderBy('e.id', 'desc')
    .limit(limit)
    .execute();
}

/** Impact evaluations linked to the unit that are under way or complete, most recently touched first. */
export function impactFor(db: Executor, institutionId: string, unitId: string, limit: number) {
  return db.selectFrom('impact_evaluations as i')
    .innerJoin('impact_evaluation_org_units as l', 'l.evaluation_id', 'i.id')
    .select(['i.id', 'i.initiative', 'i.status', 'i.short_term_outcomes', 'i.long_term_outcomes'])
    .where('i.institution_id', '=', institutionId).where('l.org_unit_id', '=', unitId).where('i.status', '!=', 'planned')
    .orderBy('i.updated_at', 'desc').orderBy('i.id')
    .limit(limit)
    .execute();
}

export const planOf = (db: Executor, institutionId: string, unitId: string, year: number) =>
  db.selectFrom('action_plans as a')
    // agreed_by is the name the partner gave (they may have no account)
    .select(['a.id', 'a.status', 'a.agreed_on', 'a.agreed_by'])
    .where('a.institution_id', '=', institutionId).where('a.org_unit_id', '=', unitId).where('a.year', '=', year)
    .executeTakeFirst();

export const planActions = (db: Executor, planId: string) =>
  db.selectFrom('plan_actions as x').leftJoin('users as u', 'u.id', 'x.owner_id')
    .select(['x.id', 'x.title', 'x.status', 'x.due_on', 'u.name as owner_name'])
    .where('x.plan_id', '=', planId)
    .orderBy('x.sort_order').orderBy('x.id')
    .execute();

/** How many of `actionIds` were carried into a later plan. */
export async function carriedCount(db: Executor, institutionId: string, actionIds: string[]): Promise<number> {
  if (!actionIds.length) return 0;
  const row = await db.selectFrom('plan_actions').select((eb) => eb.fn.countAll().as('n'))
    .where('institution_id', '=', institutionId).where('carried_from_id', 'in', actionIds).executeTakeFirstOrThrow();
  return num(row.n);
}

export const reportRow = (db: Executor, institutionId: string, unitId: string, year: number) =>
  db.selectFrom('annual_reports').selectAll().where('institution_id', '=', institutionId).where('org_unit_id', '=', unitId).where('year', '=', year).executeTakeFirst();

/** The report row for the unit and year, created empty the first time something is written to it or shared. */
export async function reportRowOrNew(trx: Executor, institutionId: string, unitId: string, year: number, userId: string | null, now: string) {
  const found = await reportRow(trx, institutionId, unitId, year);
  if (found) return { row: found, created: false };
  const row: AnnualReportTable = {
    id: newId(), institution_id: institutionId, org_unit_id: unitId, year, introduction: null, conclusion: null, discussed_on: null, discussion_notes: null,
    created_by: userId, created_at: now, updated_at: now,
  };
  await trx.insertInto('annual_reports').values(row).execute();
  return { row, created: true };
}

export const reportThemes = (db: Executor, reportId: string) =>
  db.selectFrom('report_themes').select(['theme', 'theme_key']).where('report_id', '=', reportId).orderBy('theme_key').execute();

export const proposedActions = (db: Executor, reportId: string) =>
  db.selectFrom('report_proposed_actions').select(['id', 'title', 'notes']).where('report_id', '=', reportId).orderBy('sort_order').execute();

/** The actions a unit's report for `year` proposed for the year after, in order (for next year's draft plan). */
export const proposedForNextYear = (db: Executor, institutionId: string, unitId: string, year: number) =>
  db.selectFrom('report_proposed_actions as p').innerJoin('annual_reports as r', 'r.id', 'p.report_id')
    .select(['p.id', 'p.title', 'p.notes'])
    .where('r.institution_id', '=', institutionId).where('r.org_unit_id', '=', unitId).where('r.year', '=', year)
    .orderBy('p.sort_order').orderBy('p.id').execute();
