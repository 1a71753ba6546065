import { sql } from 'kysely';
import type { ListOrgUnitsQuery } from '../../../shared/contracts/org.ts';
import type { Executor, OrgUnitTable, VocabKind } from '../../db/types.ts';
import { invalid } from '../../http/errors.ts';
import { foldedLike } from '../../lib/text.ts';
import { newId } from '../../lib/ids.ts';
import { defaultLibraryGoals, defaultPartnershipTemplate, defaultVocab, defaultWeights } from './defaults.ts';

export const DEFAULT_KEY_TITLES = ['Head of', 'Dean', 'Director'];

/** A new tenant with its default engagement types, themes, functions and partnership template. */
export async function insertInstitution(db: Executor, name: string, now: string, id: string = newId()): Promise<string> {
  await db
    .insertInto('institutions')
    .values({
      id, name, academic_year_start_month: 8, academic_year_start_day: 1, time_zone: 'Europe/London', public_directory: 0,
      contact_cap: null, contact_cap_days: 30, key_titles: JSON.stringify(DEFAULT_KEY_TITLES), opportunity_cold_days: 14, created_at: now, updated_at: now,
    })
    .execute();
  const terms = (Object.entries(defaultVocab) as [VocabKind, [string, string][]][]).flatMap(([kind, list]) =>
    list.map(([key, label], i) => ({ id: newId(), institution_id: id, kind, key, label, sort_order: i * 10, active: 1,
      weight: kind === 'engagement_type' ? (defaultWeights[key] ?? 1) : 1, created_at: now, updated_at: now })),
  );
  await db.insertInto('vocab_terms').values(terms).execute();
  await insertDefaultTemplate(db, id, now);
  await db.insertInto('goals').values(defaultLibraryGoals.map((title, i) => ({
    id: newId(), institution_id: id, parent_id: null, owner: 'library' as const, title, description: null, sort_order: i * 10, active: 1, created_at: now, updated_at: now,
  }))).execute();
  return id;
}

/** The partnership model of the talk, active for every department, built on the institution's engagement types by key. */
export async function insertDefaultTemplate(db: Executor, institutionId: string, now: string): Promise<void> {
  const template = defaultPartnershipTemplate;
  const templateId = newId();
  await db.insertInto('partnership_templates').values({
    id: templateId, institution_id: institutionId, name: template.name, description: template.description, applies_to: 'all_departments', active: 1, created_at: now, updated_at: now,
  }).execute();
  const types = await db.selectFrom('vocab_terms').select(['id', 'key']).where('institution_id', '=', institutionId).where('kind', '=', 'engagement_type').execute();
  const typeIds = new Map(types.map((t) => [t.key, t.id]));
  await db.insertInto('partnership_activities').values(template.activities.map((a, i) => {
    const typeId = typeIds.get(a.typeKey);
    if (!typeId) throw new Error(`defaultPartnershipTemplate names an unknown engagement type: ${a.typeKey}`);
    return { id: newId(), institution_id: institutionId, template_id: templateId, name: a.name, type_id: typeId, position_title: a.positionTitle,
      cadence: a.cadence, per_year: a.perYear, sort_order: i * 10, created_at: now, updated_at: now };
  })).execute();
}

/** The caller's institution: it exists for as long as their session does. */
export const institutionRow = (db: Executor, id: string) => db.selectFrom('institutions').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

export const findOrgUnit = (db: Executor, institutionId: string, id: string) =>
  db.selectFrom('org_units').selectAll().where('institution_id', '=', institutionId).where('id', '=', id).executeTakeFirst();

/** Throws a 400 naming `field` unless every id is an org unit of this institution. */
export async function assertOrgUnitsInInstitution(db: Executor, institutionId: string, ids: string[], field: string) {
  if (!ids.length) return;
  const found = await db.selectFrom('org_units').select('id').where('institution_id', '=', institutionId).where('id', 'in', ids).execute();
  const missing = ids.filter((id) => !found.some((f) => f.id === id));
  if (missing.length) throw invalid(field, `unknown org unit ${missing.join(', ')}`);
}

export async function assertTeamInInstitution(db: Executor, institutionId: string, id: string, field: string) {
  const t = await db.selectFrom('teams').select('id').where('institution_id', '=', institutionId).where('id', '=', id).executeTakeFirst();
  if (!t) throw invalid(field, `unknown team ${id}`);
}

/** Throws a 400 naming `field` unless every id is an active (not retired) term of this kind in this institution. */
export async function assertVocab(db: Executor, institutionId: string, kind: VocabKind, ids: string[], field: string) {
  if (!ids.length) return;
  const found = await db.selectFrom('vocab_terms').select(['id', 'active']).where('institution_id', '=', institutionId).where('kind', '=', kind).where('id', 'in', ids).execute();
  const missing = ids.filter((id) => !found.some((f) => f.id === id));
  if (missing.length) throw invalid(field, `unknown ${kind.replace('_', ' ')} ${missing.join(', ')}`);
  const retired = found.filter((f) => f.active !== 1).map((f) => f.id);
  if (retired.length) throw invalid(field, `retired ${kind.replace('_', ' ')} ${retired.join(', ')}: choose one in use`);
}

/** The ids of a unit and all units below it. */
export async function descendantIds(db: Executor, institutionId: string, rootId: string): Promise<string[]> {
  const rows = await sql<{ id: string }>`
    WITH RECURSIVE tree(id) AS (
      SELECT id FROM org_units WHERE institution_id = ${institutionId} AND id = ${rootId}
      UNION ALL
      SELECT o.id FROM org_units o JOIN tree t ON o.parent_id = t.id WHERE o.institution_id = ${institutionId}
    ) SELECT id FROM tree`.execute(db);
  return rows.rows.map((r) => r.id);
}

// one seek on engagement_org_units_unit_date per unit (the link rows carry the date: migration 0003)
const lastEngagement = sql<string | null>`(SELECT max(eo.occurred_on) FROM engagement_org_units eo WHERE eo.org_unit_id = o.id)`;

function orgUnitQuery(db: Executor, institutionId: string) {
  return db
    .selectFrom('org_units as o')
    .leftJoin('org_units as p', 'p.id', 'o.parent_id')
    .where('o.institution_id', '=', institutionId);
}

export async function getOrgUnitRow(db: Executor, institutionId: string, id: string) {
  return orgUnitQuery(db, institutionId)
    .selectAll('o')
    .select(['p.name as parent_name', lastEngagement.as('last_engagement_on')])
    .where('o.id', '=', id)
    .executeTakeFirst();
}

export async function listOrgUnits(db: Executor, institutionId: string, q: ListOrgUnitsQuery, withinIds: string[] | null, today: string) {
  let query = orgUnitQuery(db, institutionId);
  if (q.q) query = query.where((eb) => eb.or([foldedLike('o.name', q.q ?? ''), foldedLike('o.code', q.q ?? '')]));
  if (q.type?.length) query = query.where('o.type', 'in', q.type);
  if (q.parentId) query = query.where('o.parent_id', '=', q.parentId);
  if (withinIds) query = query.where('o.id', 'in', withinIds.length ? withinIds : ['']);
  if (q.status) query = query.where('o.status', '=', q.status);
  if (q.coveredBy) {
    const user = q.coveredBy;
    query = query.where((eb) =>
      // current cover only: started (or open-started) and not yet ended, as of today
      eb.exists(
        eb.selectFrom('coverage as c').select('c.id').whereRef('c.org_unit_id', '=', 'o.id').where('c.user_id', '=', user)
          .where((w) => w.or([w('c.start_date', 'is', null), w('c.start_date', '<=', today)]))
          .where((w) => w.or([w('c.end_date', 'is', null), w('c.end_date', '>=', today)])),
      ),
    );
  }
  if (q.notEngagedSince) {
    const since = q.notEngagedSince;
    query = query.where((eb) =>
      eb.not(
        eb.exists(
          eb.selectFrom('engagement_org_units as eo').select('eo.engagement_id').whereRef('eo.org_unit_id', '=', 'o.id').where('eo.occurred_on', '>=', since),
        ),
      ),
    );
  }
  const sortCol = { name: 'o.name', code: 'o.code', type: 'o.type', lastEngagementOn: 'last_engagement_on' } as const;
  const [rows, count] = await Promise.all([
    query
      .selectAll('o')
      .select(['p.name as parent_name', lastEngagement.as('last_engagement_on')])
      .orderBy(sql`${sql.ref(sortCol[q.sort])} ${sql.raw(q.order === 'desc' ? 'DESC' : 'ASC')} NULLS LAST`)
      .orderBy('o.id')
      .offset((q.page - 1) * q.pageSize)
      .limit(q.pageSize)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export type OrgUnitRow = OrgUnitTable & { parent_name: string | null; last_engagement_on: string | null };
