import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runRapport, type Run } from '../../test/cli.ts';
import { freshDatabase } from '../../test/db.ts';
import type { Config } from '../server/config.ts';
import { openDatabase } from '../server/db/database.ts';
import { migrate } from '../server/db/migrate.ts';
import { systemClock } from '../server/lib/clock.ts';
import { newId } from '../server/lib/ids.ts';
import { createUserWithInstitution } from '../server/seed/users.ts';

/* `rapport import` as a user runs it: a child process against this lane's fresh database. */

let database: Config['database'];
let drop: () => Promise<void>;
let dir: string;
let institutionId: string;

function rapport(args: string[]): Promise<Run> {
  return runRapport(args, { ...(database.kind === 'sqlite' ? { SQLITE_PATH: database.path } : { DATABASE_URL: database.url }), RAPPORT_UPLOAD_DIR: join(dir, 'uploads') });
}

async function withDb<T>(fn: (h: ReturnType<typeof openDatabase>) => Promise<T>): Promise<T> {
  const h = openDatabase(database);
  try {
    return await fn(h);
  } finally {
    await h.close();
  }
}

describe('rapport import', { timeout: 90_000 }, () => {
  beforeAll(async () => {
    ({ database, drop } = await freshDatabase());
    dir = mkdtempSync(join(tmpdir(), 'rapport-cli-import-'));
    await withDb(async ({ db, dialect }) => {
      await migrate(db, dialect);
      ({ institutionId } = await createUserWithInstitution(db, systemClock, { institution: 'CLI University', email: 'admin@cli.example', password: 'a long enough cli password', name: 'Admin', role: 'admin' }));
      const now = new Date().toISOString();
      await db.insertInto('org_units').values({ id: newId(), institution_id: institutionId, parent_id: null, name: 'Computing', type: 'department', code: 'COMP', description: null, status: 'active', created_at: now, updated_at: now }).execute();
      await db.insertInto('metric_definitions').values({ id: newId(), institution_id: institutionId, name: 'NSS score', unit: '%', direction: 'higher_better', source: 'NSS', period_kind: 'academic_year', description: null, created_at: now, updated_at: now }).execute();
    });
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await drop?.();
  });

  it('imports a metrics file with --metric and --map, says how many rows in words, and exits 0', async () => {
    const file = join(dir, 'nss.csv');
    writeFileSync(file, 'Department code,Year,Score\nCOMP,2024-25,81.5\n');
    const r = await rapport(['import', 'metrics', file, '--metric', 'NSS score', '--map', 'value=Score', '--map', 'period=Year']);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/^Imported 1 row, rejected 0, in /);
    const values = await withDb(({ db }) => db.selectFrom('metric_values').select(['period', 'value']).where('institution_id', '=', institutionId).execute());
    expect(values).toEqual([{ period: '2024', value: 81.5 }]);
  });

  it('takes a source’s choices with --option, and exits 1 with the problems when rows are rejected', async () => {
    const file = join(dir, 'cah.csv');
    writeFileSync(file, 'CAH code,Department code\nCAH11-01-01,COMP\nCAH20-01-01,NOPE\n');
    const r = await rapport(['import', 'codeMaps', file, '--option', 'kind=cah']);
    expect(r.code, r.err).toBe(1);
    expect(r.out).toContain('Imported 1 row, rejected 1');
    expect(r.out).toContain('errors.csv');
    const maps = await withDb(({ db }) => db.selectFrom('code_maps').select(['code', 'kind']).where('institution_id', '=', institutionId).execute());
    expect(maps).toEqual([{ code: 'CAH11-01-01', kind: 'cah' }]);
  });

  it('refuses a bad option by name, and a file dressed as another, writing nothing', async () => {
    const file = join(dir, 'cah2.csv');
    writeFileSync(file, 'CAH code,Department code\nCAH11-01-02,COMP\n');
    const bad = await rapport(['import', 'codeMaps', file, '--option', 'kind=postcode']);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('options.kind');
    const zip = join(dir, 'zip.csv');
    writeFileSync(zip, Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4]));
    const refused = await rapport(['import', 'metrics', zip, '--metric', 'NSS score']);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('ZIP archive');
    const maps = await withDb(({ db }) => db.selectFrom('code_maps').select('code').where('institution_id', '=', institutionId).execute());
    expect(maps.map((m) => m.code)).toEqual(['CAH11-01-01']);
  });

  it('answers bad usage with exit code 2', async () => {
    expect((await rapport(['import', 'metrics'])).code).toBe(2);
    expect((await rapport(['import', 'gossip', join(dir, 'nss.csv')])).code).toBe(2);
    const r = await rapport(['import', 'codeMaps', join(dir, 'cah.csv'), '--option', 'kind']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--option needs key=value');
  });
});
