import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, errorOf, newTenant, type Tenant, type TestApp } from '../../../../test/app.ts';

let t: TestApp;
let a: Tenant;
let b: Tenant;

beforeAll(async () => {
  t = await buildTestApp();
  [a, b] = await Promise.all([newTenant(t), newTenant(t)]);
});
afterAll(() => t?.close());

describe('org units', () => {
  it('401 without a session', async () => {
    for (const url of ['/api/v1/org-units', '/api/v1/institution', '/api/v1/teams', '/api/v1/vocab']) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(401);
      expect(errorOf(res).code).toBe('UNAUTHENTICATED');
    }
  });

  it('creates a faculty and a department below it, and lists them', async () => {
    const fac = await a.manager.post('/api/v1/org-units', { name: 'Faculty of Science', type: 'faculty', code: 'SCI' });
    expect(fac.statusCode).toBe(201);
    const dep = await a.manager.post('/api/v1/org-units', { name: 'School of Computing', type: 'department', code: 'COMP', parentId: fac.json<{ id: string }>().id });
    expect(dep.statusCode).toBe(201);
    expect(dep.json()).toMatchObject({ name: 'School of Computing', parentName: 'Faculty of Science', status: 'active', lastEngagementOn: null });

    const list = await a.viewer.get(`/api/v1/org-units?withinId=${fac.json<{ id: string }>().id}&type=department`);
    expect(list.statusCode).toBe(200);
    expect(list.json<{ items: { name: string }[]; total: number }>()).toMatchObject({ total: 1, items: [{ name: 'School of Computing' }] });
  });

  it('403 for a librarian or viewer creating a unit', async () => {
    for (const who of [a.librarian, a.viewer]) {
      const res = await who.post('/api/v1/org-units', { name: 'X', type: 'faculty' });
      expect(res.statusCode).toBe(403);
    }
  });

  it('400 naming the field for bad input and unknown fields; nothing written', async () => {
    const bad = await a.manager.post('/api/v1/org-units', { name: '', type: 'planet' });
    expect(bad.statusCode).toBe(400);
    const fields = errorOf(bad).details?.map((d) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['name', 'type']));
    const extra = await a.manager.post('/api/v1/org-units', { name: 'Y', type: 'faculty', colour: 'red' });
    expect(extra.statusCode).toBe(400);
    expect(errorOf(extra).details).toEqual([{ field: 'colour', message: 'is not a known field' }]);
    const list = await a.manager.get('/api/v1/org-units?q=Y&pageSize=200');
    expect(list.json<{ items: { name: string }[] }>().items.filter((i) => i.name === 'Y')).toEqual([]);
  });

  it('409 for a duplicate code within an institution, but another institution may reuse it', async () => {
    const first = await a.manager.post('/api/v1/org-units', { name: 'History', type: 'department', code: 'HIST' });
    expect(first.statusCode).toBe(201);
    const dupe = await a.manager.post('/api/v1/org-units', { name: 'History again', type: 'department', code: 'HIST' });
    expect(dupe.statusCode).toBe(409);
    expect(errorOf(dupe).details?.[0]?.field).toBe('code');
    expect((await b.manager.post('/api/v1/org-units', { name: 'History', type: 'department', code: 'HIST' })).statusCode).toBe(201);
  });

  it('refuses a parent that would make a cycle', async () => {
    const top = (await a.manager.post('/api/v1/org-units', { name: 'Top', type: 'faculty' })).json<{ id: string }>();
    const child = (await a.manager.post('/api/v1/org-units', { name: 'Child', type: 'department', parentId: top.id })).json<{ id: string }>();
    const res = await a.manager.patch(`/api/v1/org-units/${top.id}`, { parentId: child.id });
    expect(res.statusCode).toBe(400);
    expect(errorOf(res).details?.[0]?.field).toBe('parentId');
  });

  it("404 for another institution's unit on every route, and no leak in lists", async () => {
    const mine = (await a.manager.post('/api/v1/org-units', { name: 'Secret Unit', type: 'committee' })).json<{ id: string }>();
    expect((await b.admin.get(`/api/v1/org-units/${mine.id}`)).statusCode).toBe(404);
    expect((await b.admin.patch(`/api/v1/org-units/${mine.id}`, { name: 'Hacked' })).statusCode).toBe(404);
    expect((await b.admin.delete(`/api/v1/org-units/${mine.id}`)).statusCode).toBe(404);
    expect((await b.manager.post('/api/v1/org-units', { name: 'Sub', type: 'department', parentId: mine.id })).statusCode).toBe(400);
    const list = await b.admin.get('/api/v1/org-units?q=Secret');
    expect(list.json<{ total: number }>().total).toBe(0);
  });

  it('updates and archives, recording before and after in the audit trail', async () => {
    const u = (await a.manager.post('/api/v1/org-units', { name: 'Old Name', type: 'department' })).json<{ id: string }>();
    const res = await a.manager.patch(`/api/v1/org-units/${u.id}`, { name: 'New Name', status: 'archived' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ name: 'New Name', status: 'archived' });
    const audit = await a.admin.get(`/api/v1/audit?entityId=${u.id}`);
    const entries = audit.json<{ items: { action: string; changes: Record<string, { before: unknown; after: unknown }> }[] }>().items;
    expect(entries.map((e) => e.action)).toEqual(['update', 'create']);
    expect(entries[0]?.changes).toEqual({ name: { before: 'Old Name', after: 'New Name' }, status: { before: 'active', after: 'archived' } });
    expect((await a.manager.get('/api/v1/audit')).statusCode).toBe(403);
  });

  it('deletes an unused unit and refuses one in use with 409', async () => {
    const parent = (await a.manager.post('/api/v1/org-units', { name: 'Parent', type: 'faculty' })).json<{ id: string }>();
    const leaf = (await a.manager.post('/api/v1/org-units', { name: 'Leaf', type: 'department', parentId: parent.id })).json<{ id: string }>();
    expect((await a.manager.delete(`/api/v1/org-units/${parent.id}`)).statusCode).toBe(409);
    expect((await a.manager.delete(`/api/v1/org-units/${leaf.id}`)).statusCode).toBe(204);
    expect((await a.manager.get(`/api/v1/org-units/${leaf.id}`)).statusCode).toBe(404);
  });

  it('exports CSV with formula escaping', async () => {
    await a.manager.post('/api/v1/org-units', { name: '=HYPERLINK("http://evil")', type: 'committee' });
    const res = await a.viewer.get('/api/v1/org-units.csv?q=HYPERLINK');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const lines = res.body.replace(/^\uFEFF/, '').trim().split('\n');
    expect(lines[0]).toBe('id,name,type,code,parent,status,last_engagement_on');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://evil"")"`);
  });
});

describe('institution settings, teams and vocabularies', () => {
  it('admin edits settings; others get 403; bad time zone names the field', async () => {
    expect((await a.manager.patch('/api/v1/institution', { name: 'Z' })).statusCode).toBe(403);
    const bad = await a.admin.patch('/api/v1/institution', { timeZone: 'Mars/Olympus' });
    expect(bad.statusCode).toBe(400);
    expect(errorOf(bad).details?.[0]?.field).toBe('timeZone');
    const ok = await a.admin.patch('/api/v1/institution', { academicYearStartMonth: 9, publicDirectory: true });
    expect(ok.json()).toMatchObject({ academicYearStartMonth: 9, academicYearStartDay: 1, publicDirectory: true });
    expect((await b.admin.get('/api/v1/institution')).json()).toMatchObject({ academicYearStartMonth: 8, publicDirectory: false });
  });

  it('seeds the six themes and eleven engagement types; admin adds and retires terms', async () => {
    const themes = (await a.viewer.get('/api/v1/vocab?kind=theme')).json<{ label: string }[]>();
    expect(themes.map((x) => x.label)).toEqual(['Visibility', 'Relations', 'Skills', 'Research & Knowledge', 'Education & Learning', 'Community & Citizens']);
    expect((await a.viewer.get('/api/v1/vocab?kind=engagement_type')).json<unknown[]>()).toHaveLength(13);
    expect((await a.manager.post('/api/v1/vocab', { kind: 'function', key: 'rdm', label: 'Research data' })).statusCode).toBe(403);
    const created = await a.admin.post('/api/v1/vocab', { kind: 'function', key: 'rdm', label: 'Research data' });
    expect(created.statusCode).toBe(201);
    expect((await a.admin.post('/api/v1/vocab', { kind: 'function', key: 'rdm', label: 'Again' })).statusCode).toBe(409);
    const id = created.json<{ id: string }>().id;
    expect((await b.admin.patch(`/api/v1/vocab/${id}`, { active: false })).statusCode).toBe(404);
    expect((await a.admin.patch(`/api/v1/vocab/${id}`, { active: false })).statusCode).toBe(200);
    const fns = (await a.viewer.get('/api/v1/vocab?kind=function')).json<{ key: string }[]>();
    expect(fns.map((f) => f.key)).not.toContain('rdm');
  });

  it('teams: manager creates, duplicate name 409, other institution 404', async () => {
    const res = await a.manager.post('/api/v1/teams', { name: 'Academic Services' });
    expect(res.statusCode).toBe(201);
    expect((await a.manager.post('/api/v1/teams', { name: 'Academic Services' })).statusCode).toBe(409);
    expect((await a.librarian.post('/api/v1/teams', { name: 'Other' })).statusCode).toBe(403);
    expect((await b.manager.patch(`/api/v1/teams/${res.json<{ id: string }>().id}`, { name: 'Mine' })).statusCode).toBe(404);
    expect((await a.viewer.get('/api/v1/teams')).json<{ name: string }[]>().map((x) => x.name)).toEqual(['Academic Services']);
  });
});

describe('list filters fold case and diacritics on both databases', () => {
  it('"angstrom" and "ÅNGSTRÖM" find "Ångström Laboratory"', async () => {
    await a.manager.post('/api/v1/org-units', { name: 'Ångström Laboratory', type: 'research_centre' });
    for (const q of ['angstrom', 'ÅNGSTRÖM', 'gström lab']) {
      const res = await a.viewer.get(`/api/v1/org-units?type=research_centre&q=${encodeURIComponent(q)}`);
      expect(res.json<{ items: { name: string }[] }>().items.map((i) => i.name), q).toEqual(['Ångström Laboratory']);
    }
  });
});

describe("a unit's last engagement follows the engagements", () => {
  it('is set on logging, moves when the engagement is redated or relinked, and drives notEngagedSince', async () => {
    const unit = (await a.manager.post('/api/v1/org-units', { name: 'Dated Unit', type: 'department' })).json<{ id: string }>();
    const other = (await a.manager.post('/api/v1/org-units', { name: 'Other Dated Unit', type: 'department' })).json<{ id: string }>();
    const meeting = (await a.viewer.get('/api/v1/vocab?kind=engagement_type')).json<{ id: string; key: string }[]>().find((v) => v.key === 'meeting');
    const last = async (id: string) => (await a.viewer.get(`/api/v1/org-units/${id}`)).json<{ lastEngagementOn: string | null }>().lastEngagementOn;
    const quiet = async (since: string) => (await a.viewer.get(`/api/v1/org-units?q=Dated&notEngagedSince=${since}`)).json<{ items: { name: string }[] }>().items.map((i) => i.name).sort();

    const e = (await a.librarian.post('/api/v1/engagements', { typeId: meeting?.id, occurredOn: '2025-03-04', summary: 'first', orgUnitIds: [unit.id] })).json<{ id: string }>();
    expect(await last(unit.id)).toBe('2025-03-04');
    expect(await quiet('2025-01-01')).toEqual(['Other Dated Unit']);

    await a.librarian.patch(`/api/v1/engagements/${e.id}`, { occurredOn: '2024-12-01' });
    expect(await last(unit.id)).toBe('2024-12-01');
    expect(await quiet('2025-01-01')).toEqual(['Dated Unit', 'Other Dated Unit']);

    await a.librarian.patch(`/api/v1/engagements/${e.id}`, { orgUnitIds: [other.id], occurredOn: '2025-05-06' });
    expect(await last(unit.id)).toBeNull();
    expect(await last(other.id)).toBe('2025-05-06');
  });
});

describe('"covered by me" means current cover', () => {
  it('leaves out cover that has ended or not yet begun, keeps cover ending later', async () => {
    const fn = (await a.viewer.get('/api/v1/vocab?kind=function')).json<{ id: string; key: string }[]>().find((f) => f.key === 'subject_liaison');
    const mk = async (name: string) => (await a.manager.post('/api/v1/org-units', { name, type: 'department' })).json<{ id: string }>().id;
    const [now, ended, future, later] = [await mk('Cover Now'), await mk('Cover Ended'), await mk('Cover Future'), await mk('Cover Ends Later')];
    const cover = (orgUnitId: string, startDate: string | null, endDate: string | null) =>
      a.manager.post('/api/v1/coverage', { userId: a.librarian.userId, orgUnitId, functionId: fn?.id, startDate, endDate });
    expect((await cover(now, '2020-01-01', null)).statusCode).toBe(201);
    expect((await cover(ended, '2020-01-01', '2021-01-01')).statusCode).toBe(201);
    expect((await cover(future, '2999-01-01', null)).statusCode).toBe(201);
    expect((await cover(later, null, '2999-12-31')).statusCode).toBe(201);
    const res = await a.librarian.get(`/api/v1/org-units?q=Cover&coveredBy=${a.librarian.userId}`);
    expect(res.json<{ items: { name: string }[] }>().items.map((i) => i.name)).toEqual(['Cover Ends Later', 'Cover Now']);
  });
});
