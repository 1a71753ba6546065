import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActionPlanDto } from '../../../shared/contracts/plans.ts';
import { buildTestApp, errorOf, newTenant, type Tenant, type TestApp } from '../../../../test/app.ts';
import { fieldsOf, movableClock, planFixtures } from '../../../../test/plans.ts';
import { overdueActions } from './index.ts';

/** Today is 15 March 2025 in Europe/London. */
const clock = movableClock('2025-03-15T12:00:00Z');

let t: TestApp;
let a: Tenant;
let b: Tenant;
const f = planFixtures(() => t);
const fields = fieldsOf;
const ids = { unit: '', bUnit: '', plan: '', otherPlan: '', bPlan: '', partner: '', bPartner: '' };
let goals: Record<string, string> = {};

const trail = (entityId: string) =>
  t.handle.db.selectFrom('audit_log').select(['action', 'entity_type', 'user_id', 'changes']).where('entity_id', '=', entityId).orderBy('at').orderBy('id').execute();
const read = async (id: string) => (await a.viewer.get(`/api/v1/action-plans/${id}`)).json<ActionPlanDto>();

beforeAll(async () => {
  t = await buildTestApp({ clock });
  [a, b] = await Promise.all([newTenant(t), newTenant(t)]);
  await Promise.all([f.loadVocab(a), f.loadVocab(b)]);
  ids.unit = await f.unit(a, 'Geography');
  ids.bUnit = await f.unit(b, 'B Geography');
  ids.plan = (await f.plan(a.librarian, ids.unit, 2024)).id;
  ids.otherPlan = (await f.plan(a.librarian, ids.unit, 2023)).id;
  ids.bPlan = (await f.plan(b.librarian, ids.bUnit, 2024)).id;
  ids.partner = await f.person(a, 'Prof. Alex Humboldt');
  ids.bPartner = await f.person(b, 'Someone Else');
  goals = await f.goals(a);
});
afterAll(() => t?.close());

describe('plan objectives', () => {
  it('adds, renames, realigns and removes an objective; its actions stay', async () => {
    const added = await a.librarian.post(`/api/v1/action-plans/${ids.plan}/objectives`, { title: 'Students find and use good sources', goalId: goals['Education & Learning'] });
    expect(added.statusCode, added.body).toBe(201);
    const objective = added.json<ActionPlanDto>().objectives.at(-1);
    expect(objective).toEqual({ id: expect.any(String) as string, title: 'Students find and use good sources', goal: { id: goals['Education & Learning'], title: 'Education & Learning', owner: 'library', parent: null } });
    const id = objective?.id ?? '';

    const renamed = await a.librarian.patch(`/api/v1/plan-objectives/${id}`, { title: 'Better sources', goalId: null });
    expect(renamed.json<ActionPlanDto>().objectives.find((o) => o.id === id)).toEqual({ id, title: 'Better sources', goal: null });

    const action = await f.action(a.librarian, ids.plan, { title: 'Library skills workshop', objectiveId: id });
    expect(action.objectiveId).toBe(id);
    expect((await a.librarian.delete(`/api/v1/plan-objectives/${id}`)).statusCode).toBe(204);
    const after = await read(ids.plan);
    expect(after.objectives.map((o) => o.id)).not.toContain(id);
    expect(after.actions.find((x) => x.id === action.id)?.objectiveId).toBeNull();
    expect((await trail(id)).map((x) => x.action)).toEqual(['create', 'update', 'delete']);
  });

  it('400 for a goal of another institution, an empty title or an unknown field; 404 for a plan or objective elsewhere', async () => {
    const url = `/api/v1/action-plans/${ids.plan}/objectives`;
    const bGoal = Object.values(await f.goals(b))[0];
    const cases: [Record<string, unknown>, string][] = [[{ title: 'x', goalId: bGoal }, 'goalId'], [{ title: ' ' }, 'title'], [{ title: 'x', colour: 'red' }, 'colour']];
    for (const [body, field] of cases) {
      const res = await a.librarian.post(url, body);
      expect(res.statusCode, field).toBe(400);
      expect(fields(res), field).toEqual([field]);
    }
    expect((await read(ids.plan)).objectives.map((o) => o.title)).not.toContain('x');
    const mine = await f.objective(a.librarian, ids.plan, 'Mine');
    expect((await b.librarian.post(url, { title: 'Theirs' })).statusCode).toBe(404);
    expect((await b.librarian.patch(`/api/v1/plan-objectives/${mine}`, { title: 'Theirs' })).statusCode).toBe(404);
    expect((await b.librarian.delete(`/api/v1/plan-objectives/${mine}`)).statusCode).toBe(404);
    expect((await a.librarian.patch(`/api/v1/plan-objectives/${mine}`, { goalId: bGoal })).statusCode).toBe(400);
    expect((await read(ids.plan)).objectives.find((o) => o.id === mine)).toEqual({ id: mine, title: 'Mine', goal: null });
  });
});

describe('plan actions', () => {
  it('adds an action with its owner, partner, due date and engagements; edits and removes it', async () => {
    const objectiveId = await f.objective(a.librarian, ids.plan, 'Research support');
    const met = await f.log(a.librarian, a, { summary: 'Met the research director', occurredOn: '2025-02-10', orgUnitIds: [ids.unit] });
    const later = await f.log(a.librarian, a, { summary: 'Follow-up call', occurredOn: '2025-03-01', orgUnitIds: [ids.unit] });
    const created = await a.librarian.post(`/api/v1/action-plans/${ids.plan}/actions`, {
      title: 'Data management clinic', objectiveId, ownerId: a.librarian.userId, partnerPersonId: ids.partner, dueOn: '2025-03-14',
      notes: 'Director keen; budget unclear', engagementIds: [met.id, met.id],
    });
    expect(created.statusCode, created.body).toBe(201);
    const action = created.json<ActionPlanDto>().actions.find((x) => x.title === 'Data management clinic');
    expect(action).toEqual({
      id: expect.any(String) as string, objectiveId, title: 'Data management clinic', owner: { id: a.librarian.userId, name: (expect.stringMatching(/^librarian /) as string) },
      partner: { id: ids.partner, name: 'Prof. Alex Humboldt' }, dueOn: '2025-03-14', status: 'not_started', notes: 'Director keen; budget unclear',
      carriedFrom: null, engagements: [{ id: met.id, occurredOn: '2025-02-10', summary: 'Met the research director' }], evidence: [], overdue: true,
    });
    const id = action?.id ?? '';

    const edited = await a.librarian.patch(`/api/v1/plan-actions/${id}`, { status: 'in_progress', dueOn: '2025-04-30', engagementIds: [later.id, met.id], partnerPersonId: null });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json<ActionPlanDto>().actions.find((x) => x.id === id)).toMatchObject({
      status: 'in_progress', dueOn: '2025-04-30', partner: null, overdue: false, notes: 'Director keen; budget unclear',
      engagements: [{ id: later.id, occurredOn: '2025-03-01' }, { id: met.id, occurredOn: '2025-02-10' }],
    });
    const [create, update] = await trail(id);
    expect((JSON.parse(create?.changes ?? '{}') as Record<string, unknown>).engagement_ids).toEqual({ before: null, after: [met.id] });
    expect(JSON.parse(update?.changes ?? '{}')).toMatchObject({ status: { before: 'not_started', after: 'in_progress' }, engagement_ids: { before: [met.id], after: [later.id, met.id].sort() } });

    expect((await b.librarian.patch(`/api/v1/plan-actions/${id}`, { title: 'Theirs' })).statusCode).toBe(404);
    expect((await b.librarian.delete(`/api/v1/plan-actions/${id}`)).statusCode).toBe(404);
    expect((await a.librarian.delete(`/api/v1/plan-actions/${id}`)).statusCode).toBe(204);
    expect((await read(ids.plan)).actions.map((x) => x.id)).not.toContain(id);
    expect(await t.handle.db.selectFrom('plan_action_engagements').select('engagement_id').where('action_id', '=', id).execute()).toEqual([]);
    expect((await trail(id)).map((x) => x.action)).toEqual(['create', 'update', 'delete']);
  });

  it('400 naming each bad reference at once, and bad fields; nothing written', async () => {
    const count = async () => (await read(ids.plan)).actions.length;
    const before = await count();
    const elsewhere = await f.objective(a.librarian, ids.otherPlan, 'Last year');
    const theirs = await f.log(b.librarian, b, { summary: 'Theirs', orgUnitIds: [ids.bUnit] });
    const url = `/api/v1/action-plans/${ids.plan}/actions`;
    const refs = await a.librarian.post(url, { title: 'Bad refs', objectiveId: elsewhere, ownerId: b.librarian.userId, partnerPersonId: ids.bPartner, engagementIds: [theirs.id] });
    expect(refs.statusCode).toBe(400);
    expect(errorOf(refs).details).toEqual([
      { field: 'objectiveId', message: 'is not an objective of this plan' },
      { field: 'ownerId', message: `unknown staff member ${b.librarian.userId}` },
      { field: 'partnerPersonId', message: `unknown person ${ids.bPartner}` },
      { field: 'engagementIds', message: `unknown engagement ${theirs.id}` },
    ]);
    const cases: [Record<string, unknown>, string][] = [
      [{ title: '' }, 'title'], [{ title: 'x', status: 'finished' }, 'status'], [{ title: 'x', dueOn: '2025-02-30' }, 'dueOn'],
      [{ title: 'x', engagementIds: 'e1' }, 'engagementIds'], [{ title: 'x', priority: 1 }, 'priority'],
    ];
    for (const [body, field] of cases) {
      const res = await a.librarian.post(url, body);
      expect(res.statusCode, field).toBe(400);
      expect(fields(res), field).toEqual([field]);
    }
    expect(await count()).toBe(before);
    expect((await b.librarian.post(url, { title: 'Theirs' })).statusCode).toBe(404);

    // the same checks on an edit, which leaves the action as it was
    const kept = await f.action(a.librarian, ids.plan, { title: 'Kept as it was', dueOn: '2025-06-01' });
    const edit = await a.librarian.patch(`/api/v1/plan-actions/${kept.id}`, { title: 'Changed', objectiveId: elsewhere, engagementIds: [theirs.id] });
    expect(fields(edit)).toEqual(['objectiveId', 'engagementIds']);
    expect(fields(await a.librarian.patch(`/api/v1/plan-actions/${kept.id}`, { dueOn: 'soon', carriedFromId: kept.id }))).toEqual(['dueOn', 'carriedFromId']);
    expect((await read(ids.plan)).actions.find((x) => x.id === kept.id)).toMatchObject({ title: 'Kept as it was', dueOn: '2025-06-01', objectiveId: null, engagements: [] });
  });

  it('an owner must be active when chosen; one kept from before may since have left', async () => {
    const res = await a.admin.post('/api/v1/users', { email: `leaver-${Date.now()}@example.test`, name: 'Leaving Librarian', password: 'correct horse battery staple', role: 'librarian' });
    expect(res.statusCode, res.body).toBe(201);
    const leaver = res.json<{ id: string }>().id;
    const action = await f.action(a.librarian, ids.plan, { title: 'Handover', ownerId: leaver });
    expect((await a.admin.patch(`/api/v1/users/${leaver}`, { active: false })).statusCode).toBe(200);
    const kept = await a.librarian.patch(`/api/v1/plan-actions/${action.id}`, { ownerId: leaver, title: 'Hand over the clinic' });
    expect(kept.statusCode, kept.body).toBe(200);
    const refused = await a.librarian.post(`/api/v1/action-plans/${ids.plan}/actions`, { title: 'New work', ownerId: leaver });
    expect(errorOf(refused).details).toEqual([{ field: 'ownerId', message: `${leaver} is no longer an active member of staff` }]);
  });
});

describe('plan comments', () => {
  it('a staff comment carries its author, oldest first; 400 for an empty body; 404 elsewhere', async () => {
    const first = await a.librarian.post(`/api/v1/action-plans/${ids.otherPlan}/comments`, { body: 'Shared with the head of department.' });
    expect(first.statusCode, first.body).toBe(201);
    clock.set('2025-03-15T13:00:00Z');
    const second = await a.manager.post(`/api/v1/action-plans/${ids.otherPlan}/comments`, { body: 'Looks good.' });
    clock.set('2025-03-15T12:00:00Z');
    const comments = second.json<ActionPlanDto>().comments;
    expect(comments.map((c) => [c.authorName, c.via, c.body, c.createdAt])).toEqual([
      [(expect.stringMatching(/^librarian /) as string), 'staff', 'Shared with the head of department.', '2025-03-15T12:00:00.000Z'],
      [(expect.stringMatching(/^manager /) as string), 'staff', 'Looks good.', '2025-03-15T13:00:00.000Z'],
    ]);
    expect((await trail(comments[0]?.id ?? '')).map((x) => [x.action, x.entity_type, x.user_id])).toEqual([['create', 'plan_comment', a.librarian.userId]]);
    expect(fields(await a.librarian.post(`/api/v1/action-plans/${ids.otherPlan}/comments`, { body: '  ' }))).toEqual(['body']);
    expect((await b.librarian.post(`/api/v1/action-plans/${ids.otherPlan}/comments`, { body: 'Hello' })).statusCode).toBe(404);
    expect((await read(ids.otherPlan)).comments).toHaveLength(2);
  });
});

describe('overdue actions for the nudges feed', () => {
  it('lists unfinished actions past their due date, oldest due first, optionally for one owner', async () => {
    const unit = await f.unit(a, 'Overdue Studies');
    const plan = (await f.plan(a.librarian, unit, 2024)).id;
    const oldest = await f.action(a.librarian, plan, { title: 'Oldest', dueOn: '2024-11-01', ownerId: a.manager.userId });
    const late = await f.action(a.librarian, plan, { title: 'Late', dueOn: '2025-03-14', status: 'in_progress', ownerId: a.librarian.userId });
    await f.action(a.librarian, plan, { title: 'Due today', dueOn: '2025-03-15' });
    await f.action(a.librarian, plan, { title: 'Done late', dueOn: '2025-01-01', status: 'done' });
    await f.action(a.librarian, plan, { title: 'Dropped late', dueOn: '2025-01-01', status: 'dropped' });
    await f.action(b.librarian, ids.bPlan, { title: 'Theirs', dueOn: '2024-01-01' });

    const all = (await overdueActions(t.handle.db, a.institutionId, '2025-03-15')).filter((x) => x.planId === plan);
    expect(all).toEqual([
      { id: oldest.id, title: 'Oldest', dueOn: '2024-11-01', planId: plan, orgUnitId: unit, orgUnitName: 'Overdue Studies', ownerId: a.manager.userId },
      { id: late.id, title: 'Late', dueOn: '2025-03-14', planId: plan, orgUnitId: unit, orgUnitName: 'Overdue Studies', ownerId: a.librarian.userId },
    ]);
    expect((await overdueActions(t.handle.db, a.institutionId, '2025-03-15', a.manager.userId)).map((x) => x.id)).toEqual([oldest.id]);
    expect((await overdueActions(t.handle.db, a.institutionId, '2025-03-16')).filter((x) => x.planId === plan).map((x) => x.title)).toEqual(['Oldest', 'Late', 'Due today']);
    expect((await overdueActions(t.handle.db, b.institutionId, '2025-03-15')).map((x) => x.title)).toEqual(['Theirs']);
  });
});
