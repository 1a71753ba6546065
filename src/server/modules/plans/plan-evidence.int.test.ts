import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActionPlanDto, CreatedShareLinkDto, SharedPlanDto } from '../../../shared/contracts/plans.ts';
import { buildTestApp, newTenant, type Agent, type Tenant, type TestApp } from '../../../../test/app.ts';
import { movableClock, planFixtures } from '../../../../test/plans.ts';

/*
 * "Actions with … linked engagements and evidence": evidence is linked to an action from the evidence
 * side (evidence_actions); the plan's page shows it under each action. The partner's shared view does not.
 */
const clock = movableClock('2025-03-15T12:00:00Z');
let t: TestApp;
let a: Tenant;
let b: Tenant;
const f = planFixtures(() => t);
const ids = { unit: '', bUnit: '' };

async function evidence(agent: Agent, body: Record<string, unknown>): Promise<string> {
  const res = await agent.post('/api/v1/evidence', { kind: 'quote', sourceText: 'A second-year student', ...body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string }>().id;
}
const planOf = async (agent: Agent, id: string) => (await agent.get(`/api/v1/action-plans/${id}`)).json<ActionPlanDto>();

beforeAll(async () => {
  t = await buildTestApp({ clock });
  [a, b] = await Promise.all([newTenant(t), newTenant(t)]);
  ids.unit = await f.unit(a, 'History');
  ids.bUnit = await f.unit(b, 'B History');
});
afterAll(() => t?.close());

describe('action plans: the evidence linked to each action', () => {
  it('lists each action its evidence, newest first, as kind, date and excerpt; other actions none', async () => {
    const plan = await f.plan(a.librarian, ids.unit, 2024);
    const clinic = await f.action(a.librarian, plan.id, { title: 'Archive skills clinic' });
    const other = await f.action(a.librarian, plan.id, { title: 'Reading list review' });
    const older = await evidence(a.librarian, { text: 'The clinic made the archive less daunting.', occurredOn: '2025-01-20', actionIds: [clinic.id] });
    const long = 'Attendance at the archive clinic doubled between the first and the second term, and '.repeat(3);
    const newer = await evidence(a.librarian, { kind: 'figure', text: long, occurredOn: '2025-03-01', actionIds: [clinic.id], attribution: 'anonymous' });
    await evidence(a.librarian, { text: 'Not about any action.', occurredOn: '2025-03-02' });

    const shown = await planOf(a.viewer, plan.id);
    const mine = shown.actions.find((x) => x.id === clinic.id);
    expect(mine?.evidence.map((e) => [e.id, e.kind, e.occurredOn])).toEqual([[newer, 'figure', '2025-03-01'], [older, 'quote', '2025-01-20']]);
    expect(mine?.evidence[1]?.excerpt).toBe('The clinic made the archive less daunting.');
    expect(mine?.evidence[0]?.excerpt.endsWith('…')).toBe(true);
    expect(mine?.evidence[0]?.excerpt.length).toBeLessThanOrEqual(160);
    expect(shown.actions.find((x) => x.id === other.id)?.evidence).toEqual([]);

    // unlinking on the evidence side takes it off the action
    expect((await a.librarian.patch(`/api/v1/evidence/${older}`, { actionIds: [] })).statusCode).toBe(200);
    expect((await planOf(a.viewer, plan.id)).actions.find((x) => x.id === clinic.id)?.evidence.map((e) => e.id)).toEqual([newer]);
  });

  it("another institution's plan stays 404, and its evidence never appears in this one", async () => {
    const plan = await f.plan(a.librarian, ids.unit, 2023);
    const action = await f.action(a.librarian, plan.id, { title: 'Our action' });
    const theirPlan = await f.plan(b.librarian, ids.bUnit, 2024);
    const theirAction = await f.action(b.librarian, theirPlan.id, { title: 'Their action' });
    await evidence(b.librarian, { text: 'Their evidence', occurredOn: '2025-02-01', actionIds: [theirAction.id] });
    const crossed = await b.librarian.post('/api/v1/evidence', { kind: 'quote', text: 'Reaching across', sourceText: 'x', occurredOn: '2025-02-01', actionIds: [action.id] });
    expect(crossed.statusCode).toBe(400);
    expect((await b.viewer.get(`/api/v1/action-plans/${plan.id}`)).statusCode).toBe(404);
    expect((await planOf(a.viewer, plan.id)).actions.find((x) => x.id === action.id)?.evidence).toEqual([]);
  });

  it("leaves evidence out of the partner's shared view", async () => {
    const plan = await f.plan(a.librarian, ids.unit, 2022);
    const action = await f.action(a.librarian, plan.id, { title: 'Shared action' });
    await evidence(a.librarian, { text: 'A student said the session saved their dissertation.', occurredOn: '2025-02-10', actionIds: [action.id] });
    expect((await planOf(a.viewer, plan.id)).actions[0]?.evidence).toHaveLength(1);
    const made = await a.librarian.post(`/api/v1/action-plans/${plan.id}/share-links`, {});
    expect(made.statusCode, made.body).toBe(201);
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/shared/${made.json<CreatedShareLinkDto>().token}` });
    expect(res.statusCode, res.body).toBe(200);
    const shared = res.json<SharedPlanDto>();
    expect(shared.plan.actions.map((x) => x.title)).toEqual(['Shared action']);
    expect(Object.keys(shared.plan.actions[0] ?? {})).not.toContain('evidence');
    expect(res.body).not.toContain('saved their dissertation');
  });
});
