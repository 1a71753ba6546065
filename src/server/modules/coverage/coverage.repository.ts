import { sql, type ExpressionBuilder } from 'kysely';
import type { CoverageMatrixQuery, ListCoverageQuery } from '../../../shared/contracts/coverage.ts';
import type { CoverageTable, Database, Executor, OrgUnitType } from '../../db/types.ts';

export const findInstitution = (db: Executor, id: string) =>
  db.selectFrom('institutions').select(['id', 'time_zone', 'public_directory']).where('id', '=', id).executeTakeFirst();

export const findCoverage = (db: Executor, institutionId: string, id: string) =>
  db.selectFrom('coverage').selectAll().where('institution_id', '=', institutionId).where('id', '=', id).executeTakeFirst();

export const findUser = (db: Executor, institutionId: string, id: string) =>
  db.selectFrom('users').select(['id', 'active']).where('institution_id', '=', institutionId).where('id', '=', id).executeTakeFirst();

export const findOrgUnit = (db: Executor, institutionId: string, id: string) =>
  db.selectFrom('org_units').select(['id', 'name', 'status']).where('institution_id', '=', institutionId).where('id', '=', id).executeTakeFirst();

export const findFunction = (db: Executor, institutionId: string, id: string) =>
  db.selectFrom('vocab_terms').select(['id', 'active']).where('institution_id', '=', institutionId).where('kind', '=', 'function').where('id', '=', id).executeTakeFirst();

/** The institution's functions in their display order; retired ones are left out. */
export const activeFunctions = (db: Executor, institutionId: string) =>
  db
    .selectFrom('vocab_terms')
    .select(['id', 'label'])
    .where('institution_id', '=', institutionId)
    .where('kind', '=', 'function')
    .where('active', '=', 1)
    .orderBy('sort_order')
    .orderBy('label')
    .orderBy('id')
    .execute();

/**
 * Takes the staff member's row lock: two concurrent writes for the same person then run their
 * overlap check one after the other (PostgreSQL reads committed data; SQLite already serialises writers).
 */
export const lockUser = (db: Executor, institutionId: string, userId: string) =>
  db.updateTable('users').set((eb) => ({ updated_at: eb.ref('updated_at') })).where('institution_id', '=', institutionId).where('id', '=', userId).execute();

export interface Span {
  userId: string;
  orgUnitId: string;
  functionId: string;
  startDate: string | null;
  endDate: string | null;
}

/** Another assignment of the same person, unit and function whose dates overlap (an open end overlaps everything after). */
export function findOverlap(db: Executor, institutionId: string, s: Span, exceptId?: string) {
  let q = db
    .selectFrom('coverage')
    .select(['id', 'start_date', 'end_date'])
    .where('institution_id', '=', institutionId)
    .where('user_id', '=', s.userId)
    .where('org_unit_id', '=', s.orgUnitId)
    .where('function_id', '=', s.functionId);
  if (exceptId) q = q.where('id', '!=', exceptId);
  if (s.endDate) {
    const end = s.endDate;
    q = q.where((eb) => eb.or([eb('start_date', 'is', null), eb('start_date', '<=', end)]));
  }
  if (s.startDate) {
    const start = s.startDate;
    q = q.where((eb) => eb.or([eb('end_date', 'is', null), eb('end_date', '>=', start)]));
  }
  return q.orderBy('id').executeTakeFirst();
}

export const insertCoverage = (db: Executor, row: CoverageTable) => db.insertInto('coverage').values(row).execute();

export const updateCoverage = (db: Executor, institutionId: string, id: string, patch: Partial<CoverageTable>) =>
  db.updateTable('coverage').set(patch).where('institution_id', '=', institutionId).where('id', '=', id).execute();

export const deleteCoverage = (db: Executor, institutionId: string, id: string) =>
  db.deleteFrom('coverage').where('institution_id', '=', institutionId).where('id', '=', id).execute();

/** Current on `today`: no start or started, and no end or not yet ended. Dates are 'YYYY-MM-DD' text, so text order is date order. */
function isCurrentOn(today: string) {
  return (eb: ExpressionBuilder<Database & { c: CoverageTable }, 'c'>) =>
    eb.and([
      eb.or([eb('c.start_date', 'is', null), eb('c.start_date', '<=', today)]),
      eb.or([eb('c.end_date', 'is', null), eb('c.end_date', '>=', today)]),
    ]);
}

function coverageQuery(db: Executor, institutionId: string) {
  return db
    .selectFrom('coverage as c')
    .innerJoin('users as u', 'u.id', 'c.user_id')
    .innerJoin('org_units as o', 'o.id', 'c.org_unit_id')
    .innerJoin('vocab_terms as f', 'f.id', 'c.function_id')
    .where('c.institution_id', '=', institutionId);
}

const coverageColumns = ['u.name as user_name', 'u.job_title as user_job_title', 'u.email as user_email', 'o.name as org_unit_name', 'f.label as function_label'] as const;

export const getCoverageRow = (db: Executor, institutionId: string, id: string) =>
  coverageQuery(db, institutionId).selectAll('c').select(coverageColumns).where('c.id', '=', id).executeTakeFirst();

export async function listCoverage(db: Executor, institutionId: string, q: ListCoverageQuery, today: string) {
  let query = coverageQuery(db, institutionId);
  if (q.orgUnitId?.length) query = query.where('c.org_unit_id', 'in', q.orgUnitId);
  if (q.userId) query = query.where('c.user_id', '=', q.userId);
  if (q.functionId) query = query.where('c.function_id', '=', q.functionId);
  if (q.current === 'true') query = query.where(isCurrentOn(today));
  if (q.current === 'false') query = query.where((eb) => eb.not(isCurrentOn(today)(eb)));
  const [rows, count] = await Promise.all([
    query
      .selectAll('c')
      .select(coverageColumns)
      .orderBy('o.name')
      .orderBy('f.sort_order')
      .orderBy('u.name')
      .orderBy(sql`c.start_date ASC NULLS FIRST`)
      .orderBy('c.id')
      .offset((q.page - 1) * q.pageSize)
      .limit(q.pageSize)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}
export type CoverageRow = NonNullable<Awaited<ReturnType<typeof getCoverageRow>>>;

export interface TreeUnit {
  id: string;
  parent_id: string | null;
  name: string;
}

/** The given units and every unit above them, in one query; UNION (not ALL) also stops at a cycle. */
export async function unitsWithAncestors(db: Executor, institutionId: string, ids: string[]): Promise<TreeUnit[]> {
  if (!ids.length) return [];
  const rows = await sql<TreeUnit>`
    WITH RECURSIVE up(id, parent_id, name) AS (
      SELECT id, parent_id, name FROM org_units WHERE institution_id = ${institutionId} AND id IN (${sql.join(ids)})
      UNION
      SELECT o.id, o.parent_id, o.name FROM org_units o JOIN up ON o.id = up.parent_id WHERE o.institution_id = ${institutionId}
    ) SELECT id, parent_id, name FROM up`.execute(db);
  return rows.rows;
}

/** Current cover of these units by active staff, one query for any number of units. */
export function currentCover(db: Executor, institutionId: string, unitIds: string[], today: string) {
  if (!unitIds.length) return Promise.resolve([]);
  return db
    .selectFrom('coverage as c')
    .innerJoin('users as u', 'u.id', 'c.user_id')
    .select(['c.org_unit_id', 'c.function_id', 'u.id as user_id', 'u.name', 'u.job_title', 'u.email'])
    .where('c.institution_id', '=', institutionId)
    .where('c.org_unit_id', 'in', unitIds)
    .where('u.active', '=', 1)
    .where(isCurrentOn(today))
    .orderBy('u.name')
    .orderBy('u.id')
    .execute();
}
export type CoverRow = Awaited<ReturnType<typeof currentCover>>[number];

/** A page of the matrix's rows: units of the given types and status, optionally within a set of ids. */
export async function matrixUnits(db: Executor, institutionId: string, q: CoverageMatrixQuery, types: OrgUnitType[], withinIds: string[] | null) {
  let query = db
    .selectFrom('org_units as o')
    .leftJoin('org_units as p', 'p.id', 'o.parent_id')
    .where('o.institution_id', '=', institutionId)
    .where('o.type', 'in', types)
    .where('o.status', '=', q.status);
  if (withinIds) query = query.where('o.id', 'in', withinIds.length ? withinIds : ['']);
  const [rows, count] = await Promise.all([
    query.select(['o.id', 'o.name', 'p.name as parent_name']).orderBy('o.name').orderBy('o.id').offset((q.page - 1) * q.pageSize).limit(q.pageSize).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/** The public directory's list: active departments with their parent's name. */
export async function activeDepartments(db: Executor, institutionId: string, page: number, pageSize: number) {
  const query = db
    .selectFrom('org_units as o')
    .leftJoin('org_units as p', 'p.id', 'o.parent_id')
    .where('o.institution_id', '=', institutionId)
    .where('o.type', '=', 'department')
    .where('o.status', '=', 'active');
  const [rows, count] = await Promise.all([
    query.select(['o.id', 'o.name', 'p.name as parent_name']).orderBy('o.name').orderBy('o.id').offset((page - 1) * pageSize).limit(pageSize).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}
