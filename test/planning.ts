import { expect } from 'vitest';
import type { GoalDto } from '../src/shared/contracts/goals.ts';
import type { ActionStatus, OpportunityStage } from '../src/server/db/types.ts';
import { newId } from '../src/server/lib/ids.ts';
import { errorOf, type Agent, type Tenant, type TestApp } from './app.ts';

const NOW = '2025-01-01T00:00:00.000Z';

/** Without a session, each route of a collection (list, read, create, edit, delete) answers 401. */
export async function expectSignInNeeded(t: TestApp, base: string) {
  const routes = [['GET', base], ['GET', `${base}/x`], ['POST', base], ['PATCH', `${base}/x`], ['DELETE', `${base}/x`]] as const;
  for (const [method, url] of routes) {
    const res = await t.app.inject({ method, url, ...(method === 'POST' || method === 'PATCH' ? { headers: { 'content-type': 'application/json' }, payload: '{}' } : {}) });
    expect(res.statusCode, `${method} ${url}`).toBe(401);
    expect(errorOf(res).code).toBe('UNAUTHENTICATED');
  }
}

/** GET that must answer 200; its body. */
export async function read<T>(agent: Agent, url: string): Promise<T> {
  const res = await agent.get(url);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<T>();
}

/**
 * Rows for what aligns to goals and campaigns, written straight to the database so the goal and
 * campaign tests do not depend on the opportunity and action-plan routes.
 */
export function planningFixtures(app: () => TestApp) {
  const db = () => app().handle.db;

  const goals = (tenant: Tenant, all = false) => read<GoalDto[]>(tenant.viewer, `/api/v1/goals${all ? '?all=true' : ''}`);

  async function opportunity(tenant: Tenant, o: {
    title: string; stage?: OpportunityStage; goalIds?: string[]; orgUnitIds?: string[]; triggerEngagementId?: string; engagementIds?: string[];
  }): Promise<string> {
    const id = newId();
    const inst = tenant.institutionId;
    await db().insertInto('opportunities').values({
      id, institution_id: inst, title: o.title, trigger_kind: 'other', trigger_text: null, trigger_engagement_id: o.triggerEngagementId ?? null, hook: null,
      value: 3, effort: 2, window_closes_on: null, east_easy: null, east_attractive: null, east_social: null, east_timely: null, is_pilot: 0,
      owner_id: null, stage: o.stage ?? 'spotted', closed_reason: null, stage_changed_on: '2025-01-01', milestone: null, milestone_on: null,
      created_by: null, created_at: NOW, updated_at: NOW,
    }).execute();
    const row = { opportunity_id: id, institution_id: inst };
    if (o.goalIds?.length) await db().insertInto('opportunity_goals').values(o.goalIds.map((goal_id) => ({ ...row, goal_id }))).execute();
    if (o.orgUnitIds?.length) await db().insertInto('opportunity_org_units').values(o.orgUnitIds.map((org_unit_id) => ({ ...row, org_unit_id }))).execute();
    if (o.engagementIds?.length) await db().insertInto('opportunity_engagements').values(o.engagementIds.map((engagement_id) => ({ ...row, engagement_id }))).execute();
    return id;
  }

  /** An action plan for a unit and year, with objectives (each aligned to a goal or none) and their actions' statuses. */
  async function plan(tenant: Tenant, p: { orgUnitId: string; year: number; objectives: { title: string; goalId: string | null; actions: ActionStatus[] }[] }) {
    const inst = tenant.institutionId;
    const planId = newId();
    await db().insertInto('action_plans').values({
      id: planId, institution_id: inst, org_unit_id: p.orgUnitId, year: p.year, status: 'draft', agreed_by: null, agreed_on: null, agreed_via: null,
      review_notes: null, created_by: null, created_at: NOW, updated_at: NOW,
    }).execute();
    const objectiveIds: string[] = [];
    for (const [i, o] of p.objectives.entries()) {
      const objectiveId = newId();
      objectiveIds.push(objectiveId);
      await db().insertInto('plan_objectives').values({ id: objectiveId, institution_id: inst, plan_id: planId, title: o.title, goal_id: o.goalId, sort_order: i * 10, created_at: NOW, updated_at: NOW }).execute();
      for (const [j, status] of o.actions.entries()) {
        await db().insertInto('plan_actions').values({
          id: newId(), institution_id: inst, plan_id: planId, objective_id: objectiveId, title: `Action ${j + 1}`, owner_id: null, partner_person_id: null,
          due_on: null, status, notes: null, carried_from_id: null, sort_order: j * 10, created_at: NOW, updated_at: NOW,
        }).execute();
      }
    }
    return { planId, objectiveIds };
  }

  return { goals, opportunity, plan };
}
