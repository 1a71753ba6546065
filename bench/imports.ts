/**
 * Metric-import throughput: a generated CSV of `rows` simple metric rows (department code, year,
 * value) through the import job the app runs (read → map → check → upsert in checkpointed batches),
 * against two floors on the same machine: csv-parse reading the file alone, and the same rows
 * upserted with one prepared better-sqlite3 statement (no parsing, no checks). Peak RSS is sampled
 * to show memory stays bounded. SQLite only: the embedded database is the default deployment.
 */
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import { openDatabase, openSqlite } from '../src/server/db/database.ts';
import { migrate } from '../src/server/db/migrate.ts';
import { systemClock } from '../src/server/lib/clock.ts';
import { newId } from '../src/server/lib/ids.ts';
import { runJob } from '../src/server/modules/imports/job.ts';
import { readRows, withHeader } from '../src/server/modules/imports/reader/index.ts';
import { createUserWithInstitution } from '../src/server/seed/users.ts';
import { table } from './stats.ts';

const DEPARTMENTS = 400;
const YEARS = 25;

async function writeCsv(path: string, rows: number) {
  const out = createWriteStream(path);
  out.write('Department code,Academic year,Value\n');
  // department × year pairs repeat past DEPARTMENTS × YEARS rows: later rows rewrite earlier ones, as a re-import does
  for (let i = 0; i < rows; i++) {
    const year = 2000 + (Math.floor(i / DEPARTMENTS) % YEARS);
    if (!out.write(`D${i % DEPARTMENTS},${year}-${String((year + 1) % 100).padStart(2, '0')},${(i % 1000) / 10}\n`)) await new Promise<void>((r) => out.once('drain', () => r()));
  }
  out.end();
  await finished(out);
}

export async function benchImports(rows: number, print: (s: string) => void) {
  const dir = mkdtempSync(join(tmpdir(), 'rapport-bench-import-'));
  try {
    const csv = join(dir, 'metrics.csv');
    await writeCsv(csv, rows);
    let peak = process.memoryUsage().rss;
    const sampler = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 50);

    // floor 1: reading the file
    let t0 = performance.now();
    let n = 0;
    for await (const row of (await withHeader(readRows(csv, 'csv'))).body) if (row.cells.length) n++;
    const readS = (performance.now() - t0) / 1000;

    // the app's import job on a fresh SQLite database
    const handle = openDatabase({ kind: 'sqlite', path: join(dir, 'job.sqlite') });
    await migrate(handle.db, handle.dialect);
    const { institutionId, userId } = await createUserWithInstitution(handle.db, systemClock, { institution: 'Bench University', email: 'bench@example.test', password: 'bench password long', name: 'Bench', role: 'admin' });
    const now = new Date().toISOString();
    await handle.db.insertInto('org_units').values(Array.from({ length: DEPARTMENTS }, (_, i) => ({
      id: newId(), institution_id: institutionId, parent_id: null, name: `Department ${i}`, type: 'department', code: `D${i}`, description: null, status: 'active' as const, created_at: now, updated_at: now,
    }))).execute();
    const metricId = newId();
    await handle.db.insertInto('metric_definitions').values({ id: metricId, institution_id: institutionId, name: 'Bench metric', unit: '%', direction: 'higher_better', source: null, period_kind: 'academic_year', description: null, created_at: now, updated_at: now }).execute();
    const jobId = newId();
    await handle.db.insertInto('import_jobs').values({
      id: jobId, institution_id: institutionId, source: 'metrics', file_name: 'metrics.csv', format: 'csv', byte_size: 0, sha256: '', stored_path: csv, status: 'queued',
      columns: JSON.stringify(['Department code', 'Academic year', 'Value']), mapping: JSON.stringify({ orgUnitCode: 'Department code', period: 'Academic year', value: 'Value' }),
      options: JSON.stringify({ metricId }), total_rows: null, processed_rows: 0, imported_rows: 0, rejected_rows: 0, error: null, created_by: userId,
      started_at: null, heartbeat_at: null, finished_at: null, created_at: now, updated_at: now,
    }).execute();
    t0 = performance.now();
    const outcome = await runJob({ db: handle.db, clock: systemClock, batchRows: 5000 }, jobId, { shouldStop: () => false });
    const jobS = (performance.now() - t0) / 1000;
    const job = await handle.db.selectFrom('import_jobs').select(['imported_rows', 'rejected_rows']).where('id', '=', jobId).executeTakeFirstOrThrow();
    await handle.close();

    // floor 2: the same upserts, prepared once, 5,000 to a transaction, values already parsed
    const raw = openSqlite(join(dir, 'job.sqlite'));
    const units = raw.prepare('SELECT id, code FROM org_units').all() as { id: string; code: string }[];
    const ids = new Map(units.map((u) => [u.code, u.id]));
    const upsert = raw.prepare(`INSERT INTO metric_values (metric_id, org_unit_id, period, institution_id, value, import_job_id, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (metric_id, org_unit_id, period) DO UPDATE SET value = excluded.value, import_job_id = excluded.import_job_id, updated_at = excluded.updated_at`);
    const batch = raw.transaction((from: number, to: number) => {
      for (let i = from; i < to; i++) upsert.run(metricId, ids.get(`D${i % DEPARTMENTS}`), String(2000 + (Math.floor(i / DEPARTMENTS) % YEARS)), institutionId, (i % 1000) / 10, 'raw', now);
    });
    t0 = performance.now();
    for (let i = 0; i < rows; i += 5000) batch(i, Math.min(rows, i + 5000));
    const rawS = (performance.now() - t0) / 1000;
    raw.close();
    clearInterval(sampler);

    const rate = (s: number) => Math.round(rows / s).toLocaleString('en-GB');
    print(`\nmetric import, ${rows.toLocaleString('en-GB')} rows (${DEPARTMENTS} departments × ${YEARS} years, repeating), SQLite:`);
    print(table(['stage', 'seconds', 'rows/s'], [
      ['read the CSV alone (csv-parse, UTF-8 check)', readS.toFixed(2), rate(readS)],
      [`import job (count pass + checked upserts): ${outcome}, ${job.imported_rows} written, ${job.rejected_rows} rejected`, jobS.toFixed(2), rate(jobS)],
      ['raw floor: prepared upsert, parsed values', rawS.toFixed(2), rate(rawS)],
    ]));
    print(`job / raw floor: ${(jobS / rawS).toFixed(1)}× the time; peak RSS ${(peak / 1024 / 1024).toFixed(0)} MB (rows read: ${n.toLocaleString('en-GB')})`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
