import { CompiledQuery } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, errorOf, newTenant, type Tenant, type TestApp } from '../../../../test/app.ts';
import { engagementFixtures } from '../../../../test/engagements.ts';
import type { EngagementDto, EngagementWriteDto } from '../../../shared/contracts/engagements.ts';
import { countQuery, engagementPageQuery, type ListFilters } from './engagements.repository.ts';

let t: TestApp;
let a: Tenant;
let b: Tenant;

type Page = { items: EngagementDto[]; total: number; page: number; pageSize: number };
const { loadVocab, types, themes, unit, person, log } = engagementFixtures(() => t);

const ids = (res: { json: <T>() => T }) => res.json<Page>().items.map((e) => e.id);
const dateIn = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

async function rowCounts(institutionId: string) {
  const db = t.handle.db;
  const n = (q: { executeTakeFirstOrThrow: () => Promise<{ n: number | string }> }) => q.executeTakeFirstOrThrow().then((r) => Number(r.n));
  return {
    engagements: await n(db.selectFrom('engagements').select((eb) => eb.fn.countAll<number>().as('n')).where('institution_id', '=', institutionId)),
    people: await n(db.selectFrom('engagement_people').select((eb) => eb.fn.countAll<number>().as('n')).where('institution_id', '=', institutionId)),
    staff: await n(db.selectFrom('engagement_staff').select((eb) => eb.fn.countAll<number>().as('n')).where('institution_id', '=', institutionId)),
    units: await n(db.selectFrom('engagement_org_units').select((eb) => eb.fn.countAll<number>().as('n')).where('institution_id', '=', institutionId)),
    themes: await n(db.selectFrom('engagement_themes').select((eb) => eb.fn.countAll<number>().as('n')).where('institution_id', '=', institutionId)),
  };
}

const searchDoc = (id: string) =>
  t.handle.db.selectFrom('search_documents').select(['title', 'subtitle', 'folded_body']).where('entity_type', '=', 'engagement').where('entity_id', '=', id).executeTakeFirst();

beforeAll(async () => {
  // four tenants sign in sixteen users from one address
  t = await buildTestApp({ env: { LOGIN_RATE_LIMIT: '100' } });
  [a, b] = await Promise.all([newTenant(t), newTenant(t)]);
  await Promise.all([loadVocab(a), loadVocab(b)]);
});
afterAll(() => t?.close());

describe('engagements: access and validation', () => {
  it('401 without a session on every route', async () => {
    const routes: [string, string][] = [
      ['GET', '/api/v1/engagements'], ['GET', '/api/v1/engagements.csv'], ['GET', '/api/v1/engagements/x'],
      ['POST', '/api/v1/engagements'], ['PATCH', '/api/v1/engagements/x'], ['DELETE', '/api/v1/engagements/x'],
    ];
    for (const [method, url] of routes) {
      const res = await t.app.inject({ method: method as 'GET', url, headers: { 'content-type': 'application/json' }, ...(method === 'GET' || method === 'DELETE' ? {} : { payload: '{}' }) });
      expect(res.statusCode, `${method} ${url}`).toBe(401);
    }
  });

  it('a librarian logs an engagement: ids deduped, the author as staff by default, links named', async () => {
    const dept = await unit(a, 'School of Chemistry');
    const p = await person(a, 'Dr Ada Byron');
    const res = await a.librarian.post('/api/v1/engagements', {
      typeId: types(a).meeting, occurredOn: '2024-03-05', summary: '  Talked about the reading list  ', outcome: 'Agreed a pilot', durationMinutes: 45,
      personIds: [p, p], orgUnitIds: [dept], themeIds: [themes(a).skills, themes(a).visibility, themes(a).skills],
    });
    expect(res.statusCode).toBe(201);
    const e = res.json<EngagementWriteDto>();
    expect(e).toMatchObject({
      type: { id: types(a).meeting, label: 'Meeting' }, occurredOn: '2024-03-05', summary: 'Talked about the reading list', outcome: 'Agreed a pilot',
      followUp: null, initiatedBy: 'library', durationMinutes: 45, attendance: null, createdBy: a.librarian.userId, warnings: [],
      people: [{ id: p, name: 'Dr Ada Byron' }], orgUnits: [{ id: dept, name: 'School of Chemistry' }], staff: [{ id: a.librarian.userId }],
    });
    expect(e.themes.map((x) => x.label)).toEqual(['Visibility', 'Skills']);
    const { warnings: _w, ...dto } = e;
    expect((await a.viewer.get(`/api/v1/engagements/${e.id}`)).json()).toEqual(dto);
    expect(await searchDoc(e.id)).toMatchObject({ title: 'Talked about the reading list', subtitle: 'Meeting · 2024-03-05 · School of Chemistry' });
    expect((await searchDoc(e.id))?.folded_body).toContain('dr ada byron');
  });

  it('403 for a viewer on every write', async () => {
    const dept = await unit(a, 'Viewer Dept');
    const e = await log(a.librarian, a, { orgUnitIds: [dept] });
    expect((await a.viewer.post('/api/v1/engagements', { typeId: types(a).call, occurredOn: '2024-01-01', summary: 'x', orgUnitIds: [dept] })).statusCode).toBe(403);
    expect((await a.viewer.patch(`/api/v1/engagements/${e.id}`, { summary: 'y' })).statusCode).toBe(403);
    expect((await a.viewer.delete(`/api/v1/engagements/${e.id}`)).statusCode).toBe(403);
  });

  it('400 naming the field, and nothing written', async () => {
    const dept = await unit(a, 'Validation Dept');
    const base = { typeId: types(a).meeting, occurredOn: '2024-02-02', summary: 'ok', orgUnitIds: [dept] };
    const before = await rowCounts(a.institutionId);
    const cases: [Record<string, unknown>, string][] = [
      [{ typeId: undefined }, 'typeId'],
      [{ summary: '   ' }, 'summary'],
      [{ summary: 'x'.repeat(5001) }, 'summary'],
      [{ occurredOn: '2024-13-01' }, 'occurredOn'],
      [{ occurredOn: dateIn(400) }, 'occurredOn'],
      [{ durationMinutes: 1441 }, 'durationMinutes'],
      [{ attendance: -1 }, 'attendance'],
      [{ initiatedBy: 'dean' }, 'initiatedBy'],
      [{ colour: 'red' }, 'colour'],
      [{ orgUnitIds: [] }, 'orgUnitIds'],
      [{ typeId: themes(a).skills }, 'typeId'],
      [{ themeIds: [types(a).meeting] }, 'themeIds'],
      [{ personIds: ['nobody'] }, 'personIds'],
      [{ staffIds: ['nobody'] }, 'staffIds'],
      [{ orgUnitIds: ['nowhere'] }, 'orgUnitIds'],
    ];
    for (const [change, field] of cases) {
      const res = await a.librarian.post('/api/v1/engagements', { ...base, ...change });
      expect(res.statusCode, JSON.stringify(change)).toBe(400);
      expect(errorOf(res).details?.map((d) => d.field), JSON.stringify(change)).toContain(field);
    }
    expect(await rowCounts(a.institutionId)).toEqual(before);
    expect((await a.librarian.post('/api/v1/engagements', { ...base, occurredOn: dateIn(300) })).statusCode).toBe(201);
    expect((await a.viewer.get('/api/v1/engagements?pageSize=201')).statusCode).toBe(400);
    const range = await a.viewer.get('/api/v1/engagements?from=2024-02-01&to=2024-01-01');
    expect(range.statusCode).toBe(400);
    expect(errorOf(range).details?.[0]?.field).toBe('to');
    expect((await a.viewer.get('/api/v1/engagements.csv?from=2024-02-01&to=2024-01-01')).statusCode).toBe(400);
  });

  it('a bad themeId after valid links writes no engagement and no link rows', async () => {
    const dept = await unit(a, 'Transaction Dept');
    const p = await person(a, 'Prof Tx');
    const body = { typeId: types(a).meeting, occurredOn: '2024-02-02', summary: 'all or nothing', personIds: [p], orgUnitIds: [dept], staffIds: [a.manager.userId] };
    const before = await rowCounts(a.institutionId);
    const res = await a.librarian.post('/api/v1/engagements', { ...body, themeIds: [themes(a).skills, 'not-a-theme'] });
    expect(res.statusCode).toBe(400);
    expect(errorOf(res).details?.[0]).toMatchObject({ field: 'themeIds', message: expect.stringContaining('not-a-theme') as string });
    expect(await rowCounts(a.institutionId)).toEqual(before);
    await log(a.librarian, a, { ...body, themeIds: [themes(a).skills] });
    const after = await rowCounts(a.institutionId);
    expect(after).toEqual({ engagements: before.engagements + 1, people: before.people + 1, staff: before.staff + 1, units: before.units + 1, themes: before.themes + 1 });
  });
});

describe('engagements: retired terms', () => {
  it('a retired engagement type or theme is refused with 400 naming the field', async () => {
    const dept = await unit(a, 'Retired Terms Dept');
    const type = (await a.admin.post('/api/v1/vocab', { kind: 'engagement_type', key: 'fax', label: 'Fax' })).json<{ id: string }>().id;
    const theme = (await a.admin.post('/api/v1/vocab', { kind: 'theme', key: 'old_theme', label: 'Old theme' })).json<{ id: string }>().id;
    const body = { occurredOn: '2024-02-02', summary: 'retired terms', orgUnitIds: [dept] };
    expect((await a.librarian.post('/api/v1/engagements', { ...body, typeId: type })).statusCode).toBe(201);
    await a.admin.patch(`/api/v1/vocab/${type}`, { active: false });
    await a.admin.patch(`/api/v1/vocab/${theme}`, { active: false });
    const byType = await a.librarian.post('/api/v1/engagements', { ...body, typeId: type });
    expect(byType.statusCode).toBe(400);
    expect(errorOf(byType).details?.[0]).toMatchObject({ field: 'typeId', message: expect.stringContaining('retired') as string });
    const byTheme = await a.librarian.post('/api/v1/engagements', { ...body, typeId: types(a).meeting, themeIds: [theme] });
    expect(errorOf(byTheme).details?.[0]?.field).toBe('themeIds');
  });
});

describe('engagements: tenancy', () => {
  it("another institution's engagement is invisible in list, detail and CSV, and 404 on writes", async () => {
    const dept = await unit(a, 'Secret Department');
    const mine = await log(a.librarian, a, { orgUnitIds: [dept], summary: 'Secret strategy meeting' });
    await log(b.librarian, b, { orgUnitIds: [await unit(b, 'B Dept')], summary: 'B meeting' });
    const list = await b.viewer.get('/api/v1/engagements?pageSize=200');
    expect(ids(list)).not.toContain(mine.id);
    expect(list.json<Page>().total).toBe(1);
    expect((await b.viewer.get(`/api/v1/engagements?orgUnitId=${dept}`)).json<Page>().total).toBe(0);
    expect((await b.viewer.get(`/api/v1/engagements?orgUnitId=${dept}&includeDescendants=true`)).json<Page>().total).toBe(0);
    expect((await b.viewer.get(`/api/v1/engagements?staffId=${a.librarian.userId}`)).json<Page>().total).toBe(0);
    const csv = await b.viewer.get('/api/v1/engagements.csv');
    expect(csv.statusCode).toBe(200);
    expect(csv.body).not.toContain(mine.id);
    expect(csv.body).not.toContain('Secret');
    expect((await b.viewer.get(`/api/v1/engagements/${mine.id}`)).statusCode).toBe(404);
    expect((await b.admin.patch(`/api/v1/engagements/${mine.id}`, { summary: 'Hacked' })).statusCode).toBe(404);
    expect((await b.admin.delete(`/api/v1/engagements/${mine.id}`)).statusCode).toBe(404);
    expect((await a.viewer.get(`/api/v1/engagements/${mine.id}`)).json()).toMatchObject({ summary: 'Secret strategy meeting' });
  });

  it("another institution's people, units, themes, types and staff in a body answer 400 naming the field", async () => {
    const dept = await unit(a, 'Own Dept');
    const base = { typeId: types(a).meeting, occurredOn: '2024-02-02', summary: 'x', orgUnitIds: [dept] };
    const cases: [Record<string, unknown>, string][] = [
      [{ personIds: [await person(b, 'B Person')] }, 'personIds'],
      [{ orgUnitIds: [await unit(b, 'B Unit')] }, 'orgUnitIds'],
      [{ themeIds: [themes(b).skills] }, 'themeIds'],
      [{ typeId: types(b).meeting }, 'typeId'],
      [{ staffIds: [b.librarian.userId] }, 'staffIds'],
    ];
    const e = await log(a.librarian, a, { orgUnitIds: [dept] });
    for (const [change, field] of cases) {
      const created = await a.librarian.post('/api/v1/engagements', { ...base, ...change });
      expect(created.statusCode, field).toBe(400);
      expect(errorOf(created).details?.[0]?.field).toBe(field);
      const patched = await a.librarian.patch(`/api/v1/engagements/${e.id}`, change);
      expect(patched.statusCode, field).toBe(400);
      expect(errorOf(patched).details?.[0]?.field).toBe(field);
    }
  });
});

describe('engagements: filters and pages', () => {
  let c: Tenant;
  const e: Record<string, string> = {};
  const u: Record<string, string> = {};
  const p: Record<string, string> = {};

  beforeAll(async () => {
    c = await newTenant(t);
    await loadVocab(c);
    u.fac = await unit(c, 'Faculty of Arts');
    u.d1 = await unit(c, 'English', u.fac);
    u.d2 = await unit(c, 'History', u.fac);
    u.x = await unit(c, 'Estates');
    p.one = await person(c, 'Prof One');
    p.two = await person(c, 'Dr Two');
    const mk = async (key: string, body: Record<string, unknown>) => { e[key] = (await log(c.librarian, c, body)).id; };
    await mk('e5', { occurredOn: '2023-12-31', orgUnitIds: [u.d2] });
    await mk('e1', { occurredOn: '2024-01-10', orgUnitIds: [u.d1], personIds: [p.one], themeIds: [themes(c).visibility], initiatedBy: 'partner', summary: 'Reading list review', outcome: 'Agreed to PILOT' });
    await mk('e2', { occurredOn: '2024-01-20', orgUnitIds: [u.d2, u.d1], staffIds: [c.manager.userId], typeId: types(c).teaching_session, attendance: 30, themeIds: [themes(c).skills] });
    await mk('e3', { occurredOn: '2024-02-01', orgUnitIds: [u.fac], personIds: [p.two] });
    await mk('e4', { occurredOn: '2024-03-01', orgUnitIds: [u.x], personIds: [p.one], staffIds: [c.librarian.userId, c.manager.userId] });
  });

  it.each([
    ['', ['e4', 'e3', 'e2', 'e1', 'e5']],
    ['order=asc', ['e5', 'e1', 'e2', 'e3', 'e4']],
    ['from=2024-01-10&to=2024-02-01', ['e3', 'e2', 'e1']],
    ['orgUnitId=:fac', ['e3']],
    ['orgUnitId=:fac&includeDescendants=true', ['e3', 'e2', 'e1', 'e5']],
    ['orgUnitId=:fac&includeDescendants=true&from=2024-01-01', ['e3', 'e2', 'e1']],
    ['orgUnitId=:d1', ['e2', 'e1']],
    ['orgUnitId=:d1&from=2024-01-15', ['e2']],
    ['personId=:one', ['e4', 'e1']],
    ['personId=:one&to=2024-02-01', ['e1']],
    ['staffId=:manager', ['e4', 'e2']],
    ['staffId=:librarian', ['e4', 'e3', 'e1', 'e5']],
    ['staffId=:manager&orgUnitId=:d1', ['e2']],
    ['themeId=:skills', ['e2']],
    ['initiatedBy=partner', ['e1']],
    ['typeId=:teaching', ['e2']],
    ['q=pilot', ['e1']],
    ['q=READING', ['e1']],
    ['q=revi', ['e1']],
    ['q=read%20pil', ['e1']],
    ['q=pilots', []],
  ])('filters %s', async (query, expected) => {
    const values: Record<string, string | undefined> = {
      ...u, ...p, manager: c.manager.userId, librarian: c.librarian.userId, skills: themes(c).skills, teaching: types(c).teaching_session,
    };
    const url = `/api/v1/engagements?${query.replace(/:(\w+)/g, (_, k: string) => values[k] ?? 'missing')}`;
    const res = await c.viewer.get(url);
    expect(res.statusCode, res.body).toBe(200);
    expect(ids(res)).toEqual(expected.map((k) => e[k]));
    expect(res.json<Page>().total).toBe(expected.length);
  });

  it('lists carry their nested links and paginate with totals', async () => {
    const page2 = (await c.viewer.get('/api/v1/engagements?pageSize=2&page=2')).json<Page>();
    expect(page2).toMatchObject({ page: 2, pageSize: 2, total: 5 });
    expect(page2.items.map((x) => x.id)).toEqual([e.e2, e.e1]);
    expect(page2.items[0]).toMatchObject({
      type: { label: 'Teaching session' }, attendance: 30, themes: [{ label: 'Skills' }], people: [],
      orgUnits: [{ id: u.d1, name: 'English' }, { id: u.d2, name: 'History' }], staff: [{ id: c.manager.userId }],
    });
    expect(page2.items[1]).toMatchObject({ people: [{ name: 'Prof One' }], themes: [{ label: 'Visibility' }], initiatedBy: 'partner' });
    expect(ids(await c.viewer.get('/api/v1/engagements?pageSize=2&page=3'))).toEqual([e.e5]);
  });

  it.runIf(process.env.RAPPORT_TEST_LANE !== 'postgres')('SQLite reads link filters and date ranges through their indexes', async () => {
    const plan = async (f: ListFilters, cursor = false) => {
      const out: string[] = [];
      const page = cursor ? { after: { occurredOn: '2024-01-01', id: 'z' }, limit: 200 } : { offset: 0, limit: 50 };
      for (const q of [engagementPageQuery(t.handle.db, c.institutionId, f, page).compile(), countQuery(t.handle.db, c.institutionId, f).compile()]) {
        const rows = await t.handle.db.executeQuery<{ detail: string }>(CompiledQuery.raw(`EXPLAIN QUERY PLAN ${q.sql}`, [...q.parameters]));
        out.push(rows.rows.map((r) => r.detail).join(' | '));
      }
      for (const line of out) expect(line).not.toMatch(/SCAN (e|engagements)\b/);
      return out.join(' || ');
    };
    const d1 = u.d1 ?? '';
    expect(await plan({ order: 'desc' })).toContain('engagements_date');
    expect(await plan({ order: 'desc' }, true)).toMatch(/engagements_date \(institution_id=\? AND \(occurred_on,id\)<\(\?,\?\)\)/);
    expect(await plan({ order: 'desc', from: '2024-01-01', to: '2024-12-31' })).toMatch(/engagements_date \(institution_id=\? AND occurred_on>\? AND occurred_on<\?\)/);
    // one unit: its dated links come in order, with no sort (no "TEMP B-TREE")
    const unitPage = await plan({ order: 'desc', orgUnitIds: [d1] });
    expect(unitPage).toMatch(/^SEARCH l USING COVERING INDEX engagement_org_units_unit_date \(org_unit_id=\?\)/);
    expect(unitPage.split(' || ')[0]).not.toContain('TEMP B-TREE');
    const ranged = await plan({ order: 'desc', orgUnitIds: [d1], from: '2024-01-01' });
    expect(ranged).toMatch(/^SEARCH l USING COVERING INDEX engagement_org_units_unit_date \(org_unit_id=\? AND occurred_on>\?\)/);
    expect(await plan({ order: 'desc', orgUnitIds: [d1, u.d2 ?? ''] })).toContain('engagement_org_units_reverse');
    expect(await plan({ order: 'desc', personId: p.one })).toMatch(/^SEARCH l USING COVERING INDEX engagement_people_reverse/);
    expect(await plan({ order: 'desc', staffId: c.manager.userId })).toMatch(/^SEARCH l USING COVERING INDEX engagement_staff_reverse/);
    expect(await plan({ order: 'desc', themeId: themes(c).skills })).toContain('engagement_themes_reverse');
  });
});

describe('engagements: edits, audit and deletion', () => {
  it('PATCH replaces only the link sets it names, and the audit trail records before and after ids', async () => {
    const d1 = await unit(a, 'Physics');
    const d2 = await unit(a, 'Astronomy');
    const e = await log(a.librarian, a, { orgUnitIds: [d1], themeIds: [themes(a).skills], summary: 'Before' });
    const res = await a.librarian.patch(`/api/v1/engagements/${e.id}`, { summary: 'After', orgUnitIds: [d2, d1, d2], outcome: 'Done' });
    expect(res.statusCode).toBe(200);
    const after = res.json<EngagementWriteDto>();
    expect(after).toMatchObject({ summary: 'After', outcome: 'Done', warnings: [], themes: [{ label: 'Skills' }], staff: [{ id: a.librarian.userId }] });
    expect(after.orgUnits.map((x) => x.name)).toEqual(['Astronomy', 'Physics']);
    expect(await searchDoc(e.id)).toMatchObject({ title: 'After', subtitle: 'Meeting · 2024-05-01 · Astronomy, Physics' });

    const audit = (await a.admin.get(`/api/v1/audit?entityId=${e.id}`)).json<{ items: { action: string; changes: Record<string, { before: unknown; after: unknown }> }[] }>().items;
    expect(audit.map((x) => x.action)).toEqual(['update', 'create']);
    expect(audit[0]?.changes).toEqual({
      summary: { before: 'Before', after: 'After' }, outcome: { before: null, after: 'Done' }, org_unit_ids: { before: [d1], after: [d1, d2].sort() },
    });
    expect(audit[1]?.changes).toMatchObject({ org_unit_ids: { before: null, after: [d1] }, staff_ids: { before: null, after: [a.librarian.userId] }, theme_ids: { after: [themes(a).skills] } });

    const empty = await a.librarian.patch(`/api/v1/engagements/${e.id}`, { orgUnitIds: [] });
    expect(empty.statusCode).toBe(400);
    expect(errorOf(empty).details?.[0]).toEqual({ field: 'orgUnitIds', message: 'name a department or a person' });
    expect((await a.librarian.patch(`/api/v1/engagements/${e.id}`, { occurredOn: dateIn(400) })).statusCode).toBe(400);
    const cleared = await a.librarian.patch(`/api/v1/engagements/${e.id}`, { themeIds: [], outcome: '', staffIds: [a.manager.userId] });
    expect(cleared.json()).toMatchObject({ themes: [], outcome: null, staff: [{ id: a.manager.userId }] });
    expect((await a.librarian.patch('/api/v1/engagements/unknown-id', { summary: 'x' })).statusCode).toBe(404);
  });

  it('a librarian deletes only what they logged; a manager deletes any; links, search entry and audit follow', async () => {
    const dept = await unit(a, 'Deletion Dept');
    const p = await person(a, 'Deleted Contact');
    const byManager = await log(a.manager, a, { orgUnitIds: [dept], personIds: [p] });
    const byLibrarian = await log(a.librarian, a, { orgUnitIds: [dept] });
    const another = await log(a.librarian, a, { orgUnitIds: [dept] });

    const refused = await a.librarian.delete(`/api/v1/engagements/${byManager.id}`);
    expect(refused.statusCode).toBe(403);
    expect((await a.librarian.patch(`/api/v1/engagements/${byManager.id}`, { summary: 'Edited by a colleague' })).statusCode).toBe(200);
    expect((await a.librarian.delete(`/api/v1/engagements/${byLibrarian.id}`)).statusCode).toBe(204);
    expect((await a.manager.delete(`/api/v1/engagements/${byManager.id}`)).statusCode).toBe(204);
    expect((await a.manager.delete(`/api/v1/engagements/${another.id}`)).statusCode).toBe(204);
    expect((await a.manager.delete(`/api/v1/engagements/${another.id}`)).statusCode).toBe(404);

    for (const id of [byManager.id, byLibrarian.id]) {
      expect((await a.viewer.get(`/api/v1/engagements/${id}`)).statusCode).toBe(404);
      expect(await searchDoc(id)).toBeUndefined();
    }
    const links = await t.handle.db.selectFrom('engagement_people').select('person_id').where('engagement_id', '=', byManager.id).execute();
    expect(links).toEqual([]);
    const audit = (await a.admin.get(`/api/v1/audit?entityId=${byManager.id}`)).json<{ items: { action: string; userId: string; changes: Record<string, { before: unknown }> }[] }>().items;
    expect(audit.map((x) => x.action)).toEqual(['delete', 'update', 'create']);
    expect(audit[0]).toMatchObject({ userId: a.manager.userId, changes: { person_ids: { before: [p] }, summary: { before: 'Edited by a colleague' } } });
  });
});
