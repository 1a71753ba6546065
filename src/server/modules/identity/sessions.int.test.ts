import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { buildTestApp, errorOf, login, newTenant, PASSWORD, uniq, type Agent, type Tenant, type TestApp } from '../../../../test/app.ts';
import type { Database } from '../../db/types.ts';
import { createUserWithInstitution } from '../../seed/users.ts';
import { hashToken } from './sessions.ts';

// A clock the tests move by hand; the app reads every "now" from it.
let current = Date.parse('2031-02-03T09:00:00.000Z');
const clock = { now: () => new Date(current) };
const advanceMinutes = (m: number) => {
  current += m * 60_000;
};

const IDLE_MINUTES = 30;
const ABSOLUTE_HOURS = 2;

let t: TestApp;
let a: Tenant;

beforeAll(async () => {
  t = await buildTestApp({ clock, env: { LOGIN_RATE_LIMIT: '1000', SESSION_IDLE_MINUTES: String(IDLE_MINUTES), SESSION_ABSOLUTE_HOURS: String(ABSOLUTE_HOURS) } });
  a = await newTenant(t);
});
afterAll(() => t?.close());

const tokenOf = (agent: Agent) => agent.cookie.replace(/^rapport_session=/, '');
const sessionRow = (agent: Agent) => t.handle.db.selectFrom('sessions').selectAll().where('id', '=', hashToken(tokenOf(agent))).executeTakeFirst();

/** A viewer signed in now; created outside the API because the tenant's own sessions expire as the clock moves. */
async function newViewer(): Promise<{ email: string; agent: Agent }> {
  const email = `${uniq('s')}@example.test`;
  await createUserWithInstitution(t.handle.db, clock, { institutionId: a.institutionId, email, password: PASSWORD, name: 'Session tester', role: 'viewer' });
  return { email, agent: await login(t.app, email) };
}

describe('a new session at every sign-in', () => {
  it('signing in again with the old cookie ends the old session', async () => {
    const { email, agent: first } = await newViewer();
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'content-type': 'application/json', cookie: first.cookie }, payload: JSON.stringify({ email, password: PASSWORD }) });
    expect(res.statusCode).toBe(200);
    const next = res.cookies.find((c) => c.name === 'rapport_session')?.value;
    expect(next).toBeTruthy();
    expect(next).not.toBe(tokenOf(first));
    expect(res.json<{ csrfToken: string }>().csrfToken).not.toBe(first.csrf);
    expect((await first.get('/api/v1/auth/me')).statusCode).toBe(401);
    expect(await sessionRow(first)).toBeUndefined();
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: `rapport_session=${next ?? ''}` } });
    expect(me.statusCode).toBe(200);
  });

  it('stores only a hash of the cookie token', async () => {
    const { agent } = await newViewer();
    const rows = await t.handle.db.selectFrom('sessions').select('id').execute();
    expect(rows.map((r) => r.id)).not.toContain(tokenOf(agent));
    expect(await sessionRow(agent)).toBeDefined();
  });
});

describe('CSRF', () => {
  const tables: (keyof Database)[] = ['institutions', 'teams', 'users', 'sessions', 'org_units', 'vocab_terms', 'people', 'positions', 'coverage', 'engagements', 'audit_log', 'search_documents'];
  const counts = async () => Promise.all(tables.map(async (tb) => `${tb}=${String((await sql<{ n: number }>`SELECT count(*) AS n FROM ${sql.table(tb)}`.execute(t.handle.db)).rows[0]?.n)}`));

  // Mutating routes that answer without a session; everything else must demand the session's CSRF token.
  // A partner's share-link routes are public by design; plans/shares.int.test.ts covers what they allow.
  const PUBLIC_MUTATIONS = new Set(['POST /api/v1/auth/login', 'POST /api/v1/shared/{token}/agreement', 'POST /api/v1/shared/{token}/comments']);

  async function mutatingRoutes() {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{ paths: Record<string, Record<string, unknown>> }>();
    const out: { method: 'POST' | 'PUT' | 'PATCH' | 'DELETE'; url: string }[] = [];
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const m of Object.keys(ops)) {
        const method = m.toUpperCase();
        if (!['POST', 'PUT', 'PATCH', 'DELETE'].includes(method) || !path.startsWith('/api/v1/')) continue;
        if (PUBLIC_MUTATIONS.has(`${method} ${path}`)) continue;
        out.push({ method: method as 'POST', url: path.replace(/\{[^}]+\}/g, a.viewer.userId) });
      }
    }
    return out;
  }

  it('every mutating route: 401 without a session; 403 CSRF with a session but a missing or wrong token; nothing written', async () => {
    const routes = await mutatingRoutes();
    // the sweep must really cover the API, not an empty document
    expect(routes.map((r) => `${r.method} ${r.url.replace(a.viewer.userId, ':id')}`)).toEqual(expect.arrayContaining(['POST /api/v1/auth/logout', 'POST /api/v1/users', 'PATCH /api/v1/users/:id', 'POST /api/v1/org-units', 'DELETE /api/v1/org-units/:id']));
    const before = await counts();
    const body = { name: 'Should not exist', email: 'csrf@example.test', password: PASSWORD, role: 'admin', type: 'faculty', active: false };
    for (const { method, url } of routes) {
      const anon = await t.app.inject({ method, url, headers: { 'content-type': 'application/json' }, payload: JSON.stringify(body) });
      expect(anon.statusCode, `${method} ${url} without a session`).toBe(401);
      for (const csrf of [undefined, 'wrong-token', a.manager.csrf, a.admin.csrf.slice(0, -1)]) {
        const headers: Record<string, string> = { cookie: a.admin.cookie, 'content-type': 'application/json' };
        if (csrf !== undefined) headers['x-csrf-token'] = csrf;
        const res = await t.app.inject({ method, url, headers, payload: JSON.stringify(body) });
        expect(res.statusCode, `${method} ${url} csrf=${String(csrf)}`).toBe(403);
        expect(errorOf(res).code).toBe('CSRF');
      }
    }
    expect(await counts()).toEqual(before);
    expect((await a.admin.get('/api/v1/auth/me')).statusCode).toBe(200);
  });

  it('a token of the right length with non-ASCII characters is 403, not a crash', async () => {
    const odd = `é${a.admin.csrf.slice(1)}`;
    const res = await a.admin.request('POST', '/api/v1/users', { email: 'odd@example.test', name: 'Odd', password: PASSWORD, role: 'viewer' }, { 'x-csrf-token': odd });
    expect(res.statusCode).toBe(403);
    expect(errorOf(res).code).toBe('CSRF');
  });

  it('reads need no token, and the right token lets a write through', async () => {
    expect((await a.admin.request('GET', '/api/v1/users', undefined, { 'x-csrf-token': '' })).statusCode).toBe(200);
    expect((await a.manager.post('/api/v1/teams', { name: uniq('CSRF ok ') })).statusCode).toBe(201);
  });
});

describe('session expiry', () => {
  it(`ends a session idle for ${IDLE_MINUTES} minutes, and deletes its row`, async () => {
    const { agent } = await newViewer();
    // activity within the idle window keeps the session alive well past one idle period
    for (let i = 0; i < 3; i++) {
      advanceMinutes(IDLE_MINUTES - 1);
      expect((await agent.get('/api/v1/auth/me')).statusCode, `step ${i}`).toBe(200);
    }
    expect(await sessionRow(agent)).toBeDefined();
    advanceMinutes(IDLE_MINUTES + 1);
    const res = await agent.get('/api/v1/auth/me');
    expect(res.statusCode).toBe(401);
    expect(errorOf(res).code).toBe('UNAUTHENTICATED');
    expect(await sessionRow(agent)).toBeUndefined();
  });

  it(`ends a session ${ABSOLUTE_HOURS} hours after sign-in however active it is, and deletes its row`, async () => {
    const { agent } = await newViewer();
    const steps = Math.floor((ABSOLUTE_HOURS * 60) / (IDLE_MINUTES - 5));
    for (let i = 0; i < steps; i++) {
      advanceMinutes(IDLE_MINUTES - 5);
      expect((await agent.get('/api/v1/auth/me')).statusCode, `step ${i}`).toBe(200);
    }
    advanceMinutes(IDLE_MINUTES - 5);
    expect((await agent.get('/api/v1/auth/me')).statusCode).toBe(401);
    expect(await sessionRow(agent)).toBeUndefined();
  });

  it('expired sessions nobody comes back to are removed too, at the next sign-in', async () => {
    const { agent: abandoned } = await newViewer();
    const { email } = await newViewer();
    advanceMinutes(IDLE_MINUTES + 1);
    expect(await sessionRow(abandoned)).toBeDefined();
    await login(t.app, email);
    expect(await sessionRow(abandoned)).toBeUndefined();
  });

  it('a stale cookie on the login form is harmless: sign-in still works', async () => {
    const { email, agent } = await newViewer();
    advanceMinutes(ABSOLUTE_HOURS * 60 + 1);
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'content-type': 'application/json', cookie: agent.cookie }, payload: JSON.stringify({ email, password: PASSWORD }) });
    expect(res.statusCode).toBe(200);
    const next = res.cookies.find((c) => c.name === 'rapport_session')?.value ?? '';
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: `rapport_session=${next}` } })).statusCode).toBe(200);
  });
});
