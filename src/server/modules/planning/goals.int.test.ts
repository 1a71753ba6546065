import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GoalDetailDto, GoalDto } from '../../../shared/contracts/goals.ts';
import { buildTestApp, errorOf, newTenant, type Agent, type Tenant, type TestApp } from '../../../../test/app.ts';
import { engagementFixtures } from '../../../../test/engagements.ts';
import { expectSignInNeeded, planningFixtures, read } from '../../../../test/planning.ts';

const clock = { now: () => new Date('2025-03-15T12:00:00Z') };

let t: TestApp;
let a: Tenant;
let b: Tenant;
const ef = engagementFixtures(() => t);
const pf = planningFixtures(() => t);
const fields = (res: Parameters<typeof errorOf>[0]) => errorOf(res).details?.map((d) => d.field);

async function create(agent: Agent, body: Record<string, unknown>): Promise<GoalDto> {
  const res = await agent.post('/api/v1/goals', body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json<GoalDto>();
}
const detail = (agent: Agent, id: string) => read<GoalDetailDto>(agent, `/api/v1/goals/${id}`);

beforeAll(async () => {
  t = await buildTestApp({ clock, env: { LOGIN_RATE_LIMIT: '1000' } });
  [a, b] = await Promise.all([newTenant(t), newTenant(t)]);
  await Promise.all([ef.loadVocab(a), ef.loadVocab(b)]);
});
afterAll(() => t?.close());

describe('goals: access and validation', () => {
  it('401 without a session on every route', () => expectSignInNeeded(t, '/api/v1/goals'));

  it('a new institution starts with the six library goals of the talk, in order, and no institutional ones', async () => {
    const goals = await pf.goals(b, true);
    expect(goals.map((g) => [g.owner, g.title, g.active, g.objectives])).toEqual([
      ['library', 'Visibility', true, []], ['library', 'Relations', true, []], ['library', 'Skills', true, []],
      ['library', 'Research & Knowledge', true, []], ['library', 'Education & Learning', true, []], ['library', 'Community & Citizens', true, []],
    ]);
    expect(new Set(goals.map((g) => g.id)).size).toBe(6);
    expect((await pf.goals(a)).map((g) => g.id)).not.toContain(goals[0]?.id);
  });

  it('403 for a librarian or a viewer on every write; both can read', async () => {
    const goal = await create(a.manager, { owner: 'institution', title: 'Access check' });
    for (const who of [a.librarian, a.viewer]) {
      expect((await who.post('/api/v1/goals', { owner: 'library', title: 'Nope' })).statusCode).toBe(403);
      expect((await who.patch(`/api/v1/goals/${goal.id}`, { title: 'Nope' })).statusCode).toBe(403);
      expect((await who.delete(`/api/v1/goals/${goal.id}`)).statusCode).toBe(403);
      expect((await detail(who, goal.id)).goal.title).toBe('Access check');
    }
    expect((await a.admin.delete(`/api/v1/goals/${goal.id}`)).statusCode).toBe(204);
  });

  it('400 naming each bad field; nothing written', async () => {
    const before = await pf.goals(a, true);
    const skills = before.find((g) => g.title === 'Skills');
    if (!skills) throw new Error('no Skills goal');
    const objective = (await create(a.manager, { parentId: skills.id, title: 'Embed digital skills' })).objectives[0];
    const bGoal = (await pf.goals(b))[0];
    const written = await pf.goals(a, true);
    const cases: [Record<string, unknown>, string][] = [
      [{ title: 'No owner' }, 'owner'],
      [{ owner: 'faculty', title: 'Bad owner' }, 'owner'],
      [{ owner: 'library', title: '   ' }, 'title'],
      [{ owner: 'library', title: 'x'.repeat(201) }, 'title'],
      [{ owner: 'library', title: 'Colour', colour: 'green' }, 'colour'],
      [{ parentId: bGoal?.id, title: "Under another institution's goal" }, 'parentId'],
      [{ parentId: objective?.id, title: 'Three levels' }, 'parentId'],
      [{ parentId: skills.id, owner: 'institution', title: 'Another owner' }, 'owner'],
      [{ owner: 'library', title: 'Far', sortOrder: -1 }, 'sortOrder'],
    ];
    for (const [body, field] of cases) {
      const res = await a.manager.post('/api/v1/goals', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(fields(res), JSON.stringify(body)).toContain(field);
    }
    for (const [body, field] of [[{ title: '' }, 'title'], [{ active: 'no' }, 'active'], [{ owner: 'institution' }, 'owner']] as const) {
      const res = await a.manager.patch(`/api/v1/goals/${skills.id}`, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(fields(res)).toEqual([field]);
    }
    expect(await pf.goals(a, true)).toEqual(written);
    expect((await a.manager.delete(`/api/v1/goals/${objective?.id ?? ''}`)).statusCode).toBe(204);
  });

  it("another institution's goal is not found", async () => {
    const goal = await create(a.manager, { owner: 'institution', title: 'Ours alone' });
    expect((await b.viewer.get(`/api/v1/goals/${goal.id}`)).statusCode).toBe(404);
    expect((await b.manager.patch(`/api/v1/goals/${goal.id}`, { title: 'Theirs' })).statusCode).toBe(404);
    expect((await b.manager.delete(`/api/v1/goals/${goal.id}`)).statusCode).toBe(404);
    expect((await pf.goals(b, true)).map((g) => g.id)).not.toContain(goal.id);
    expect((await detail(a.viewer, goal.id)).goal.title).toBe('Ours alone');
    expect((await a.manager.delete(`/api/v1/goals/${goal.id}`)).statusCode).toBe(204);
  });
});

describe('goals: the strategy and its objectives', () => {
  it('orders library strategy first, then by sort order and title; objectives nest under their goal', async () => {
    const c = await newTenant(t);
    const late = await create(c.manager, { owner: 'institution', title: 'Zeta: civic university', sortOrder: 5 });
    const early = await create(c.manager, { owner: 'institution', title: 'Beta: research excellence', sortOrder: 5 });
    const first = await create(c.manager, { owner: 'institution', title: 'Omega: student success', sortOrder: 1 });
    expect(first).toMatchObject({ owner: 'institution', title: 'Omega: student success', description: null, active: true, sortOrder: 1, objectives: [] });
    const added = await create(c.manager, { owner: 'library', title: 'Open research', description: 'Make our research open' });
    expect(added.sortOrder).toBe(60);

    // an objective answers with its goal, owner taken from it; without a sort order it goes last
    const one = await create(c.manager, { parentId: early.id, title: 'Grow grant income' });
    const two = await create(c.manager, { parentId: early.id, owner: 'institution', title: 'Attract doctoral students', description: 'PGR recruitment' });
    expect(two.id).toBe(early.id);
    expect(two.objectives.map((o) => [o.title, o.sortOrder, o.description, o.active])).toEqual([
      ['Grow grant income', 0, null, true], ['Attract doctoral students', 10, 'PGR recruitment', true],
    ]);
    expect(one.objectives).toHaveLength(1);
    await create(c.manager, { parentId: early.id, title: 'Accelerate impact', sortOrder: 10 });

    const goals = await pf.goals(c);
    expect(goals.map((g) => `${g.owner}:${g.title}`)).toEqual([
      'library:Visibility', 'library:Relations', 'library:Skills', 'library:Research & Knowledge', 'library:Education & Learning', 'library:Community & Citizens',
      'library:Open research', 'institution:Omega: student success', 'institution:Beta: research excellence', 'institution:Zeta: civic university',
    ]);
    expect(goals.find((g) => g.id === early.id)?.objectives.map((o) => o.title)).toEqual(['Grow grant income', 'Accelerate impact', 'Attract doctoral students']);
    expect(goals.find((g) => g.id === late.id)?.objectives).toEqual([]);
  });

  it('edits a goal; retiring it retires its objectives, which come back one by one once the goal is restored', async () => {
    const c = await newTenant(t);
    const goal = await create(c.manager, { owner: 'institution', title: 'Digital campus' });
    const withObjectives = await create(c.manager, { parentId: goal.id, title: 'Online learning' });
    await create(c.manager, { parentId: goal.id, title: 'Data literacy' });
    const [online] = withObjectives.objectives;
    if (!online) throw new Error('no objective');

    const edited = await c.manager.patch(`/api/v1/goals/${goal.id}`, { title: 'Digital university', description: 'Strategy 2030, pillar 3', sortOrder: 7 });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json<GoalDto>()).toMatchObject({ id: goal.id, title: 'Digital university', description: 'Strategy 2030, pillar 3', sortOrder: 7 });
    const objectiveEdit = await c.manager.patch(`/api/v1/goals/${online.id}`, { title: 'Blended learning', description: '' });
    expect(objectiveEdit.json<GoalDto>().id).toBe(goal.id);
    expect(objectiveEdit.json<GoalDto>().objectives.map((o) => [o.title, o.description])).toEqual([['Blended learning', null], ['Data literacy', null]]);

    const retired = (await c.manager.patch(`/api/v1/goals/${goal.id}`, { active: false })).json<GoalDto>();
    expect([retired.active, ...retired.objectives.map((o) => o.active)]).toEqual([false, false, false]);
    expect((await pf.goals(c)).map((g) => g.id)).not.toContain(goal.id);
    expect((await pf.goals(c, true)).find((g) => g.id === goal.id)?.objectives.map((o) => o.active)).toEqual([false, false]);
    // a retired goal takes no new objectives, and its objectives wait for it
    const under = await c.manager.post('/api/v1/goals', { parentId: goal.id, title: 'Too late' });
    expect([under.statusCode, fields(under)]).toEqual([400, ['parentId']]);
    const early = await c.manager.patch(`/api/v1/goals/${online.id}`, { active: true });
    expect([early.statusCode, fields(early)]).toEqual([400, ['active']]);

    const restored = (await c.manager.patch(`/api/v1/goals/${goal.id}`, { active: true })).json<GoalDto>();
    expect([restored.active, ...restored.objectives.map((o) => o.active)]).toEqual([true, false, false]);
    await c.manager.patch(`/api/v1/goals/${online.id}`, { active: true });
    expect((await pf.goals(c)).find((g) => g.id === goal.id)?.objectives.map((o) => o.title)).toEqual(['Blended learning']);

    const bare = await create(c.manager, { owner: 'library', title: 'No objectives' });
    const bareRetired = await c.manager.patch(`/api/v1/goals/${bare.id}`, { active: false });
    expect([bareRetired.statusCode, bareRetired.json<GoalDto>().active]).toEqual([200, false]);

    const audit = (await c.admin.get(`/api/v1/audit?entityType=goal&entityId=${online.id}`)).json<{ items: { action: string; changes: Record<string, { before: unknown; after: unknown }> }[] }>().items;
    expect(audit.map((e) => e.action)).toEqual(['update', 'update', 'update', 'create']);
    expect(audit[1]?.changes.active).toEqual({ before: 1, after: 0 });
    expect(audit[2]?.changes.title).toEqual({ before: 'Online learning', after: 'Blended learning' });
  });
});

describe('goals: what aligns to them', () => {
  it("a goal's page counts what aligns to it and to its objectives; an objective's shows its own", async () => {
    const c = await newTenant(t);
    await ef.loadVocab(c);
    const goal = await create(c.manager, { owner: 'institution', title: 'Education for life' });
    const objective = (await create(c.manager, { parentId: goal.id, title: 'Graduate attributes' })).objectives[0]?.id ?? '';
    const other = (await pf.goals(c)).find((g) => g.title === 'Visibility')?.id ?? '';
    const science = await ef.unit(c, 'Faculty of Science');
    const chemistry = await ef.unit(c, 'Chemistry', science);

    // twelve engagements on the goal, one also on the objective (counted once), one on the objective only, one elsewhere
    const logged: string[] = [];
    for (let i = 1; i <= 12; i++) {
      const day = String(i).padStart(2, '0');
      logged.push((await ef.log(c.librarian, c, { orgUnitIds: [chemistry], occurredOn: `2024-10-${day}`, summary: `Session ${i}`, goalIds: i === 12 ? [goal.id, objective] : [goal.id] })).id);
    }
    const onObjective = await ef.log(c.librarian, c, { orgUnitIds: [chemistry], occurredOn: '2024-09-01', summary: 'Attributes workshop', typeId: ef.types(c).workshop, goalIds: [objective] });
    await ef.log(c.librarian, c, { orgUnitIds: [chemistry], occurredOn: '2024-12-01', summary: 'Not aligned here', goalIds: [other] });

    await pf.opportunity(c, { title: 'Skills module for first years', stage: 'approached', goalIds: [objective], orgUnitIds: [science, chemistry] });
    await pf.opportunity(c, { title: 'Assessment redesign', stage: 'spotted', goalIds: [goal.id] });
    await pf.opportunity(c, { title: 'Elsewhere', goalIds: [other] });
    const plan = await pf.plan(c, { orgUnitId: chemistry, year: 2024, objectives: [
      { title: 'Embed referencing in year one', goalId: objective, actions: ['done', 'done', 'in_progress', 'not_started', 'done'] },
      { title: 'Unaligned objective', goalId: null, actions: ['done'] },
    ] });
    const older = await pf.plan(c, { orgUnitId: science, year: 2023, objectives: [{ title: 'Library induction for all', goalId: goal.id, actions: [] }] });
    const campaign = await c.manager.post('/api/v1/campaigns', { name: 'Skills week', startsOn: '2024-10-01', endsOn: '2024-10-07', goalIds: [objective] });
    expect(campaign.statusCode, campaign.body).toBe(201);

    const g = await detail(c.viewer, goal.id);
    expect(g.goal).toEqual({
      id: goal.id, title: 'Education for life', owner: 'institution', parent: null, description: null, active: true,
      objectives: [{ id: objective, title: 'Graduate attributes', description: null, active: true, sortOrder: 0 }],
    });
    expect(g.engagements.total).toBe(13);
    expect(g.engagements.recent.map((e) => e.summary)).toEqual(['Session 12', 'Session 11', 'Session 10', 'Session 9', 'Session 8', 'Session 7', 'Session 6', 'Session 5', 'Session 4', 'Session 3']);
    expect(g.engagements.recent[0]).toEqual({ id: logged[11], occurredOn: '2024-10-12', summary: 'Session 12', type: 'Meeting' });
    expect(g.opportunities).toEqual([
      { id: expect.any(String) as string, title: 'Assessment redesign', stage: 'spotted', orgUnits: [] },
      { id: expect.any(String) as string, title: 'Skills module for first years', stage: 'approached', orgUnits: ['Chemistry', 'Faculty of Science'] },
    ]);
    expect(g.planObjectives).toEqual([
      { id: plan.objectiveIds[0], title: 'Embed referencing in year one', actions: 5, done: 3, plan: { id: plan.planId, year: 2024, yearLabel: '2024–25', orgUnit: { id: chemistry, name: 'Chemistry' } } },
      { id: older.objectiveIds[0], title: 'Library induction for all', actions: 0, done: 0, plan: { id: older.planId, year: 2023, yearLabel: '2023–24', orgUnit: { id: science, name: 'Faculty of Science' } } },
    ]);
    expect(g.campaigns).toEqual([{ id: campaign.json<{ id: string }>().id, name: 'Skills week', startsOn: '2024-10-01', endsOn: '2024-10-07' }]);

    const o = await detail(c.viewer, objective);
    expect(o.goal).toMatchObject({ id: objective, title: 'Graduate attributes', owner: 'institution', parent: { id: goal.id, title: 'Education for life' }, objectives: [] });
    expect(o.engagements.total).toBe(2);
    expect(o.engagements.recent.map((e) => [e.id, e.type])).toEqual([[logged[11], 'Meeting'], [onObjective.id, 'Workshop']]);
    expect(o.opportunities.map((x) => x.title)).toEqual(['Skills module for first years']);
    expect(o.planObjectives.map((x) => x.title)).toEqual(['Embed referencing in year one']);
    expect(o.campaigns.map((x) => x.name)).toEqual(['Skills week']);

    // the engagement aligned to another goal is counted there, not here
    expect((await c.viewer.get(`/api/v1/goals/${other}`)).json<GoalDetailDto>().engagements.total).toBe(1);
  });

  it('deletes only what nothing uses; anything in use is retired instead (409)', async () => {
    const c = await newTenant(t);
    await ef.loadVocab(c);
    const unit = await ef.unit(c, 'History');
    const message = (res: Parameters<typeof errorOf>[0]) => [res.statusCode, errorOf(res).code, errorOf(res).message];

    const parent = await create(c.manager, { owner: 'institution', title: 'Has an objective' });
    const child = (await create(c.manager, { parentId: parent.id, title: 'The objective' })).objectives[0]?.id ?? '';
    expect(message(await c.manager.delete(`/api/v1/goals/${parent.id}`))).toEqual([409, 'CONFLICT', 'This goal is in use (1 objective): retire it instead']);

    const used = await create(c.manager, { owner: 'library', title: 'Used everywhere' });
    await ef.log(c.librarian, c, { orgUnitIds: [unit], goalIds: [used.id] });
    await ef.log(c.librarian, c, { orgUnitIds: [unit], goalIds: [used.id, child] });
    await pf.opportunity(c, { title: 'An opportunity', goalIds: [used.id] });
    await pf.plan(c, { orgUnitId: unit, year: 2024, objectives: [{ title: 'Plan objective', goalId: used.id, actions: [] }] });
    await c.manager.post('/api/v1/campaigns', { name: 'A campaign', startsOn: '2024-10-01', endsOn: '2024-10-07', goalIds: [used.id] });
    expect(message(await c.manager.delete(`/api/v1/goals/${used.id}`))).toEqual([
      409, 'CONFLICT', 'This goal is in use (2 engagements, 1 opportunity, 1 action-plan objective, 1 campaign): retire it instead',
    ]);
    expect(message(await c.manager.delete(`/api/v1/goals/${child}`))).toEqual([409, 'CONFLICT', 'This objective is in use (1 engagement): retire it instead']);
    expect((await pf.goals(c)).map((g) => g.id)).toEqual(expect.arrayContaining([parent.id, used.id]));

    const unused = await create(c.manager, { owner: 'institution', title: 'Typo' });
    expect((await c.manager.delete(`/api/v1/goals/${unused.id}`)).statusCode).toBe(204);
    expect((await c.viewer.get(`/api/v1/goals/${unused.id}`)).statusCode).toBe(404);
    expect((await pf.goals(c, true)).map((g) => g.id)).not.toContain(unused.id);
    const audit = (await c.admin.get(`/api/v1/audit?entityId=${unused.id}`)).json<{ items: { action: string; entityType: string; changes: Record<string, { before: unknown; after: unknown }> }[] }>().items;
    expect(audit.map((e) => `${e.entityType}:${e.action}`)).toEqual(['goal:delete', 'goal:create']);
    expect(audit[1]?.changes.title).toEqual({ before: null, after: 'Typo' });
  });
});
