import type { KyselyPlugin } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coverageService } from './coverage.service.ts';
import { buildTestApp, errorOf, newTenant, PASSWORD, uniq, type Agent, type Tenant, type TestApp } from '../../../../test/app.ts';

// "today" is 2025-03-15 in Europe/London, the default time zone of a new institution
const clock = { now: () => new Date('2025-03-15T12:00:00Z') };

type Id = { id: string };
type Staff = { id: string; name: string; email: string };
type CoverageItem = { id: string; user: { id: string; name: string }; orgUnit: { id: string }; function: { id: string }; startDate: string | null; endDate: string | null; current: boolean };
type Librarians = { orgUnit: { id: string; name: string }; functions: { function: { id: string; label: string }; staff: Staff[]; inheritedFrom: { id: string; name: string } | null }[] };
type MatrixRow = { orgUnit: { id: string; name: string; parentName: string | null }; cells: Record<string, { userId: string; name: string }[]>; inherited: Record<string, { id: string }>; gaps: string[]; singlePointOfFailure: boolean };
type Matrix = { functions: { id: string; label: string }[]; rows: MatrixRow[]; page: number; pageSize: number; total: number };

let t: TestApp;
let a: Tenant;
let b: Tenant;
let fnA: Record<string, string>;
let fnB: Record<string, string>;
/** a's fixture: Science (faculty) with Chemistry and Physics below it */
const fx = { science: '', chemistry: '', physics: '', ann: {} as Staff, ben: {} as Staff, cat: {} as Staff, dora: {} as Staff };

async function unit(agent: Agent, name: string, type: string, parentId?: string): Promise<string> {
  const res = await agent.post('/api/v1/org-units', { name, type, ...(parentId ? { parentId } : {}) });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<Id>().id;
}

async function staff(tenant: Tenant, name: string, jobTitle: string): Promise<Staff> {
  const res = await tenant.admin.post('/api/v1/users', { email: `${uniq('staff')}@example.test`, name, password: PASSWORD, role: 'librarian', jobTitle });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<Staff>();
}

async function functions(agent: Agent): Promise<Record<string, string>> {
  const terms = (await agent.get('/api/v1/vocab?kind=function')).json<{ id: string; key: string }[]>();
  return Object.fromEntries(terms.map((x) => [x.key, x.id]));
}

async function cover(agent: Agent, userId: string, orgUnitId: string, functionId: string, dates: { startDate?: string | null; endDate?: string | null } = {}) {
  const res = await agent.post('/api/v1/coverage', { userId, orgUnitId, functionId, ...dates });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<CoverageItem>();
}

beforeAll(async () => {
  t = await buildTestApp({ clock });
  [a, b] = await Promise.all([newTenant(t), newTenant(t)]);
  [fnA, fnB] = await Promise.all([functions(a.viewer), functions(b.viewer)]);
  fx.science = await unit(a.manager, 'Faculty of Science', 'faculty');
  fx.chemistry = await unit(a.manager, 'Chemistry', 'department', fx.science);
  fx.physics = await unit(a.manager, 'Physics', 'department', fx.science);
  fx.ann = await staff(a, 'Ann Archer', 'Faculty Librarian (Science)');
  fx.ben = await staff(a, 'Ben Brook', 'Learning Developer');
  fx.cat = await staff(a, 'Cat Cole', 'Former Subject Librarian');
  fx.dora = await staff(a, 'Dora Dale', 'Research Support Librarian');
  await cover(a.manager, fx.ann.id, fx.science, fnA.subject_liaison ?? '', { startDate: '2024-08-01' });
  await cover(a.manager, fx.ben.id, fx.chemistry, fnA.teaching_learning ?? '');
  // Cat's cover of Chemistry has ended, so Chemistry's subject liaison falls back to the faculty's
  await cover(a.manager, fx.cat.id, fx.chemistry, fnA.subject_liaison ?? '', { startDate: '2023-08-01', endDate: '2024-12-31' });
  // Dora alone covers Physics, in two functions, and her cover beats the faculty's
  await cover(a.manager, fx.dora.id, fx.physics, fnA.subject_liaison ?? '');
  await cover(a.manager, fx.dora.id, fx.physics, fnA.research_support ?? '', { endDate: '2025-07-31' });
});
afterAll(() => t?.close());

describe('coverage assignments', () => {
  it('401 without a session on every route', async () => {
    const routes: [string, string][] = [
      ['GET', '/api/v1/coverage'], ['GET', '/api/v1/coverage.csv'], ['GET', '/api/v1/coverage/matrix'], ['GET', `/api/v1/org-units/${fx.chemistry}/librarians`],
      ['POST', '/api/v1/coverage'], ['PATCH', '/api/v1/coverage/x'], ['DELETE', '/api/v1/coverage/x'],
    ];
    for (const [method, url] of routes) {
      const res = await t.app.inject({ method: method as 'GET', url, ...(method === 'GET' || method === 'DELETE' ? {} : { headers: { 'content-type': 'application/json' }, payload: '{}' }) });
      expect(res.statusCode, `${method} ${url}`).toBe(401);
      expect(errorOf(res).code).toBe('UNAUTHENTICATED');
    }
  });

  it('a manager assigns a person to a unit in a function; everyone can read it', async () => {
    const history = await unit(a.manager, 'History', 'department');
    const res = await a.manager.post('/api/v1/coverage', { userId: fx.ben.id, orgUnitId: history, functionId: fnA.collections, startDate: '2025-01-01' });
    expect(res.statusCode).toBe(201);
    const created = res.json<CoverageItem>();
    expect(created).toMatchObject({
      user: { id: fx.ben.id, name: 'Ben Brook', jobTitle: 'Learning Developer', email: fx.ben.email },
      orgUnit: { id: history, name: 'History' },
      function: { id: fnA.collections, label: 'Collections' },
      startDate: '2025-01-01', endDate: null, current: true,
    });
    expect((await a.viewer.get(`/api/v1/coverage/${created.id}`)).json()).toEqual(created);
    const list = await a.viewer.get(`/api/v1/coverage?orgUnitId=${history}`);
    expect(list.statusCode).toBe(200);
    expect(list.json()).toMatchObject({ total: 1, page: 1, pageSize: 50, items: [{ id: created.id }] });
    const byUser = (await a.viewer.get(`/api/v1/coverage?userId=${fx.dora.id}&functionId=${fnA.research_support}`)).json<{ items: CoverageItem[] }>();
    expect(byUser.items.map((i) => [i.user.id, i.function.id])).toEqual([[fx.dora.id, fnA.research_support]]);
  });

  it('403 for a librarian or viewer on every write', async () => {
    const existing = (await a.viewer.get(`/api/v1/coverage?orgUnitId=${fx.physics}`)).json<{ items: CoverageItem[] }>().items[0];
    expect(existing).toBeDefined();
    for (const who of [a.librarian, a.viewer]) {
      expect((await who.post('/api/v1/coverage', { userId: fx.ann.id, orgUnitId: fx.physics, functionId: fnA.collections })).statusCode).toBe(403);
      expect((await who.patch(`/api/v1/coverage/${existing?.id}`, { endDate: '2025-03-31' })).statusCode).toBe(403);
      expect((await who.delete(`/api/v1/coverage/${existing?.id}`)).statusCode).toBe(403);
    }
    expect((await a.viewer.get(`/api/v1/coverage/${existing?.id}`)).json<CoverageItem>().endDate).toBe(existing?.endDate);
  });

  it('400 naming each bad field; nothing written', async () => {
    const before = (await a.viewer.get('/api/v1/coverage')).json<{ total: number }>().total;
    const bUser = b.viewer.userId;
    const bUnit = await unit(b.manager, 'B Unit', 'department');
    const themeId = (await a.viewer.get('/api/v1/vocab?kind=theme')).json<Id[]>()[0]?.id;
    const refs = await a.manager.post('/api/v1/coverage', { userId: bUser, orgUnitId: bUnit, functionId: themeId });
    expect(refs.statusCode).toBe(400);
    expect(errorOf(refs).details?.map((d) => d.field)).toEqual(['userId', 'orgUnitId', 'functionId']);
    const cases: [unknown, string][] = [
      [{ userId: fx.ann.id, orgUnitId: fx.physics, functionId: fnA.collections, startDate: '2025-05-01', endDate: '2025-04-30' }, 'endDate'],
      [{ userId: fx.ann.id, orgUnitId: fx.physics, functionId: fnA.collections, startDate: '2025-13-01' }, 'startDate'],
      [{ orgUnitId: fx.physics, functionId: fnA.collections }, 'userId'],
      [{ userId: fx.ann.id, orgUnitId: fx.physics, functionId: fnA.collections, colour: 'red' }, 'colour'],
    ];
    for (const [body, field] of cases) {
      const res = await a.manager.post('/api/v1/coverage', body);
      expect(res.statusCode, field).toBe(400);
      expect(errorOf(res).details?.map((d) => d.field), field).toContain(field);
    }
    const archived = await unit(a.manager, 'Old School', 'department');
    await a.manager.patch(`/api/v1/org-units/${archived}`, { status: 'archived' });
    const arch = await a.manager.post('/api/v1/coverage', { userId: fx.ann.id, orgUnitId: archived, functionId: fnA.collections });
    expect(errorOf(arch).details).toEqual([{ field: 'orgUnitId', message: 'is an archived org unit' }]);
    for (const [query, field] of [['current=maybe', 'current'], ['pageSize=500', 'pageSize']]) {
      const res = await a.viewer.get(`/api/v1/coverage?${query}`);
      expect(res.statusCode).toBe(400);
      expect(errorOf(res).details?.[0]?.field).toBe(field);
    }
    expect((await a.viewer.get('/api/v1/coverage')).json<{ total: number }>().total).toBe(before);
  });

  it('409 for an overlapping duplicate of the same person, unit and function', async () => {
    const maths = await unit(a.manager, 'Mathematics', 'department');
    const fn = fnA.open_research ?? '';
    const open = await cover(a.manager, fx.ben.id, maths, fn, { startDate: '2025-01-01' });
    await cover(a.manager, fx.ben.id, maths, fn, { startDate: '2024-01-01', endDate: '2024-12-31' }); // ends the day before: no overlap
    for (const dates of [{ startDate: '2024-06-01', endDate: '2025-01-01' }, {}, { startDate: '2030-01-01' }]) {
      const res = await a.manager.post('/api/v1/coverage', { userId: fx.ben.id, orgUnitId: maths, functionId: fn, ...dates });
      expect(res.statusCode, JSON.stringify(dates)).toBe(409);
      expect(errorOf(res).details?.[0]?.field).toBe('startDate');
    }
    // another person, or another function, is not a duplicate
    await cover(a.manager, fx.ann.id, maths, fn);
    const other = await cover(a.manager, fx.ben.id, maths, fnA.collections ?? '');
    // an edit that would create the overlap is refused too; moving it back clear is fine
    expect((await a.manager.patch(`/api/v1/coverage/${other.id}`, { functionId: fn })).statusCode).toBe(409);
    expect((await a.manager.patch(`/api/v1/coverage/${open.id}`, { startDate: '2025-02-01', endDate: '2025-06-30' })).statusCode).toBe(200);
  });

  it('marks current and past cover and filters on it', async () => {
    const geo = await unit(a.manager, 'Geography', 'department');
    const past = await cover(a.manager, fx.cat.id, geo, fnA.collections ?? '', { endDate: '2025-03-14' });
    const today = await cover(a.manager, fx.cat.id, geo, fnA.research_support ?? '', { startDate: '2025-03-15', endDate: '2025-03-15' });
    const future = await cover(a.manager, fx.cat.id, geo, fnA.open_research ?? '', { startDate: '2025-03-16' });
    expect([past.current, today.current, future.current]).toEqual([false, true, false]);
    const ids = async (current: string) =>
      (await a.viewer.get(`/api/v1/coverage?orgUnitId=${geo}&current=${current}`)).json<{ items: CoverageItem[] }>().items.map((i) => i.id).sort();
    expect(await ids('true')).toEqual([today.id]);
    expect(await ids('false')).toEqual([past.id, future.id].sort());
  });

  it('edits and deletes, with every change in the audit trail; 400 for dates out of order', async () => {
    const law = await unit(a.manager, 'Law', 'department');
    const c = await cover(a.manager, fx.ann.id, law, fnA.collections ?? '', { startDate: '2024-09-01' });
    const bad = await a.manager.patch(`/api/v1/coverage/${c.id}`, { endDate: '2024-08-31' });
    expect(bad.statusCode).toBe(400);
    expect(errorOf(bad).details?.[0]?.field).toBe('endDate');
    const res = await a.manager.patch(`/api/v1/coverage/${c.id}`, { endDate: '2025-02-28' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ startDate: '2024-09-01', endDate: '2025-02-28', current: false });
    expect((await a.manager.delete(`/api/v1/coverage/${c.id}`)).statusCode).toBe(204);
    expect((await a.manager.get(`/api/v1/coverage/${c.id}`)).statusCode).toBe(404);
    const audit = (await a.admin.get(`/api/v1/audit?entityId=${c.id}`)).json<{ items: { action: string; entityType: string; changes: Record<string, unknown> }[] }>().items;
    expect(audit.map((e) => e.action)).toEqual(['delete', 'update', 'create']);
    expect(audit[1]?.changes).toEqual({ end_date: { before: null, after: '2025-02-28' } });
  });

  it("404 for another institution's assignment; its ids are refused in a body and give empty lists", async () => {
    const mine = (await a.viewer.get(`/api/v1/coverage?orgUnitId=${fx.physics}`)).json<{ items: CoverageItem[] }>().items[0]?.id ?? '';
    expect((await b.admin.get(`/api/v1/coverage/${mine}`)).statusCode).toBe(404);
    expect((await b.admin.patch(`/api/v1/coverage/${mine}`, { endDate: '2025-03-31' })).statusCode).toBe(404);
    expect((await b.admin.delete(`/api/v1/coverage/${mine}`)).statusCode).toBe(404);
    expect((await a.viewer.get(`/api/v1/coverage/${mine}`)).statusCode).toBe(200);
    const bUnit = await unit(b.manager, 'B Physics', 'department');
    const cross = await b.manager.post('/api/v1/coverage', { userId: fx.dora.id, orgUnitId: bUnit, functionId: fnA.collections });
    expect(errorOf(cross).details?.map((d) => d.field)).toEqual(['userId', 'functionId']);
    const own = await b.manager.post('/api/v1/coverage', { userId: b.librarian.userId, orgUnitId: fx.physics, functionId: fnB.collections });
    expect(errorOf(own).details?.map((d) => d.field)).toEqual(['orgUnitId']);
    for (const q of [`orgUnitId=${fx.physics}`, `userId=${fx.dora.id}`, `functionId=${fnA.subject_liaison}`]) {
      expect((await b.admin.get(`/api/v1/coverage?${q}`)).json<{ total: number }>().total, q).toBe(0);
    }
  });

  it('exports CSV with the same filters', async () => {
    const res = await a.viewer.get(`/api/v1/coverage.csv?orgUnitId=${fx.physics}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const lines = res.body.replace(/^\uFEFF/, '').trim().split('\n');
    expect(lines[0]).toBe('id,staff,job_title,email,org_unit,function,start_date,end_date,current');
    expect(lines.slice(1).map((l) => l.split(',').slice(1, 2)[0]).sort()).toEqual(['Dora Dale', 'Dora Dale']);
    expect(lines.every((l) => !l.includes('Ann Archer'))).toBe(true);
  });
});

describe('who is my librarian', () => {
  it("lists every function: the unit's own cover, the faculty's where it has none, and gaps", async () => {
    const res = await a.viewer.get(`/api/v1/org-units/${fx.chemistry}/librarians`);
    expect(res.statusCode).toBe(200);
    const body = res.json<Librarians>();
    expect(body.orgUnit).toEqual({ id: fx.chemistry, name: 'Chemistry' });
    const byKey = Object.fromEntries(body.functions.map((f) => [f.function.id, f]));
    expect(body.functions.map((f) => f.function.label)).toEqual(['Subject liaison', 'Teaching and learning', 'Research support', 'Collections', 'Open research']);
    expect(byKey[fnA.subject_liaison ?? '']).toMatchObject({ staff: [{ id: fx.ann.id, name: 'Ann Archer', jobTitle: 'Faculty Librarian (Science)', email: fx.ann.email }], inheritedFrom: { id: fx.science, name: 'Faculty of Science' } });
    expect(byKey[fnA.teaching_learning ?? '']).toMatchObject({ staff: [{ id: fx.ben.id }], inheritedFrom: null });
    for (const key of ['research_support', 'collections', 'open_research']) expect(byKey[fnA[key] ?? '']).toMatchObject({ staff: [], inheritedFrom: null });
  });

  it("prefers the unit's own cover over the faculty's", async () => {
    const body = (await a.viewer.get(`/api/v1/org-units/${fx.physics}/librarians`)).json<Librarians>();
    expect(body.functions.find((f) => f.function.id === fnA.subject_liaison)).toMatchObject({ staff: [{ id: fx.dora.id }], inheritedFrom: null });
  });

  it("404 for an unknown or another institution's unit; 400 for a malformed id", async () => {
    expect((await b.viewer.get(`/api/v1/org-units/${fx.chemistry}/librarians`)).statusCode).toBe(404);
    expect((await a.viewer.get('/api/v1/org-units/nope/librarians')).statusCode).toBe(404);
    const long = await a.viewer.get(`/api/v1/org-units/${'x'.repeat(65)}/librarians`);
    expect(long.statusCode).toBe(400);
    expect(errorOf(long).details?.[0]?.field).toBe('id');
  });
});

describe('coverage matrix', () => {
  it('shows each department of a faculty against every function, with inherited cover, gaps and single points of failure', async () => {
    const res = await a.viewer.get(`/api/v1/coverage/matrix?withinId=${fx.science}`);
    expect(res.statusCode).toBe(200);
    const m = res.json<Matrix>();
    expect(m.functions.map((f) => f.id)).toEqual(['subject_liaison', 'teaching_learning', 'research_support', 'collections', 'open_research'].map((k) => fnA[k]));
    expect(m.total).toBe(2);
    expect(m.rows.map((r) => r.orgUnit)).toEqual([
      { id: fx.chemistry, name: 'Chemistry', parentName: 'Faculty of Science' },
      { id: fx.physics, name: 'Physics', parentName: 'Faculty of Science' },
    ]);
    const [chem, phys] = m.rows as [MatrixRow, MatrixRow];
    expect(chem.cells[fnA.subject_liaison ?? '']).toEqual([{ userId: fx.ann.id, name: 'Ann Archer' }]);
    expect(chem.inherited).toEqual({ [fnA.subject_liaison ?? '']: { id: fx.science, name: 'Faculty of Science' } });
    expect(chem.cells[fnA.teaching_learning ?? '']).toEqual([{ userId: fx.ben.id, name: 'Ben Brook' }]);
    expect(chem.gaps).toEqual([fnA.research_support, fnA.collections, fnA.open_research]);
    expect(chem.singlePointOfFailure).toBe(false);
    expect(phys.cells[fnA.research_support ?? '']).toEqual([{ userId: fx.dora.id, name: 'Dora Dale' }]);
    expect(phys.gaps).toEqual([fnA.teaching_learning, fnA.collections, fnA.open_research]);
    expect(phys.singlePointOfFailure).toBe(true);
  });

  it('pages its rows and takes other unit types', async () => {
    const page2 = (await a.viewer.get(`/api/v1/coverage/matrix?withinId=${fx.science}&pageSize=1&page=2`)).json<Matrix>();
    expect(page2).toMatchObject({ page: 2, pageSize: 1, total: 2 });
    expect(page2.rows.map((r) => r.orgUnit.id)).toEqual([fx.physics]);
    const faculties = (await a.viewer.get(`/api/v1/coverage/matrix?type=faculty&withinId=${fx.science}`)).json<Matrix>();
    expect(faculties.rows).toMatchObject([{ orgUnit: { id: fx.science }, inherited: {}, singlePointOfFailure: true }]);
  });

  it('takes the same number of queries for one row as for a full page', async () => {
    let queries = 0;
    const counter: KyselyPlugin = {
      transformQuery: (args) => (queries++, args.node),
      transformResult: (args) => Promise.resolve(args.result),
    };
    const svc = coverageService({ db: t.handle.db.withPlugin(counter), clock });
    const actor = { userId: a.manager.userId, institutionId: a.institutionId, role: 'manager' as const, requestId: 'test' };
    const count = async (pageSize: number) => {
      queries = 0;
      const m = await svc.matrix(actor, { page: 1, pageSize, status: 'active', withinId: fx.science });
      return { rows: m.rows.length, queries };
    };
    const one = await count(1);
    const all = await count(200);
    expect(one.rows).toBe(1);
    expect(all.rows).toBe(2);
    expect(one.queries).toBeGreaterThan(0);
    expect(all.queries).toBe(one.queries);
  });

  it('400 naming the field for a bad query', async () => {
    // a list parameter names the bad element
    for (const [query, field] of [['type=department,planet', 'type.1'], ['status=gone', 'status'], ['pageSize=0', 'pageSize']]) {
      const res = await a.viewer.get(`/api/v1/coverage/matrix?${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(errorOf(res).details?.[0]?.field).toBe(field);
    }
  });

  it("never shows another institution's units", async () => {
    expect((await b.viewer.get(`/api/v1/coverage/matrix?withinId=${fx.science}`)).json<Matrix>()).toMatchObject({ total: 0, rows: [] });
    const all = (await b.viewer.get('/api/v1/coverage/matrix?pageSize=200')).json<Matrix>();
    expect(all.rows.map((r) => r.orgUnit.id)).not.toContain(fx.chemistry);
    expect(all.functions.map((f) => f.id).sort()).toEqual(Object.values(fnB).sort());
  });
});

describe('public directory', () => {
  const pub = (path: string) => t.app.inject({ method: 'GET', url: `/api/v1/public/institutions/${path}` });

  it('answers 404 while the directory is off, alike for every kind of miss', async () => {
    const misses = [
      `${a.institutionId}/org-units`, `${a.institutionId}/org-units/${fx.chemistry}/librarians`,
      'no-such-institution/org-units', `no-such-institution/org-units/${fx.chemistry}/librarians`,
    ];
    for (const path of misses) {
      const res = await pub(path);
      expect(res.statusCode, path).toBe(404);
      expect({ ...errorOf(res), requestId: undefined }).toEqual({ code: 'NOT_FOUND', message: 'Directory entry not found', requestId: undefined });
    }
  });

  it("answers once the admin turns it on, with names, job titles and emails but no internal ids", async () => {
    expect((await a.manager.patch('/api/v1/institution', { publicDirectory: true })).statusCode).toBe(403);
    expect((await a.admin.patch('/api/v1/institution', { publicDirectory: true })).statusCode).toBe(200);
    const archived = await unit(a.manager, 'Closed Department', 'department', fx.science);
    await a.manager.patch(`/api/v1/org-units/${archived}`, { status: 'archived' });

    const list = await pub(`${a.institutionId}/org-units?pageSize=200`);
    expect(list.statusCode).toBe(200);
    const items = list.json<{ items: { id: string; name: string; parentName: string | null }[] }>().items;
    expect(items).toEqual(expect.arrayContaining([{ id: fx.chemistry, name: 'Chemistry', parentName: 'Faculty of Science' }]));
    expect(items.map((i) => i.id)).not.toContain(fx.science); // a faculty, not a department
    expect(items.map((i) => i.id)).not.toContain(archived);

    const res = await pub(`${a.institutionId}/org-units/${fx.chemistry}/librarians`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      orgUnit: { id: fx.chemistry, name: 'Chemistry' },
      functions: [
        { label: 'Subject liaison', staff: [{ name: 'Ann Archer', jobTitle: 'Faculty Librarian (Science)', email: fx.ann.email }], inheritedFrom: 'Faculty of Science' },
        { label: 'Teaching and learning', staff: [{ name: 'Ben Brook', jobTitle: 'Learning Developer', email: fx.ben.email }], inheritedFrom: null },
      ],
    });
    for (const secret of [fx.ann.id, fx.ben.id, fx.science, ...Object.values(fnA)]) expect(res.body).not.toContain(secret);
    expect((await pub(`${a.institutionId}/org-units/${archived}/librarians`)).statusCode).toBe(404);
  });

  it("never answers for another institution's unit, nor for an institution whose directory is off", async () => {
    const bUnit = await unit(b.manager, 'B Chemistry', 'department');
    const cross = await pub(`${a.institutionId}/org-units/${bUnit}/librarians`);
    expect(cross.statusCode).toBe(404);
    expect(errorOf(cross).message).toBe('Directory entry not found');
    expect((await pub(`${b.institutionId}/org-units/${bUnit}/librarians`)).statusCode).toBe(404);
    expect((await pub(`${b.institutionId}/org-units/${fx.chemistry}/librarians`)).statusCode).toBe(404);
    expect((await pub(`${b.institutionId}/org-units`)).statusCode).toBe(404);
  });

  it('400 naming the field for a malformed id or page', async () => {
    const res = await pub(`${a.institutionId}/org-units/${'x'.repeat(65)}/librarians`);
    expect(res.statusCode).toBe(400);
    expect(errorOf(res).details?.[0]?.field).toBe('id');
    const page = await pub(`${a.institutionId}/org-units?page=0`);
    expect(errorOf(page).details?.[0]?.field).toBe('page');
  });
});
