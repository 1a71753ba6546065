import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, newTenant, type Agent, type Tenant, type TestApp } from '../../../../test/app.ts';
import type { NudgeDto, NudgesDto } from '../../../shared/contracts/nudges.ts';

/*
 * The planning nudges in the feed: an opportunity going cold (no engagement or stage change for the
 * institution's cold days, default 14), its window closing within 7 days, and an action-plan action
 * past its due date, and the annual report due at the year's end. "Today" starts at 2 March 2026 and
 * the clock moves forward by hand (sessions last long enough).
 */
const START = Date.parse('2026-03-02T12:00:00Z');
let current = START;
const clock = { now: () => new Date(current) };
const setToday = (date: string) => {
  current = Date.parse(`${date}T12:00:00Z`);
};

let t: TestApp;
let a: Tenant;
let b: Tenant;
const fx = { unit: '', meeting: '', quiet: '', closing: '', otherOwners: '', embedded: '', plan: '', action: '' };

const ok = <T>(res: { statusCode: number; body: string; json: <U>() => U }, status = 200): T => {
  expect(res.statusCode, res.body).toBe(status);
  return res.json<T>();
};
const feed = async (agent: Agent, scope: 'mine' | 'team' = 'mine') => ok<NudgesDto>(await agent.get(`/api/v1/nudges?scope=${scope}`)).items;
const ofKind = (items: NudgeDto[], kind: NudgeDto['kind']) => items.filter((n) => n.kind === kind);
const opportunity = async (agent: Agent, body: Record<string, unknown>) =>
  ok<{ id: string }>(await agent.post('/api/v1/opportunities', { triggerKind: 'other', orgUnitIds: [fx.unit], ...body }), 201).id;

beforeAll(async () => {
  t = await buildTestApp({ clock, env: { SESSION_IDLE_MINUTES: '1000000', SESSION_ABSOLUTE_HOURS: '20000' } });
  [a, b] = await Promise.all([newTenant(t), newTenant(t)]);
  fx.unit = ok<{ id: string }>(await a.manager.post('/api/v1/org-units', { name: 'Chemistry', type: 'department' }), 201).id;
  const types = ok<{ key: string; id: string }[]>(await a.viewer.get('/api/v1/vocab?kind=engagement_type'));
  fx.meeting = types.find((x) => x.key === 'meeting')?.id ?? '';

  // on 2 March: three opportunities owned by the librarian, one by the manager
  fx.quiet = await opportunity(a.librarian, { title: 'Lab notebooks guide' });
  fx.closing = await opportunity(a.librarian, { title: 'Teaching fund bid', windowClosesOn: '2026-03-20' });
  fx.embedded = await opportunity(a.librarian, { title: 'Embedded induction', stage: 'embedded' });
  fx.otherOwners = await opportunity(a.manager, { title: 'Manager’s own idea' });

  fx.plan = ok<{ id: string }>(await a.librarian.post('/api/v1/action-plans', { orgUnitId: fx.unit, year: 2025 }), 201).id;
  const plan = ok<{ actions: { id: string; title: string }[] }>(await a.librarian.post(`/api/v1/action-plans/${fx.plan}/actions`, {
    title: 'Review the reading lists', ownerId: a.librarian.userId, dueOn: '2026-03-10',
  }), 201);
  fx.action = plan.actions.find((x) => x.title === 'Review the reading lists')?.id ?? '';
  await a.librarian.post(`/api/v1/action-plans/${fx.plan}/actions`, { title: 'Already done', ownerId: a.librarian.userId, dueOn: '2026-03-01', status: 'done' });
});
afterAll(() => t?.close());

describe('planning nudges', () => {
  it('stay quiet while everything is fresh and nothing is overdue', async () => {
    setToday('2026-03-09');
    const items = await feed(a.librarian);
    expect(ofKind(items, 'opportunity_cold')).toEqual([]);
    expect(ofKind(items, 'window_closing')).toEqual([]);
    expect(ofKind(items, 'action_overdue')).toEqual([]);
  });

  it('name an overdue action the day after it was due, linking to its plan', async () => {
    setToday('2026-03-11');
    const [overdue, ...rest] = ofKind(await feed(a.librarian), 'action_overdue');
    expect(rest).toEqual([]);
    expect(overdue).toEqual({
      key: `action:${fx.action}:2026-03-10`, kind: 'action_overdue', date: '2026-03-10', href: `/plans/${fx.plan}`,
      title: 'Review the reading lists: overdue', detail: 'Due on 2026-03-10 in the Chemistry action plan.',
    });
  });

  it('warn a week before the window closes, and not before', async () => {
    setToday('2026-03-12');
    expect(ofKind(await feed(a.librarian), 'window_closing')).toEqual([]);
    setToday('2026-03-13');
    const [closing] = ofKind(await feed(a.librarian), 'window_closing');
    expect(closing).toMatchObject({ key: `window:${fx.closing}:2026-03-20`, href: `/opportunities/${fx.closing}`, title: 'Teaching fund bid: the window is closing', date: '2026-03-20' });
    expect(closing?.detail).toContain('in 7 days');
  });

  it('mark an opportunity going cold after 14 quiet days, never an embedded one, and clear it when an engagement is linked', async () => {
    setToday('2026-03-15');
    expect(ofKind(await feed(a.librarian), 'opportunity_cold')).toEqual([]);
    setToday('2026-03-16');
    const cold = ofKind(await feed(a.librarian), 'opportunity_cold');
    expect(cold.map((n) => n.href).sort()).toEqual([`/opportunities/${fx.closing}`, `/opportunities/${fx.quiet}`].sort());
    expect(cold.find((n) => n.href.endsWith(fx.quiet))).toMatchObject({ key: `cold:${fx.quiet}:2026-03-02`, title: 'Lab notebooks guide: going cold' });

    const meeting = ok<{ id: string }>(await a.librarian.post('/api/v1/engagements', { typeId: fx.meeting, occurredOn: '2026-03-16', summary: 'Talked about lab notebooks', orgUnitIds: [fx.unit] }), 201).id;
    ok(await a.librarian.patch(`/api/v1/opportunities/${fx.quiet}`, { engagementIds: [meeting] }));
    const after = ofKind(await feed(a.librarian), 'opportunity_cold');
    expect(after.map((n) => n.href)).toEqual([`/opportunities/${fx.closing}`]);
  });

  it('follow the institution’s cold days', async () => {
    setToday('2026-03-16');
    ok(await a.admin.patch('/api/v1/institution', { opportunityColdDays: 30 }));
    expect(ofKind(await feed(a.librarian), 'opportunity_cold')).toEqual([]);
    ok(await a.admin.patch('/api/v1/institution', { opportunityColdDays: 14 }));
  });

  it('keep each person’s to what they own; the team feed has everyone’s; another institution sees none', async () => {
    setToday('2026-03-16');
    const mine = await feed(a.librarian);
    expect(mine.some((n) => n.href === `/opportunities/${fx.otherOwners}`)).toBe(false);
    expect(ofKind(await feed(a.manager), 'opportunity_cold').map((n) => n.href)).toEqual([`/opportunities/${fx.otherOwners}`]);
    const team = await feed(a.manager, 'team');
    expect(ofKind(team, 'opportunity_cold').map((n) => n.href).sort()).toEqual([`/opportunities/${fx.closing}`, `/opportunities/${fx.otherOwners}`].sort());
    expect(ofKind(team, 'action_overdue')).toHaveLength(1);
    const elsewhere = await feed(b.manager, 'team');
    expect(elsewhere.filter((n) => ['opportunity_cold', 'window_closing', 'action_overdue'].includes(n.kind))).toEqual([]);
  });

  it('stop warning about a window once it has closed, and about an action once it is done', async () => {
    setToday('2026-03-21');
    expect(ofKind(await feed(a.librarian), 'window_closing')).toEqual([]);
    ok(await a.librarian.patch(`/api/v1/plan-actions/${fx.action}`, { status: 'done' }));
    expect(ofKind(await feed(a.librarian), 'action_overdue')).toEqual([]);
  });
});

describe('annual report due', () => {
  const due = (items: NudgeDto[]) => ofKind(items, 'report_due');

  it('is quiet until two months before the year ends, then names each department in scope, linking to its report', async () => {
    setToday('2026-05-31');
    expect(due(await feed(a.manager, 'team'))).toEqual([]);
    setToday('2026-06-01');
    expect(due(await feed(a.manager, 'team'))).toEqual([{
      key: `report:${fx.unit}:2025`, kind: 'report_due', date: '2026-11-30', href: `/reports/${fx.unit}/2025`,
      title: 'Chemistry: annual report for 2025–26 due',
      detail: 'Review the year’s figures, write the introduction, then record the discussion with the head of department by 2026-11-30.',
    }]);
    // the librarian's own feed has only the departments they cover
    expect(due(await feed(a.librarian))).toEqual([]);
    expect(due(await feed(b.manager, 'team'))).toEqual([]);
  });

  it('says when a draft exists, and clears once the discussion with the head of department is recorded', async () => {
    setToday('2026-09-20');
    // sharing makes the report's row, but nothing is written yet
    ok(await a.librarian.post(`/api/v1/reports/${fx.unit}/2025/share-links`, { expiresInDays: 7 }), 201);
    expect(due(await feed(a.manager, 'team'))[0]?.detail).toMatch(/^Review the year’s figures/);
    ok(await a.librarian.put(`/api/v1/reports/${fx.unit}/2025`, { introduction: 'A year of embedded teaching.' }));
    const [drafted] = due(await feed(a.manager, 'team'));
    expect(drafted?.detail).toBe('Drafted; record the discussion with the head of department by 2026-11-30.');
    ok(await a.librarian.put(`/api/v1/reports/${fx.unit}/2025`, { introduction: 'A year of embedded teaching.', discussedOn: '2026-09-18' }));
    expect(due(await feed(a.manager, 'team'))).toEqual([]);
  });

  it('stops at the end of November for a report nobody discussed, until the next year nears its end', async () => {
    const other = ok<{ id: string }>(await a.manager.post('/api/v1/org-units', { name: 'Physics', type: 'department' }), 201).id;
    const fns = ok<{ key: string; id: string }[]>(await a.viewer.get('/api/v1/vocab?kind=function'));
    ok(await a.manager.post('/api/v1/coverage', { userId: a.librarian.userId, orgUnitId: other, functionId: fns.find((x) => x.key === 'subject_liaison')?.id }), 201);
    setToday('2026-11-30');
    expect(due(await feed(a.manager, 'team')).map((n) => n.href)).toEqual([`/reports/${other}/2025`]);
    expect(due(await feed(a.librarian)).map((n) => n.href)).toEqual([`/reports/${other}/2025`]); // they cover Physics
    setToday('2026-12-01');
    expect(due(await feed(a.manager, 'team'))).toEqual([]);
  });
});
