import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
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

/* `rapport report` as a user runs it: every department's PDF written to a folder, with progress. */

let database: Config['database'];
let drop: () => Promise<void>;
let dir: string;

const rapport = (args: string[]): Promise<Run> =>
  runRapport(args, database.kind === 'sqlite' ? { SQLITE_PATH: database.path } : { DATABASE_URL: database.url });

describe('rapport report', { timeout: 90_000 }, () => {
  beforeAll(async () => {
    ({ database, drop } = await freshDatabase());
    dir = mkdtempSync(join(tmpdir(), 'rapport-cli-report-'));
    const h = openDatabase(database);
    try {
      await migrate(h.db, h.dialect);
      const { institutionId } = await createUserWithInstitution(h.db, systemClock, { institution: 'CLI University', email: 'admin@cli.example', password: 'a long enough cli password', name: 'Admin', role: 'admin' });
      const now = new Date().toISOString();
      const unit = (name: string, code: string, status: 'active' | 'archived' = 'active') =>
        ({ id: newId(), institution_id: institutionId, parent_id: null, name, type: 'department' as const, code, description: null, status, created_at: now, updated_at: now });
      await h.db.insertInto('org_units').values([unit('School of Computing', 'COMP'), unit('Department of History', 'HIST'), unit('Old Department', 'OLD', 'archived')]).execute();
    } finally {
      await h.close();
    }
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await drop?.();
  });

  it('writes one PDF per active department and says how many', async () => {
    const out = join(dir, 'reports');
    const r = await rapport(['report', '--year', '2025', '--out', out]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/^Wrote 2 reports to .* in [\d.]+ s\.$/m);
    expect(r.err).toContain('reports 2/2 (100%)');
    const files = readdirSync(out).sort();
    expect(files).toEqual(['comp-library-report-2025-26.pdf', 'hist-library-report-2025-26.pdf']);
    for (const f of files) expect(readFileSync(join(out, f)).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('answers bad usage with exit code 2', async () => {
    for (const args of [['report'], ['report', '--year', '2025'], ['report', '--year', 'soon', '--out', dir], ['report', '--out', dir, 'extra']]) {
      const r = await rapport(args);
      expect(r.code, args.join(' ')).toBe(2);
    }
  });
});
