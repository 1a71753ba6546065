import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from '../../../shared/contracts/common.ts';
import type { ActionPlanDto, ActionPlanSummaryDto } from '../../../shared/contracts/plans.ts';
import { buildTestApp, errorOf, newTenant, type Tenant, type TestApp } from '../../../../test/app.ts';
import { fieldsOf, movableClock, planFixtures } from '../../../../test/plans.ts';

/** Today is 15 March 2025 in Europe/London: the 2024–25 academic year. */
const clock = movableClock('2025-03-15T12:00:00Z');

let t: TestApp;
let a: Tenant;
let b: Tenant;
const f = planFixtures(() => t);
const fields = fieldsOf;
const units = { chemistry: '', history: '', physics: '', law: '', bUnit: '' };

const audits = (entityId: string) =>
  t.handle.db.selectFrom('audit_log').select(['action', 'entity_type', 'user_id', 'changes']).where('entity_id', '=', entityId).orderBy('at').orderBy('id').execute();

beforeAll(async () => {
  t = await buildTestApp({ clock });
  [a, b] = await Promise.all([newTenant(t), newTenant(t)]);
  units.chemistry = await f.unit(a, 'Chemistry');
  units.history = await f.unit(a, 'History');
  units.physics = await f.unit(a, 'Physics');
  units.law = await f.unit(a, 'Law');
  units.bUnit = await f.unit(b, 'B Department');
});
afterAll(() => t?.close());

describe('action plans: access and validation', () => {
  it('401 without a session on every staff route', async () => {
    const routes: [string, string][] = [
      ['GET', '/api/v1/action-plans'], ['GET', '/api/v1/action-plans/x'], ['POST', '/api/v1/action-plans'], ['PATCH', '/api/v1/action-plans/x'],
      ['DELETE', '/api/v1/action-plans/x'], ['POST', '/api/v1/action-plans/x/objectives'], ['PATCH', '/api/v1/plan-objectives/x'],
      ['DELETE', '/api/v1/plan-objectives/x'], ['POST', '/api/v1/action-plans/x/actions'], ['PATCH', '/api/v1/plan-actions/x'],
      ['DELETE', '/api/v1/plan-actions/x'], ['POST', '/api/v1/action-plans/x/comments'], ['POST', '/api/v1/action-plans/x/share-links'],
      ['GET', '/api/v1/action-plans/x/share-links'], ['DELETE', '/api/v1/share-links/x'],
    ];
    for (const [method, url] of routes) {
      const res = await t.app.inject({ method: method as 'GET', url, ...(method === 'GET' || method === 'DELETE' ? {} : { headers: { 'content-type': 'application/json' }, payload: '{}' }) });
      expect(res.statusCode, `${method} ${url}`).toBe(401);
      expect(errorOf(res).code).toBe('UNAUTHENTICATED');
    }
  });

  it('403 for a viewer on every write and for a librarian deleting a plan; viewers read', async () => {
    const plan = await f.plan(a.librarian, units.law, 2020);
    const objectiveId = await f.objective(a.librarian, plan.id, 'An objective');
    const action = await f.action(a.librarian, plan.id, { title: 'An action' });
    const link = (await a.librarian.post(`/api/v1/action-plans/${plan.id}/share-links`, {})).json<{ link: { id: string } }>().link.id;
    const writes: [string, string, unknown?][] = [
      ['POST', '/api/v1/action-plans', { orgUnitId: units.law, year: 2021 }], ['PATCH', `/api/v1/action-plans/${plan.id}`, { reviewNotes: 'x' }],
      ['DELETE', `/api/v1/action-plans/${plan.id}`], ['POST', `/api/v1/action-plans/${plan.id}/objectives`, { title: 'x' }],
      ['PATCH', `/api/v1/plan-objectives/${objectiveId}`, { title: 'x' }], ['DELETE', `/api/v1/plan-objectives/${objectiveId}`],
      ['POST', `/api/v1/action-plans/${plan.id}/actions`, { title: 'x' }], ['PATCH', `/api/v1/plan-actions/${action.id}`, { title: 'x' }],
      ['DELETE', `/api/v1/plan-actions/${action.id}`], ['POST', `/api/v1/action-plans/${plan.id}/comments`, { body: 'x' }],
      ['POST', `/api/v1/action-plans/${plan.id}/share-links`, {}], ['GET', `/api/v1/action-plans/${plan.id}/share-links`], ['DELETE', `/api/v1/share-links/${link}`],
    ];
    for (const [method, url, payload] of writes) {
      const res = await a.viewer.request(method, url, payload);
      expect(res.statusCode, `${method} ${url}`).toBe(403);
    }
    expect((await a.librarian.delete(`/api/v1/action-plans/${plan.id}`)).statusCode).toBe(403);
    expect((await a.viewer.get(`/api/v1/action-plans/${plan.id}`)).json<ActionPlanDto>().actions.map((x) => x.title)).toEqual(['An action']);
    expect((await a.viewer.get('/api/v1/action-plans?year=2020')).json<Page<ActionPlanSummaryDto>>().total).toBe(1);
    expect((await a.admin.delete(`/api/v1/action-plans/${plan.id}`)).statusCode).toBe(204);
  });

  it('400 naming the field for bad input; nothing written', async () => {
    const count = async () => (await a.viewer.get('/api/v1/action-plans')).json<Page<ActionPlanSummaryDto>>().total;
    const before = await count();
    const cases: [Record<string, unknown>, string][] = [
      [{ orgUnitId: units.bUnit, year: 2024 }, 'orgUnitId'],
      [{ orgUnitId: 'no-such-unit', year: 2024 }, 'orgUnitId'],
      [{ orgUnitId: units.law, year: 1800 }, 'year'],
      [{ orgUnitId: units.law, year: 2024.5 }, 'year'],
      [{ orgUnitId: units.law }, 'year'],
      [{ orgUnitId: units.law, year: 2024, carryForward: 'yes' }, 'carryForward'],
      [{ orgUnitId: units.law, year: 2024, status: 'agreed' }, 'status'],
    ];
    for (const [body, field] of cases) {
      const res = await a.librarian.post('/api/v1/action-plans', body);
      expect(res.statusCode, field).toBe(400);
      expect(fields(res), field).toContain(field);
    }
    expect((await a.viewer.get('/api/v1/action-plans?status=finished')).statusCode).toBe(400);
    expect(await count()).toBe(before);
  });

  it('409 on year for a second plan for the same department and year', async () => {
    await f.plan(a.librarian, units.physics, 2019);
    const res = await a.manager.post('/api/v1/action-plans', { orgUnitId: units.physics, year: 2019 });
    expect(res.statusCode).toBe(409);
    expect(errorOf(res).details).toEqual([{ field: 'year', message: 'this department already has an action plan for that year' }]);
  });

  it("another institution's plan is 404 to read, change or delete", async () => {
    const mine = await f.plan(a.librarian, units.physics, 2018);
    for (const res of [
      await b.manager.get(`/api/v1/action-plans/${mine.id}`),
      await b.manager.patch(`/api/v1/action-plans/${mine.id}`, { reviewNotes: 'x' }),
      await b.manager.delete(`/api/v1/action-plans/${mine.id}`),
    ]) expect(res.statusCode).toBe(404);
    expect((await b.viewer.get('/api/v1/action-plans')).json<Page<ActionPlanSummaryDto>>().items.map((p) => p.id)).not.toContain(mine.id);
    expect((await a.viewer.get(`/api/v1/action-plans/${mine.id}`)).json<ActionPlanDto>().reviewNotes).toBeNull();
  });
});

describe('action plans: the year', () => {
  it('a new plan is a draft for the academic year, linked to the years either side', async () => {
    const first = await f.plan(a.librarian, units.chemistry, 2023);
    expect(first).toMatchObject({
      orgUnit: { id: units.chemistry, name: 'Chemistry' }, year: 2023, yearLabel: '2023–24', status: 'draft',
      agreedBy: null, agreedOn: null, agreedVia: null, reviewNotes: null, objectives: [], actions: [], comments: [], previous: null, next: null,
      createdAt: '2025-03-15T12:00:00.000Z',
    });
    const second = await f.plan(a.librarian, units.chemistry, 2024, { carryForward: false });
    expect(second).toMatchObject({ yearLabel: '2024–25', previous: { id: first.id, year: 2023 }, next: null });
    expect((await a.viewer.get(`/api/v1/action-plans/${first.id}`)).json<ActionPlanDto>().next).toEqual({ id: second.id, year: 2024 });
    expect((await audits(second.id)).map((x) => [x.action, x.entity_type, x.user_id])).toEqual([['create', 'action_plan', a.librarian.userId]]);
  });

  it('lists by year (newest first) then department, with action counts and filters', async () => {
    const c = await b.manager.post('/api/v1/action-plans', { orgUnitId: units.bUnit, year: 2024 });
    expect(c.statusCode).toBe(201);
    const history = await f.plan(a.librarian, units.history, 2024, { carryForward: false });
    await f.action(a.librarian, history.id, { title: 'Done', status: 'done', dueOn: '2025-01-01' });
    await f.action(a.librarian, history.id, { title: 'Late', status: 'in_progress', dueOn: '2025-03-14' });
    await f.action(a.librarian, history.id, { title: 'Due today', dueOn: '2025-03-15' });
    await f.action(a.librarian, history.id, { title: 'Dropped late', status: 'dropped', dueOn: '2024-12-01' });
    await f.action(a.librarian, history.id, { title: 'No date' });

    const page = (await a.viewer.get('/api/v1/action-plans?pageSize=200')).json<Page<ActionPlanSummaryDto>>();
    const mine = page.items.filter((p) => [units.chemistry, units.history].includes(p.orgUnit.id));
    expect(mine.map((p) => [p.orgUnit.name, p.year])).toEqual([['Chemistry', 2024], ['History', 2024], ['Chemistry', 2023]]);
    expect(page.items.map((p) => p.year)).toEqual([...page.items.map((p) => p.year)].sort((x, y) => y - x));
    const h = page.items.find((p) => p.id === history.id);
    expect(h).toMatchObject({ yearLabel: '2024–25', status: 'draft', actions: { total: 5, done: 1, overdue: 1 }, agreedVia: null });
    expect(page.items.find((p) => p.orgUnit.name === 'Chemistry' && p.year === 2024)?.actions).toEqual({ total: 0, done: 0, overdue: 0 });

    const filtered = (await a.viewer.get(`/api/v1/action-plans?year=2024&orgUnitId=${units.history}&status=draft`)).json<Page<ActionPlanSummaryDto>>();
    expect(filtered.items.map((p) => p.id)).toEqual([history.id]);
    expect(filtered.total).toBe(1);
    const paged = (await a.viewer.get('/api/v1/action-plans?year=2024&pageSize=1&page=2')).json<Page<ActionPlanSummaryDto>>();
    expect(paged).toMatchObject({ page: 2, pageSize: 1, total: 2 });
    expect(paged.items.map((p) => p.orgUnit.name)).toEqual(['History']);
    expect((await a.viewer.get('/api/v1/action-plans?status=agreed&year=2024')).json<Page<ActionPlanSummaryDto>>().total).toBe(0);
    expect((await b.viewer.get('/api/v1/action-plans')).json<Page<ActionPlanSummaryDto>>().items.map((p) => p.orgUnit.name)).toEqual(['B Department']);
  });
});

describe('action plans: the status machine', () => {
  it('draft → agreed → in progress → reviewed, one step at a time, and back', async () => {
    const plan = await f.plan(a.librarian, units.law, 2024);
    const patch = (body: Record<string, unknown>) => a.librarian.patch(`/api/v1/action-plans/${plan.id}`, body);

    const skip = await patch({ status: 'reviewed', reviewNotes: 'Skipping' });
    expect(skip.statusCode).toBe(400);
    expect(errorOf(skip).details).toEqual([{ field: 'status', message: "a plan at 'draft' can move to 'agreed'" }]);
    expect(fields(await patch({ status: 'agreed' }))).toEqual(['agreedBy', 'agreedOn']);
    expect(fields(await patch({ status: 'agreed', agreedBy: 'Prof. Jane Doe', agreedOn: '2025-03-16' }))).toEqual(['agreedOn']);
    expect(fields(await patch({ agreedOn: '15/03/2025' }))).toEqual(['agreedOn']);
    expect(fields(await patch({ status: 'finished', year: 2025 }))).toEqual(['status', 'year']);
    expect((await a.viewer.get(`/api/v1/action-plans/${plan.id}`)).json<ActionPlanDto>()).toMatchObject({ status: 'draft', agreedBy: null });

    // who agreed may be recorded before the move, and the move then needs only the status
    expect((await patch({ agreedBy: 'Prof. Jane Doe' })).json<ActionPlanDto>()).toMatchObject({ status: 'draft', agreedBy: 'Prof. Jane Doe', agreedVia: 'recorded' });
    const agreed = await patch({ status: 'agreed', agreedOn: '2025-03-10' });
    expect(agreed.statusCode, agreed.body).toBe(200);
    expect(agreed.json<ActionPlanDto>()).toMatchObject({ status: 'agreed', agreedBy: 'Prof. Jane Doe', agreedOn: '2025-03-10', agreedVia: 'recorded' });
    expect(fields(await patch({ status: 'reviewed' }))).toEqual(['status']);
    expect(fields(await patch({ agreedBy: '' }))).toEqual(['agreedBy']);

    expect((await patch({ status: 'in_progress' })).json<ActionPlanDto>().status).toBe('in_progress');
    expect(fields(await patch({ status: 'reviewed' }))).toEqual(['reviewNotes']);
    const reviewed = (await patch({ status: 'reviewed', reviewNotes: 'Induction embedded; reading lists half done.' })).json<ActionPlanDto>();
    expect(reviewed).toMatchObject({ status: 'reviewed', reviewNotes: 'Induction embedded; reading lists half done.' });

    // back a step to correct, and back to draft, which clears the agreement
    expect((await patch({ status: 'agreed' })).statusCode).toBe(400);
    expect((await patch({ status: 'in_progress' })).json<ActionPlanDto>()).toMatchObject({ status: 'in_progress', reviewNotes: 'Induction embedded; reading lists half done.' });
    expect((await patch({ status: 'agreed' })).json<ActionPlanDto>().status).toBe('agreed');
    expect((await patch({ status: 'draft' })).json<ActionPlanDto>()).toMatchObject({ status: 'draft', agreedBy: null, agreedOn: null, agreedVia: null });

    const trail = await audits(plan.id);
    expect(trail.map((x) => x.action)).toEqual(['create', 'update', 'update', 'update', 'update', 'update', 'update', 'update']);
    expect(JSON.parse(trail[2]?.changes ?? '{}')).toEqual({ status: { before: 'draft', after: 'agreed' }, agreed_on: { before: null, after: '2025-03-10' } });
  });
});

describe('action plans: carrying forward', () => {
  it("copies last year's unfinished actions, with their objectives, into the new draft", async () => {
    const g = await f.goals(a);
    const unit = await f.unit(a, 'Music');
    const partner = await f.person(a, 'Dr Maria Callas');
    const last = await f.plan(a.librarian, unit, 2023);
    const teaching = await f.objective(a.librarian, last.id, 'Embed information skills', g.Skills);
    const research = await f.objective(a.librarian, last.id, 'Open research');
    await f.action(a.librarian, last.id, { title: 'Induction talk', objectiveId: teaching, status: 'done' });
    await f.action(a.librarian, last.id, { title: 'Poster campaign', objectiveId: teaching, status: 'dropped' });
    const open = await f.action(a.librarian, last.id, {
      title: 'Reading list review', objectiveId: teaching, ownerId: a.librarian.userId, partnerPersonId: partner, dueOn: '2024-06-30', notes: 'Waiting on module leads',
    });
    const started = await f.action(a.librarian, last.id, { title: 'Data management plans', status: 'in_progress', dueOn: '2024-05-01' });
    await f.action(a.librarian, last.id, { title: 'Repository deposit drive', objectiveId: research, status: 'done' });

    const next = await f.plan(a.librarian, unit, 2024);
    expect(next.objectives).toEqual([{ id: expect.any(String) as string, title: 'Embed information skills', goal: { id: g.Skills, title: 'Skills', owner: 'library', parent: null } }]);
    const newTeaching = next.objectives[0]?.id;
    expect(newTeaching).not.toBe(teaching);
    expect(next.actions.map((x) => [x.title, x.objectiveId, x.status, x.dueOn, x.owner?.id ?? null, x.partner?.name ?? null, x.notes, x.carriedFrom])).toEqual([
      ['Reading list review', newTeaching, 'not_started', null, a.librarian.userId, 'Dr Maria Callas', 'Waiting on module leads', { id: open.id, planId: last.id, year: 2023 }],
      ['Data management plans', null, 'in_progress', null, null, null, null, { id: started.id, planId: last.id, year: 2023 }],
    ]);
    expect(next.status).toBe('draft');
    // last year's plan is left as it was
    expect((await a.viewer.get(`/api/v1/action-plans/${last.id}`)).json<ActionPlanDto>().actions).toHaveLength(5);
    const carried = await t.handle.db.selectFrom('audit_log').select('entity_type').where('entity_id', 'in', [...next.actions.map((x) => x.id), newTeaching ?? '']).execute();
    expect(carried.map((x) => x.entity_type).sort()).toEqual(['plan_action', 'plan_action', 'plan_objective']);

    // deleting last year's plan leaves this year's copies in place, without the link back
    expect((await a.manager.delete(`/api/v1/action-plans/${last.id}`)).statusCode).toBe(204);
    expect((await a.viewer.get(`/api/v1/action-plans/${last.id}`)).statusCode).toBe(404);
    const after = (await a.viewer.get(`/api/v1/action-plans/${next.id}`)).json<ActionPlanDto>();
    expect(after.actions.map((x) => [x.title, x.carriedFrom])).toEqual([['Reading list review', null], ['Data management plans', null]]);
    expect(after.previous).toBeNull();
    expect((await audits(last.id)).map((x) => x.action)).toEqual(['create', 'delete']);
    const left = await t.handle.db.selectFrom('plan_actions').select('id').where('plan_id', '=', last.id).execute();
    expect(left).toEqual([]);
  });

  it("adds the actions last year's annual report proposed, after the unfinished ones and once each, not when asked not to", async () => {
    const unit = await f.unit(a, 'Geography');
    const last = await f.plan(a.librarian, unit, 2023);
    await f.action(a.librarian, last.id, { title: 'Map collection tour' });
    const report = await a.librarian.put(`/api/v1/reports/${unit}/2023`, {
      proposed: [{ title: 'GIS skills workshop', notes: 'Asked for by the head of department' }, { title: 'map collection  TOUR' }, { title: 'Fieldwork reading list' }],
    });
    expect(report.statusCode, report.body).toBe(200);
    // another department's report proposes nothing for Geography
    const other = await f.unit(a, 'Geology');
    expect((await a.librarian.put(`/api/v1/reports/${other}/2023`, { proposed: [{ title: 'Rock samples guide' }] })).statusCode).toBe(200);

    const next = await f.plan(a.librarian, unit, 2024);
    expect(next.actions.map((x) => [x.title, x.status, x.notes, x.carriedFrom === null])).toEqual([
      ['Map collection tour', 'not_started', null, false],
      ['GIS skills workshop', 'not_started', 'Asked for by the head of department', true],
      ['Fieldwork reading list', 'not_started', null, true],
    ]);
    const [created] = await audits(next.id);
    expect(JSON.parse(created?.changes ?? '{}')).toMatchObject({ carried_actions: { after: 1 }, proposed_actions: { after: 2 } });

    const fresh = await f.unit(a, 'Planning');
    await a.librarian.put(`/api/v1/reports/${fresh}/2023`, { proposed: [{ title: 'Planning law databases' }] });
    expect((await f.plan(a.librarian, fresh, 2024, { carryForward: false })).actions).toEqual([]);
    expect((await f.plan(a.librarian, fresh, 2025)).actions).toEqual([]); // the 2024 report proposed nothing
  });

  it('carries nothing when asked not to, or when there is no plan for the year before', async () => {
    const unit = await f.unit(a, 'Drama');
    const last = await f.plan(a.librarian, unit, 2022);
    await f.action(a.librarian, last.id, { title: 'Still open' });
    expect((await f.plan(a.librarian, unit, 2023, { carryForward: false })).actions).toEqual([]);
    expect((await f.plan(a.librarian, unit, 2025)).actions).toEqual([]);
  });
});
