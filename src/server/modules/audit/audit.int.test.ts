import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { buildTestApp, errorOf, login, newTenant, PASSWORD, uniq, type Tenant, type TestApp } from '../../../../test/app.ts';

// The app's clock, moved by hand so entries land on known days.
let current = Date.parse('2040-03-01T09:00:00.000Z');
const clock = { now: () => new Date(current) };
const setDay = (iso: string) => {
  current = Date.parse(iso);
};

let t: TestApp;
let a: Tenant;
let b: Tenant;

type Entry = { id: string; at: string; userId: string | null; userName: string | null; action: string; entityType: string; entityId: string; changes: Record<string, { before: unknown; after: unknown }> };
type Page = { items: Entry[]; page: number; pageSize: number; total: number };

const audit = async (query: string) => {
  const res = await a.admin.get(`/api/v1/audit${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<Page>();
};

let created: { id: string; email: string };

beforeAll(async () => {
  // sessions outlive the jumps between days in this file
  t = await buildTestApp({ clock, env: { LOGIN_RATE_LIMIT: '1000', SESSION_IDLE_MINUTES: '100000', SESSION_ABSOLUTE_HOURS: '10000' } });
  [a, b] = await Promise.all([newTenant(t), newTenant(t)]);

  setDay('2040-03-10T10:00:00.000Z');
  const email = `${uniq('audited')}@example.test`;
  const res = await a.admin.post('/api/v1/users', { email, name: 'Audited Person', password: PASSWORD, role: 'viewer', jobTitle: 'Learning Developer' });
  expect(res.statusCode).toBe(201);
  created = { id: res.json<{ id: string }>().id, email };

  setDay('2040-03-12T23:59:00.000Z');
  expect((await a.admin.patch(`/api/v1/users/${created.id}`, { role: 'librarian', jobTitle: 'Faculty Librarian', password: 'another long passphrase' })).statusCode).toBe(200);

  setDay('2040-03-14T08:00:00.000Z');
  const agent = await login(t.app, email, 'another long passphrase');
  expect((await agent.post('/api/v1/auth/logout')).statusCode).toBe(204);
});
afterAll(() => t?.close());

describe('GET /api/v1/audit', () => {
  it('401 without a session; 403 for manager, librarian and viewer', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/audit' })).statusCode).toBe(401);
    for (const who of [a.manager, a.librarian, a.viewer]) {
      const res = await who.get('/api/v1/audit');
      expect(res.statusCode).toBe(403);
      expect(errorOf(res).code).toBe('FORBIDDEN');
    }
  });

  it('records the creation with every field after, and no password', async () => {
    const [entry, ...rest] = (await audit(`?entityId=${created.id}&action=create`)).items;
    expect(rest).toEqual([]);
    expect(entry).toMatchObject({ action: 'create', entityType: 'user', entityId: created.id, userId: a.admin.userId, at: '2040-03-10T10:00:00.000Z' });
    expect(entry?.userName).toMatch(/^Admin /);
    expect(entry?.changes).toMatchObject({
      email: { before: null, after: created.email },
      name: { before: null, after: 'Audited Person' },
      role: { before: null, after: 'viewer' },
      job_title: { before: null, after: 'Learning Developer' },
      institution_id: { before: null, after: a.institutionId },
    });
    expect(Object.keys(entry?.changes ?? {})).not.toContain('password_hash');
  });

  it('records an update with only the changed fields, before and after, and that the password changed', async () => {
    const [entry] = (await audit(`?entityId=${created.id}&action=update`)).items;
    expect(entry?.at).toBe('2040-03-12T23:59:00.000Z');
    expect(entry?.changes).toEqual({
      role: { before: 'viewer', after: 'librarian' },
      job_title: { before: 'Learning Developer', after: 'Faculty Librarian' },
      password_changed: { before: null, after: true },
    });
  });

  it('an update without a password change does not claim one', async () => {
    const res = await a.admin.patch(`/api/v1/users/${a.viewer.userId}`, { name: 'Renamed Viewer' });
    expect(res.statusCode).toBe(200);
    const [entry] = (await audit(`?entityId=${a.viewer.userId}&action=update`)).items;
    expect(Object.keys(entry?.changes ?? {})).toEqual(['name']);
    expect(entry?.changes.name?.after).toBe('Renamed Viewer');
  });

  it('records sign-in and sign-out by the user themself', async () => {
    const items = (await audit(`?entityId=${created.id}`)).items;
    expect(items.map((e) => e.action)).toEqual(['logout', 'login', 'update', 'create']);
    for (const e of items.slice(0, 2)) expect(e).toMatchObject({ userId: created.id, userName: 'Audited Person', entityType: 'user', at: '2040-03-14T08:00:00.000Z' });
  });

  it('never stores a password hash, in any entry', async () => {
    const rows = await t.handle.db.selectFrom('audit_log').select('changes').execute();
    expect(rows.length).toBeGreaterThan(10);
    for (const r of rows) expect(r.changes).not.toMatch(/password_hash|\$argon2|passphrase|correct horse/);
  });

  it('filters by entity type, action, and by day from/to (inclusive)', async () => {
    const logins = await audit('?action=login&pageSize=200');
    expect(logins.total).toBeGreaterThanOrEqual(5);
    expect(logins.items.every((e) => e.action === 'login')).toBe(true);

    await a.manager.post('/api/v1/teams', { name: uniq('Audit team ') });
    const teams = await audit('?entityType=team');
    expect(teams.total).toBe(1);
    expect(teams.items[0]).toMatchObject({ entityType: 'team', action: 'create' });
    expect((await audit('?entityType=user&pageSize=200')).items.every((e) => e.entityType === 'user')).toBe(true);

    const day = async (from: string, to: string) => (await audit(`?entityId=${created.id}&from=${from}&to=${to}`)).items.map((e) => e.action);
    expect(await day('2040-03-10', '2040-03-10')).toEqual(['create']);
    expect(await day('2040-03-11', '2040-03-12')).toEqual(['update']);
    expect(await day('2040-03-11', '2040-03-14')).toEqual(['logout', 'login', 'update']);
    expect(await day('2040-03-13', '2040-03-13')).toEqual([]);
    expect((await audit(`?entityId=${created.id}&from=2040-03-12`)).items.map((e) => e.action)).toEqual(['logout', 'login', 'update']);
    expect((await audit(`?entityId=${created.id}&to=2040-03-11`)).items.map((e) => e.action)).toEqual(['create']);
  });

  it('paginates newest first without overlap', async () => {
    const all = await audit('?pageSize=200');
    expect(all.total).toBe(all.items.length);
    const sorted = [...all.items].sort((x, y) => y.at.localeCompare(x.at));
    expect(all.items.map((e) => e.at)).toEqual(sorted.map((e) => e.at));
    const seen: string[] = [];
    for (let page = 1; page <= Math.ceil(all.total / 3); page++) {
      const p = await audit(`?pageSize=3&page=${page}`);
      expect(p).toMatchObject({ page, pageSize: 3, total: all.total });
      seen.push(...p.items.map((e) => e.id));
    }
    expect(seen).toEqual(all.items.map((e) => e.id));
  });

  it('400 naming the field for a bad filter', async () => {
    for (const [query, field] of [['?action=hack', 'action'], ['?from=yesterday', 'from'], ['?to=2040-13-01', 'to'], ['?pageSize=500', 'pageSize']] as const) {
      const res = await a.admin.get(`/api/v1/audit${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(errorOf(res).details?.map((d) => d.field)).toEqual([field]);
    }
  });

  it("shows only this institution's entries", async () => {
    const theirs = await b.admin.get(`/api/v1/audit?entityId=${created.id}`);
    expect(theirs.json<Page>().total).toBe(0);
    const all = (await b.admin.get('/api/v1/audit?pageSize=200')).json<Page>();
    expect(all.items.some((e) => e.entityId === a.admin.userId || e.entityId === created.id)).toBe(false);
    expect(all.total).toBeGreaterThan(0);
  });
});

describe('audit_log is append-only in the database', () => {
  it('refuses UPDATE and DELETE, and the rows survive', async () => {
    const before = await t.handle.db.selectFrom('audit_log').select(['id', 'changes']).orderBy('id').execute();
    const target = before[0]?.id ?? '';
    await expect(t.handle.db.updateTable('audit_log').set({ changes: '{}' }).where('id', '=', target).execute()).rejects.toThrow(/append-only/);
    await expect(t.handle.db.deleteFrom('audit_log').where('id', '=', target).execute()).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM audit_log`.execute(t.handle.db)).rejects.toThrow(/append-only/);
    const after = await t.handle.db.selectFrom('audit_log').select(['id', 'changes']).orderBy('id').execute();
    expect(after).toEqual(before);
  });
});
