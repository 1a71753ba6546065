import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Zip, ZipPassThrough } from 'fflate';
import type { ReportBatchDto } from '../../../shared/contracts/reports.ts';
import { assertRole, type Actor } from '../../http/actor.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { isoNow } from '../../lib/clock.ts';
import type { AppDeps } from '../../lib/deps.ts';
import { newId } from '../../lib/ids.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { reportBatch } from './batch.ts';

interface Job extends ReportBatchDto { institutionId: string; path: string }

/** Finished batches are kept this long for download, then their file is removed. */
const KEEP_MS = 60 * 60_000;

/** Writes one chunk, waiting when the file's buffer is full: memory holds one report's PDF at a time. */
async function write(out: WriteStream, chunk: Uint8Array) {
  if (!out.write(chunk)) await once(out, 'drain');
}

/**
 * Every department's report for a year as one ZIP of PDFs, made in the background with its progress
 * readable while it runs. Batches live in this process only: the ZIP is made again from the data in
 * a minute or two, so one lost to a restart is simply started again.
 */
export function reportBatchJobs(deps: Pick<AppDeps, 'db' | 'clock' | 'dialect' | 'config'>, log: { error: (obj: object, msg: string) => void }) {
  const jobs = new Map<string, Job>();
  const dir = resolve(deps.config.imports.uploadDir, 'report-batches');

  async function run(job: Job, actor: Actor) {
    let out: WriteStream | null = null;
    // a write error between waits (a full disk) is kept here rather than thrown at nobody
    const stream: { failure: Error | null } = { failure: null };
    const pending: Uint8Array[] = [];
    let finished = false;
    const zip = new Zip((err, chunk, final) => {
      if (err) throw err;
      pending.push(chunk);
      if (final) finished = true;
    });
    const flush = async () => {
      if (stream.failure) throw stream.failure;
      for (let c = pending.shift(); c && out; c = pending.shift()) await write(out, c);
    };
    try {
      // inside the try: a folder that cannot be made fails the batch rather than leaving it running
      await mkdir(dir, { recursive: true });
      out = createWriteStream(job.path);
      out.on('error', (err) => { stream.failure = err; });
      await once(out, 'open');
      for await (const item of reportBatch(deps, actor, job.year)) {
        // PDFs are compressed already: stored as they are
        const entry = new ZipPassThrough(item.fileName);
        zip.add(entry);
        entry.push(item.pdf, true);
        await flush();
        Object.assign(job, { done: item.done, total: item.total });
      }
      zip.end();
      await flush();
      if (!finished) throw new Error('the ZIP did not finish');
      out.end();
      await once(out, 'finish');
      if (stream.failure) throw stream.failure;
      Object.assign(job, { status: 'done', finishedAt: isoNow(deps.clock) });
    } catch (err) {
      log.error({ err, batchId: job.id }, 'report batch failed');
      out?.destroy();
      Object.assign(job, { status: 'failed', error: 'The batch stopped on an unexpected error; try again.', finishedAt: isoNow(deps.clock) });
      await removeFile(job.path);
    }
    setTimeout(() => { jobs.delete(job.id); void removeFile(job.path); }, KEEP_MS).unref();
  }

  /** A partial or expired ZIP goes; failing to remove it (its folder gone bad) is logged, never thrown. */
  const removeFile = (path: string) => rm(path, { force: true }).catch((err: unknown) => log.error({ err, path }, 'could not remove a report batch file'));

  const dto = ({ institutionId: _i, path: _p, ...d }: Job): ReportBatchDto => ({ ...d });

  function find(actor: Actor, id: string): Job {
    const job = jobs.get(id);
    if (!job || job.institutionId !== actor.institutionId) throw notFound('Report batch');
    return job;
  }

  return {
    async start(actor: Actor, year: number): Promise<ReportBatchDto> {
      assertRole(actor, 'manager');
      const running = [...jobs.values()].find((j) => j.institutionId === actor.institutionId && j.status === 'running');
      if (running) throw new AppError('CONFLICT', `A batch for ${running.yearLabel} is already being made; wait for it to finish`);
      const id = newId();
      const now = isoNow(deps.clock);
      const job: Job = {
        id, institutionId: actor.institutionId, path: join(dir, `${id}.zip`), year, yearLabel: `${year}–${String((year + 1) % 100).padStart(2, '0')}`,
        status: 'running', done: 0, total: null, error: null, startedAt: now, finishedAt: null,
      };
      jobs.set(id, job);
      await deps.db.transaction().execute((trx) =>
        recordAudit(trx, actor, { action: 'create', entityType: 'report_batch', entityId: id, after: { year } }, now));
      void run(job, actor);
      return dto(job);
    },
    /** Batches are the managers' tool: only they follow and download them, as only they start them. */
    get(actor: Actor, id: string): ReportBatchDto {
      assertRole(actor, 'manager');
      return dto(find(actor, id));
    },
    /** The finished ZIP's path, for the download route. */
    file(actor: Actor, id: string): { path: string; name: string } {
      assertRole(actor, 'manager');
      const job = find(actor, id);
      if (job.status !== 'done') throw new AppError('CONFLICT', 'The batch is not finished yet');
      return { path: job.path, name: `library-reports-${job.yearLabel.replace('–', '-')}.zip` };
    },
  };
}

export type ReportBatchJobs = ReturnType<typeof reportBatchJobs>;
