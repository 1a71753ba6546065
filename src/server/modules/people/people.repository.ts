import { sql } from 'kysely';
import type { ListPeopleQuery } from '../../../shared/contracts/people.ts';
import type { Executor, PersonTable, PositionTable } from '../../db/types.ts';
import { foldedLike } from '../../lib/text.ts';

export type PositionRow = PositionTable & { org_unit_name: string };

export const findPerson = (db: Executor, institutionId: string, id: string) =>
  db.selectFrom('people').selectAll().where('institution_id', '=', institutionId).where('id', '=', id).executeTakeFirst();

export const findPosition = (db: Executor, institutionId: string, id: string) =>
  db.selectFrom('positions').selectAll().where('institution_id', '=', institutionId).where('id', '=', id).executeTakeFirst();

/** Another person of this institution with this (lower-cased) email, if any. */
export const findEmailHolder = (db: Executor, institutionId: string, email: string) =>
  db.selectFrom('people').select('id').where('institution_id', '=', institutionId).where('email', '=', email).executeTakeFirst();

/** Names of the org units of this institution among `ids`; a missing id is not the institution's. */
export async function orgUnitNames(db: Executor, institutionId: string, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await db.selectFrom('org_units').select(['id', 'name']).where('institution_id', '=', institutionId).where('id', 'in', [...new Set(ids)]).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Positions of the given people with their unit names, in one query; `currentOn` keeps only current ones. */
export async function positionsOf(db: Executor, institutionId: string, personIds: string[], currentOn?: string): Promise<PositionRow[]> {
  if (!personIds.length) return [];
  let q = db
    .selectFrom('positions as ps')
    .innerJoin('org_units as o', 'o.id', 'ps.org_unit_id')
    .selectAll('ps')
    .select('o.name as org_unit_name')
    .where('ps.institution_id', '=', institutionId)
    .where('ps.person_id', 'in', personIds);
  if (currentOn) q = q.where((eb) => eb.or([eb('ps.end_date', 'is', null), eb('ps.end_date', '>=', currentOn)]));
  return q.execute();
}

export const isLinkedToEngagements = async (db: Executor, institutionId: string, personId: string) =>
  !!(await db.selectFrom('engagement_people').select('engagement_id').where('institution_id', '=', institutionId).where('person_id', '=', personId).executeTakeFirst());

export interface PeopleFilter extends Omit<ListPeopleQuery, 'withinId'> {
  /** the unit and its descendants, resolved by the caller */
  withinIds?: string[];
  /** 'YYYY-MM-DD': a position ending before it is past */
  today: string;
}

export async function listPeople(db: Executor, institutionId: string, f: PeopleFilter): Promise<{ rows: PersonTable[]; total: number }> {
  let query = db.selectFrom('people as p').where('p.institution_id', '=', institutionId);
  if (f.q) {
    const text = f.q;
    // foldedLike ignores case and diacritics on both databases ("angstrom" finds "Ångström")
    query = query.where((eb) => eb.or([foldedLike('p.name', text), foldedLike('p.email', text)]));
  }
  // each unit filter asks for a current position there; given both, both must hold
  for (const units of [f.orgUnitId ? [f.orgUnitId] : null, f.withinIds ?? null]) {
    if (!units) continue;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('positions as ps')
          .select('ps.id')
          .whereRef('ps.person_id', '=', 'p.id')
          .where('ps.org_unit_id', 'in', units.length ? units : [''])
          .where((w) => w.or([w('ps.end_date', 'is', null), w('ps.end_date', '>=', f.today)])),
      ),
    );
  }
  if (f.champion) query = query.where('p.is_champion', '=', f.champion === 'true' ? 1 : 0);
  // tags are a JSON array of strings: match the quoted tag so "lab" does not find "collaborator"
  if (f.tag) query = query.where(foldedLike('p.tags', JSON.stringify(f.tag)));

  const dir = sql.raw(f.order === 'desc' ? 'DESC' : 'ASC');
  const sortExpr =
    f.sort === 'updatedAt' ? sql`p.updated_at ${dir} NULLS LAST`
    : f.sort === 'key' ? sql`p.is_champion DESC, p.influence DESC NULLS LAST, lower(p.name) ASC`
    : sql`lower(p.name) ${dir} NULLS LAST`;
  const [rows, count] = await Promise.all([
    query
      .selectAll('p')
      .orderBy(sortExpr)
      .orderBy('p.id')
      .offset((f.page - 1) * f.pageSize)
      .limit(f.pageSize)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}
