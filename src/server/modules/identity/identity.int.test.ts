import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, errorOf, login, newTenant, PASSWORD, uniq, type Agent, type Tenant, type TestApp } from '../../../../test/app.ts';
import { systemClock } from '../../lib/clock.ts';
import { createUserWithInstitution } from '../../seed/users.ts';

let t: TestApp;
let a: Tenant;
let b: Tenant;

// The login limit is per client address and every newTenant signs in four users, so this file's app allows plenty.
beforeAll(async () => {
  t = await buildTestApp({ env: { LOGIN_RATE_LIMIT: '1000' } });
  [a, b] = await Promise.all([newTenant(t), newTenant(t)]);
});
afterAll(() => t?.close());

type User = { id: string; email: string; name: string; role: string; active: boolean; teamId: string | null; jobTitle: string | null };

const postLogin = (app: TestApp['app'], payload: unknown, headers: Record<string, string> = {}) =>
  app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'content-type': 'application/json', ...headers }, payload: typeof payload === 'string' ? payload : JSON.stringify(payload) });

const emailOf = async (agent: Agent) => (await agent.get('/api/v1/auth/me')).json<{ user: User }>().user.email;

const sessionCookie = (res: LightMyRequestResponse) => res.cookies.find((c) => c.name === 'rapport_session');

async function newUser(role: 'admin' | 'manager' | 'librarian' | 'viewer', extra: Record<string, unknown> = {}) {
  const email = `${uniq(role)}@example.test`;
  const res = await a.admin.post('/api/v1/users', { email, name: `New ${role}`, password: PASSWORD, role, ...extra });
  expect(res.statusCode, res.body).toBe(201);
  return { ...res.json<User>(), email };
}

describe('POST /api/v1/auth/login', () => {
  it('200 with me and an HttpOnly, SameSite=Lax session cookie on Path=/', async () => {
    const res = await postLogin(t.app, { email: await emailOf(a.admin), password: PASSWORD });
    expect(res.statusCode).toBe(200);
    const body = res.json<{ user: User; institution: { id: string; name: string }; csrfToken: string }>();
    expect(body.user).toMatchObject({ id: a.admin.userId, role: 'admin', active: true });
    expect(body.institution.id).toBe(a.institutionId);
    expect(body.csrfToken.length).toBeGreaterThanOrEqual(32);
    expect(res.body).not.toContain('password');
    const c = sessionCookie(res);
    expect(c?.value.length).toBeGreaterThanOrEqual(32);
    expect(c).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(c?.secure).toBeFalsy();
    expect(c?.maxAge).toBe(t.config.sessionAbsoluteMs / 1000);
  });

  it('accepts the email in any case', async () => {
    const email = await emailOf(a.viewer);
    expect((await postLogin(t.app, { email: email.toUpperCase(), password: PASSWORD })).statusCode).toBe(200);
  });

  it('401 with the same message for a wrong password and an unknown email; no cookie', async () => {
    const email = await emailOf(a.viewer);
    const wrong = await postLogin(t.app, { email, password: 'not the password at all' });
    const unknown = await postLogin(t.app, { email: 'nobody-here@example.test', password: PASSWORD });
    for (const res of [wrong, unknown]) {
      expect(res.statusCode).toBe(401);
      expect(errorOf(res).code).toBe('UNAUTHENTICATED');
      expect(sessionCookie(res)).toBeUndefined();
    }
    expect(errorOf(wrong).message).toBe(errorOf(unknown).message);
  });

  it('401 for a deactivated user, with the same message, even with the right password', async () => {
    const u = await newUser('librarian');
    expect((await postLogin(t.app, { email: u.email, password: PASSWORD })).statusCode).toBe(200);
    expect((await a.admin.patch(`/api/v1/users/${u.id}`, { active: false })).statusCode).toBe(200);
    const res = await postLogin(t.app, { email: u.email, password: PASSWORD });
    expect(res.statusCode).toBe(401);
    expect(errorOf(res).message).toBe(errorOf(await postLogin(t.app, { email: u.email, password: 'wrong password!' })).message);
  });

  it('400 naming email for a bad address, and the field for an unknown field', async () => {
    const bad = await postLogin(t.app, { email: 'not-an-email', password: PASSWORD });
    expect(bad.statusCode).toBe(400);
    expect(errorOf(bad).code).toBe('VALIDATION');
    expect(errorOf(bad).details?.map((d) => d.field)).toEqual(['email']);
    const extra = await postLogin(t.app, { email: 'x@example.test', password: PASSWORD, remember: true });
    expect(extra.statusCode).toBe(400);
    expect(errorOf(extra).details).toEqual([{ field: 'remember', message: 'is not a known field' }]);
    const missing = await postLogin(t.app, { email: 'x@example.test' });
    expect(missing.statusCode).toBe(400);
    expect(errorOf(missing).details?.map((d) => d.field)).toEqual(['password']);
  });

  it('415 for a body that is not JSON (a cross-site form cannot sign anyone in)', async () => {
    for (const type of ['application/x-www-form-urlencoded', 'text/plain']) {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'content-type': type }, payload: 'email=a%40b.c&password=x' });
      expect(res.statusCode, type).toBe(415);
      expect(errorOf(res).code).toBe('UNSUPPORTED_MEDIA_TYPE');
    }
  });
});

describe('login rate limit and Secure cookies', () => {
  let s: TestApp;
  beforeAll(async () => {
    s = await buildTestApp({ env: { LOGIN_RATE_LIMIT: '3', RAPPORT_SECURE_COOKIES: 'true' } });
  });
  afterAll(() => s?.close());

  it('marks the cookie Secure when RAPPORT_SECURE_COOKIES=true, and answers 429 RATE_LIMITED after the limit', async () => {
    const email = `${uniq('rl')}@example.test`;
    await createUserWithInstitution(s.handle.db, systemClock, { institution: 'Rate U', email, password: PASSWORD, name: 'R', role: 'viewer' });

    const first = await postLogin(s.app, { email, password: PASSWORD });
    expect(first.statusCode).toBe(200);
    expect(sessionCookie(first)).toMatchObject({ secure: true, httpOnly: true, sameSite: 'Lax', path: '/' });
    const logout = await s.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie: `rapport_session=${sessionCookie(first)?.value ?? ''}`, 'x-csrf-token': first.json<{ csrfToken: string }>().csrfToken } });
    expect(logout.statusCode).toBe(204);
    expect(logout.cookies.find((c) => c.name === 'rapport_session')).toMatchObject({ value: '', secure: true });

    expect((await postLogin(s.app, { email, password: 'wrong password' })).statusCode).toBe(401);
    expect((await postLogin(s.app, { email, password: 'wrong password' })).statusCode).toBe(401);
    const limited = await postLogin(s.app, { email, password: PASSWORD });
    expect(limited.statusCode).toBe(429);
    expect(errorOf(limited).code).toBe('RATE_LIMITED');
    expect(limited.json()).toHaveProperty('requestId');
    expect(sessionCookie(limited)).toBeUndefined();
  });
});

describe('the rate limit cannot be dodged with X-Forwarded-For', () => {
  let s: TestApp;
  beforeAll(async () => {
    s = await buildTestApp({ env: { LOGIN_RATE_LIMIT: '2' } });
  });
  afterAll(() => s?.close());

  it('keys on the socket address unless TRUST_PROXY says otherwise', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      const res = await s.app.inject({
        method: 'POST', url: '/api/v1/auth/login',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': `10.0.0.${i + 1}` },
        payload: JSON.stringify({ email: 'nobody@example.test', password: 'wrong password' }),
      });
      statuses.push(res.statusCode);
    }
    expect(statuses).toEqual([401, 401, 429, 429]);
  });
});

describe('GET /api/v1/auth/me and POST /api/v1/auth/logout', () => {
  it('401 without a session, or with a made-up cookie', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(401);
    const fake = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: 'rapport_session=made-up-token' } });
    expect(fake.statusCode).toBe(401);
    expect(errorOf(fake).code).toBe('UNAUTHENTICATED');
  });

  it('answers who is signed in, with the CSRF token of the session', async () => {
    const res = await a.librarian.get('/api/v1/auth/me');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ user: { id: a.librarian.userId, role: 'librarian' }, institution: { id: a.institutionId }, csrfToken: a.librarian.csrf });
  });

  it('logout ends the session: 204, the cookie is cleared, and the old cookie is refused', async () => {
    const u = await newUser('viewer');
    const agent = await login(t.app, u.email);
    const res = await agent.post('/api/v1/auth/logout');
    expect(res.statusCode).toBe(204);
    const cleared = sessionCookie(res);
    expect(cleared?.value).toBe('');
    expect(cleared?.expires?.getTime() ?? cleared?.maxAge ?? 1).toBeLessThanOrEqual(Date.now());
    expect((await agent.get('/api/v1/auth/me')).statusCode).toBe(401);
    expect((await agent.post('/api/v1/auth/logout')).statusCode).toBe(401);
  });

  it('logout without the CSRF header is 403 CSRF and the session lives on', async () => {
    const res = await a.viewer.request('POST', '/api/v1/auth/logout', {}, { 'x-csrf-token': '' });
    expect(res.statusCode).toBe(403);
    expect(errorOf(res).code).toBe('CSRF');
    expect((await a.viewer.get('/api/v1/auth/me')).statusCode).toBe(200);
  });
});

describe('users', () => {
  it('401 without a session on every users route', async () => {
    for (const [method, url] of [['GET', '/api/v1/users'], ['GET', `/api/v1/users/${a.viewer.userId}`], ['POST', '/api/v1/users'], ['PATCH', `/api/v1/users/${a.viewer.userId}`]] as const) {
      const res = await t.app.inject({ method, url, headers: { 'content-type': 'application/json' }, payload: method === 'GET' ? undefined : '{}' });
      expect(res.statusCode, `${method} ${url}`).toBe(401);
    }
  });

  it('lists only this institution\'s users, with filters and pages', async () => {
    const all = await a.viewer.get('/api/v1/users?pageSize=200');
    expect(all.statusCode).toBe(200);
    const page = all.json<{ items: User[]; total: number; page: number; pageSize: number }>();
    const ids = page.items.map((u) => u.id);
    expect(ids).toEqual(expect.arrayContaining([a.admin.userId, a.manager.userId, a.librarian.userId, a.viewer.userId]));
    for (const other of [b.admin, b.manager, b.librarian, b.viewer]) expect(ids).not.toContain(other.userId);
    expect(page.total).toBe(page.items.length);
    expect(JSON.stringify(page)).not.toMatch(/password|argon2/i);

    const managers = (await a.viewer.get('/api/v1/users?role=manager')).json<{ items: User[] }>().items;
    expect(managers.map((u) => u.id)).toEqual([a.manager.userId]);
    const byName = (await a.viewer.get('/api/v1/users?q=LIBRARIAN')).json<{ items: User[] }>().items;
    expect(byName.map((u) => u.id)).toContain(a.librarian.userId);
    expect(byName.every((u) => /librarian/i.test(u.name) || /librarian/i.test(u.email))).toBe(true);

    const p1 = (await a.viewer.get('/api/v1/users?pageSize=2&page=1')).json<{ items: User[]; total: number }>();
    const p2 = (await a.viewer.get('/api/v1/users?pageSize=2&page=2')).json<{ items: User[]; total: number }>();
    expect(p1.items).toHaveLength(2);
    expect(p1.total).toBe(page.total);
    expect(p2.items.map((u) => u.id).filter((id) => p1.items.some((x) => x.id === id))).toEqual([]);
    expect((await a.viewer.get('/api/v1/users?pageSize=201')).statusCode).toBe(400);
    expect(errorOf(await a.viewer.get('/api/v1/users?role=wizard')).details?.[0]?.field).toBe('role');
  });

  it('GET /users/:id answers for this institution and 404 for another\'s', async () => {
    const res = await a.viewer.get(`/api/v1/users/${a.manager.userId}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: a.manager.userId, role: 'manager', active: true });
    const other = await a.admin.get(`/api/v1/users/${b.admin.userId}`);
    expect(other.statusCode).toBe(404);
    expect(errorOf(other).code).toBe('NOT_FOUND');
  });

  it('POST /users: admin creates a user who can then sign in', async () => {
    const team = (await a.manager.post('/api/v1/teams', { name: uniq('Team ') })).json<{ id: string }>();
    const email = `${uniq('Mixed.Case')}@Example.test`;
    const res = await a.admin.post('/api/v1/users', { email, name: ' Ada Liaison ', password: PASSWORD, role: 'librarian', jobTitle: 'Faculty Librarian', teamId: team.id });
    expect(res.statusCode).toBe(201);
    const u = res.json<User>();
    expect(u.id).toBeTruthy();
    expect(u).toEqual({ id: u.id, email: email.toLowerCase(), name: 'Ada Liaison', role: 'librarian', jobTitle: 'Faculty Librarian', teamId: team.id, active: true });
    expect((await a.viewer.get(`/api/v1/users/${u.id}`)).json()).toEqual(u);
    const agent = await login(t.app, email);
    expect(agent.institutionId).toBe(a.institutionId);
  });

  it('POST /users: 403 for manager, librarian and viewer; nothing written', async () => {
    for (const who of [a.manager, a.librarian, a.viewer]) {
      const email = `${uniq('forbidden')}@example.test`;
      const res = await who.post('/api/v1/users', { email, name: 'X', password: PASSWORD, role: 'admin' });
      expect(res.statusCode).toBe(403);
      expect(errorOf(res).code).toBe('FORBIDDEN');
      expect((await postLogin(t.app, { email, password: PASSWORD })).statusCode).toBe(401);
    }
  });

  it('POST /users: 409 naming email for a duplicate, in any case and across institutions', async () => {
    const email = await emailOf(a.viewer);
    for (const [who, addr] of [[a.admin, email], [a.admin, email.toUpperCase()], [b.admin, email]] as const) {
      const res = await who.post('/api/v1/users', { email: addr, name: 'Dupe', password: PASSWORD, role: 'viewer' });
      expect(res.statusCode).toBe(409);
      expect(errorOf(res).code).toBe('CONFLICT');
      expect(errorOf(res).details?.map((d) => d.field)).toEqual(['email']);
    }
    const dupes = (await b.admin.get('/api/v1/users?q=Dupe')).json<{ total: number }>();
    expect(dupes.total).toBe(0);
  });

  it('POST /users: 400 naming the field for a weak password, a bad role, an unknown field, another institution\'s team', async () => {
    const base = { email: `${uniq('v')}@example.test`, name: 'V', password: PASSWORD, role: 'viewer' };
    const weak = await a.admin.post('/api/v1/users', { ...base, password: 'short' });
    expect(weak.statusCode).toBe(400);
    expect(errorOf(weak).details?.map((d) => d.field)).toEqual(['password']);
    expect(errorOf(await a.admin.post('/api/v1/users', { ...base, role: 'owner' })).details?.map((d) => d.field)).toEqual(['role']);
    expect(errorOf(await a.admin.post('/api/v1/users', { ...base, isSuper: true })).details).toEqual([{ field: 'isSuper', message: 'is not a known field' }]);
    const theirs = (await b.manager.post('/api/v1/teams', { name: uniq('Their team ') })).json<{ id: string }>();
    const team = await a.admin.post('/api/v1/users', { ...base, teamId: theirs.id });
    expect(team.statusCode).toBe(400);
    expect(errorOf(team).details?.map((d) => d.field)).toEqual(['teamId']);
    expect((await postLogin(t.app, { email: base.email, password: PASSWORD })).statusCode).toBe(401);
  });

  it('PATCH /users/:id: admin changes a role; that user\'s sessions end', async () => {
    const u = await newUser('viewer');
    const agent = await login(t.app, u.email);
    const res = await a.admin.patch(`/api/v1/users/${u.id}`, { role: 'librarian', jobTitle: 'Research Support Librarian' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: u.id, role: 'librarian', jobTitle: 'Research Support Librarian', active: true });
    expect((await agent.get('/api/v1/auth/me')).statusCode).toBe(401);
    const again = await login(t.app, u.email);
    expect((await again.get('/api/v1/auth/me')).json()).toMatchObject({ user: { role: 'librarian' } });
  });

  it('PATCH /users/:id: a name-only edit keeps the user signed in', async () => {
    const u = await newUser('viewer');
    const agent = await login(t.app, u.email);
    expect((await a.admin.patch(`/api/v1/users/${u.id}`, { name: 'Renamed' })).json()).toMatchObject({ name: 'Renamed' });
    expect((await agent.get('/api/v1/auth/me')).statusCode).toBe(200);
  });

  it('PATCH /users/:id: deactivating ends every session of that user', async () => {
    const u = await newUser('manager');
    const [s1, s2] = [await login(t.app, u.email), await login(t.app, u.email)];
    const res = await a.admin.patch(`/api/v1/users/${u.id}`, { active: false });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ active: false });
    for (const s of [s1, s2]) expect((await s.get('/api/v1/auth/me')).statusCode).toBe(401);
    const rows = await t.handle.db.selectFrom('sessions').select('id').where('user_id', '=', u.id).execute();
    expect(rows).toEqual([]);
  });

  it('PATCH /users/:id: a password change ends the old sessions and the new password works', async () => {
    const u = await newUser('viewer');
    const agent = await login(t.app, u.email);
    const fresh = 'a brand new passphrase';
    expect((await a.admin.patch(`/api/v1/users/${u.id}`, { password: fresh })).statusCode).toBe(200);
    expect((await agent.get('/api/v1/auth/me')).statusCode).toBe(401);
    expect((await postLogin(t.app, { email: u.email, password: PASSWORD })).statusCode).toBe(401);
    expect((await postLogin(t.app, { email: u.email, password: fresh })).statusCode).toBe(200);
    expect(errorOf(await a.admin.patch(`/api/v1/users/${u.id}`, { password: 'weak' })).details?.map((d) => d.field)).toEqual(['password']);
  });

  it('PATCH /users/:id: an admin cannot demote or deactivate themself', async () => {
    const demote = await a.admin.patch(`/api/v1/users/${a.admin.userId}`, { role: 'manager' });
    expect(demote.statusCode).toBe(400);
    expect(errorOf(demote).details?.map((d) => d.field)).toEqual(['role']);
    const off = await a.admin.patch(`/api/v1/users/${a.admin.userId}`, { active: false });
    expect(off.statusCode).toBe(400);
    expect(errorOf(off).details?.map((d) => d.field)).toEqual(['active']);
    const me = await a.admin.get('/api/v1/auth/me');
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ user: { role: 'admin', active: true } });
    expect((await a.admin.patch(`/api/v1/users/${a.admin.userId}`, { role: 'admin', jobTitle: 'Head of Academic Services' })).statusCode).toBe(200);
  });

  it('PATCH /users/:id: 403 for non-admins, 404 for another institution\'s user, 400 for their team', async () => {
    for (const who of [a.manager, a.librarian, a.viewer]) {
      expect((await who.patch(`/api/v1/users/${a.viewer.userId}`, { role: 'admin' })).statusCode).toBe(403);
    }
    expect((await a.viewer.get('/api/v1/auth/me')).json()).toMatchObject({ user: { role: 'viewer' } });
    const other = await a.admin.patch(`/api/v1/users/${b.viewer.userId}`, { active: false });
    expect(other.statusCode).toBe(404);
    expect((await b.viewer.get('/api/v1/auth/me')).statusCode).toBe(200);
    const theirs = (await b.manager.post('/api/v1/teams', { name: uniq('B team ') })).json<{ id: string }>();
    const team = await a.admin.patch(`/api/v1/users/${a.viewer.userId}`, { teamId: theirs.id });
    expect(team.statusCode).toBe(400);
    expect(errorOf(team).details?.map((d) => d.field)).toEqual(['teamId']);
    expect(errorOf(await a.admin.patch(`/api/v1/users/${a.viewer.userId}`, { email: 'new@example.test' })).details).toEqual([{ field: 'email', message: 'is not a known field' }]);
  });
});
