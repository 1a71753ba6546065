import { existsSync, rmSync, statSync } from 'node:fs';
import { CompiledQuery, Kysely, PostgresDialect, SqliteDialect, sql, type LogEvent } from 'kysely';
import pg from 'pg';
import { openSqlite } from '../src/server/db/database.ts';
import { postgresDialect, sqliteDialect, type Dialect } from '../src/server/db/dialect.ts';
import { migrate } from '../src/server/db/migrate.ts';
import type { Database } from '../src/server/db/types.ts';
import { insertDefaultTemplate } from '../src/server/modules/org/org.repository.ts';
import { SCALE_SIGN_IN, scaleCounts, seedScale } from '../src/server/seed/scale.ts';
import { hasReportInputs, seedReportInputs } from '../src/server/seed/scale-reports.ts';

/**
 * The bench builds its own Kysely (rather than openDatabase) to add a `log` hook: it
 * records the SQL the API runs so the same statements can be timed without HTTP.
 */
export interface BenchDb {
  db: Kysely<Database>;
  dialect: Dialect;
  describe: string;
  sqlitePath: string | null;
  recorder: QueryRecorder;
  close(): Promise<void>;
}

export interface Recorded {
  sql: string;
  parameters: readonly unknown[];
  startMs: number;
  endMs: number;
}

export class QueryRecorder {
  private sink: Recorded[] | null = null;

  readonly log = (e: LogEvent): void => {
    if (!this.sink || e.level !== 'query') return;
    const endMs = performance.now();
    this.sink.push({ sql: e.query.sql, parameters: e.query.parameters, startMs: endMs - e.queryDurationMillis, endMs });
  };

  /** The statements run while `fn` runs; requests are sequential, so nothing else leaks in. */
  async record(fn: () => Promise<void>): Promise<Recorded[]> {
    const sink: Recorded[] = [];
    this.sink = sink;
    try {
      await fn();
    } finally {
      this.sink = null;
    }
    return sink;
  }
}

/** Reads only (a session "touch" is a write and is not replayed), grouped by overlap so that queries the API ran concurrently are replayed concurrently. */
export function replayPlan(recorded: Recorded[]): CompiledQuery[][] {
  const reads = recorded.filter((q) => /^\s*(select|with)\b/i.test(q.sql)).sort((a, b) => a.startMs - b.startMs);
  const groups: { end: number; queries: CompiledQuery[] }[] = [];
  for (const q of reads) {
    const last = groups.at(-1);
    const compiled = CompiledQuery.raw(q.sql, [...q.parameters]);
    if (last && q.startMs < last.end) {
      last.queries.push(compiled);
      last.end = Math.max(last.end, q.endMs);
    } else groups.push({ end: q.endMs, queries: [compiled] });
  }
  return groups.map((g) => g.queries);
}

export async function replay(db: Kysely<Database>, plan: CompiledQuery[][]): Promise<void> {
  for (const group of plan) await Promise.all(group.map((q) => db.executeQuery(q)));
}

export function openBenchDb(scale: number, databaseUrl: string | undefined): BenchDb {
  const recorder = new QueryRecorder();
  if (databaseUrl && /^postgres(ql)?:\/\//.test(databaseUrl)) {
    // as in src/server/db/database.ts: int8 (count, bigserial) as numbers
    const pool = new pg.Pool({
      connectionString: databaseUrl,
      max: 10,
      types: { getTypeParser: (oid: number, format?: 'text' | 'binary') => (oid === 20 ? (v: string) => Number(v) : (pg.types.getTypeParser(oid, format ?? 'text') as (v: string) => unknown)) },
    });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), log: recorder.log });
    const u = new URL(databaseUrl);
    return { db, dialect: postgresDialect, describe: `PostgreSQL ${u.host}${u.pathname}`, sqlitePath: null, recorder, close: () => db.destroy() };
  }
  const path = `data/bench-scale-${scale}.sqlite`;
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: openSqlite(path) }), log: recorder.log });
  return { db, dialect: sqliteDialect, describe: `SQLite ${path}`, sqlitePath: path, recorder, close: () => db.destroy() };
}

const TABLES = [
  'org_units', 'users', 'coverage', 'people', 'positions', 'engagements', 'engagement_people', 'engagement_staff', 'engagement_org_units', 'engagement_themes', 'search_documents',
  'metric_values', 'evidence', 'maturity_assessments', 'action_plans', 'plan_actions', 'annual_reports',
] as const;
export type Counts = Record<(typeof TABLES)[number], number>;

async function countRows(db: Kysely<Database>, institutionId: string): Promise<Counts> {
  const out = {} as Counts;
  for (const t of TABLES) {
    const row = await db.selectFrom(t).select((eb) => eb.fn.countAll<number>().as('n')).where('institution_id', '=', institutionId).executeTakeFirstOrThrow();
    out[t] = Number(row.n);
  }
  return out;
}

const benchInstitution = async (db: Kysely<Database>) =>
  (await db.selectFrom('users').select('institution_id').where('email', '=', SCALE_SIGN_IN.email).executeTakeFirst())?.institution_id ?? null;

export interface Dataset {
  institutionId: string;
  counts: Counts;
  rows: number;
  seeded: { seconds: number; cpuSeconds: number; rowsPerSecond: number } | null;
  bytes: number | null;
}

/** Reuses a complete dataset; otherwise (re)creates it, printing progress and the load rate. */
export async function ensureDataset(b: BenchDb, scale: number, print: (s: string) => void, reopen: () => BenchDb): Promise<{ bench: BenchDb; dataset: Dataset }> {
  const expected = scaleCounts(scale).engagements;
  await migrate(b.db, b.dialect);
  let institutionId = await benchInstitution(b.db);
  let seeded: Dataset['seeded'] = null;
  if (institutionId) {
    const n = Number((await b.db.selectFrom('engagements').select((eb) => eb.fn.countAll<number>().as('n')).where('institution_id', '=', institutionId).executeTakeFirstOrThrow()).n);
    if (n !== expected) {
      if (!b.sqlitePath) print(`warning: the database holds ${n} scale engagements, scale ${scale} means ${expected}; using it as it is (drop it to reseed)`);
      else {
        print(`${b.sqlitePath} is incomplete (${n} of ${expected} engagements): recreating it`);
        await b.close();
        for (const suffix of ['', '-wal', '-shm']) rmSync(b.sqlitePath + suffix, { force: true });
        b = reopen();
        await migrate(b.db, b.dialect);
        institutionId = null;
      }
    }
  }
  if (institutionId && !(await b.db.selectFrom('partnership_templates').select('id').where('institution_id', '=', institutionId).executeTakeFirst())) {
    // a dataset seeded before the partnership model existed: give it the default template new institutions get
    await insertDefaultTemplate(b.db, institutionId, new Date().toISOString());
    print('added the default partnership template to the existing dataset');
  }
  if (institutionId && !(await hasReportInputs(b.db, institutionId))) {
    // a dataset seeded before the reports' inputs were part of it: add them (about a minute)
    const written = await seedReportInputs(b.db, institutionId, { seed: 2 });
    await sql`ANALYZE`.execute(b.db);
    print(`added the annual reports' inputs to the existing dataset: ${written.toLocaleString('en')} rows`);
  }
  if (!institutionId) {
    print(`seeding scale ${scale} into ${b.describe} …`);
    const started = performance.now();
    const cpuStarted = process.cpuUsage();
    let lastPrint = 0;
    await seedScale(b.db, {
      scale,
      seed: 1,
      onProgress: (done, total, what) => {
        const now = performance.now();
        if (done < total && now - lastPrint < 5_000) return;
        lastPrint = now;
        const secs = (now - started) / 1000;
        print(`  ${what} ${done.toLocaleString('en')}/${total.toLocaleString('en')} (${Math.round((100 * done) / total)}%) after ${secs.toFixed(1)} s`);
      },
    });
    const seconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuStarted);
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    institutionId = (await benchInstitution(b.db)) ?? '';
    const counts = await countRows(b.db, institutionId);
    const rows = Object.values(counts).reduce((s, n) => s + n, 0);
    seeded = { seconds, cpuSeconds, rowsPerSecond: rows / seconds };
    // CPU time too: on a shared machine the wall-clock rate says as much about the neighbours
    print(`seeded ${rows.toLocaleString('en')} rows in ${seconds.toFixed(1)} s (${cpuSeconds.toFixed(1)} s CPU in this process): ${Math.round(rows / seconds).toLocaleString('en')} rows/s`);
  }
  const counts = await countRows(b.db, institutionId);
  const rows = Object.values(counts).reduce((s, n) => s + n, 0);
  const bytes = b.sqlitePath && existsSync(b.sqlitePath) ? statSync(b.sqlitePath).size : null;
  return { bench: b, dataset: { institutionId, counts, rows, seeded, bytes } };
}
