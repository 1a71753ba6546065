import { rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Readable } from 'node:stream';
import type { Page } from '../../../shared/contracts/common.ts';
import type { ImportJobDto, ImportSourceKey, ListImportsQuery, MappingBody, PreviewDto } from '../../../shared/contracts/imports.ts';
import type { Executor } from '../../db/types.ts';
import { assertRole, type Actor } from '../../http/actor.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { isoNow } from '../../lib/clock.ts';
import type { AppDeps } from '../../lib/deps.ts';
import { newId } from '../../lib/ids.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { readRows, sniffFormat, withHeader } from './reader/index.ts';
import { toJobDto, toSourceDto } from './imports.mapper.ts';
import * as repo from './imports.repository.ts';
import { checkOptions, resolveMapping, suggestMapping } from './mapping.ts';
import { checkRow } from './rows.ts';
import type { ImportRunner } from './runner.ts';
import { sources } from './sources/index.ts';
import { storeUpload } from './upload.ts';

/** Rows the preview checks, and how many of them it shows. */
const PREVIEW_CHECKS = 1000;
const PREVIEW_SHOWS = 20;

/** The file's header and its first `n` data rows; the file is closed as soon as they are read. */
async function firstRows(path: string, format: Awaited<ReturnType<typeof sniffFormat>>, n: number) {
  const { header, preamble, body } = await withHeader(readRows(path, format));
  const rows = [];
  const it = body[Symbol.asyncIterator]();
  try {
    while (rows.length < n) {
      const next = await it.next();
      if (next.done) break;
      rows.push(next.value);
    }
  } finally {
    await it.return?.();
  }
  return { header, preamble, rows };
}

export function importsService({ db, clock, config }: Pick<AppDeps, 'db' | 'clock' | 'config'>, runner: Pick<ImportRunner, 'enqueue'>) {
  const uploadDir = resolve(config.imports.uploadDir);

  async function job(ex: Executor, actor: Actor, id: string) {
    const j = await repo.findJob(ex, actor.institutionId, id);
    if (!j) throw notFound('Import');
    return j;
  }

  async function dto(ex: Executor, actor: Actor, id: string): Promise<ImportJobDto> {
    const j = await job(ex, actor, id);
    const source = sources[j.source as ImportSourceKey];
    if (j.mapping) return toJobDto(j);
    const remembered = await repo.rememberedMapping(ex, actor.institutionId, j.source);
    return toJobDto(j, suggestMapping(source, JSON.parse(j.columns) as string[], remembered?.mapping ?? null), remembered?.options ?? {});
  }

  /** The job, its source and its mapping checked against the file, for preview and start. */
  async function mapped(actor: Actor, id: string, body: MappingBody) {
    const j = await job(db, actor, id);
    const source = sources[j.source as ImportSourceKey];
    assertRole(actor, source.minRole);
    if (j.status !== 'uploaded') throw new AppError('CONFLICT', `This import has already been started (it is ${j.status})`);
    const columns = JSON.parse(j.columns) as string[];
    const context = { columns, preamble: j.preamble ? (JSON.parse(j.preamble) as Record<string, string>) : null };
    source.checkFile?.(context);
    const indexes = resolveMapping(source, columns, body.mapping);
    checkOptions(source, body.options);
    const run = await source.prepare(db, actor.institutionId, body.mapping, body.options, context);
    return { j, source, columns, indexes, run };
  }

  return {
    sources: () => ({ items: Object.values(sources).map(toSourceDto) }),

    /** Stores the file, detects its format and columns, and proposes a mapping. */
    async upload(actor: Actor, sourceKey: ImportSourceKey, file: Readable, fileName: string): Promise<ImportJobDto> {
      const source = sources[sourceKey];
      assertRole(actor, source.minRole);
      const id = newId();
      const stored = await storeUpload(file, uploadDir, id, config.imports.maxUploadBytes);
      try {
        const format = await sniffFormat(stored.path, fileName);
        const { header, preamble } = await firstRows(stored.path, format, 0);
        source.checkFile?.({ columns: header, preamble });
        const now = isoNow(clock);
        await db.transaction().execute(async (trx) => {
          await repo.insertJob(trx, {
            id, institution_id: actor.institutionId, source: sourceKey, file_name: fileName.slice(0, 255), format, byte_size: stored.bytes, sha256: stored.sha256,
            stored_path: stored.path, status: 'uploaded', columns: JSON.stringify(header), preamble: preamble ? JSON.stringify(preamble) : null, mapping: null, options: null, total_rows: null,
            processed_rows: 0, imported_rows: 0, rejected_rows: 0, error: null, created_by: actor.userId, started_at: null, heartbeat_at: null, finished_at: null,
            created_at: now, updated_at: now,
          });
          await recordAudit(trx, actor, { action: 'create', entityType: 'import_job', entityId: id, after: { source: sourceKey, fileName, format, bytes: stored.bytes, sha256: stored.sha256 } }, now);
        });
      } catch (err) {
        await rm(stored.path, { force: true });
        throw err;
      }
      return dto(db, actor, id);
    },

    /** The first rows as they would import, each with its problems; nothing is written. */
    async preview(actor: Actor, id: string, body: MappingBody): Promise<PreviewDto> {
      const { j, columns, indexes, run } = await mapped(actor, id, body);
      const { rows } = await firstRows(j.stored_path, j.format, PREVIEW_CHECKS);
      const checked = rows.map((row) => ({ line: row.line, r: checkRow(run, indexes, columns, row) }));
      return {
        rows: checked.slice(0, PREVIEW_SHOWS).map(({ line, r }) => ({ line, values: r.values, issues: r.ok ? [] : r.issues })),
        checked: checked.length,
        rejected: checked.filter(({ r }) => !r.ok).length,
      };
    },

    /** Confirms the mapping (remembered for the next file from this source) and queues the import. */
    async start(actor: Actor, id: string, body: MappingBody): Promise<ImportJobDto> {
      const { j } = await mapped(actor, id, body);
      const now = isoNow(clock);
      await db.transaction().execute(async (trx) => {
        await repo.updateJob(trx, j.id, { status: 'queued', mapping: JSON.stringify(body.mapping), options: JSON.stringify(body.options), updated_at: now });
        await repo.rememberMapping(trx, actor.institutionId, j.source, body, now);
        await recordAudit(trx, actor, { action: 'update', entityType: 'import_job', entityId: j.id, before: { status: j.status }, after: { status: 'queued', mapping: body.mapping, options: body.options } }, now);
      });
      runner.enqueue(j.id);
      return dto(db, actor, id);
    },

    /** Stops an import; rows it has already written stay (each was valid on its own). */
    async cancel(actor: Actor, id: string): Promise<ImportJobDto> {
      const j = await job(db, actor, id);
      assertRole(actor, sources[j.source as ImportSourceKey].minRole);
      if (!['uploaded', 'queued', 'running'].includes(j.status)) throw new AppError('CONFLICT', `This import has already ended (it is ${j.status})`);
      const now = isoNow(clock);
      await db.transaction().execute(async (trx) => {
        await repo.updateJob(trx, j.id, { status: 'cancelled', updated_at: now, ...(j.status === 'running' ? {} : { finished_at: now }) });
        await recordAudit(trx, actor, { action: 'update', entityType: 'import_job', entityId: j.id, before: { status: j.status }, after: { status: 'cancelled' } }, now);
      });
      // a running job notices at its next batch and removes the file itself
      if (j.status !== 'running') await rm(j.stored_path, { force: true });
      return dto(db, actor, id);
    },

    get: (actor: Actor, id: string) => dto(db, actor, id),

    async list(actor: Actor, q: ListImportsQuery): Promise<Page<ImportJobDto>> {
      const { rows, total } = await repo.listJobs(db, actor.institutionId, q.source, (q.page - 1) * q.pageSize, q.pageSize);
      return { items: rows.map((r) => toJobDto(r)), page: q.page, pageSize: q.pageSize, total };
    },

    /** The rejected rows' problems in file order, a page at a time, for the downloadable error file. */
    async errorPage(actor: Actor, id: string, page: number, pageSize: number) {
      const j = await job(db, actor, id);
      return repo.rowErrorsPage(db, actor.institutionId, j.id, (page - 1) * pageSize, pageSize);
    },

    fileNameOf: async (actor: Actor, id: string) => (await job(db, actor, id)).file_name,
  };
}

export type ImportsService = ReturnType<typeof importsService>;
