import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PartnershipTemplateDto } from '../../../shared/contracts/partnership.ts';
import { buildTestApp, errorOf, newTenant, type Agent, type Tenant, type TestApp } from '../../../../test/app.ts';

const clock = { now: () => new Date('2025-03-15T12:00:00Z') };

let t: TestApp;
let a: Tenant;
let b: Tenant;
const typesOf: Record<string, Record<string, string>> = {};
/** a's tree: Faculty of Science > Chemistry; History apart. b has one unit. */
const units = { science: '', chemistry: '', history: '', bUnit: '' };

const idOf = (res: { json: <T>() => T }) => res.json<{ id: string }>().id;
const fields = (res: Parameters<typeof errorOf>[0]) => errorOf(res).details?.map((d) => d.field);
const types = (tenant: Tenant) => typesOf[tenant.institutionId] ?? {};

async function unit(agent: Agent, name: string, type: string, parentId?: string) {
  const res = await agent.post('/api/v1/org-units', { name, type, ...(parentId ? { parentId } : {}) });
  expect(res.statusCode, res.body).toBe(201);
  return idOf(res);
}

/** A valid body; `over` replaces fields. */
const body = (tenant: Tenant, over: Record<string, unknown> = {}) => ({
  name: 'Research centres model',
  appliesTo: 'units',
  units: [{ orgUnitId: units.science, includeDescendants: true }],
  activities: [
    { name: 'Termly meeting with the Director', typeId: types(tenant).meeting, positionTitle: 'Director', cadence: 'termly' },
    { name: 'Committee', typeId: types(tenant).committee, cadence: 'per_meeting', perYear: 4 },
  ],
  ...over,
});

async function create(agent: Agent, tenant: Tenant, over: Record<string, unknown> = {}) {
  const res = await agent.post('/api/v1/partnership-templates', body(tenant, over));
  expect(res.statusCode, res.body).toBe(201);
  return res.json<PartnershipTemplateDto>();
}

beforeAll(async () => {
  t = await buildTestApp({ clock });
  [a, b] = await Promise.all([newTenant(t), newTenant(t)]);
  for (const tenant of [a, b]) {
    const terms = (await tenant.viewer.get('/api/v1/vocab?kind=engagement_type')).json<{ key: string; id: string }[]>();
    typesOf[tenant.institutionId] = Object.fromEntries(terms.map((x) => [x.key, x.id]));
  }
  units.science = await unit(a.manager, 'Faculty of Science', 'faculty');
  units.chemistry = await unit(a.manager, 'Chemistry', 'department', units.science);
  units.history = await unit(a.manager, 'History', 'department');
  units.bUnit = await unit(b.manager, 'B Department', 'department');
});
afterAll(() => t?.close());

describe('partnership templates: access and validation', () => {
  it('401 without a session on every route', async () => {
    const routes: [string, string][] = [
      ['GET', '/api/v1/partnership-templates'], ['GET', '/api/v1/partnership-templates/x'], ['POST', '/api/v1/partnership-templates'],
      ['PATCH', '/api/v1/partnership-templates/x'], ['DELETE', '/api/v1/partnership-templates/x'], ['GET', '/api/v1/org-units/x/cadence'],
    ];
    for (const [method, url] of routes) {
      const res = await t.app.inject({ method: method as 'GET', url, ...(method === 'GET' || method === 'DELETE' ? {} : { headers: { 'content-type': 'application/json' }, payload: '{}' }) });
      expect(res.statusCode, `${method} ${url}`).toBe(401);
      expect(errorOf(res).code).toBe('UNAUTHENTICATED');
    }
  });

  it('a new institution starts with the Loughborough partnership model, for all departments', async () => {
    const res = await a.viewer.get('/api/v1/partnership-templates');
    expect(res.statusCode).toBe(200);
    const [seeded, ...rest] = res.json<PartnershipTemplateDto[]>();
    expect(rest).toEqual([]);
    expect(seeded).toMatchObject({ name: 'Loughborough partnership model', appliesTo: 'all_departments', active: true, units: [] });
    expect(seeded?.activities.map((x) => [x.name, x.type.id, x.positionTitle, x.cadence, x.perYear])).toEqual([
      ['Regular meeting with the Associate Dean', types(a).meeting, 'Associate Dean', 'termly', null],
      ['Annual meeting with the School Leadership Team', types(a).meeting, 'Head of', 'yearly', null],
      ['Annual review of teaching and research support', types(a).annual_review, null, 'yearly', null],
      ['Attendance at the staff-student committee', types(a).committee, null, 'per_meeting', 3],
      ['Listed on the school website and mailing lists', types(a).promotion, null, 'once', null],
    ]);
    expect(seeded?.activities[2]?.type.label).toBe('Annual review');
  });

  it('403 for a librarian or a viewer on every write; both can read', async () => {
    const tpl = await create(a.manager, a, { name: 'Access check' });
    for (const who of [a.librarian, a.viewer]) {
      expect((await who.post('/api/v1/partnership-templates', body(a, { name: 'Nope' }))).statusCode).toBe(403);
      expect((await who.patch(`/api/v1/partnership-templates/${tpl.id}`, { active: false })).statusCode).toBe(403);
      expect((await who.delete(`/api/v1/partnership-templates/${tpl.id}`)).statusCode).toBe(403);
      expect((await who.get(`/api/v1/partnership-templates/${tpl.id}`)).json()).toEqual(tpl);
    }
    expect((await a.admin.delete(`/api/v1/partnership-templates/${tpl.id}`)).statusCode).toBe(204);
  });

  it('400 naming each bad field; nothing written', async () => {
    const count = async () => (await a.viewer.get('/api/v1/partnership-templates')).json<unknown[]>().length;
    const before = await count();
    const theme = (await a.viewer.get('/api/v1/vocab?kind=theme')).json<{ id: string }[]>()[0]?.id;
    const refs = await a.manager.post('/api/v1/partnership-templates', body(a, {
      units: [{ orgUnitId: units.chemistry }, { orgUnitId: units.bUnit }, { orgUnitId: units.chemistry }],
      activities: [
        { name: 'Fine', typeId: types(a).meeting, cadence: 'yearly' },
        { name: "Another institution's type", typeId: types(b).meeting, cadence: 'yearly' },
        { name: 'A theme', typeId: theme, cadence: 'once' },
        { id: 'not-yet-an-activity', name: 'An id', typeId: types(a).call, cadence: 'yearly' },
      ],
    }));
    expect(refs.statusCode).toBe(400);
    expect(fields(refs)).toEqual(['activities.1.typeId', 'activities.2.typeId', 'activities.3.id', 'units.1.orgUnitId', 'units.2.orgUnitId']);

    const cases: [Record<string, unknown>, string][] = [
      [{ activities: [{ name: 'Committee', typeId: types(a).committee, cadence: 'per_meeting' }] }, 'activities.0.perYear'],
      [{ activities: [{ name: 'Committee', typeId: types(a).committee, cadence: 'per_meeting', perYear: 13 }] }, 'activities.0.perYear'],
      [{ activities: [{ name: 'Weekly', typeId: types(a).committee, cadence: 'weekly' }] }, 'activities.0.cadence'],
      [{ activities: [] }, 'activities'],
      [{ units: [] }, 'units'],
      [{ name: '  ' }, 'name'],
      [{ colour: 'green' }, 'colour'],
    ];
    for (const [over, field] of cases) {
      const res = await a.manager.post('/api/v1/partnership-templates', body(a, over));
      expect(res.statusCode, field).toBe(400);
      expect(fields(res), field).toContain(field);
    }

    // a retired engagement type cannot be chosen for a new key activity
    const retired = idOf(await a.admin.post('/api/v1/vocab', { kind: 'engagement_type', key: 'fax', label: 'Fax' }));
    expect((await a.admin.patch(`/api/v1/vocab/${retired}`, { active: false })).statusCode).toBe(200);
    const res = await a.manager.post('/api/v1/partnership-templates', body(a, { activities: [{ name: 'Faxes', typeId: retired, cadence: 'yearly' }] }));
    expect(errorOf(res).details).toEqual([{ field: 'activities.0.typeId', message: 'is a retired engagement type' }]);
    expect(await count()).toBe(before);
  });

  it('409 naming `name` for a name already in use, on create and on rename', async () => {
    const first = await create(a.manager, a, { name: 'Twins' });
    const dupe = await a.manager.post('/api/v1/partnership-templates', body(a, { name: 'Twins' }));
    expect(dupe.statusCode).toBe(409);
    expect(errorOf(dupe)).toMatchObject({ code: 'CONFLICT', details: [{ field: 'name' }] });
    const other = await create(a.manager, a, { name: 'Not twins' });
    const rename = await a.manager.patch(`/api/v1/partnership-templates/${other.id}`, { name: 'Twins' });
    expect(rename.statusCode).toBe(409);
    expect(fields(rename)).toEqual(['name']);
    // keeping one's own name is no clash; another institution may use it too
    expect((await a.manager.patch(`/api/v1/partnership-templates/${first.id}`, { name: 'Twins' })).statusCode).toBe(200);
    await create(b.manager, b, { name: 'Twins', units: [{ orgUnitId: units.bUnit }] });
    for (const x of [first, other]) await a.manager.delete(`/api/v1/partnership-templates/${x.id}`);
  });
});

describe('partnership templates: create, edit, delete', () => {
  it('a manager creates a template for named units; it reads back and lists by name', async () => {
    const tpl = await create(a.manager, a, {
      name: 'Research centres model', description: 'For the centres', units: [{ orgUnitId: units.science, includeDescendants: true }, { orgUnitId: units.history }],
    });
    expect(tpl).toMatchObject({
      name: 'Research centres model', description: 'For the centres', appliesTo: 'units', active: true, updatedAt: '2025-03-15T12:00:00.000Z',
      units: [{ id: units.science, name: 'Faculty of Science', includeDescendants: true }, { id: units.history, name: 'History', includeDescendants: false }],
      activities: [
        { name: 'Termly meeting with the Director', type: { id: types(a).meeting, label: 'Meeting' }, positionTitle: 'Director', cadence: 'termly', perYear: null },
        { name: 'Committee', type: { id: types(a).committee, label: 'Committee' }, positionTitle: null, cadence: 'per_meeting', perYear: 4 },
      ],
    });
    expect((await a.viewer.get(`/api/v1/partnership-templates/${tpl.id}`)).json()).toEqual(tpl);
    const list = (await a.viewer.get('/api/v1/partnership-templates')).json<PartnershipTemplateDto[]>();
    expect(list.map((x) => x.name)).toEqual(['Loughborough partnership model', 'Research centres model']);
    expect(list[1]).toEqual(tpl);
    await a.manager.delete(`/api/v1/partnership-templates/${tpl.id}`);
  });

  it('PATCH keeps activities named by id, adds those without, removes the rest; units are replaced', async () => {
    const tpl = await create(a.manager, a, { name: 'Editable' });
    const [director, committee] = tpl.activities;
    const res = await a.manager.patch(`/api/v1/partnership-templates/${tpl.id}`, {
      description: 'Now described',
      units: [{ orgUnitId: units.history }],
      activities: [
        { id: committee?.id, name: 'Committee, renamed', typeId: types(a).committee, cadence: 'per_meeting', perYear: 2 },
        { name: 'Annual review', typeId: types(a).annual_review, cadence: 'yearly', perYear: 5 },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    const after = res.json<PartnershipTemplateDto>();
    expect(after.activities.map((x) => [x.name, x.cadence, x.perYear])).toEqual([['Committee, renamed', 'per_meeting', 2], ['Annual review', 'yearly', null]]);
    expect(after.activities[0]?.id).toBe(committee?.id);
    expect(after.activities.map((x) => x.id)).not.toContain(director?.id);
    expect(after.units).toEqual([{ id: units.history, name: 'History', includeDescendants: false }]);
    expect(after.description).toBe('Now described');

    // an id that is not this template's is refused, naming its place in the list
    const seeded = (await a.viewer.get('/api/v1/partnership-templates')).json<PartnershipTemplateDto[]>().find((x) => x.name === 'Loughborough partnership model');
    const foreign = await a.manager.patch(`/api/v1/partnership-templates/${tpl.id}`, {
      activities: [{ id: committee?.id, name: 'Kept', typeId: types(a).committee, cadence: 'yearly' }, { id: seeded?.activities[0]?.id, name: 'Stolen', typeId: types(a).meeting, cadence: 'yearly' }],
    });
    expect(foreign.statusCode).toBe(400);
    expect(fields(foreign)).toEqual(['activities.1.id']);
    const twice = await a.manager.patch(`/api/v1/partnership-templates/${tpl.id}`, {
      activities: [{ id: committee?.id, name: 'One', typeId: types(a).committee, cadence: 'yearly' }, { id: committee?.id, name: 'Two', typeId: types(a).committee, cadence: 'yearly' }],
    });
    expect(fields(twice)).toEqual(['activities.1.id']);

    // a template naming units needs at least one; switching to all departments clears the list
    expect(fields(await a.manager.patch(`/api/v1/partnership-templates/${tpl.id}`, { units: [] }))).toEqual(['units']);
    expect(fields(await a.manager.patch(`/api/v1/partnership-templates/${tpl.id}`, { appliesTo: 'units', units: [] }))).toEqual(['units']);
    const everywhere = (await a.manager.patch(`/api/v1/partnership-templates/${tpl.id}`, { appliesTo: 'all_departments', active: false })).json<PartnershipTemplateDto>();
    expect(everywhere).toMatchObject({ appliesTo: 'all_departments', active: false, units: [] });
    expect(everywhere.activities).toEqual(after.activities);
  });

  it('deletes, with every change in the audit trail', async () => {
    const tpl = await create(a.manager, a, { name: 'Short-lived' });
    await a.manager.patch(`/api/v1/partnership-templates/${tpl.id}`, { name: 'Shorter-lived', activities: [{ id: tpl.activities[1]?.id, name: 'Committee', typeId: types(a).committee, cadence: 'per_meeting', perYear: 4 }] });
    expect((await a.manager.delete(`/api/v1/partnership-templates/${tpl.id}`)).statusCode).toBe(204);
    expect((await a.manager.get(`/api/v1/partnership-templates/${tpl.id}`)).statusCode).toBe(404);
    expect((await a.manager.delete(`/api/v1/partnership-templates/${tpl.id}`)).statusCode).toBe(404);
    type Entry = { action: string; entityType: string; changes: Record<string, { before: unknown; after: unknown }> };
    const audit = (await a.admin.get(`/api/v1/audit?entityId=${tpl.id}`)).json<{ items: Entry[] }>().items;
    expect(audit.map((e) => `${e.entityType}:${e.action}`)).toEqual(['partnership_template:delete', 'partnership_template:update', 'partnership_template:create']);
    expect(Object.keys(audit[1]?.changes ?? {}).sort()).toEqual(['activities', 'name']);
    expect(audit[1]?.changes.name).toEqual({ before: 'Short-lived', after: 'Shorter-lived' });
    expect((audit[1]?.changes.activities?.after as unknown[]).length).toBe(1);
  });

  it("404 for another institution's template; its ids are refused in a body", async () => {
    const mine = await create(a.manager, a, { name: 'Mine alone' });
    expect((await b.admin.get(`/api/v1/partnership-templates/${mine.id}`)).statusCode).toBe(404);
    expect((await b.admin.patch(`/api/v1/partnership-templates/${mine.id}`, { active: false })).statusCode).toBe(404);
    expect((await b.admin.delete(`/api/v1/partnership-templates/${mine.id}`)).statusCode).toBe(404);
    expect((await b.viewer.get('/api/v1/partnership-templates')).json<PartnershipTemplateDto[]>().map((x) => x.name)).not.toContain('Mine alone');
    const cross = await b.manager.post('/api/v1/partnership-templates', body(b, { name: 'Cross', units: [{ orgUnitId: units.chemistry }] }));
    expect(fields(cross)).toEqual(['units.0.orgUnitId']);
    const bSeeded = (await b.viewer.get('/api/v1/partnership-templates')).json<PartnershipTemplateDto[]>()[0];
    const steal = await b.manager.patch(`/api/v1/partnership-templates/${bSeeded?.id}`, { activities: [{ id: mine.activities[0]?.id, name: 'Stolen', typeId: types(b).meeting, cadence: 'yearly' }] });
    expect(fields(steal)).toEqual(['activities.0.id']);
    expect((await a.viewer.get(`/api/v1/partnership-templates/${mine.id}`)).json()).toEqual(mine);
  });
});
