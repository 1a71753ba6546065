import { sql } from 'kysely';
import type { Executor } from '../../db/types.ts';

/** Whose usage, which report, which months (inclusive 'YYYY-MM'), and optionally one metric type. */
export interface Window { institutionId: string; reportId: string; from: string; to: string; metricType?: string }

// PostgreSQL gives sums and counts back as text
const num = (v: unknown) => Number(v ?? 0);

/**
 * The window's usage rows, each with the department a title code map puts it on (null: unmapped).
 * The title decides first, then the online ISSN, the print ISSN and the ISBN: a title mapped by name
 * and by ISSN to two departments counts once, for the one its name gives. Code maps are keyed on
 * (institution, kind, code), so each join finds at most one row and nothing is counted twice.
 */
function mappedRows(ex: Executor, w: Window) {
  let q = ex.selectFrom('counter_usage as u')
    .leftJoin('code_maps as mt', (j) => j.onRef('mt.institution_id', '=', 'u.institution_id').on('mt.kind', '=', 'title').onRef('mt.code_key', '=', 'u.title_key'))
    .leftJoin('code_maps as mo', (j) => j.onRef('mo.institution_id', '=', 'u.institution_id').on('mo.kind', '=', 'title').on('mo.code_key', '=', sql<string>`lower(u.online_issn)`))
    .leftJoin('code_maps as mp', (j) => j.onRef('mp.institution_id', '=', 'u.institution_id').on('mp.kind', '=', 'title').on('mp.code_key', '=', sql<string>`lower(u.print_issn)`))
    .leftJoin('code_maps as mb', (j) => j.onRef('mb.institution_id', '=', 'u.institution_id').on('mb.kind', '=', 'title').on('mb.code_key', '=', sql<string>`lower(u.isbn)`))
    .where('u.institution_id', '=', w.institutionId)
    .where('u.report_id', '=', w.reportId)
    .where('u.month', '>=', w.from)
    .where('u.month', '<=', w.to);
  if (w.metricType) q = q.where('u.metric_type', '=', w.metricType);
  return q.select((eb) => [
    'u.platform_key', 'u.title_key', 'u.item_key', 'u.title', 'u.platform', 'u.publisher', 'u.print_issn', 'u.online_issn', 'u.isbn', 'u.count',
    eb.fn.coalesce('mt.org_unit_id', 'mo.org_unit_id', 'mp.org_unit_id', 'mb.org_unit_id').as('org_unit_id'),
  ]);
}

/** Every report with figures: its first and last month and how many platforms reported it. */
export async function reports(ex: Executor, institutionId: string) {
  const rows = await ex.selectFrom('counter_usage')
    .select((eb) => ['report_id', eb.fn.min('month').as('from'), eb.fn.max('month').as('to'), eb.fn.count('platform_key').distinct().as('platforms')])
    .where('institution_id', '=', institutionId)
    .groupBy('report_id')
    .execute();
  return rows.map((r) => ({ reportId: r.report_id, from: r.from, to: r.to, platforms: num(r.platforms) }));
}

/** The institution's totals by month and metric type. */
export async function totals(ex: Executor, w: Window) {
  const rows = await ex.selectFrom('counter_usage')
    .select((eb) => ['month', 'metric_type', eb.fn.sum('count').as('count')])
    .where('institution_id', '=', w.institutionId)
    .where('report_id', '=', w.reportId)
    .where('month', '>=', w.from)
    .where('month', '<=', w.to)
    .groupBy(['month', 'metric_type'])
    .execute();
  return rows.map((r) => ({ month: r.month, metricType: r.metric_type, count: num(r.count) }));
}

/** Usage by the department its title is mapped to (null: unmapped), with how many titles. */
export async function byOrgUnit(ex: Executor, w: Window) {
  const rows = await ex.selectFrom(mappedRows(ex, w).as('t'))
    .select((eb) => ['t.org_unit_id', eb.fn.sum('t.count').as('count'), eb.fn.count(sql<string>`t.platform_key || '|' || t.title_key || '|' || t.item_key`).distinct().as('titles')])
    .groupBy('t.org_unit_id')
    .execute();
  return rows.map((r) => ({ orgUnitId: r.org_unit_id, count: num(r.count), titles: num(r.titles) }));
}

/** Titles (per platform and item) by use, most used first, a page at a time; optionally one department's. */
export async function titlesPage(ex: Executor, w: Window, orgUnitId: string | undefined, offset: number, limit: number) {
  let inner = ex.selectFrom(mappedRows(ex, w).as('r')).selectAll();
  if (orgUnitId) inner = inner.where('r.org_unit_id', '=', orgUnitId);
  const grouped = ex.selectFrom(inner.as('t'))
    .select((eb) => [
      't.platform_key', 't.title_key', 't.item_key', eb.fn.max('t.title').as('title'), eb.fn.max('t.platform').as('platform'), eb.fn.max('t.publisher').as('publisher'),
      eb.fn.max('t.print_issn').as('print_issn'), eb.fn.max('t.online_issn').as('online_issn'), eb.fn.max('t.isbn').as('isbn'),
      eb.fn.max('t.org_unit_id').as('org_unit_id'), eb.fn.sum('t.count').as('count'),
    ])
    .groupBy(['t.platform_key', 't.title_key', 't.item_key']);
  const [rows, total] = await Promise.all([
    ex.selectFrom(grouped.as('g')).selectAll()
      // ties by key, not by the databases' differing collations
      .orderBy('g.count', 'desc').orderBy('g.title_key').orderBy('g.platform_key').orderBy('g.item_key')
      .offset(offset).limit(limit).execute(),
    ex.selectFrom(grouped.as('g')).select((eb) => eb.fn.countAll().as('n')).executeTakeFirst(),
  ]);
  return {
    rows: rows.map((r) => ({ ...r, count: num(r.count) })),
    total: num(total?.n),
  };
}

/** The metric types with figures in the window. */
export async function metricTypes(ex: Executor, w: Window): Promise<string[]> {
  const rows = await ex.selectFrom('counter_usage').select('metric_type').distinct()
    .where('institution_id', '=', w.institutionId).where('report_id', '=', w.reportId).where('month', '>=', w.from).where('month', '<=', w.to)
    .execute();
  return rows.map((r) => r.metric_type);
}

export async function orgUnitNames(ex: Executor, institutionId: string, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await ex.selectFrom('org_units').select(['id', 'name']).where('institution_id', '=', institutionId).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}
