import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { Config } from '../src/server/config.ts';
import { randomBytes } from 'node:crypto';

export type Lane = 'sqlite' | 'postgres';

/** Which database this test file runs on: the vitest project sets RAPPORT_TEST_LANE. */
export const lane = (): Lane => (process.env.RAPPORT_TEST_LANE === 'postgres' ? 'postgres' : 'sqlite');

/** A fresh, empty database for one test file, and how to drop it. */
export async function freshDatabase(): Promise<{ database: Config['database']; drop: () => Promise<void> }> {
  if (lane() === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'rapport-test-'));
    return { database: { kind: 'sqlite', path: join(dir, 'test.sqlite') }, drop: () => Promise.resolve(rmSync(dir, { recursive: true, force: true })) };
  }
  const base = process.env.RAPPORT_TEST_DATABASE_URL;
  if (!base) throw new Error('RAPPORT_TEST_DATABASE_URL is not set for the postgres lane');
  const name = `rapport_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    database: { kind: 'postgres', url: url.toString() },
    drop: async () => {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      // the pool's clients may still be closing: wait for them rather than killing them mid-goodbye
      for (let i = 0; i < 50; i++) {
        const { rows } = await c.query<{ n: string }>('SELECT count(*) AS n FROM pg_stat_activity WHERE datname = $1', [name]);
        if (Number(rows[0]?.n ?? 0) === 0) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}
