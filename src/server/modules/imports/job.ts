import { rm } from 'node:fs/promises';
import type { ImportMapping, ImportOptions } from '../../../shared/contracts/imports.ts';
import type { Db, ImportJobTable, ImportRowErrorTable } from '../../db/types.ts';
import { AppError } from '../../http/errors.ts';
import { isoNow, type Clock } from '../../lib/clock.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { readRows, withHeader, type TableRow } from './reader/index.ts';
import { claimJob, insertRowErrors, updateJob } from './imports.repository.ts';
import { resolveMapping } from './mapping.ts';
import { checkRow } from './rows.ts';
import { sources } from './sources/index.ts';

/** Rows whose problems are kept for the error file; beyond it they are counted, not listed. */
export const MAX_STORED_ERROR_ROWS = 10_000;
/** A running job silent this long was left by a process that stopped; another may take it over. */
export const STALE_AFTER_MS = 2 * 60_000;

export interface JobDeps { db: Db; clock: Clock; batchRows: number }
export interface JobProgress { processed: number; total: number; imported: number; rejected: number }
export type JobOutcome = 'done' | 'failed' | 'cancelled' | 'stopped' | 'not_claimed';

export const staleBefore = (clock: Clock) => new Date(clock.now().getTime() - STALE_AFTER_MS).toISOString();

async function* dataRows(path: string, format: ImportJobTable['format']): AsyncGenerator<TableRow> {
  const { body } = await withHeader(readRows(path, format));
  yield* body;
}

/** Reads the whole file once: counts its rows, and finds a broken file before anything is written. */
async function countRows(path: string, format: ImportJobTable['format'], beat: () => Promise<void>): Promise<number> {
  let n = 0;
  for await (const row of dataRows(path, format)) {
    void row;
    if (++n % 100_000 === 0) await beat();
  }
  return n;
}

async function finish(deps: JobDeps, job: ImportJobTable, patch: Partial<ImportJobTable>, audit: Record<string, unknown>): Promise<void> {
  const now = isoNow(deps.clock);
  await deps.db.transaction().execute(async (trx) => {
    await updateJob(trx, job.id, { ...patch, finished_at: now, heartbeat_at: null, updated_at: now });
    await recordAudit(trx, { institutionId: job.institution_id, userId: job.created_by, requestId: `import-${job.id}` }, {
      action: 'update', entityType: 'import_job', entityId: job.id, before: { status: 'running' }, after: audit,
    }, now);
  });
  await rm(job.stored_path, { force: true });
}

/**
 * Claims the job and runs it from its checkpoint to the end. Each batch's values, row errors and the
 * new checkpoint are written in one transaction, so a stop at any moment resumes cleanly; values are
 * upserted on their natural keys, so re-running a file rewrites rather than duplicates.
 */
export async function runJob(deps: JobDeps, jobId: string, opts: { shouldStop: () => boolean; onProgress?: (p: JobProgress) => void }): Promise<JobOutcome> {
  const { db, clock } = deps;
  if (!(await claimJob(db, jobId, isoNow(clock), staleBefore(clock)))) return 'not_claimed';
  const job = await db.selectFrom('import_jobs').selectAll().where('id', '=', jobId).executeTakeFirstOrThrow();
  const beat = () => updateJob(db, job.id, { heartbeat_at: isoNow(clock) });
  try {
    const source = sources[job.source as keyof typeof sources];
    const mapping = JSON.parse(job.mapping ?? '{}') as ImportMapping;
    const options = JSON.parse(job.options ?? '{}') as ImportOptions;
    const columns = JSON.parse(job.columns) as string[];
    const indexes = resolveMapping(source, columns, mapping);
    const run = await source.prepare(db, job.institution_id, mapping, options, { columns, preamble: job.preamble ? (JSON.parse(job.preamble) as Record<string, string>) : null });
    const total = job.total_rows ?? (await countRows(job.stored_path, job.format, beat));
    if (job.total_rows === null) await updateJob(db, job.id, { total_rows: total });

    const p: JobProgress = { processed: job.processed_rows, total, imported: job.imported_rows, rejected: job.rejected_rows };
    opts.onProgress?.(p);
    let seen = 0;
    let batch: TableRow[] = [];
    const flush = async (): Promise<'go' | 'cancelled'> => {
      const good = new Map<string, unknown>();
      const errors: ImportRowErrorTable[] = [];
      let rejected = 0;
      for (const row of batch) {
        const r = checkRow(run, indexes, columns, row);
        if (r.ok) good.set(run.key(r.value), r.value);
        else {
          if (p.rejected + rejected < MAX_STORED_ERROR_ROWS) {
            for (const i of r.issues) errors.push({ job_id: job.id, institution_id: job.institution_id, line: row.line, column_name: i.column, message: i.message });
          }
          rejected++;
        }
      }
      const now = isoNow(clock);
      const status = await db.transaction().execute(async (trx) => {
        const current = await trx.selectFrom('import_jobs').select('status').where('id', '=', job.id).executeTakeFirstOrThrow();
        if (current.status === 'cancelled') return 'cancelled' as const;
        const written = await run.write(trx, [...good.values()], job, now);
        await insertRowErrors(trx, errors);
        p.processed += batch.length;
        p.imported += written;
        p.rejected += rejected;
        await updateJob(trx, job.id, { processed_rows: p.processed, imported_rows: p.imported, rejected_rows: p.rejected, heartbeat_at: now, updated_at: now });
        return 'go' as const;
      });
      batch = [];
      opts.onProgress?.(p);
      return status;
    };

    for await (const row of dataRows(job.stored_path, job.format)) {
      if (seen++ < job.processed_rows) continue;
      batch.push(row);
      if (batch.length < deps.batchRows) continue;
      if ((await flush()) === 'cancelled') return await cancelled(deps, job, p);
      if (opts.shouldStop()) {
        // back in the queue: the next start resumes after this checkpoint
        await updateJob(db, job.id, { status: 'queued', heartbeat_at: null, updated_at: isoNow(clock) });
        return 'stopped';
      }
    }
    if (batch.length && (await flush()) === 'cancelled') return await cancelled(deps, job, p);
    if (run.finish) {
      const finishRun = run.finish.bind(run);
      await db.transaction().execute((trx) => finishRun(trx, job, isoNow(clock)));
    }
    await finish(deps, job, { status: 'done' }, { status: 'done', ...p });
    return 'done';
  } catch (err) {
    const message = err instanceof AppError ? err.message : 'The import stopped on an unexpected error; nothing more was written. Try again, and tell your administrator if it happens again.';
    await finish(deps, job, { status: 'failed', error: message }, { status: 'failed', error: message });
    if (!(err instanceof AppError)) throw err;
    return 'failed';
  }
}

async function cancelled(deps: JobDeps, job: ImportJobTable, p: JobProgress): Promise<JobOutcome> {
  await finish(deps, job, {}, { status: 'cancelled', ...p });
  return 'cancelled';
}
