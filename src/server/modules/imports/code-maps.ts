import type { CodeMapKind, Executor } from '../../db/types.ts';

/** A code as matched: case, surrounding spaces and runs of spaces do not count. */
export const codeKey = (code: string) => code.trim().replace(/\s+/g, ' ').toLowerCase();

export const codeMapKinds: { value: CodeMapKind; label: string }[] = [
  { value: 'cah', label: 'NSS subject (CAH code) → department' },
  { value: 'user_group', label: 'Library user group → department' },
  { value: 'title', label: 'Journal or book title → department' },
];

/** The institution's map of one kind, folded code → org unit id, for a source to look rows up in. */
export async function loadCodeMap(ex: Executor, institutionId: string, kind: CodeMapKind): Promise<Map<string, string>> {
  const rows = await ex.selectFrom('code_maps').select(['code_key', 'org_unit_id']).where('institution_id', '=', institutionId).where('kind', '=', kind).execute();
  return new Map(rows.map((r) => [r.code_key, r.org_unit_id]));
}

/** Department codes (folded) → org unit id, for sources that name departments by code. */
export async function loadUnitCodes(ex: Executor, institutionId: string): Promise<Map<string, string>> {
  const units = await ex.selectFrom('org_units').select(['id', 'code']).where('institution_id', '=', institutionId).where('code', 'is not', null).execute();
  return new Map(units.map((u) => [codeKey(u.code ?? ''), u.id]));
}
