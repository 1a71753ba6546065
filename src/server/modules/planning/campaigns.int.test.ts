import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CampaignDetailDto, CampaignDto } from '../../../shared/contracts/campaigns.ts';
import type { Page } from '../../../shared/contracts/common.ts';
import type { EngagementDto } from '../../../shared/contracts/engagements.ts';
import { buildTestApp, errorOf, newTenant, type Agent, type Tenant, type TestApp } from '../../../../test/app.ts';
import { engagementFixtures } from '../../../../test/engagements.ts';
import { expectSignInNeeded, planningFixtures, read } from '../../../../test/planning.ts';

// the institution's today is 15 March 2025
const clock = { now: () => new Date('2025-03-15T12:00:00Z') };

let t: TestApp;
let a: Tenant;
let b: Tenant;
const ef = engagementFixtures(() => t);
const pf = planningFixtures(() => t);
const units = { science: '', chemistry: '', physics: '', history: '', law: '', bUnit: '' };
const goals = { skills: '', visibility: '', bGoal: '' };
const fields = (res: Parameters<typeof errorOf>[0]) => errorOf(res).details?.map((d) => d.field);

const body = (over: Record<string, unknown> = {}) => ({
  name: 'Research data week', purpose: 'Raise awareness of data management plans', message: 'Your data, your future',
  startsOn: '2025-03-10', endsOn: '2025-03-21', targetOrgUnitIds: [units.history, units.science], goalIds: [goals.skills], ...over,
});
async function create(agent: Agent, over: Record<string, unknown> = {}): Promise<CampaignDto> {
  const res = await agent.post('/api/v1/campaigns', body(over));
  expect(res.statusCode, res.body).toBe(201);
  return res.json<CampaignDto>();
}
const list = (agent: Agent, query = '') => read<Page<CampaignDto>>(agent, `/api/v1/campaigns${query}`);
const detail = (agent: Agent, id: string) => read<CampaignDetailDto>(agent, `/api/v1/campaigns/${id}`);

beforeAll(async () => {
  t = await buildTestApp({ clock, env: { LOGIN_RATE_LIMIT: '1000' } });
  [a, b] = await Promise.all([newTenant(t), newTenant(t)]);
  await Promise.all([ef.loadVocab(a), ef.loadVocab(b)]);
  units.science = await ef.unit(a, 'Faculty of Science');
  units.chemistry = await ef.unit(a, 'Chemistry', units.science);
  units.physics = await ef.unit(a, 'Physics');
  units.history = await ef.unit(a, 'History');
  units.law = await ef.unit(a, 'Law');
  units.bUnit = await ef.unit(b, 'B Department');
  const mine = await pf.goals(a);
  goals.skills = mine.find((g) => g.title === 'Skills')?.id ?? '';
  goals.visibility = mine.find((g) => g.title === 'Visibility')?.id ?? '';
  goals.bGoal = (await pf.goals(b))[0]?.id ?? '';
});
afterAll(() => t?.close());

describe('campaigns: access and validation', () => {
  it('401 without a session on every route', () => expectSignInNeeded(t, '/api/v1/campaigns'));

  it('403 for a librarian or a viewer on every write; both can read', async () => {
    const c = await create(a.manager, { name: 'Access check' });
    for (const who of [a.librarian, a.viewer]) {
      expect((await who.post('/api/v1/campaigns', body({ name: 'Nope' }))).statusCode).toBe(403);
      expect((await who.patch(`/api/v1/campaigns/${c.id}`, { name: 'Nope' })).statusCode).toBe(403);
      expect((await who.delete(`/api/v1/campaigns/${c.id}`)).statusCode).toBe(403);
      expect((await detail(who, c.id)).name).toBe('Access check');
    }
    expect((await a.admin.delete(`/api/v1/campaigns/${c.id}`)).statusCode).toBe(204);
  });

  it('400 naming each bad field, 409 for a name in use; nothing written', async () => {
    const kept = await create(a.manager, { name: 'Open access week' });
    const before = await list(a.viewer, '?pageSize=200');
    const cases: [Record<string, unknown>, string][] = [
      [{ name: '  ' }, 'name'],
      [{ name: undefined }, 'name'],
      [{ startsOn: '10/03/2025' }, 'startsOn'],
      [{ endsOn: '2025-03-09' }, 'endsOn'],
      [{ targetOrgUnitIds: [units.history, units.bUnit] }, 'targetOrgUnitIds'],
      [{ goalIds: [goals.bGoal] }, 'goalIds'],
      [{ channel: 'email' }, 'channel'],
    ];
    for (const [over, field] of cases) {
      const res = await a.manager.post('/api/v1/campaigns', body({ name: 'Not written', ...over }));
      expect(res.statusCode, JSON.stringify(over)).toBe(400);
      expect(fields(res), JSON.stringify(over)).toEqual([field]);
    }
    const taken = await a.manager.post('/api/v1/campaigns', body({ name: 'Open access week' }));
    expect([taken.statusCode, fields(taken)]).toEqual([409, ['name']]);

    const other = await create(a.manager, { name: 'Copyright clinic' });
    const patches: [Record<string, unknown>, number, string][] = [
      [{ endsOn: '2025-03-01' }, 400, 'endsOn'],
      [{ startsOn: '2025-04-01' }, 400, 'startsOn'],
      [{ startsOn: '2025-03-22', endsOn: '2025-03-21' }, 400, 'endsOn'],
      [{ targetOrgUnitIds: [units.bUnit] }, 400, 'targetOrgUnitIds'],
      [{ goalIds: ['no-such-goal'] }, 400, 'goalIds'],
      [{ name: 'Open access week' }, 409, 'name'],
    ];
    for (const [patch, status, field] of patches) {
      const res = await a.manager.patch(`/api/v1/campaigns/${other.id}`, patch);
      expect(res.statusCode, JSON.stringify(patch)).toBe(status);
      expect(fields(res), JSON.stringify(patch)).toEqual([field]);
    }
    expect((await detail(a.viewer, other.id)).updatedAt).toBe(other.updatedAt);
    expect((await list(a.viewer, '?pageSize=200')).total).toBe(before.total + 1);
    for (const c of [kept, other]) expect((await a.manager.delete(`/api/v1/campaigns/${c.id}`)).statusCode).toBe(204);
  });

  it("another institution's campaign is not found", async () => {
    const c = await create(a.manager, { name: 'Ours alone' });
    expect((await b.viewer.get(`/api/v1/campaigns/${c.id}`)).statusCode).toBe(404);
    expect((await b.manager.patch(`/api/v1/campaigns/${c.id}`, { name: 'Theirs' })).statusCode).toBe(404);
    expect((await b.manager.delete(`/api/v1/campaigns/${c.id}`)).statusCode).toBe(404);
    expect((await list(b.viewer)).items.map((x) => x.id)).not.toContain(c.id);
    // a campaign of another institution cannot be linked to an engagement either
    const res = await b.librarian.post('/api/v1/engagements', { typeId: ef.types(b).meeting, occurredOn: '2025-03-12', summary: 'Try', orgUnitIds: [units.bUnit], campaignIds: [c.id] });
    expect([res.statusCode, fields(res)]).toEqual([400, ['campaignIds']]);
    expect((await a.manager.delete(`/api/v1/campaigns/${c.id}`)).statusCode).toBe(204);
  });
});

describe('campaigns: the list', () => {
  it('filters by status as of the institution’s today and by folded name, latest start first, in pages', async () => {
    const c = await newTenant(t);
    const make = async (name: string, startsOn: string, endsOn: string) => {
      const res = await c.manager.post('/api/v1/campaigns', { name, startsOn, endsOn });
      expect(res.statusCode, res.body).toBe(201);
      return res.json<CampaignDto>();
    };
    const past = await make('Induction 2024', '2024-09-16', '2024-10-04');
    const endsToday = await make('Café skills', '2025-03-01', '2025-03-15');
    const startsToday = await make('Zotero month', '2025-03-15', '2025-04-15');
    const alsoToday = await make('AI literacy', '2025-03-15', '2025-03-31');
    const upcoming = await make('Open access week', '2025-10-20', '2025-10-26');
    expect([past.status, endsToday.status, startsToday.status, upcoming.status]).toEqual(['past', 'current', 'current', 'upcoming']);

    const names = async (q: string) => (await list(c.viewer, q)).items.map((x) => x.name);
    expect(await names('')).toEqual(['Open access week', 'AI literacy', 'Zotero month', 'Café skills', 'Induction 2024']);
    expect(await names('?status=current')).toEqual(['AI literacy', 'Zotero month', 'Café skills']);
    expect(await names('?status=upcoming')).toEqual(['Open access week']);
    expect(await names('?status=past')).toEqual(['Induction 2024']);
    expect(await names('?q=CAFE')).toEqual(['Café skills']);
    expect(await names('?q=i&status=current')).toEqual(['AI literacy', 'Café skills']);
    // the text is matched as written: a % is no wildcard
    expect(await names('?q=%25')).toEqual([]);
    const paged = await list(c.viewer, '?pageSize=2&page=2');
    expect([paged.total, paged.page, paged.pageSize, paged.items.map((x) => x.id)]).toEqual([5, 2, 2, [startsToday.id, endsToday.id]]);
    expect(alsoToday.reach).toEqual({ targeted: 0, engaged: 0 });
    const bad = await c.viewer.get('/api/v1/campaigns?status=soon');
    expect([bad.statusCode, fields(bad)]).toEqual([400, ['status']]);
  });
});

describe('campaigns: reach and what came of it', () => {
  it('counts a target as reached when a linked engagement names it or a unit below it, and sums up the outcomes', async () => {
    const c = await create(a.manager, { name: 'Data week', targetOrgUnitIds: [units.law, units.history, units.science], goalIds: [goals.visibility, goals.skills] });
    expect(c).toMatchObject({
      status: 'current', purpose: 'Raise awareness of data management plans', message: 'Your data, your future', startsOn: '2025-03-10', endsOn: '2025-03-21',
      targets: [{ id: units.science, name: 'Faculty of Science' }, { id: units.history, name: 'History' }, { id: units.law, name: 'Law' }],
      goals: [
        { id: goals.visibility, title: 'Visibility', owner: 'library', parent: null },
        { id: goals.skills, title: 'Skills', owner: 'library', parent: null },
      ].sort((x, y) => (x.title < y.title ? -1 : 1)),
      reach: { targeted: 3, engaged: 0 },
    });
    const types = ef.types(a);
    const linked = { campaignIds: [c.id] };
    const inChemistry = await ef.log(a.librarian, a, { ...linked, orgUnitIds: [units.chemistry], occurredOn: '2025-03-11', summary: 'DMP workshop for chemists', typeId: types.workshop, attendance: 25, outcome: 'Three DMPs drafted' });
    const history1 = await ef.log(a.librarian, a, { ...linked, orgUnitIds: [units.history], occurredOn: '2025-03-12', summary: 'Teaching: archives and data', typeId: types.teaching_session, attendance: 40 });
    const history2 = await ef.log(a.librarian, a, { ...linked, orgUnitIds: [units.history, units.physics], occurredOn: '2025-03-14', summary: 'Joint session', typeId: types.teaching_session });
    const physicsOnly = await ef.log(a.librarian, a, { ...linked, orgUnitIds: [units.physics], occurredOn: '2025-03-13', summary: 'Physics drop-in', attendance: 5 });
    // Law was engaged, but not in this campaign
    const unlinked = await ef.log(a.librarian, a, { orgUnitIds: [units.law], occurredOn: '2025-03-12', summary: 'Law meeting' });
    await pf.opportunity(a, { title: 'Data champions scheme', stage: 'hook_found', triggerEngagementId: inChemistry.id });
    await pf.opportunity(a, { title: 'Archive data course', stage: 'piloting', engagementIds: [history1.id, history2.id] });
    await pf.opportunity(a, { title: 'Spotted at Law', triggerEngagementId: unlinked.id });

    const d = await detail(a.viewer, c.id);
    expect(d.reach).toEqual({ targeted: 3, engaged: 2 });
    expect(d.targetReach).toEqual([
      { id: units.science, name: 'Faculty of Science', engagements: 1, lastOn: '2025-03-11' },
      { id: units.history, name: 'History', engagements: 2, lastOn: '2025-03-14' },
      { id: units.law, name: 'Law', engagements: 0, lastOn: null },
    ]);
    expect(d.outcomes.engagements).toBe(4);
    expect(d.outcomes.attendance).toBe(70);
    expect(d.outcomes.byType).toEqual([{ label: 'Teaching session', count: 2 }, { label: 'Meeting', count: 1 }, { label: 'Workshop', count: 1 }]);
    expect(d.outcomes.recent).toEqual([
      { id: history2.id, occurredOn: '2025-03-14', summary: 'Joint session', outcome: null, type: 'Teaching session', orgUnits: ['History', 'Physics'] },
      { id: physicsOnly.id, occurredOn: '2025-03-13', summary: 'Physics drop-in', outcome: null, type: 'Meeting', orgUnits: ['Physics'] },
      { id: history1.id, occurredOn: '2025-03-12', summary: 'Teaching: archives and data', outcome: null, type: 'Teaching session', orgUnits: ['History'] },
      { id: inChemistry.id, occurredOn: '2025-03-11', summary: 'DMP workshop for chemists', outcome: 'Three DMPs drafted', type: 'Workshop', orgUnits: ['Chemistry'] },
    ]);
    expect(d.outcomes.opportunities.map((o) => [o.title, o.stage])).toEqual([['Archive data course', 'piloting'], ['Data champions scheme', 'hook_found']]);
    expect((await list(a.viewer, '?q=data%20week')).items.map((x) => [x.name, x.reach])).toEqual([['Data week', { targeted: 3, engaged: 2 }]]);
    // the same engagements reach nothing for a campaign they are not linked to
    const other = await create(a.manager, { name: 'Quiet campaign', targetOrgUnitIds: [units.history] });
    expect((await detail(a.viewer, other.id)).targetReach).toEqual([{ id: units.history, name: 'History', engagements: 0, lastOn: null }]);
  });

  it('edits with lists that replace, keeps a goal retired since it was chosen, and audits every write', async () => {
    const c = await create(a.manager, { name: 'Referencing fortnight', targetOrgUnitIds: [units.history], goalIds: [goals.skills] });
    const retiring = (await a.manager.post('/api/v1/goals', { owner: 'library', title: 'Retiring soon' })).json<{ id: string }>().id;
    await a.manager.patch(`/api/v1/campaigns/${c.id}`, { goalIds: [goals.skills, retiring] });
    expect((await a.manager.patch(`/api/v1/goals/${retiring}`, { active: false })).statusCode).toBe(200);

    const res = await a.manager.patch(`/api/v1/campaigns/${c.id}`, {
      name: 'Referencing month', purpose: '', endsOn: '2025-04-09', targetOrgUnitIds: [units.law, units.physics], goalIds: [retiring],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<CampaignDto>()).toMatchObject({
      name: 'Referencing month', purpose: null, message: 'Your data, your future', startsOn: '2025-03-10', endsOn: '2025-04-09',
      targets: [{ id: units.law, name: 'Law' }, { id: units.physics, name: 'Physics' }], goals: [{ id: retiring, title: 'Retiring soon' }],
    });
    // a retired goal cannot be newly chosen
    const again = await a.manager.patch(`/api/v1/campaigns/${c.id}`, { goalIds: [retiring, goals.skills] });
    expect((await a.manager.patch(`/api/v1/campaigns/${c.id}`, { goalIds: [] })).json<CampaignDto>().goals).toEqual([]);
    const readd = await a.manager.patch(`/api/v1/campaigns/${c.id}`, { goalIds: [retiring] });
    expect([again.statusCode, readd.statusCode, fields(readd)]).toEqual([200, 400, ['goalIds']]);

    type Entry = { action: string; entityType: string; changes: Record<string, { before: unknown; after: unknown }> };
    const audit = (await a.admin.get(`/api/v1/audit?entityId=${c.id}`)).json<{ items: Entry[] }>().items;
    expect(audit.map((e) => `${e.entityType}:${e.action}`)).toEqual(['campaign:update', 'campaign:update', 'campaign:update', 'campaign:update', 'campaign:create']);
    expect(audit[2]?.changes).toEqual({
      name: { before: 'Referencing fortnight', after: 'Referencing month' },
      purpose: { before: 'Raise awareness of data management plans', after: null },
      ends_on: { before: '2025-03-21', after: '2025-04-09' },
      target_org_unit_ids: { before: [units.history], after: [units.law, units.physics].sort() },
      goal_ids: { before: [goals.skills, retiring].sort(), after: [retiring] },
    });
  });

  it('deletes a campaign and its links; its engagements stay', async () => {
    const c = await create(a.manager, { name: 'Short-lived', targetOrgUnitIds: [units.history] });
    const e = await ef.log(a.librarian, a, { orgUnitIds: [units.history], occurredOn: '2025-03-12', campaignIds: [c.id] });
    expect((await a.manager.delete(`/api/v1/campaigns/${c.id}`)).statusCode).toBe(204);
    expect((await a.viewer.get(`/api/v1/campaigns/${c.id}`)).statusCode).toBe(404);
    const kept = await a.viewer.get(`/api/v1/engagements/${e.id}`);
    expect([kept.statusCode, kept.json<EngagementDto>().campaigns]).toEqual([200, []]);
    const audit = (await a.admin.get(`/api/v1/audit?entityId=${c.id}`)).json<{ items: { action: string; changes: Record<string, { before: unknown }> }[] }>().items;
    expect(audit[0]?.action).toBe('delete');
    expect(audit[0]?.changes.target_org_unit_ids?.before).toEqual([units.history]);
    // its name is free again
    expect((await a.manager.post('/api/v1/campaigns', body({ name: 'Short-lived' }))).statusCode).toBe(201);
  });
});
