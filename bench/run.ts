/**
 * `npm run bench [-- --scale N --requests N --warmup N --only words]`: latency of the pages a librarian
 * opens most, through the real HTTP API and as bare SQL on the same database, on the
 * "Scale University" dataset (SQLite data/bench-scale-N.sqlite, or DATABASE_URL=postgres://…).
 * `--sql` also prints the statements each scenario ran, with their time when captured.
 * First it times a metric import of `--import-rows` generated rows (default 1,000,000; `--imports-only`
 * stops there); last, the annual-report batch for every department with its peak memory. It measures
 * and prints; it asserts nothing and is not part of `npm test`.
 */
import { cpus, loadavg, totalmem } from 'node:os';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { sql, type CompiledQuery } from 'kysely';
import { buildApp } from '../src/server/app.ts';
import { loadConfig } from '../src/server/config.ts';
import { SCALE_SIGN_IN } from '../src/server/seed/scale.ts';
import { ensureDataset, openBenchDb, replay, replayPlan, type BenchDb } from './database.ts';
import { Client, problem } from './http.ts';
import { benchImports } from './imports.ts';
import { benchReportBatch } from './reports.ts';
import { pickTargets, resultSize, scenarios, type Scenario } from './scenarios.ts';
import { ms, percentile, table } from './stats.ts';

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: '1' }, requests: { type: 'string', default: '100' }, warmup: { type: 'string', default: '10' }, sql: { type: 'boolean', default: false },
    'import-rows': { type: 'string', default: '1000000' }, 'imports-only': { type: 'boolean', default: false },
    /** only the scenarios whose name holds one of these (comma-separated); "batch" for the report batch */
    only: { type: 'string' },
  },
});
const scale = Number(values.scale);
const requests = Math.max(1, Math.min(1000, Number(values.requests) || 100));
const warmup = Math.max(0, Number(values.warmup) || 0);
/** per scenario (API and SQL together), and for its warm-up: keeps the whole run within about two minutes */
const BUDGET_MS = 15_000;
const WARMUP_BUDGET_MS = 3_000;
const print = (s: string) => process.stdout.write(`${s}\n`);

if (!Number.isFinite(scale) || scale <= 0) {
  print(`--scale must be a positive number, not ${values.scale}`);
  process.exit(2);
}

// the import measurement needs no dataset and is quick: first, so it shows while the dataset builds
await benchImports(Math.max(1000, Number(values['import-rows']) || 1_000_000), print);
if (values['imports-only']) process.exit(0);

const url = process.env.DATABASE_URL;
const { bench, dataset } = await ensureDataset(openBenchDb(scale, url), scale, print, () => openBenchDb(scale, url));

const config = {
  ...loadConfig({ NODE_ENV: 'production', RAPPORT_DEMO: 'false', LOG_LEVEL: 'warn' }),
  database: bench.sqlitePath ? ({ kind: 'sqlite', path: bench.sqlitePath } as const) : ({ kind: 'postgres', url: url ?? '' } as const),
};
const app = await buildApp({ config, db: bench.db, dialect: bench.dialect, webRoot: '/nonexistent' });
await app.listen({ host: '127.0.0.1', port: 0 });
const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;

try {
  const client = await Client.signIn(base, SCALE_SIGN_IN.email, SCALE_SIGN_IN.password);
  const picks = await pickTargets(bench.db, dataset.institutionId);
  print(`targets: ${picks.departments.length} busiest departments, ${picks.people.length} people with the longest history, search words ${picks.words.join(', ')}, year ${picks.from}..${picks.to}\n`);
  const rows: string[][] = [];
  const notes: string[] = [];
  const statements: string[] = [];
  const only = values.only?.split(',').map((w) => w.trim()).filter(Boolean);
  const wanted = (name: string) => !only || only.some((w) => name.includes(w));
  for (const s of scenarios(picks).filter((x) => wanted(x.name))) {
    const r = await measure(s, client, bench);
    if (typeof r === 'string') {
      rows.push([s.name, '', '', '', '', '', '', '', 'skipped']);
      notes.push(`${s.name}: ${r}`);
      print(`${s.name}: skipped, ${r}`);
      continue;
    }
    const [a50, a95, q50, q95] = [percentile(r.api, 50), percentile(r.api, 95), percentile(r.sql, 50), percentile(r.sql, 95)];
    rows.push([s.name, String(r.api.length), String(r.queries), ms(a50), ms(a95), ms(q50), ms(q95), q50 > 0 ? `${(a50 / q50).toFixed(1)}×` : '', r.result]);
    print(`${s.name}: done (${r.api.length} requests)`);
    statements.push(`${s.name}:`, ...r.statements.map((q) => `  ${ms(q.ms).padStart(8)} ms  ${q.sql.replace(/\s+/g, ' ').slice(0, 400)}`));
  }
  print(`\n${await describe(bench)}\n`);
  print(table(['scenario', 'n', 'queries', 'API p50 ms', 'API p95 ms', 'SQL p50 ms', 'SQL p95 ms', 'API/SQL p50', 'result'], rows));
  print('\nAPI: sequential requests over HTTP/1.1 keep-alive from this process, body read; a scenario with two requests sums both.');
  print('SQL: the read statements each request ran (session lookup included), captured via Kysely\'s log hook and re-run on the same database.');
  for (const n of notes) print(`note: ${n}`);
  const benchUser = await bench.db.selectFrom('users').select('id').where('email', '=', SCALE_SIGN_IN.email).executeTakeFirstOrThrow();
  if (wanted('batch')) await benchReportBatch(bench.db, bench.dialect, dataset.institutionId, benchUser.id, Number(picks.from.slice(0, 4)), print);
  if (values.sql) print(`\nstatements of the first variant, as captured:\n${statements.join('\n')}`);
} finally {
  await app.close();
  await bench.close();
}

interface Measured {
  api: number[];
  sql: number[];
  queries: number;
  result: string;
  statements: { sql: string; ms: number }[];
}

async function measure(s: Scenario, client: Client, b: BenchDb): Promise<Measured | string> {
  // One recorded pass per variant: checks the routes answer and captures their SQL.
  const plans: CompiledQuery[][][] = [];
  let statements: Measured['statements'] = [];
  let result = '';
  for (let v = 0; v < s.variants; v++) {
    let failure: string | null = null;
    const recorded = await b.recorder.record(async () => {
      for (const path of s.requests(v)) {
        const res = await client.get(path);
        failure ??= problem(path, res.status, res.body);
        if (v === 0) result = resultSize(res.body) || result;
      }
    });
    if (failure) return failure;
    plans.push(replayPlan(recorded));
    if (v === 0) statements = recorded.map((q) => ({ sql: q.sql, ms: q.endMs - q.startMs }));
  }
  const run = async (i: number) => {
    const started = performance.now();
    for (const path of s.requests(i % s.variants)) await client.get(path);
    return performance.now() - started;
  };
  const runSql = async (i: number) => {
    const started = performance.now();
    await replay(b.db, plans[i % plans.length] ?? []);
    return performance.now() - started;
  };
  const warmStart = performance.now();
  for (let i = 0; i < warmup && performance.now() - warmStart < WARMUP_BUDGET_MS; i++) {
    await run(i);
    await runSql(i);
  }
  // Alternating API and SQL runs see the same machine: on a shared box the load drifts.
  const api: number[] = [];
  const sqlTimes: number[] = [];
  const measureStart = performance.now();
  while (api.length < requests && performance.now() - measureStart < BUDGET_MS) {
    api.push(await run(api.length));
    sqlTimes.push(await runSql(sqlTimes.length));
  }
  return { api, sql: sqlTimes, queries: plans[0]?.flat().length ?? 0, result, statements };
}

async function describe(b: BenchDb): Promise<string> {
  const version =
    b.dialect.kind === 'sqlite'
      ? `SQLite ${(await sql<{ v: string }>`select sqlite_version() as v`.execute(b.db)).rows[0]?.v ?? '?'}`
      : ((await sql<{ v: string }>`select version() as v`.execute(b.db)).rows[0]?.v.split(' on ')[0] ?? 'PostgreSQL');
  const c = dataset.counts;
  const links = c.engagement_people + c.engagement_staff + c.engagement_org_units + c.engagement_themes;
  const cpu = cpus();
  return [
    `dataset: scale ${scale}: ${c.org_units.toLocaleString('en')} org units, ${c.people.toLocaleString('en')} people (${c.positions.toLocaleString('en')} positions), ${c.users.toLocaleString('en')} users (${c.coverage} coverage rows), ` +
      `${c.engagements.toLocaleString('en')} engagements, ${links.toLocaleString('en')} link rows, ${c.search_documents.toLocaleString('en')} search documents; ` +
      `for the reports ${c.metric_values.toLocaleString('en')} metric values, ${c.evidence.toLocaleString('en')} evidence, ${c.maturity_assessments.toLocaleString('en')} assessments, ` +
      `${c.action_plans.toLocaleString('en')} plans with ${c.plan_actions.toLocaleString('en')} actions, ${c.annual_reports.toLocaleString('en')} past reports; ${dataset.rows.toLocaleString('en')} rows` +
      (dataset.bytes ? `, ${(dataset.bytes / 2 ** 20).toFixed(0)} MiB file` : ''),
    dataset.seeded ? `seeded now: ${dataset.seeded.seconds.toFixed(1)} s (${dataset.seeded.cpuSeconds.toFixed(1)} s CPU), ${Math.round(dataset.seeded.rowsPerSecond).toLocaleString('en')} rows/s` : 'dataset reused (already seeded)',
    `database: ${version}, ${b.describe}`,
    `machine: ${cpu.length} × ${cpu[0]?.model.trim() ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}, Node ${process.version}, ${process.platform}/${process.arch}`,
  ].join('\n');
}
