import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, newTenant, type Tenant, type TestApp } from '../../../../test/app.ts';
import { movableClock, movingClockEnv, opportunityFixtures, titles, type Page } from '../../../../test/opportunities.ts';
import type { PrioritiesDto } from '../../../shared/contracts/opportunities.ts';
import { institutionRow } from '../org/org.repository.ts';
import { coldOpportunities } from './index.ts';

const clock = movableClock('2026-03-15');
let t: TestApp;
let a: Tenant;
let p: Tenant;
const f = opportunityFixtures(() => t);

beforeAll(async () => {
  t = await buildTestApp({ clock, env: movingClockEnv });
  [a, p] = await Promise.all([newTenant(t), newTenant(t)]);
  await Promise.all([f.loadVocab(a), f.loadVocab(p)]);
});
afterAll(() => t?.close());

describe('opportunities: triage', () => {
  it('holds only incoming requests still spotted, by priority', async () => {
    clock.set('2026-03-15');
    await f.create(a.librarian, { title: 'Request: small', triggerKind: 'incoming_request', value: 2 });
    await f.create(a.librarian, { title: 'Request: urgent', triggerKind: 'incoming_request', value: 4, windowClosesOn: '2026-03-20' });
    const looked = await f.create(a.librarian, { title: 'Request: looked into', triggerKind: 'incoming_request', value: 5 });
    await f.move(a.librarian, looked.id, 'hook_found');
    await f.create(a.librarian, { title: 'Spotted, not a request', triggerKind: 'funding_call', value: 5 });
    await f.create(a.librarian, { title: 'Request approached at once', triggerKind: 'incoming_request', stage: 'approached' });
    const res = await a.viewer.get('/api/v1/opportunities/triage');
    expect(res.statusCode, res.body).toBe(200);
    const page = res.json<Page>();
    expect([titles(page.items), page.total]).toEqual([['Request: urgent', 'Request: small'], 2]);
    expect(page.items.map((o) => o.priority.score)).toEqual([4, 0.67]);
    const second = (await a.viewer.get('/api/v1/opportunities/triage?page=2&pageSize=1')).json<Page>();
    expect([titles(second.items), second.total]).toEqual([['Request: small'], 2]);
    expect((await a.viewer.get('/api/v1/opportunities/triage?pageSize=0')).statusCode).toBe(400);
  });
});

describe('opportunities: going cold', () => {
  it('goes quiet after the cold days without an engagement or stage change; a linked engagement or a move warms it', async () => {
    clock.set('2026-03-01');
    const o = await f.create(a.librarian, { title: 'Quiet one', stage: 'approached' });
    clock.set('2026-03-14');
    expect(await f.get(a.viewer, o.id)).toMatchObject({ lastActivityOn: '2026-03-01', cold: null });
    clock.set('2026-03-15');
    expect((await f.get(a.viewer, o.id)).cold).toEqual({ reason: 'No engagement or stage change for 14 days (since 2026-03-01)' });

    const dept = await f.unit(a, 'School of Law');
    const met = await f.log(a.librarian, a, { occurredOn: '2026-03-10', summary: 'Caught up in the corridor', orgUnitIds: [dept] });
    const planned = await f.log(a.librarian, a, { occurredOn: '2026-04-01', summary: 'Planned workshop', orgUnitIds: [dept] });
    const linked = await a.librarian.patch(`/api/v1/opportunities/${o.id}`, { engagementIds: [met.id, planned.id] });
    // an engagement still to come is not activity yet
    expect(linked.json()).toMatchObject({ lastActivityOn: '2026-03-10', cold: null, engagements: [{ id: planned.id }, { id: met.id }] });

    clock.set('2026-03-24');
    expect((await f.get(a.viewer, o.id)).cold?.reason).toBe('No engagement or stage change for 14 days (since 2026-03-10)');
    const moved = await f.move(a.librarian, o.id, 'piloting');
    expect(moved).toMatchObject({ lastActivityOn: '2026-03-24', cold: null });
  });

  it('a window closing within 7 days, today included, makes it cold; a closed window or a finished opportunity does not', async () => {
    clock.set('2026-03-15');
    const cold = async (body: Record<string, unknown>) => (await f.create(a.librarian, { title: 'Window', ...body })).cold;
    expect(await cold({ windowClosesOn: '2026-03-22' })).toEqual({ reason: 'The window closes on 2026-03-22, in 7 days' });
    expect(await cold({ windowClosesOn: '2026-03-15' })).toEqual({ reason: 'The window closes today (2026-03-15)' });
    expect(await cold({ windowClosesOn: '2026-03-23' })).toBeNull();
    expect(await cold({ windowClosesOn: '2026-03-14' })).toBeNull();
    expect(await cold({ windowClosesOn: '2026-03-16', stage: 'embedded' })).toBeNull();

    clock.set('2026-03-01');
    const both = await f.create(a.librarian, { title: 'Quiet and closing', windowClosesOn: '2026-03-18' });
    clock.set('2026-03-16');
    expect((await f.get(a.viewer, both.id)).cold?.reason).toBe('No engagement or stage change for 15 days (since 2026-03-01); The window closes on 2026-03-18, in 2 days');
  });

  it("follows the institution's setting for cold days", async () => {
    clock.set('2026-03-09');
    const o = await f.create(a.manager, { title: 'Six days quiet', stage: 'hook_found' });
    clock.set('2026-03-15');
    expect((await f.get(a.viewer, o.id)).cold).toBeNull();
    const set = await a.admin.patch('/api/v1/institution', { opportunityColdDays: 5 });
    expect(set.statusCode, set.body).toBe(200);
    expect((await f.get(a.viewer, o.id)).cold).toEqual({ reason: 'No engagement or stage change for 6 days (since 2026-03-09)' });
    expect((await a.admin.patch('/api/v1/institution', { opportunityColdDays: 14 })).statusCode).toBe(200);
    expect((await f.get(a.viewer, o.id)).cold).toBeNull();
  });

  it('coldOpportunities gives the nudges feed what is going cold, for one owner when asked', async () => {
    const inst = await institutionRow(t.handle.db, p.institutionId);
    clock.set('2026-03-01');
    const quiet = await f.create(p.librarian, { title: 'P quiet' });
    const closing = await f.create(p.manager, { title: 'P closing', windowClosesOn: '2026-03-20' });
    await f.create(p.librarian, { title: 'P quiet but embedded', stage: 'embedded' });
    clock.set('2026-03-15');
    await f.create(p.librarian, { title: 'P fresh' });
    const all = await coldOpportunities(t.handle.db, inst, '2026-03-15');
    expect(all.map((c) => [c.title, c.ownerId, c.windowClosesOn, c.lastActivityOn, c.coldness.quiet?.days ?? null, c.coldness.closing?.days ?? null])).toEqual([
      ['P closing', p.manager.userId, '2026-03-20', '2026-03-01', 14, 5],
      ['P quiet', p.librarian.userId, null, '2026-03-01', 14, null],
    ]);
    expect((await coldOpportunities(t.handle.db, inst, '2026-03-15', p.librarian.userId)).map((c) => c.id)).toEqual([quiet.id]);
    expect((await coldOpportunities(t.handle.db, inst, '2026-03-14', p.manager.userId)).map((c) => c.id)).toEqual([closing.id]);
    expect(await coldOpportunities(t.handle.db, inst, '2026-03-14', p.librarian.userId)).toEqual([]);
  });
});

describe('opportunities: priorities for managers', () => {
  it('requests waiting in triage, the other open opportunities, and each active colleague’s load', async () => {
    const db = t.handle.db;
    // p's own institution only: its "P …" opportunities above plus these
    for (const id of (await db.selectFrom('opportunities').select('id').where('institution_id', '=', p.institutionId).execute()).map((r) => r.id)) {
      expect((await p.manager.delete(`/api/v1/opportunities/${id}`)).statusCode).toBe(204);
    }
    clock.set('2026-03-15');
    await f.create(p.librarian, { title: 'Closing in 3 days', windowClosesOn: '2026-03-18', stage: 'approached' });
    await f.create(p.librarian, { title: 'Open, no window', stage: 'hook_found' });
    await f.create(p.librarian, { title: 'Done and embedded', stage: 'embedded', windowClosesOn: '2026-03-16' });
    const declined = await f.create(p.librarian, { title: 'Declined', windowClosesOn: '2026-03-16' });
    await f.move(p.librarian, declined.id, 'declined', 'Not this year');
    await f.create(p.manager, { title: 'Request from Law', triggerKind: 'incoming_request', windowClosesOn: '2026-03-25', value: 5 });
    await f.create(p.manager, { title: 'Request looked into', triggerKind: 'incoming_request', stage: 'hook_found', windowClosesOn: '2026-03-22' });

    const unit = await f.unit(p, 'Law School');
    const plan = await f.plan(p, unit);
    const lib = p.librarian.userId;
    await f.action(p, plan, { ownerId: lib, status: 'not_started', dueOn: '2026-03-10' }); // overdue
    await f.action(p, plan, { ownerId: lib, status: 'in_progress', dueOn: '2026-03-15' }); // due today: not overdue
    await f.action(p, plan, { ownerId: lib, status: 'in_progress', dueOn: null });
    await f.action(p, plan, { ownerId: lib, status: 'done', dueOn: '2026-03-01' });
    await f.action(p, plan, { ownerId: lib, status: 'dropped', dueOn: '2026-03-01' });
    await f.action(p, plan, { ownerId: p.admin.userId, status: 'not_started', dueOn: '2026-03-14' });
    await f.action(p, plan, { ownerId: null, status: 'not_started', dueOn: '2026-03-01' });
    const gone = await f.formerColleague(p);
    await f.action(p, plan, { ownerId: gone, status: 'not_started', dueOn: '2026-03-01' });
    // another institution's work never counts
    const aPlan = await f.plan(a, await f.unit(a, 'A unit'));
    await f.action(a, aPlan, { ownerId: a.librarian.userId, status: 'not_started', dueOn: '2026-03-01' });

    const res = await p.manager.get('/api/v1/opportunities/priorities');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<PrioritiesDto>();
    expect(titles(body.requests)).toEqual(['Request from Law']);
    // 3 × 1 × 3 ÷ 3 = 3 (3 days, then 7 days: the sooner window first); 3 × 1 × 1 ÷ 3 = 1
    expect(titles(body.open)).toEqual(['Closing in 3 days', 'Request looked into', 'Open, no window']);
    expect(body.open.map((o) => o.priority.score)).toEqual([3, 3, 1]);
    expect(body.openTotal).toBe(3);
    expect(body.load.map((l) => [l.id, l.opportunities, l.actions, l.overdueActions, l.closingSoon])).toEqual([
      [p.admin.userId, 0, 1, 1, 0],
      [p.librarian.userId, 2, 3, 1, 1],
      [p.manager.userId, 2, 0, 0, 1],
    ]);
    expect(body.load[1]?.name).toMatch(/^librarian /);
  });
});
