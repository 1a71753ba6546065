import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { importSources, type ImportMapping, type ImportOptions, type ImportSourceKey } from '../shared/contracts/imports.ts';
import { loadConfig } from '../server/config.ts';
import type { Db } from '../server/db/types.ts';
import type { Actor } from '../server/http/actor.ts';
import { AppError } from '../server/http/errors.ts';
import { systemClock } from '../server/lib/clock.ts';
import { runJob } from '../server/modules/imports/job.ts';
import { importsService } from '../server/modules/imports/imports.service.ts';
import { withDatabase } from './context.ts';
import { CliError, say, UsageError, type Io } from './io.ts';
import { formatRate, progressReporter } from './progress.ts';

/** --map field=Column, as often as needed */
function parseMap(entries: string[]): ImportMapping {
  const out: ImportMapping = {};
  for (const e of entries) {
    const i = e.indexOf('=');
    if (i <= 0) throw new UsageError(`--map needs field=Column, not "${e}"`);
    out[e.slice(0, i).trim()] = e.slice(i + 1).trim();
  }
  return out;
}

/** --option key=value, as often as needed; true and false are checkboxes */
function parseOptions(entries: string[]): ImportOptions {
  const out: ImportOptions = {};
  for (const e of entries) {
    const i = e.indexOf('=');
    if (i <= 0) throw new UsageError(`--option needs key=value, not "${e}"`);
    const v = e.slice(i + 1).trim();
    out[e.slice(0, i).trim()] = v === 'true' ? true : v === 'false' ? false : v;
  }
  return out;
}

const rows = (n: number) => `${n.toLocaleString('en-GB')} ${n === 1 ? 'row' : 'rows'}`;

/** The admin the import runs as: --as EMAIL, or the institution's first admin. */
export async function actorFor(db: Db, email: string | undefined, institutionId: string | undefined): Promise<Actor> {
  let q = db.selectFrom('users').select(['id', 'institution_id', 'role', 'email']).where('active', '=', 1);
  q = email ? q.where('email', '=', email.trim().toLowerCase()) : q.where('role', '=', 'admin');
  if (institutionId) q = q.where('institution_id', '=', institutionId);
  const users = await q.orderBy('created_at').execute();
  const user = users[0];
  if (!user) throw new CliError(email ? `no active user has the email ${email}` : 'no active admin found: name the user to import as with --as EMAIL');
  if (!email && !institutionId && new Set(users.map((u) => u.institution_id)).size > 1) throw new CliError('there are several institutions: choose one with --institution-id');
  return { userId: user.id, institutionId: user.institution_id, role: user.role, requestId: `cli-${Date.now()}` };
}

/** `rapport import <source> <file>`: the same checks, mapping and job as an upload in the app, run here with a progress bar. */
export async function importCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { map: { type: 'string', multiple: true }, option: { type: 'string', multiple: true }, metric: { type: 'string' }, as: { type: 'string' }, 'institution-id': { type: 'string' } },
    allowPositionals: true,
    strict: true,
  });
  const [source, file, extra] = positionals;
  if (!source || !file) throw new UsageError('import needs a source and a file, e.g. rapport import metrics nss.csv');
  if (extra) throw new UsageError(`unexpected argument "${extra}"`);
  if (!(importSources as readonly string[]).includes(source)) throw new UsageError(`unknown import source "${source}" (known: ${importSources.join(', ')})`);
  const size = await stat(file).catch(() => null);
  if (!size?.isFile()) throw new CliError(`no file at ${file}`);
  const config = loadConfig(io.env);

  return withDatabase(io, async ({ db }) => {
    const actor = await actorFor(db, values.as, values['institution-id']);
    const svc = importsService({ db, clock: systemClock, config }, { enqueue: () => undefined });
    try {
      const uploaded = await svc.upload(actor, source as ImportSourceKey, createReadStream(file), basename(file));
      const mapping = { ...uploaded.mapping, ...parseMap(values.map ?? []) };
      const options = parseOptions(values.option ?? []);
      if (values.metric !== undefined) {
        const m = await db.selectFrom('metric_definitions').select('id').where('institution_id', '=', actor.institutionId).where('name', '=', values.metric).executeTakeFirst();
        if (!m) throw new CliError(`no metric is called "${values.metric}"`);
        options.metricId = m.id;
      }
      say(io.err, `Importing ${basename(file)} (${uploaded.format}, columns: ${uploaded.columns.join(', ')})`);
      say(io.err, `Mapping: ${Object.entries(mapping).map(([k, v]) => `${k}=${v}`).join(', ') || 'none'}`);
      await svc.start(actor, uploaded.id, { mapping, options });
      const progress = progressReporter(io.err);
      let interrupted = false;
      const onSigint = () => { interrupted = true; };
      process.once('SIGINT', onSigint);
      try {
        const outcome = await runJob({ db, clock: systemClock, batchRows: config.imports.batchRows }, uploaded.id, {
          shouldStop: () => interrupted,
          onProgress: (p) => progress.update(p.processed, p.total, 'rows'),
        });
        const { seconds, rate } = progress.stop();
        const job = await svc.get(actor, uploaded.id);
        if (outcome === 'stopped') {
          say(io.out, `Stopped after ${rows(job.processedRows)}; the import resumes where it left off when Rapport next starts (import ${job.id}).`);
          return 1;
        }
        if (job.status === 'failed') throw new CliError(job.error ?? 'the import failed');
        say(io.out, `Imported ${rows(job.importedRows)}, rejected ${job.rejectedRows.toLocaleString('en-GB')}, in ${seconds.toFixed(1)} s (${formatRate(rate)} rows/s). Import ${job.id}.`);
        if (job.rejectedRows) say(io.out, `The problems are listed at /api/v1/imports/${job.id}/errors.csv and on the import's page.`);
        return job.rejectedRows ? 1 : 0;
      } finally {
        process.removeListener('SIGINT', onSigint);
      }
    } catch (err) {
      if (err instanceof AppError) throw new CliError(err.message);
      throw err;
    }
  });
}
