import type { ImportMapping, ImportOptions, ImportSourceKey } from '../../../shared/contracts/imports.ts';
import type { Executor, ImportJobTable, ImportRowErrorTable } from '../../db/types.ts';

export type JobRow = ImportJobTable & { created_by_name: string | null };

const withCreator = (ex: Executor) =>
  ex.selectFrom('import_jobs as j').leftJoin('users as u', 'u.id', 'j.created_by').selectAll('j').select('u.name as created_by_name');

export async function insertJob(ex: Executor, row: ImportJobTable): Promise<void> {
  await ex.insertInto('import_jobs').values(row).execute();
}

export function findJob(ex: Executor, institutionId: string, id: string): Promise<JobRow | undefined> {
  return withCreator(ex).where('j.institution_id', '=', institutionId).where('j.id', '=', id).executeTakeFirst();
}

export async function listJobs(ex: Executor, institutionId: string, source: ImportSourceKey | undefined, offset: number, limit: number) {
  let q = withCreator(ex).where('j.institution_id', '=', institutionId);
  if (source) q = q.where('j.source', '=', source);
  let count = ex.selectFrom('import_jobs').select((eb) => eb.fn.countAll<string | number>().as('n')).where('institution_id', '=', institutionId);
  if (source) count = count.where('source', '=', source);
  const [rows, total] = await Promise.all([
    q.orderBy('j.created_at', 'desc').orderBy('j.id', 'desc').offset(offset).limit(limit).execute(),
    count.executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

export async function updateJob(ex: Executor, id: string, patch: Partial<ImportJobTable>): Promise<void> {
  await ex.updateTable('import_jobs').set(patch).where('id', '=', id).execute();
}

/** Jobs waiting to run, or running with no sign of life since `staleBefore` (their process stopped). */
export async function claimableJobIds(ex: Executor, staleBefore: string): Promise<string[]> {
  const rows = await ex.selectFrom('import_jobs').select('id')
    .where((eb) => eb.or([eb('status', '=', 'queued'), eb.and([eb('status', '=', 'running'), eb.or([eb('heartbeat_at', 'is', null), eb('heartbeat_at', '<', staleBefore)])])]))
    .orderBy('created_at').execute();
  return rows.map((r) => r.id);
}

/** Takes the job for this process, unless another took it first; true when it is ours. */
export async function claimJob(ex: Executor, id: string, now: string, staleBefore: string): Promise<boolean> {
  const res = await ex.updateTable('import_jobs')
    .set((eb) => ({ status: 'running', heartbeat_at: now, updated_at: now, started_at: eb.fn.coalesce('started_at', eb.val(now)) }))
    .where('id', '=', id)
    .where((eb) => eb.or([eb('status', '=', 'queued'), eb.and([eb('status', '=', 'running'), eb.or([eb('heartbeat_at', 'is', null), eb('heartbeat_at', '<', staleBefore)])])]))
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function insertRowErrors(ex: Executor, rows: ImportRowErrorTable[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) await ex.insertInto('import_row_errors').values(rows.slice(i, i + 1000)).execute();
}

/** A job's row errors in file order, a page at a time (for the streamed error file). */
export function rowErrorsPage(ex: Executor, institutionId: string, jobId: string, offset: number, limit: number) {
  return ex.selectFrom('import_row_errors').select(['line', 'column_name', 'message'])
    .where('institution_id', '=', institutionId).where('job_id', '=', jobId)
    .orderBy('line').orderBy('column_name').offset(offset).limit(limit).execute();
}

/** The mapping and options last used for this source (so a reference system, say, is not forgotten), or null. */
export async function rememberedMapping(ex: Executor, institutionId: string, source: string): Promise<{ mapping: ImportMapping; options: ImportOptions } | null> {
  const row = await ex.selectFrom('import_mappings').select(['mapping', 'options']).where('institution_id', '=', institutionId).where('source', '=', source).executeTakeFirst();
  return row ? { mapping: JSON.parse(row.mapping) as ImportMapping, options: row.options ? (JSON.parse(row.options) as ImportOptions) : {} } : null;
}

export async function rememberMapping(ex: Executor, institutionId: string, source: string, body: { mapping: ImportMapping; options: ImportOptions }, now: string): Promise<void> {
  const mapping = JSON.stringify(body.mapping);
  const options = JSON.stringify(body.options);
  await ex.insertInto('import_mappings').values({ institution_id: institutionId, source, mapping, options, updated_at: now })
    .onConflict((oc) => oc.columns(['institution_id', 'source']).doUpdateSet({ mapping, options, updated_at: now }))
    .execute();
}
