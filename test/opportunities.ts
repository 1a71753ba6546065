import { expect } from 'vitest';
import type { OpportunityDetailDto, OpportunityDto } from '../src/shared/contracts/opportunities.ts';
import type { ActionStatus, GoalTable } from '../src/server/db/types.ts';
import { newId } from '../src/server/lib/ids.ts';
import type { Agent, Tenant, TestApp } from './app.ts';
import { engagementFixtures } from './engagements.ts';

/** A clock the tests move: "today" starts at 15 March 2026 in Europe/London. */
export function movableClock(start = '2026-03-15') {
  let now = new Date(`${start}T12:00:00Z`);
  return {
    now: () => now,
    /** noon UTC on that date: the same date in Europe/London all year */
    set(date: string) {
      now = new Date(`${date}T12:00:00Z`);
    },
  };
}

/** Sessions that outlive the test clock's moves (a year), and room for a few tenants' logins. */
export const movingClockEnv = { SESSION_IDLE_MINUTES: String(60 * 24 * 365), SESSION_ABSOLUTE_HOURS: String(24 * 365), LOGIN_RATE_LIMIT: '100' };

export type Page = { items: OpportunityDto[]; page: number; pageSize: number; total: number };
export const titles = (list: { title: string }[]) => list.map((o) => o.title);

/** Factories for the opportunity tests; `app` is read when called, so files may build their app in beforeAll. */
export function opportunityFixtures(app: () => TestApp) {
  const base = engagementFixtures(app);
  const db = () => app().handle.db;
  const stamp = () => new Date().toISOString();

  async function create(agent: Agent, body: Record<string, unknown>): Promise<OpportunityDetailDto> {
    const res = await agent.post('/api/v1/opportunities', { triggerKind: 'other', ...body });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<OpportunityDetailDto>();
  }

  async function move(agent: Agent, id: string, stage: string, reason?: string): Promise<OpportunityDetailDto> {
    const res = await agent.post(`/api/v1/opportunities/${id}/stage`, { stage, ...(reason ? { reason } : {}) });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<OpportunityDetailDto>();
  }

  async function get(agent: Agent, id: string): Promise<OpportunityDetailDto> {
    const res = await agent.get(`/api/v1/opportunities/${id}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<OpportunityDetailDto>();
  }

  async function list(agent: Agent, query = ''): Promise<Page> {
    const res = await agent.get(`/api/v1/opportunities${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<Page>();
  }

  /** A goal (or, with a parent, an objective taking its goal's owner) written directly: the goals API is its own module. */
  async function goal(tenant: Tenant, owner: GoalTable['owner'], title: string, opts: { parentId?: string; active?: boolean } = {}): Promise<string> {
    const id = newId();
    await db().insertInto('goals').values({
      id, institution_id: tenant.institutionId, parent_id: opts.parentId ?? null, owner, title, description: null, sort_order: 0,
      active: opts.active === false ? 0 : 1, created_at: stamp(), updated_at: stamp(),
    }).execute();
    return id;
  }

  /** An action plan for the unit, written directly, to hang plan actions on. */
  async function plan(tenant: Tenant, orgUnitId: string, year = 2025): Promise<string> {
    const id = newId();
    await db().insertInto('action_plans').values({
      id, institution_id: tenant.institutionId, org_unit_id: orgUnitId, year, status: 'in_progress', agreed_by: null, agreed_on: null, agreed_via: null,
      review_notes: null, created_by: null, created_at: stamp(), updated_at: stamp(),
    }).execute();
    return id;
  }

  async function action(tenant: Tenant, planId: string, a: { ownerId: string | null; status: ActionStatus; dueOn: string | null }): Promise<string> {
    const id = newId();
    await db().insertInto('plan_actions').values({
      id, institution_id: tenant.institutionId, plan_id: planId, objective_id: null, title: `Action ${a.status} ${a.dueOn ?? 'undated'}`, owner_id: a.ownerId,
      partner_person_id: null, due_on: a.dueOn, status: a.status, notes: null, carried_from_id: null, sort_order: 0, created_at: stamp(), updated_at: stamp(),
    }).execute();
    return id;
  }

  /** A deactivated member of staff: can own nothing new and carries no load. */
  async function formerColleague(tenant: Tenant): Promise<string> {
    const id = newId();
    await db().insertInto('users').values({
      id, institution_id: tenant.institutionId, email: `gone-${id}@example.test`, name: 'Former colleague', password_hash: 'x', role: 'librarian',
      job_title: null, team_id: null, active: 0, created_at: stamp(), updated_at: stamp(),
    }).execute();
    return id;
  }

  return { ...base, create, move, get, list, goal, plan, action, formerColleague };
}
