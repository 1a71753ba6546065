import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../src/server/app.ts';
import { loadConfig, type Config } from '../src/server/config.ts';
import { openDatabase, type DatabaseHandle } from '../src/server/db/database.ts';
import { migrate } from '../src/server/db/migrate.ts';
import type { Role } from '../src/shared/contracts/common.ts';
import { systemClock, type Clock } from '../src/server/lib/clock.ts';
import { createUserWithInstitution } from '../src/server/seed/users.ts';
import { freshDatabase } from './db.ts';

export interface TestApp {
  app: FastifyInstance;
  handle: DatabaseHandle;
  config: Config;
  close(): Promise<void>;
}

/** buildApp over a fresh, migrated database of this file's lane. No port is opened. */
export async function buildTestApp(opts: { clock?: Clock; env?: Record<string, string> } = {}): Promise<TestApp> {
  const { database, drop } = await freshDatabase();
  const uploads = mkdtempSync(join(tmpdir(), 'rapport-uploads-'));
  const config = { ...loadConfig({ NODE_ENV: 'test', RAPPORT_DEMO: 'false', LOG_LEVEL: 'silent', RAPPORT_UPLOAD_DIR: uploads, ...opts.env }), database };
  const handle = openDatabase(database);
  await migrate(handle.db, handle.dialect);
  const app = await buildApp({ config, db: handle.db, dialect: handle.dialect, clock: opts.clock ?? systemClock, logger: false, webRoot: '/nonexistent' });
  await app.ready();
  return {
    app,
    handle,
    config,
    async close() {
      await app.close();
      await handle.close();
      await drop();
      rmSync(uploads, { recursive: true, force: true });
    },
  };
}

let seq = 0;
export const uniq = (prefix = 'x') => `${prefix}${Date.now().toString(36)}${(seq++).toString(36)}`;

/** A signed-in user: inject() carries the session cookie and CSRF token. */
export class Agent {
  constructor(
    readonly app: FastifyInstance,
    readonly cookie: string,
    readonly csrf: string,
    readonly userId: string,
    readonly institutionId: string,
  ) {}

  request(method: InjectOptions['method'], url: string, payload?: unknown, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    return this.app.inject({
      method,
      url,
      headers: { cookie: this.cookie, 'x-csrf-token': this.csrf, ...(payload !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
      ...(payload !== undefined ? { payload: JSON.stringify(payload) } : {}),
    });
  }
  get = (url: string) => this.request('GET', url);
  post = (url: string, body: unknown = {}) => this.request('POST', url, body);
  patch = (url: string, body: unknown = {}) => this.request('PATCH', url, body);
  put = (url: string, body: unknown = {}) => this.request('PUT', url, body);
  delete = (url: string) => this.request('DELETE', url);
}

export const PASSWORD = 'correct horse battery staple';

export async function login(app: FastifyInstance, email: string, password = PASSWORD) {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ email, password }) });
  if (res.statusCode !== 200) throw new Error(`login ${email} failed: ${res.statusCode} ${res.body}`);
  const set = res.cookies.find((c) => c.name === 'rapport_session');
  if (!set) throw new Error('no session cookie');
  const body = res.json<{ csrfToken: string; user: { id: string }; institution: { id: string } }>();
  return new Agent(app, `rapport_session=${set.value}`, body.csrfToken, body.user.id, body.institution.id);
}

export type Tenant = Record<Role, Agent> & { institutionId: string };

/** A new institution with one signed-in user of each role. */
export async function newTenant(t: TestApp): Promise<Tenant> {
  const tag = uniq('t');
  const first = await createUserWithInstitution(t.handle.db, systemClock, { institution: `University ${tag}`, email: `admin-${tag}@example.test`, password: PASSWORD, name: `Admin ${tag}`, role: 'admin' });
  for (const role of ['manager', 'librarian', 'viewer'] as const) {
    await createUserWithInstitution(t.handle.db, systemClock, { institutionId: first.institutionId, email: `${role}-${tag}@example.test`, password: PASSWORD, name: `${role} ${tag}`, role });
  }
  const agents = await Promise.all((['admin', 'manager', 'librarian', 'viewer'] as const).map((r) => login(t.app, `${r}-${tag}@example.test`)));
  const [admin, manager, librarian, viewer] = agents as [Agent, Agent, Agent, Agent];
  return { admin, manager, librarian, viewer, institutionId: first.institutionId };
}

/** Asserts-friendly view of an error response. */
export const errorOf = (res: LightMyRequestResponse) => res.json<{ code: string; message: string; details?: { field: string; message: string }[] }>();
