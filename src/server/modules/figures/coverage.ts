import type { ReadingListTable } from '../../db/types.ts';

export type ListRow = Pick<ReadingListTable, 'year' | 'module_key' | 'hierarchy_key' | 'has_list'>;

export interface Coverage { orgUnitId: string | null; year: string; modules: number; withList: number }

/**
 * Reading-list coverage per department and year: modules with a list ÷ modules. A module is counted
 * once however many lists it has; `orgUnitId` is null for hierarchy codes that are no department's.
 */
export function coverageByUnit(rows: ListRow[], unitOf: (hierarchyKey: string) => string | undefined): Coverage[] {
  const acc = new Map<string, { orgUnitId: string | null; year: string; modules: Set<string>; withList: Set<string> }>();
  for (const r of rows) {
    const orgUnitId = unitOf(r.hierarchy_key) ?? null;
    const k = `${orgUnitId ?? ''}\u0000${r.year}`;
    let a = acc.get(k);
    if (!a) acc.set(k, (a = { orgUnitId, year: r.year, modules: new Set(), withList: new Set() }));
    a.modules.add(r.module_key);
    if (r.has_list) a.withList.add(r.module_key);
  }
  return [...acc.values()].map((a) => ({ orgUnitId: a.orgUnitId, year: a.year, modules: a.modules.size, withList: a.withList.size }));
}

/** withList ÷ modules as a percentage with one decimal; null with no modules. */
export const coveragePct = (c: { modules: number; withList: number }) =>
  c.modules ? Math.round(((c.withList / c.modules) * 100 + Number.EPSILON) * 10) / 10 : null;
