import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login } from '../../test/app.ts';
import { runRapport, type Run } from '../../test/cli.ts';
import { freshDatabase } from '../../test/db.ts';
import { buildApp } from '../server/app.ts';
import { loadConfig, type Config } from '../server/config.ts';
import { openDatabase } from '../server/db/database.ts';
import { verifyPassword } from '../server/modules/identity/passwords.ts';
import { DEMO_SIGN_IN } from '../server/seed/demo.ts';
import { runCli } from './cli.ts';

/*
 * The CLI as a user runs it: a child process (node --import tsx src/cli/main.ts)
 * against this lane's fresh database, configured through the environment only.
 */

const PASSWORD = 'a long enough cli password';

let database: Config['database'];
let drop: () => Promise<void>;

/** This lane's database reaches the child, and nothing of the developer's own. */
function rapport(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return runRapport(args, { ...(database.kind === 'sqlite' ? { SQLITE_PATH: database.path } : { DATABASE_URL: database.url }), ...env });
}

async function withDb<T>(fn: (h: ReturnType<typeof openDatabase>) => Promise<T>): Promise<T> {
  const h = openDatabase(database);
  try {
    return await fn(h);
  } finally {
    await h.close();
  }
}

describe('the rapport command', { timeout: 90_000 }, () => {
  beforeAll(async () => {
    ({ database, drop } = await freshDatabase());
  });
  afterAll(async () => {
    await drop?.();
  });

  it('prints help with exit code 0', async () => {
    const r = await rapport(['help']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('rapport migrate');
    expect(r.out).toContain('rapport user create');
  });

  it.each([[[]], [['frobnicate']], [['seed']]])('answers bad usage %j with exit code 2 and the usage', async (args) => {
    const r = await rapport(args);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^rapport: /);
    expect(r.err).toContain('Usage:');
  });

  // The same runCli in-process, for the many shapes of bad usage; a database that cannot be
  // reached turns any command that wrongly got as far as opening it into exit code 1, not 2.
  it.each([
    [['migrate', 'now']],
    [['migrate', '--force']],
    [['seed', '--demo', '--scale', '1']],
    [['seed', '--scale', 'lots']],
    [['seed', '--scale', '-1']],
    [['seed', '--scale', '0.5', '--seed', 'x']],
    [['seed', '--demo', 'extra']],
    [['user']],
    [['user', 'delete']],
    [['user', 'create', '--email', 'not-an-email', '--name', 'N', '--role', 'admin', '--password', PASSWORD]],
    [['user', 'create', '--email', 'x@example.test', '--role', 'admin', '--password', PASSWORD]],
    [['user', 'create', '--email', 'x@example.test', '--name', 'N', '--role', 'overlord', '--password', PASSWORD]],
    [['user', 'create', '--email', 'x@example.test', '--name', 'N', '--role', 'admin', '--password', 'short']],
    [['user', 'create', '--email', 'x@example.test', '--name', 'N', '--role', 'admin']],
    [['user', 'create', '--email', 'x@example.test', '--name', 'N', '--role', 'admin', '--password', PASSWORD, '--institution-id', 'a', '--institution-name', 'b']],
  ])('runCli answers %j with exit code 2', async (args) => {
    const out = new PassThrough();
    const err = new PassThrough();
    let text = '';
    err.on('data', (d: Buffer) => (text += d.toString()));
    const code = await runCli(args, { env: { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' }, out, err });
    expect(code).toBe(2);
    expect(text).toMatch(/^rapport: .+\n/);
    expect(text).toContain('Usage:');
  });

  it('migrates, and says so only the first time', async () => {
    const first = await rapport(['migrate']);
    expect(first.code).toBe(0);
    expect(first.out).toContain('0001_foundation');
    const again = await rapport(['migrate']);
    expect(again.code).toBe(0);
    expect(again.out).toContain('up to date');
    const tables = await withDb((h) => h.db.selectFrom('institutions').select('id').execute());
    expect(tables).toEqual([]);
  });

  it('creates a user who can sign in, without ever printing the password', async () => {
    const r = await rapport(['user', 'create', '--email', 'Ada@Example.TEST', '--name', 'Ada Byron', '--role', 'admin', '--institution-name', 'CLI University'], {
      RAPPORT_USER_PASSWORD: PASSWORD,
    });
    expect(r.code).toBe(0);
    expect(r.out + r.err).not.toContain(PASSWORD);
    const row = await withDb((h) =>
      h.db.selectFrom('users as u').innerJoin('institutions as i', 'i.id', 'u.institution_id').select(['u.role', 'u.password_hash', 'u.institution_id', 'i.name']).where('u.email', '=', 'ada@example.test').executeTakeFirstOrThrow(),
    );
    expect(row).toMatchObject({ role: 'admin', name: 'CLI University' });
    expect(await verifyPassword(row.password_hash, PASSWORD)).toBe(true);

    // a second user joins the same institution by id, the password given as an option
    const second = await rapport(['user', 'create', '--email', 'bo@example.test', '--name', 'Bo', '--role', 'viewer', '--institution-id', row.institution_id, '--password', PASSWORD]);
    expect(second.code).toBe(0);
    expect(second.out + second.err).not.toContain(PASSWORD);

    await withDb(async (h) => {
      const config = { ...loadConfig({ NODE_ENV: 'test', RAPPORT_DEMO: 'false', LOG_LEVEL: 'silent' }), database };
      const app = await buildApp({ config, db: h.db, dialect: h.dialect, logger: false, webRoot: '/nonexistent' });
      try {
        const bo = await login(app, 'bo@example.test', PASSWORD);
        const me = await bo.get('/api/v1/auth/me');
        expect(me.json<{ user: { role: string }; institution: { id: string } }>()).toMatchObject({ user: { role: 'viewer' }, institution: { id: row.institution_id } });
      } finally {
        await app.close();
      }
    });
  });

  it('refuses a duplicate email, an unknown institution or a missing password', async () => {
    const dup = await rapport(['user', 'create', '--email', 'ada@example.test', '--name', 'Again', '--role', 'viewer', '--institution-name', 'CLI University'], { RAPPORT_USER_PASSWORD: PASSWORD });
    expect(dup.code).toBe(1);
    expect(dup.err).toContain('already exists');
    const unknown = await rapport(['user', 'create', '--email', 'cy@example.test', '--name', 'Cy', '--role', 'viewer', '--institution-id', 'nope'], { RAPPORT_USER_PASSWORD: PASSWORD });
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain('no institution');
    const missing = await rapport(['user', 'create', '--email', 'cy@example.test', '--name', 'Cy', '--role', 'viewer']);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('RAPPORT_USER_PASSWORD');
    const count = await withDb((h) => h.db.selectFrom('users').select('id').where('email', '=', 'cy@example.test').execute());
    expect(count).toEqual([]);
  });

  it('loads the demo once, then refuses with exit code 1', async () => {
    const first = await rapport(['seed', '--demo']);
    expect(first.code).toBe(0);
    expect(first.out).toContain(DEMO_SIGN_IN.email);
    const engagements = async () =>
      withDb(async (h) => {
        const r = await h.db
          .selectFrom('engagements as e')
          .innerJoin('institutions as i', 'i.id', 'e.institution_id')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('i.name', '=', 'University of Northmoor')
          .executeTakeFirstOrThrow();
        return Number(r.n);
      });
    const n = await engagements();
    expect(n).toBeGreaterThanOrEqual(4500);

    const second = await rapport(['seed', '--demo']);
    expect(second.code).toBe(1);
    expect(second.err).toMatch(/already exists/);
    expect(await engagements()).toBe(n);
  });
});
