import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from '../../../shared/contracts/common.ts';
import type { PersonDto, PersonSummaryDto, PositionDto } from '../../../shared/contracts/people.ts';
import { newId } from '../../lib/ids.ts';
import { buildTestApp, errorOf, newTenant, uniq, type Agent, type Tenant, type TestApp } from '../../../../test/app.ts';

// "today" for every rule about current positions
const TODAY = '2025-03-15';
const clock = { now: () => new Date(`${TODAY}T10:00:00.000Z`) };

let t: TestApp;
let a: Tenant;
let b: Tenant;
/** a's tree: Faculty of Science > School of Computing; History stands apart */
const units = { faculty: '', computing: '', history: '', bUnit: '' };

const idOf = (res: { json: <T>() => T }) => res.json<{ id: string }>().id;
const list = async (who: Agent, query: string) => (await who.get(`/api/v1/people?${query}`)).json<Page<PersonSummaryDto>>();
const names = (p: Page<PersonSummaryDto>) => p.items.map((i) => i.name).sort();
const fields = (res: Parameters<typeof errorOf>[0]) => errorOf(res).details?.map((d) => d.field);
const searchDoc = (id: string) =>
  t.handle.db.selectFrom('search_documents').select(['title', 'subtitle', 'folded_body']).where('entity_type', '=', 'person').where('entity_id', '=', id).executeTakeFirst();

beforeAll(async () => {
  t = await buildTestApp({ clock });
  [a, b] = await Promise.all([newTenant(t), newTenant(t)]);
  units.faculty = idOf(await a.manager.post('/api/v1/org-units', { name: 'Faculty of Science', type: 'faculty' }));
  units.computing = idOf(await a.manager.post('/api/v1/org-units', { name: 'School of Computing', type: 'department', parentId: units.faculty }));
  units.history = idOf(await a.manager.post('/api/v1/org-units', { name: 'History', type: 'department' }));
  units.bUnit = idOf(await b.manager.post('/api/v1/org-units', { name: 'B Department', type: 'department' }));
});
afterAll(() => t?.close());

describe('people', () => {
  it('401 without a session', async () => {
    for (const [method, url] of [['GET', '/api/v1/people'], ['GET', '/api/v1/people.csv'], ['GET', '/api/v1/people/x'], ['POST', '/api/v1/people'], ['PATCH', '/api/v1/positions/x'], ['DELETE', '/api/v1/people/x']] as const) {
      const res = await t.app.inject({ method, url, headers: { 'content-type': 'application/json' }, payload: method === 'GET' ? undefined : '{}' });
      expect(res.statusCode, url).toBe(401);
    }
  });

  it('creates a person with positions in one request, tidying email and tags', async () => {
    const res = await a.librarian.post('/api/v1/people', {
      name: 'Priya Shah', email: '  Priya.Shah@Example.AC.uk ', phone: '01234 567890', isChampion: true, influence: 5, interest: 3, stayInTouchDays: 30,
      tags: [' NSS ', 'curriculum', 'nss', '', 'curriculum'], motivations: 'Student satisfaction', needs: 'Reading lists on time', challenges: 'Workload', preferredChannel: 'Teams',
      positions: [
        { orgUnitId: units.computing, title: 'Head of Department', startDate: '2023-08-01' },
        { orgUnitId: units.history, title: 'Module convenor', startDate: '2019-09-01', endDate: '2022-07-31' },
        { orgUnitId: units.computing, title: 'Director for Undergraduate Teaching', startDate: '2021-09-01', endDate: TODAY },
      ],
    });
    expect(res.statusCode).toBe(201);
    const p = res.json<PersonDto>();
    expect(p).toMatchObject({ name: 'Priya Shah', email: 'priya.shah@example.ac.uk', isChampion: true, influence: 5, interest: 3, stayInTouchDays: 30, tags: ['NSS', 'curriculum'], preferredChannel: 'Teams' });
    // current first (an end date of today is still current), then newest start first
    expect(p.positions.map((x) => [x.title, x.current])).toEqual([
      ['Head of Department', true], ['Director for Undergraduate Teaching', true], ['Module convenor', false],
    ]);
    expect(p.positions[0]).toMatchObject({ orgUnitId: units.computing, orgUnitName: 'School of Computing', personId: p.id, startDate: '2023-08-01', endDate: null });
    expect(p.currentPositions.map((x) => x.title)).toEqual(['Head of Department', 'Director for Undergraduate Teaching']);
    expect((await a.viewer.get(`/api/v1/people/${p.id}`)).json()).toEqual(p);

    const doc = await searchDoc(p.id);
    expect(doc).toMatchObject({ title: 'Priya Shah', subtitle: 'Head of Department, School of Computing' });
    expect(doc?.folded_body).toContain('module convenor');
    expect(doc?.folded_body).toContain('student satisfaction');
  });

  it('stores and returns diacritics intact, and finds them by name', async () => {
    const res = await a.librarian.post('/api/v1/people', { name: 'Zoë Ångström', email: 'zoe@example.ac.uk', notes: 'Prefers «quotes» — and emoji 📚' });
    expect(res.statusCode).toBe(201);
    const got = (await a.viewer.get(`/api/v1/people/${idOf(res)}`)).json<PersonDto>();
    expect(got).toMatchObject({ name: 'Zoë Ångström', notes: 'Prefers «quotes» — and emoji 📚' });
    for (const q of ['Zoë', 'ÅNGSTRÖM', 'zoe angstrom']) expect(names(await list(a.viewer, `q=${encodeURIComponent(q)}`)), q).toEqual(['Zoë Ångström']);
    expect((await searchDoc(got.id))?.title).toBe('Zoë Ångström');
  });

  it('403 for a viewer on every write, and for a librarian deleting a person', async () => {
    const person = idOf(await a.librarian.post('/api/v1/people', { name: 'Viewer Target', positions: [{ orgUnitId: units.history, title: 'Lecturer' }] }));
    const position = (await a.viewer.get(`/api/v1/people/${person}`)).json<PersonDto>().positions[0]?.id ?? '';
    const writes = [
      a.viewer.post('/api/v1/people', { name: 'Nope' }),
      a.viewer.patch(`/api/v1/people/${person}`, { name: 'Nope' }),
      a.viewer.delete(`/api/v1/people/${person}`),
      a.viewer.post(`/api/v1/people/${person}/positions`, { orgUnitId: units.history, title: 'Nope' }),
      a.viewer.patch(`/api/v1/positions/${position}`, { title: 'Nope' }),
      a.viewer.delete(`/api/v1/positions/${position}`),
      a.librarian.delete(`/api/v1/people/${person}`),
    ];
    for (const res of await Promise.all(writes)) expect(res.statusCode).toBe(403);
    const after = (await a.viewer.get(`/api/v1/people/${person}`)).json<PersonDto>();
    expect(after).toMatchObject({ name: 'Viewer Target', positions: [{ title: 'Lecturer' }] });
  });

  it('400 naming the field for bad input', async () => {
    const influence = await a.librarian.post('/api/v1/people', { name: 'Bad', influence: 6 });
    expect(influence.statusCode).toBe(400);
    expect(fields(influence)).toEqual(['influence']);
    const extra = await a.librarian.post('/api/v1/people', { name: 'Bad', colour: 'red' });
    expect(extra.statusCode).toBe(400);
    expect(errorOf(extra).details).toEqual([{ field: 'colour', message: 'is not a known field' }]);
    const several = await a.librarian.post('/api/v1/people', { name: ' ', email: 'not-an-email', stayInTouchDays: 0, tags: ['x'.repeat(51)] });
    expect(fields(several)).toEqual(expect.arrayContaining(['name', 'email', 'stayInTouchDays', 'tags.0']));
    const dates = await a.librarian.post('/api/v1/people', { name: 'Bad', positions: [{ orgUnitId: units.history, title: 'T', startDate: '2024-01-02', endDate: '2024-01-01' }] });
    expect(fields(dates)).toEqual(['positions.0.endDate']);
    const badDate = await a.librarian.post('/api/v1/people', { name: 'Bad', positions: [{ orgUnitId: units.history, title: 'T', startDate: '2024-02-30' }] });
    expect(fields(badDate)).toEqual(['positions.0.startDate']);
    const patchExtra = await a.librarian.patch(`/api/v1/people/${newId()}`, { nickname: 'x' });
    expect(errorOf(patchExtra).details).toEqual([{ field: 'nickname', message: 'is not a known field' }]);
    expect((await list(a.viewer, 'q=Bad')).total).toBe(0);
  });

  it('a bad org unit in the positions of a new person writes nothing', async () => {
    const name = uniq('Halfway ');
    const res = await a.librarian.post('/api/v1/people', {
      name, email: 'halfway@example.ac.uk', positions: [{ orgUnitId: units.history, title: 'Fine' }, { orgUnitId: newId(), title: 'Broken' }],
    });
    expect(res.statusCode).toBe(400);
    expect(fields(res)).toEqual(['positions.1.orgUnitId']);
    const other = await a.librarian.post('/api/v1/people', { name, positions: [{ orgUnitId: units.bUnit, title: 'Theirs' }] });
    expect(fields(other)).toEqual(['positions.0.orgUnitId']);
    expect((await list(a.viewer, `q=${encodeURIComponent(name)}`)).total).toBe(0);
    const rows = await t.handle.db.selectFrom('positions').select('id').where('title', 'in', ['Fine', 'Broken', 'Theirs']).execute();
    expect(rows).toEqual([]);
    // the email was not taken by a half-written person
    expect((await a.librarian.post('/api/v1/people', { name, email: 'halfway@example.ac.uk' })).statusCode).toBe(201);
  });

  it('409 for a duplicate email in one institution, whatever its case; another institution may reuse it', async () => {
    expect((await a.librarian.post('/api/v1/people', { name: 'First', email: 'dup@example.ac.uk' })).statusCode).toBe(201);
    const dupe = await a.librarian.post('/api/v1/people', { name: 'Second', email: 'DUP@example.ac.uk' });
    expect(dupe.statusCode).toBe(409);
    expect(fields(dupe)).toEqual(['email']);
    const second = idOf(await a.librarian.post('/api/v1/people', { name: 'Second', email: 'second@example.ac.uk' }));
    const clash = await a.librarian.patch(`/api/v1/people/${second}`, { email: 'Dup@Example.ac.uk' });
    expect(clash.statusCode).toBe(409);
    expect(fields(clash)).toEqual(['email']);
    expect((await a.librarian.patch(`/api/v1/people/${second}`, { email: 'second@example.ac.uk', phone: '1' })).statusCode).toBe(200);
    expect((await b.librarian.post('/api/v1/people', { name: 'Elsewhere', email: 'dup@example.ac.uk' })).statusCode).toBe(201);
  });

  it("404 for another institution's person or position; 400 for its org unit", async () => {
    const mine = (await a.librarian.post('/api/v1/people', { name: 'Secret Partner', positions: [{ orgUnitId: units.history, title: 'Dean' }] })).json<PersonDto>();
    const pos = mine.positions[0]?.id ?? '';
    expect((await b.admin.get(`/api/v1/people/${mine.id}`)).statusCode).toBe(404);
    expect((await b.admin.patch(`/api/v1/people/${mine.id}`, { name: 'Hacked' })).statusCode).toBe(404);
    expect((await b.admin.delete(`/api/v1/people/${mine.id}`)).statusCode).toBe(404);
    expect((await b.admin.post(`/api/v1/people/${mine.id}/positions`, { orgUnitId: units.bUnit, title: 'Spy' })).statusCode).toBe(404);
    expect((await b.admin.patch(`/api/v1/positions/${pos}`, { title: 'Hacked' })).statusCode).toBe(404);
    expect((await b.admin.delete(`/api/v1/positions/${pos}`)).statusCode).toBe(404);
    expect((await list(b.admin, 'q=Secret')).total).toBe(0);
    expect((await list(b.admin, `orgUnitId=${units.history}`)).total).toBe(0);
    const csv = await b.admin.get('/api/v1/people.csv');
    expect(csv.body).not.toContain('Secret Partner');

    const add = await a.librarian.post(`/api/v1/people/${mine.id}/positions`, { orgUnitId: units.bUnit, title: 'Visitor' });
    expect(add.statusCode).toBe(400);
    expect(fields(add)).toEqual(['orgUnitId']);
    const move = await a.librarian.patch(`/api/v1/positions/${pos}`, { orgUnitId: units.bUnit });
    expect(move.statusCode).toBe(400);
    expect(fields(move)).toEqual(['orgUnitId']);
    const after = (await a.viewer.get(`/api/v1/people/${mine.id}`)).json<PersonDto>();
    expect(after).toMatchObject({ name: 'Secret Partner', positions: [{ id: pos, title: 'Dean', orgUnitId: units.history }] });
  });

  it('adds, edits and removes positions, re-indexing the person each time', async () => {
    const id = idOf(await a.librarian.post('/api/v1/people', { name: 'Mover' }));
    expect((await searchDoc(id))?.subtitle).toBeNull();
    const added = await a.librarian.post(`/api/v1/people/${id}/positions`, { orgUnitId: units.computing, title: 'Associate Dean', startDate: '2024-01-01' });
    expect(added.statusCode).toBe(201);
    const pos = added.json<PositionDto>();
    expect(pos).toMatchObject({ personId: id, orgUnitName: 'School of Computing', current: true });
    expect((await searchDoc(id))?.subtitle).toBe('Associate Dean, School of Computing');

    const early = await a.librarian.patch(`/api/v1/positions/${pos.id}`, { endDate: '2023-12-31' });
    expect(early.statusCode).toBe(400);
    expect(fields(early)).toEqual(['endDate']);
    const badAdd = await a.librarian.post(`/api/v1/people/${id}/positions`, { orgUnitId: units.history, title: 'X', startDate: '2024-05-01', endDate: '2024-04-01' });
    expect(fields(badAdd)).toEqual(['endDate']);

    const ended = await a.librarian.patch(`/api/v1/positions/${pos.id}`, { endDate: '2025-03-14', title: 'Associate Dean (Education)' });
    expect(ended.statusCode).toBe(200);
    expect(ended.json<PositionDto>()).toMatchObject({ title: 'Associate Dean (Education)', endDate: '2025-03-14', current: false });
    expect((await searchDoc(id))?.subtitle).toBeNull();
    expect((await searchDoc(id))?.folded_body).toContain('associate dean (education)');
    const person = (await a.viewer.get(`/api/v1/people/${id}`)).json<PersonDto>();
    expect(person.currentPositions).toEqual([]);
    expect(person.positions).toHaveLength(1);

    expect((await a.librarian.delete(`/api/v1/positions/${pos.id}`)).statusCode).toBe(204);
    expect((await a.viewer.get(`/api/v1/people/${id}`)).json<PersonDto>().positions).toEqual([]);
    expect((await searchDoc(id))?.folded_body).not.toContain('associate');
    expect((await a.librarian.delete(`/api/v1/positions/${pos.id}`)).statusCode).toBe(404);
    expect((await a.librarian.post(`/api/v1/people/${newId()}/positions`, { orgUnitId: units.history, title: 'X' })).statusCode).toBe(404);
  });
});

describe('lists, export, audit and deletion', () => {
  const tag = uniq('Cohort');
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    const make = async (name: string, body: Record<string, unknown>) => {
      const res = await a.librarian.post('/api/v1/people', { name, ...body });
      if (res.statusCode !== 201) throw new Error(res.body);
      ids[name] = idOf(res);
    };
    await make('Ada Lovelace', { isChampion: true, tags: [tag], email: 'ada@maths.example.ac.uk', positions: [{ orgUnitId: units.computing, title: 'Head of Department' }] });
    await make('Ben Okafor', { tags: [tag], positions: [
      { orgUnitId: units.computing, title: 'Module convenor', startDate: '2020-01-01', endDate: '2024-12-31' },
      { orgUnitId: units.history, title: 'Society president' },
    ] });
    await make('Cy Young', { isChampion: true, tags: [tag.toUpperCase()], positions: [{ orgUnitId: units.faculty, title: 'Associate Dean' }] });
    await make('Di Evans', { tags: ['other', tag] });
    await make('Eve Extra', { tags: [`${tag}x`] });
  });

  it('filters by tag, champion, org unit (current positions only) and subtree', async () => {
    expect(names(await list(a.viewer, `tag=${tag}`))).toEqual(['Ada Lovelace', 'Ben Okafor', 'Cy Young', 'Di Evans']);
    expect(names(await list(a.viewer, `tag=${tag}&champion=true`))).toEqual(['Ada Lovelace', 'Cy Young']);
    expect(names(await list(a.viewer, `tag=${tag}&champion=false`))).toEqual(['Ben Okafor', 'Di Evans']);
    expect(names(await list(a.viewer, `tag=${tag}&orgUnitId=${units.computing}`))).toEqual(['Ada Lovelace']);
    expect(names(await list(a.viewer, `tag=${tag}&withinId=${units.faculty}`))).toEqual(['Ada Lovelace', 'Cy Young']);
    expect(names(await list(a.viewer, `tag=${tag}&withinId=${units.history}`))).toEqual(['Ben Okafor']);
    expect(names(await list(a.viewer, 'q=MATHS.example'))).toEqual(['Ada Lovelace']);
    const bad = await a.viewer.get('/api/v1/people?champion=maybe&pageSize=500');
    expect(bad.statusCode).toBe(400);
    expect(fields(bad)).toEqual(expect.arrayContaining(['champion', 'pageSize']));
  });

  it('sort=key puts library champions first', async () => {
    const key = await list(a.viewer, `tag=${tag}&sort=key`);
    expect(key.items.map((i) => i.isChampion)).toEqual([true, true, false, false]);
    expect(key.items.slice(0, 2).map((i) => i.name).sort()).toEqual(['Ada Lovelace', 'Cy Young']);
  });

  it('sorts, paginates and carries current positions with unit names', async () => {
    const desc = await list(a.viewer, `tag=${tag}&sort=name&order=desc&pageSize=2&page=1`);
    expect(desc).toMatchObject({ total: 4, page: 1, pageSize: 2 });
    expect(desc.items.map((i) => i.name)).toEqual(['Di Evans', 'Cy Young']);
    const page2 = await list(a.viewer, `tag=${tag}&sort=name&order=desc&pageSize=2&page=2`);
    expect(page2.items.map((i) => i.name)).toEqual(['Ben Okafor', 'Ada Lovelace']);
    const ben = page2.items[0];
    expect(ben?.currentPositions).toEqual([expect.objectContaining({ title: 'Society president', orgUnitId: units.history, orgUnitName: 'History', current: true })]);
    expect(page2.items[1]?.currentPositions.map((p) => p.orgUnitName)).toEqual(['School of Computing']);
  });

  it('exports CSV with the same filters and formula escaping', async () => {
    await a.librarian.post('/api/v1/people', { name: '=HYPERLINK("http://evil")', tags: [tag, 'a,b'], email: 'csv@example.ac.uk', influence: 2 });
    const res = await a.viewer.get(`/api/v1/people.csv?tag=${tag}&sort=name`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const lines = res.body.replace(/^\uFEFF/, '').trim().split('\n');
    expect(lines[0]).toBe('id,name,email,phone,champion,influence,interest,stay_in_touch_days,tags,positions');
    expect(lines).toHaveLength(6);
    const evil = lines.find((l) => l.includes('HYPERLINK'));
    expect(evil).toContain(`"'=HYPERLINK(""http://evil"")",csv@example.ac.uk,,no,2,,,"${tag}; a,b",`);
    expect(lines.find((l) => l.includes('Ada Lovelace'))).toContain(',yes,,,,' + tag + ',"Head of Department, School of Computing"');
    const zoe = await a.viewer.get(`/api/v1/people.csv?q=${encodeURIComponent('Ångström')}`);
    expect(zoe.body).toContain('Zoë Ångström');
  });

  it('audits creates, updates and deletes of people and positions', async () => {
    const p = (await a.librarian.post('/api/v1/people', { name: 'Audited', tags: ['x'], positions: [{ orgUnitId: units.history, title: 'Lecturer' }] })).json<PersonDto>();
    const pos = p.positions[0]?.id ?? '';
    await a.librarian.patch(`/api/v1/people/${p.id}`, { name: 'Audited Again', tags: ['x', 'y'], influence: 4 });
    await a.librarian.patch(`/api/v1/positions/${pos}`, { title: 'Senior Lecturer' });
    const extra = idOf(await a.librarian.post(`/api/v1/people/${p.id}/positions`, { orgUnitId: units.computing, title: 'Visiting' }));
    await a.librarian.delete(`/api/v1/positions/${extra}`);
    expect((await a.manager.delete(`/api/v1/people/${p.id}`)).statusCode).toBe(204);

    type Entry = { action: string; entityType: string; changes: Record<string, { before: unknown; after: unknown }> };
    const audit = async (id: string) => (await a.admin.get(`/api/v1/audit?entityId=${id}`)).json<{ items: Entry[] }>().items;
    const person = await audit(p.id);
    expect(person.map((e) => `${e.entityType}:${e.action}`)).toEqual(['person:delete', 'person:update', 'person:create']);
    expect(person[1]?.changes).toEqual({ name: { before: 'Audited', after: 'Audited Again' }, tags: { before: ['x'], after: ['x', 'y'] }, influence: { before: null, after: 4 } });
    expect((await audit(pos)).map((e) => `${e.entityType}:${e.action}`)).toEqual(['position:delete', 'position:update', 'position:create']);
    expect((await audit(extra)).map((e) => e.action)).toEqual(['delete', 'create']);
  });

  it('deletes a person with their positions, but 409 while engagements refer to them', async () => {
    const linked = idOf(await a.librarian.post('/api/v1/people', { name: 'Linked', positions: [{ orgUnitId: units.history, title: 'Dean' }] }));
    const db = t.handle.db;
    const type = await db.selectFrom('vocab_terms').select('id').where('institution_id', '=', a.institutionId).where('kind', '=', 'engagement_type').executeTakeFirstOrThrow();
    const engagement = newId();
    const now = clock.now().toISOString();
    await db.insertInto('engagements').values({ id: engagement, institution_id: a.institutionId, type_id: type.id, occurred_on: TODAY, duration_minutes: null, summary: 'Met', outcome: null, follow_up: null, initiated_by: 'partner', attendance: null, created_by: null, created_at: now, updated_at: now }).execute();
    await db.insertInto('engagement_people').values({ engagement_id: engagement, person_id: linked, institution_id: a.institutionId, occurred_on: '2024-01-01' }).execute();

    const refused = await a.manager.delete(`/api/v1/people/${linked}`);
    expect(refused.statusCode).toBe(409);
    expect((await a.viewer.get(`/api/v1/people/${linked}`)).json<PersonDto>().positions).toHaveLength(1);

    await db.deleteFrom('engagement_people').where('engagement_id', '=', engagement).execute();
    expect((await a.manager.delete(`/api/v1/people/${linked}`)).statusCode).toBe(204);
    expect((await a.viewer.get(`/api/v1/people/${linked}`)).statusCode).toBe(404);
    expect(await db.selectFrom('positions').select('id').where('person_id', '=', linked).execute()).toEqual([]);
    expect(await searchDoc(linked)).toBeUndefined();
    expect((await a.manager.delete(`/api/v1/people/${linked}`)).statusCode).toBe(404);
  });
});
