import { sql } from 'kysely';
import type { Executor } from '../../db/types.ts';

/* Reads over the outside figures; every query filters by institution. */

export const nssYears = async (ex: Executor, institutionId: string) =>
  (await ex.selectFrom('nss_results').select('year').distinct().where('institution_id', '=', institutionId).orderBy('year', 'desc').execute()).map((r) => r.year);

/** The year's results of the subjects mapped to a department (to one, when asked), with the department. */
export function nssMappedRows(ex: Executor, institutionId: string, year: string, orgUnitId: string | undefined) {
  let q = ex.selectFrom('nss_results as n')
    .innerJoin('code_maps as m', (j) => j.onRef('m.institution_id', '=', 'n.institution_id').on('m.kind', '=', 'cah').onRef('m.code_key', '=', 'n.cah_key'))
    .innerJoin('org_units as u', 'u.id', 'm.org_unit_id')
    .select(['u.id as org_unit_id', 'u.name', 'u.code', 'n.cah_code', 'n.cah_key', 'n.subject', 'n.question', 'n.question_text', 'n.theme', 'n.agree_pct', 'n.responses', 'n.response_rate'])
    .where('n.institution_id', '=', institutionId).where('n.year', '=', year);
  if (orgUnitId) q = q.where('m.org_unit_id', '=', orgUnitId);
  return q.execute();
}

export interface CodeCount { key: string; code: string; name: string | null; rows: number }

/** Each outside code held for the kind, folded, with one spelling of it and its rows. */
export async function heldCodes(ex: Executor, institutionId: string, kind: 'cah' | 'user_group' | 'hierarchy'): Promise<CodeCount[]> {
  const rows = kind === 'cah'
    ? await ex.selectFrom('nss_results').where('institution_id', '=', institutionId).groupBy('cah_key')
      .select((eb) => ['cah_key as key', eb.fn.max('cah_code').as('code'), eb.fn.max('subject').as('name'), eb.fn.countAll<number | string>().as('rows')]).execute()
    : kind === 'user_group'
      ? await ex.selectFrom('loan_counts').where('institution_id', '=', institutionId).groupBy('user_group_key')
        .select((eb) => ['user_group_key as key', eb.fn.max('user_group').as('code'), sql<string | null>`null`.as('name'), eb.fn.countAll<number | string>().as('rows')]).execute()
      : await ex.selectFrom('reading_lists').where('institution_id', '=', institutionId).groupBy('hierarchy_key')
        .select((eb) => ['hierarchy_key as key', eb.fn.max('hierarchy_code').as('code'), sql<string | null>`null`.as('name'), eb.fn.countAll<number | string>().as('rows')]).execute();
  // PostgreSQL's count() arrives as a string
  return rows.map((r) => ({ key: r.key, code: r.code, name: r.name, rows: Number(r.rows) }));
}

export const readingListYears = async (ex: Executor, institutionId: string) =>
  (await ex.selectFrom('reading_lists').select('year').distinct().where('institution_id', '=', institutionId).orderBy('year', 'desc').execute()).map((r) => r.year);

export const readingListRows = (ex: Executor, institutionId: string, year: string) =>
  ex.selectFrom('reading_lists').select(['year', 'module_key', 'hierarchy_key', 'has_list']).where('institution_id', '=', institutionId).where('year', '=', year).execute();

export const unitsById = async (ex: Executor, institutionId: string, ids: string[]) =>
  ids.length ? ex.selectFrom('org_units').select(['id', 'name', 'code']).where('institution_id', '=', institutionId).where('id', 'in', ids).execute() : [];
