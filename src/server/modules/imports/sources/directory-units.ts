import type { Kysely } from 'kysely';
import type { Executor, OrgUnitTable, OrgUnitType } from '../../../db/types.ts';
import { AppError } from '../../../http/errors.ts';
import { newId } from '../../../lib/ids.ts';
import { fold } from '../../../lib/text.ts';
import { recordAudit } from '../../audit/audit.repository.ts';
import { indexOrgUnit } from '../../org/org.service.ts';
import { codeKey } from '../code-maps.ts';
import type { Checked, JobRef, RowIssue, SourceRun } from './types.ts';

/** One org-unit row, as staged until the whole file is read (migration 0009). */
interface StagedUnitTable {
  job_id: string;
  institution_id: string;
  code_key: string;
  code: string;
  name: string;
  type: OrgUnitType | null;
  parent_given: number;
  parent_key: string | null;
  parent_code: string | null;
}
// TODO(lead): move StagedUnitTable into db/types.ts (Database.directory_staged_units) and drop this view
const staging = (ex: Executor) => ex as unknown as Kysely<{ directory_staged_units: StagedUnitTable; import_jobs: { id: string; institution_id: string; status: string } }>;

export type UnitRow = Omit<StagedUnitTable, 'job_id' | 'institution_id'>;

/** How HR files and spreadsheets spell the kinds of unit (folded, letters only) → Rapport's types. */
const typeWords: Record<string, OrgUnitType> = {};
const spell = (type: OrgUnitType, words: string[]) => words.forEach((w) => (typeWords[w.replace(/[^a-z]/g, '')] = type));
spell('faculty', ['faculty', 'college', 'fac']);
spell('department', ['department', 'dept', 'dep', 'school', 'department or school', 'academic department', 'subject']);
spell('research_centre', ['research centre', 'research center', 'centre', 'center', 'institute', 'research institute', 'research group', 'research_centre']);
spell('professional_service', ['professional service', 'professional services', 'service', 'services', 'directorate', 'support service', 'professional_service']);
spell('committee', ['committee', 'board', 'panel']);
spell('student_society', ['student society', 'society', 'club', 'students union', 'student_society']);

export const unitType = (text: string): OrgUnitType | undefined => typeWords[fold(text).replace(/[^a-z]/g, '')];

/** A row of an org-unit file: its code, name, kind and (optionally) its parent's code. */
export function checkUnit(v: Record<string, string>, parentGiven: boolean): Checked<UnitRow> {
  const issues: RowIssue[] = [];
  const code = (v.code ?? '').replace(/\s+/g, ' ');
  const name = (v.name ?? '').replace(/\s+/g, ' ');
  if (!code) issues.push({ field: 'code', message: 'is empty' });
  else if (code.length > 64) issues.push({ field: 'code', message: 'is longer than 64 characters' });
  if (!name) issues.push({ field: 'name', message: 'is empty' });
  else if (name.length > 200) issues.push({ field: 'name', message: 'is longer than 200 characters' });
  const type = v.type ? unitType(v.type) : null;
  if (type === undefined) issues.push({ field: 'type', message: `“${v.type}” is not a kind of unit (faculty, department or school, research centre, professional service, committee, student society)` });
  const parentCode = parentGiven ? (v.parentCode ?? '').replace(/\s+/g, ' ') : '';
  if (parentCode && codeKey(parentCode) === codeKey(code)) issues.push({ field: 'parentCode', message: 'is the unit’s own code' });
  if (issues.length || type === undefined) return { ok: false, issues };
  return { ok: true, value: { code_key: codeKey(code), code, name, type, parent_given: parentGiven ? 1 : 0, parent_key: parentCode ? codeKey(parentCode) : null, parent_code: parentCode || null } };
}


const listed = (codes: string[]) => codes.slice(0, 10).join(', ') + (codes.length > 10 ? ` and ${codes.length - 10} more` : '');

/** The cycle reached by walking up from `start`, as codes, or null when the walk reaches the top. */
function cycleFrom(start: string, parentOf: Map<string, string | null>): string[] | null {
  const path: string[] = [];
  for (let k: string | null | undefined = start; k; k = parentOf.get(k)) {
    const at = path.indexOf(k);
    if (at >= 0) return path.slice(at);
    path.push(k);
  }
  return null;
}

/**
 * Org units: rows are staged as batches arrive and applied in finish(), in one transaction, once
 * every parent is known. A parent code found neither in the file nor in Rapport, or parents that
 * loop, fail the import and change nothing, naming the codes.
 */
export function unitsRun(institutionId: string, parentGiven: boolean): SourceRun<UnitRow> {
  return {
    check: (v) => checkUnit(v, parentGiven),
    key: (r) => r.code_key,
    async write(trx, rows, job) {
      const st = staging(trx);
      // staged rows of imports that ended without applying them (failed, cancelled) are of no further use
      await st.deleteFrom('directory_staged_units').where('institution_id', '=', institutionId).where('job_id', '!=', job.id)
        .where('job_id', 'in', st.selectFrom('import_jobs').select('id').where('institution_id', '=', institutionId).where('status', 'in', ['done', 'failed', 'cancelled'])).execute();
      for (const r of rows) {
        await st.insertInto('directory_staged_units').values({ ...r, job_id: job.id, institution_id: institutionId })
          .onConflict((oc) => oc.columns(['job_id', 'code_key']).doUpdateSet({ code: r.code, name: r.name, type: r.type, parent_given: r.parent_given, parent_key: r.parent_key, parent_code: r.parent_code }))
          .execute();
      }
      return rows.length;
    },
    finish: (trx, job, now) => applyUnits(trx, job, now),
  };
}

async function applyUnits(trx: Executor, job: JobRef, now: string): Promise<void> {
  const st = staging(trx);
  const staged = await st.selectFrom('directory_staged_units').selectAll().where('job_id', '=', job.id).orderBy('code_key').execute();
  const existing = await trx.selectFrom('org_units').selectAll().where('institution_id', '=', job.institution_id).execute();
  const byKey = new Map<string, OrgUnitTable>();
  for (const u of existing) if (u.code) byKey.set(codeKey(u.code), u);
  const keyOfId = new Map(existing.map((u) => [u.id, u.code ? codeKey(u.code) : `#${u.id}`]));

  const unknown = staged.filter((r) => r.parent_key && !byKey.has(r.parent_key) && !staged.some((s) => s.code_key === r.parent_key));
  if (unknown.length) {
    throw new AppError('VALIDATION', `Nothing was imported: no unit in the file or in Rapport has the parent code given for ${listed(unknown.map((r) => `${r.code} (parent ${r.parent_code ?? ''})`))}. Add those parents to the file, or correct the codes, and import it again.`);
  }
  // the hierarchy as it will be: Rapport's, with the file's parents laid over it
  const parentOf = new Map<string, string | null>();
  for (const u of existing) parentOf.set(keyOfId.get(u.id) ?? '', u.parent_id ? (keyOfId.get(u.parent_id) ?? null) : null);
  for (const r of staged) {
    if (r.parent_given) parentOf.set(r.code_key, r.parent_key);
    else if (!parentOf.has(r.code_key)) parentOf.set(r.code_key, null);
  }
  for (const r of staged) {
    const cycle = cycleFrom(r.code_key, parentOf);
    if (cycle) {
      const code = (k: string) => staged.find((s) => s.code_key === k)?.code ?? byKey.get(k)?.code ?? k;
      throw new AppError('VALIDATION', `Nothing was imported: the parents loop (${[...cycle, cycle[0] as string].map(code).join(' → ')}); a unit cannot sit inside itself.`);
    }
  }

  const actor = { institutionId: job.institution_id, userId: job.created_by, requestId: `import-${job.id}` };
  const renamed = new Set<string>();
  const touched: OrgUnitTable[] = [];
  const created = new Set<string>();
  // new units first (parentless), so every parent exists before any unit points at it
  for (const r of staged) {
    if (byKey.has(r.code_key)) continue;
    const row: OrgUnitTable = { id: newId(), institution_id: job.institution_id, parent_id: null, type: r.type ?? 'department', name: r.name, code: r.code, status: 'active', description: null, created_at: now, updated_at: now };
    await trx.insertInto('org_units').values(row).execute();
    byKey.set(r.code_key, row);
    created.add(row.id);
  }
  for (const r of staged) {
    const before = byKey.get(r.code_key) as OrgUnitTable;
    const parentId = r.parent_given ? (r.parent_key ? (byKey.get(r.parent_key)?.id ?? null) : null) : before.parent_id;
    const after: OrgUnitTable = { ...before, name: r.name, type: r.type ?? before.type, parent_id: parentId };
    const changed = after.name !== before.name || after.type !== before.type || after.parent_id !== before.parent_id;
    const isNew = created.has(before.id);
    if (changed || isNew) {
      after.updated_at = now;
      await trx.updateTable('org_units').set({ name: after.name, type: after.type, parent_id: after.parent_id, updated_at: now }).where('id', '=', before.id).execute();
      await recordAudit(trx, actor, isNew ? { action: 'create', entityType: 'org_unit', entityId: after.id, after: { ...after } }
        : { action: 'update', entityType: 'org_unit', entityId: after.id, before: { ...before }, after: { ...after } }, now);
      if (after.name !== before.name) renamed.add(after.id);
      byKey.set(r.code_key, after);
      touched.push(after);
    }
  }
  // search documents: the units written, and the units below a renamed one (their subtitle names it)
  const byId = new Map([...byKey.values(), ...existing.filter((u) => !u.code)].map((u) => [u.id, u]));
  const reindex = new Map(touched.map((u) => [u.id, u]));
  for (const u of byId.values()) if (u.parent_id && renamed.has(u.parent_id)) reindex.set(u.id, u);
  for (const u of reindex.values()) await indexOrgUnit(trx, u, u.parent_id ? (byId.get(u.parent_id)?.name ?? null) : null);
  await st.deleteFrom('directory_staged_units').where('job_id', '=', job.id).execute();
}
