import { expect } from 'vitest';
import type { ActionPlanDto, PlanActionDto } from '../src/shared/contracts/plans.ts';
import { errorOf, type Agent, type Tenant, type TestApp } from './app.ts';
import { engagementFixtures } from './engagements.ts';

/** The fields a 400 names, in order. */
export const fieldsOf = (res: Parameters<typeof errorOf>[0]) => errorOf(res).details?.map((d) => d.field);

/** A clock the test can move: `now` reads the variable set by `set`. */
export function movableClock(start: string) {
  let at = new Date(start);
  return {
    now: () => at,
    set: (iso: string) => { at = new Date(iso); },
  };
}

/** Factories over the HTTP API for the action-plan tests; `app` is read when called. */
export function planFixtures(app: () => TestApp) {
  const base = engagementFixtures(app);

  async function plan(agent: Agent, orgUnitId: string, year: number, extra: Record<string, unknown> = {}): Promise<ActionPlanDto> {
    const res = await agent.post('/api/v1/action-plans', { orgUnitId, year, ...extra });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<ActionPlanDto>();
  }

  async function objective(agent: Agent, planId: string, title: string, goalId?: string): Promise<string> {
    const res = await agent.post(`/api/v1/action-plans/${planId}/objectives`, { title, ...(goalId ? { goalId } : {}) });
    expect(res.statusCode, res.body).toBe(201);
    const found = res.json<ActionPlanDto>().objectives.find((o) => o.title === title);
    expect(found).toBeDefined();
    return found?.id ?? '';
  }

  /** Adds an action and returns it as the plan now shows it (the last one with this title). */
  async function action(agent: Agent, planId: string, body: Record<string, unknown>): Promise<PlanActionDto> {
    const res = await agent.post(`/api/v1/action-plans/${planId}/actions`, body);
    expect(res.statusCode, res.body).toBe(201);
    const found = res.json<ActionPlanDto>().actions.filter((a) => a.title === body.title).at(-1);
    expect(found).toBeDefined();
    return found as PlanActionDto;
  }

  /** The goals seeded for a tenant (the library's six themes), by title; read from the table so these tests stand apart from the goals routes. */
  async function goals(tenant: Tenant): Promise<Record<string, string>> {
    const rows = await app().handle.db.selectFrom('goals').select(['id', 'title']).where('institution_id', '=', tenant.institutionId).execute();
    return Object.fromEntries(rows.map((g) => [g.title, g.id]));
  }

  return { ...base, plan, objective, action, goals };
}
