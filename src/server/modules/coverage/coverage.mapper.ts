import type { CoverageDto, LibrariansDto, MatrixRowDto, PublicDepartmentDto, PublicLibrariansDto } from '../../../shared/contracts/coverage.ts';
import type { CoverageRow, CoverRow, TreeUnit } from './coverage.repository.ts';

/* Row → DTO, and the pure rules that turn coverage rows into "who is my librarian" answers. */

/** Started (or no start) and not ended (or no end) on `today`; both ends are inclusive. */
export const isCurrent = (startDate: string | null, endDate: string | null, today: string): boolean =>
  (startDate === null || startDate <= today) && (endDate === null || endDate >= today);

export const toCoverageDto = (r: CoverageRow, today: string): CoverageDto => ({
  id: r.id,
  user: { id: r.user_id, name: r.user_name, jobTitle: r.user_job_title, email: r.user_email },
  orgUnit: { id: r.org_unit_id, name: r.org_unit_name },
  function: { id: r.function_id, label: r.function_label },
  startDate: r.start_date,
  endDate: r.end_date,
  current: isCurrent(r.start_date, r.end_date, today),
});

export interface Staff {
  id: string;
  name: string;
  jobTitle: string | null;
  email: string;
}
/** org unit id → function id → its current staff (each person once) */
export type CoverIndex = Map<string, Map<string, Staff[]>>;

export function indexCover(rows: CoverRow[]): CoverIndex {
  const index: CoverIndex = new Map();
  for (const r of rows) {
    const byFunction = index.get(r.org_unit_id) ?? new Map<string, Staff[]>();
    index.set(r.org_unit_id, byFunction);
    const staff = byFunction.get(r.function_id) ?? [];
    byFunction.set(r.function_id, staff);
    // two consecutive assignments may both touch today (one ends, the next starts): one person still
    if (!staff.some((s) => s.id === r.user_id)) staff.push({ id: r.user_id, name: r.name, jobTitle: r.job_title, email: r.email });
  }
  return index;
}

/** The unit, then its parent, and so on up to the root; a unit missing from `byId` ends the chain. */
export function chainOf(unitId: string, byId: Map<string, TreeUnit>): TreeUnit[] {
  const chain: TreeUnit[] = [];
  const seen = new Set<string>();
  for (let u = byId.get(unitId); u && !seen.has(u.id); u = u.parent_id ? byId.get(u.parent_id) : undefined) {
    chain.push(u);
    seen.add(u.id);
  }
  return chain;
}

export interface ResolvedFunction {
  function: { id: string; label: string };
  staff: Staff[];
  /** the ancestor whose cover this is; null when the unit covers it itself, or for a gap */
  inheritedFrom: TreeUnit | null;
}

/**
 * Per function: the unit's own current cover, else the nearest ancestor's (a faculty librarian
 * serves every department below that has nobody of its own); nobody anywhere up the tree is a gap.
 */
export function resolveUnit(chain: TreeUnit[], functions: { id: string; label: string }[], index: CoverIndex): ResolvedFunction[] {
  return functions.map((fn) => {
    for (const [depth, unit] of chain.entries()) {
      const staff = index.get(unit.id)?.get(fn.id);
      if (staff?.length) return { function: fn, staff, inheritedFrom: depth === 0 ? null : unit };
    }
    return { function: fn, staff: [], inheritedFrom: null };
  });
}

/** One person behind every covered function: if they leave, the unit loses all its cover at once. */
export function isSinglePointOfFailure(resolved: ResolvedFunction[]): boolean {
  return new Set(resolved.flatMap((r) => r.staff.map((s) => s.id))).size === 1;
}

const unitRef = (u: { id: string; name: string }) => ({ id: u.id, name: u.name });

export const toLibrariansDto = (unit: { id: string; name: string }, resolved: ResolvedFunction[]): LibrariansDto => ({
  orgUnit: unitRef(unit),
  functions: resolved.map((r) => ({ function: r.function, staff: r.staff, inheritedFrom: r.inheritedFrom && unitRef(r.inheritedFrom) })),
});

export function toMatrixRow(unit: { id: string; name: string; parent_name: string | null }, resolved: ResolvedFunction[]): MatrixRowDto {
  const cells: MatrixRowDto['cells'] = {};
  const inherited: MatrixRowDto['inherited'] = {};
  for (const r of resolved) {
    cells[r.function.id] = r.staff.map((s) => ({ userId: s.id, name: s.name }));
    if (r.inheritedFrom) inherited[r.function.id] = unitRef(r.inheritedFrom);
  }
  return {
    orgUnit: { id: unit.id, name: unit.name, parentName: unit.parent_name },
    cells,
    inherited,
    gaps: resolved.filter((r) => !r.staff.length).map((r) => r.function.id),
    singlePointOfFailure: isSinglePointOfFailure(resolved),
  };
}

/** What a partner sees: who to contact per function, without internal ids; functions nobody covers are left out. */
export const toPublicLibrariansDto = (unit: { id: string; name: string }, resolved: ResolvedFunction[]): PublicLibrariansDto => ({
  orgUnit: unitRef(unit),
  functions: resolved
    .filter((r) => r.staff.length)
    .map((r) => ({
      label: r.function.label,
      staff: r.staff.map((s) => ({ name: s.name, jobTitle: s.jobTitle, email: s.email })),
      inheritedFrom: r.inheritedFrom?.name ?? null,
    })),
});

export const toPublicDepartmentDto = (r: { id: string; name: string; parent_name: string | null }): PublicDepartmentDto => ({
  id: r.id,
  name: r.name,
  parentName: r.parent_name,
});
