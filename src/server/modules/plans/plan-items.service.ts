import type { ActionBody, ActionPlanDto, ObjectiveBody, UpdateActionBody, UpdateObjectiveBody } from '../../../shared/contracts/plans.ts';
import type { FieldError } from '../../../shared/errors.ts';
import type { Executor, PlanActionTable, PlanObjectiveTable } from '../../db/types.ts';
import { assertRole, type Actor } from '../../http/actor.ts';
import { AppError, invalid, notFound } from '../../http/errors.ts';
import { isoNow } from '../../lib/clock.ts';
import type { AppDeps } from '../../lib/deps.ts';
import { newId } from '../../lib/ids.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { assertActiveUser, assertEngagementsInInstitution, assertPeopleInInstitution } from '../engagements/engagements.repository.ts';
import { assertGoals } from '../planning/refs.ts';
import * as items from './plan-items.repository.ts';
import { auditableAction } from './plans.mapper.ts';
import * as repo from './plans.repository.ts';
import type { PlansService } from './plans.service.ts';

/** Runs every check and answers one 400 naming each field that failed, rather than the first alone. */
async function allChecks(checks: (() => Promise<void>)[]): Promise<void> {
  const errors: FieldError[] = [];
  for (const check of checks) {
    try {
      await check();
    } catch (err) {
      if (!(err instanceof AppError) || err.code !== 'VALIDATION') throw err;
      errors.push(...(err.details ?? []));
    }
  }
  if (errors.length) throw new AppError('VALIDATION', errors.map((e) => `${e.field}: ${e.message}`).join('; '), errors);
}

type ActionRefs = Pick<UpdateActionBody, 'objectiveId' | 'ownerId' | 'partnerPersonId' | 'engagementIds'>;

/** The columns an action body sets; absent fields are left as they are. */
function actionColumns(body: UpdateActionBody): Partial<PlanActionTable> {
  const out: Partial<PlanActionTable> = {};
  if (body.title !== undefined) out.title = body.title;
  if (body.objectiveId !== undefined) out.objective_id = body.objectiveId;
  if (body.ownerId !== undefined) out.owner_id = body.ownerId;
  if (body.partnerPersonId !== undefined) out.partner_person_id = body.partnerPersonId;
  if (body.dueOn !== undefined) out.due_on = body.dueOn;
  if (body.status !== undefined) out.status = body.status;
  if (body.notes !== undefined) out.notes = body.notes;
  return out;
}

export function planItemsService({ db, clock }: Pick<AppDeps, 'db' | 'clock'>, plans: Pick<PlansService, 'get'>) {
  async function planOf(trx: Executor, actor: Actor, planId: string) {
    const plan = await repo.findPlan(trx, actor.institutionId, planId);
    if (!plan) throw notFound('Action plan');
    return plan;
  }

  /** Every reference must be this plan's or this institution's; an owner kept from before may since have been deactivated. */
  async function checkActionRefs(trx: Executor, actor: Actor, planId: string, body: ActionRefs, before?: PlanActionTable) {
    const inst = actor.institutionId;
    const { objectiveId, ownerId, partnerPersonId, engagementIds } = body;
    await allChecks([
      async () => {
        if (!objectiveId) return;
        const o = await items.findObjective(trx, inst, objectiveId);
        if (o?.plan_id !== planId) throw invalid('objectiveId', 'is not an objective of this plan');
      },
      async () => { if (ownerId && ownerId !== before?.owner_id) await assertActiveUser(trx, inst, ownerId, 'ownerId'); },
      async () => { if (partnerPersonId) await assertPeopleInInstitution(trx, inst, [partnerPersonId], 'partnerPersonId'); },
      async () => { if (engagementIds) await assertEngagementsInInstitution(trx, inst, engagementIds, 'engagementIds'); },
    ]);
  }

  async function actionOf(trx: Executor, actor: Actor, id: string) {
    const action = await items.findAction(trx, actor.institutionId, id);
    if (!action) throw notFound('Action');
    return action;
  }

  async function objectiveOf(trx: Executor, actor: Actor, id: string) {
    const objective = await items.findObjective(trx, actor.institutionId, id);
    if (!objective) throw notFound('Objective');
    return objective;
  }

  return {
    async addObjective(actor: Actor, planId: string, body: ObjectiveBody): Promise<ActionPlanDto> {
      assertRole(actor, 'librarian');
      await db.transaction().execute(async (trx) => {
        await planOf(trx, actor, planId);
        if (body.goalId) await assertGoals(trx, actor.institutionId, [body.goalId], 'goalId');
        const now = isoNow(clock);
        const row: PlanObjectiveTable = {
          id: newId(), institution_id: actor.institutionId, plan_id: planId, title: body.title, goal_id: body.goalId ?? null,
          sort_order: await items.nextSortOrder(trx, 'plan_objectives', planId), created_at: now, updated_at: now,
        };
        await items.insertObjectives(trx, [row]);
        await repo.touchPlan(trx, actor.institutionId, planId, now);
        await recordAudit(trx, actor, { action: 'create', entityType: 'plan_objective', entityId: row.id, after: { ...row } }, now);
      });
      return plans.get(actor, planId);
    },

    async updateObjective(actor: Actor, id: string, body: UpdateObjectiveBody): Promise<ActionPlanDto> {
      assertRole(actor, 'librarian');
      const planId = await db.transaction().execute(async (trx) => {
        const before = await objectiveOf(trx, actor, id);
        // a retired goal stays on the objective it was set on; only a new choice must be in use
        if (body.goalId && body.goalId !== before.goal_id) await assertGoals(trx, actor.institutionId, [body.goalId], 'goalId');
        const now = isoNow(clock);
        const patch: Partial<PlanObjectiveTable> = { updated_at: now };
        if (body.title !== undefined) patch.title = body.title;
        if (body.goalId !== undefined) patch.goal_id = body.goalId;
        await items.updateObjective(trx, actor.institutionId, id, patch);
        await repo.touchPlan(trx, actor.institutionId, before.plan_id, now);
        await recordAudit(trx, actor, { action: 'update', entityType: 'plan_objective', entityId: id, before, after: { ...before, ...patch } }, now);
        return before.plan_id;
      });
      return plans.get(actor, planId);
    },

    async removeObjective(actor: Actor, id: string): Promise<void> {
      assertRole(actor, 'librarian');
      await db.transaction().execute(async (trx) => {
        const before = await objectiveOf(trx, actor, id);
        const now = isoNow(clock);
        await items.deleteObjective(trx, actor.institutionId, id);
        await repo.touchPlan(trx, actor.institutionId, before.plan_id, now);
        await recordAudit(trx, actor, { action: 'delete', entityType: 'plan_objective', entityId: id, before }, now);
      });
    },

    async addAction(actor: Actor, planId: string, body: ActionBody): Promise<ActionPlanDto> {
      assertRole(actor, 'librarian');
      await db.transaction().execute(async (trx) => {
        await planOf(trx, actor, planId);
        await checkActionRefs(trx, actor, planId, body);
        const now = isoNow(clock);
        const row: PlanActionTable = {
          id: newId(), institution_id: actor.institutionId, plan_id: planId, objective_id: null, title: body.title, owner_id: null, partner_person_id: null,
          due_on: null, status: body.status, notes: null, carried_from_id: null, sort_order: await items.nextSortOrder(trx, 'plan_actions', planId),
          ...actionColumns(body), created_at: now, updated_at: now,
        };
        await items.insertActions(trx, [row]);
        await items.replaceEngagements(trx, actor.institutionId, row.id, body.engagementIds);
        await repo.touchPlan(trx, actor.institutionId, planId, now);
        await recordAudit(trx, actor, { action: 'create', entityType: 'plan_action', entityId: row.id, after: auditableAction(row, [...body.engagementIds].sort()) }, now);
      });
      return plans.get(actor, planId);
    },

    async updateAction(actor: Actor, id: string, body: UpdateActionBody): Promise<ActionPlanDto> {
      assertRole(actor, 'librarian');
      const planId = await db.transaction().execute(async (trx) => {
        const before = await actionOf(trx, actor, id);
        await checkActionRefs(trx, actor, before.plan_id, body, before);
        const beforeLinks = await items.engagementIdsOf(trx, id);
        const now = isoNow(clock);
        const patch = { ...actionColumns(body), updated_at: now };
        await items.updateAction(trx, actor.institutionId, id, patch);
        if (body.engagementIds) await items.replaceEngagements(trx, actor.institutionId, id, body.engagementIds);
        await repo.touchPlan(trx, actor.institutionId, before.plan_id, now);
        await recordAudit(trx, actor, {
          action: 'update', entityType: 'plan_action', entityId: id,
          before: auditableAction(before, beforeLinks), after: auditableAction({ ...before, ...patch }, body.engagementIds ? [...body.engagementIds].sort() : beforeLinks),
        }, now);
        return before.plan_id;
      });
      return plans.get(actor, planId);
    },

    async removeAction(actor: Actor, id: string): Promise<void> {
      assertRole(actor, 'librarian');
      await db.transaction().execute(async (trx) => {
        const before = await actionOf(trx, actor, id);
        const links = await items.engagementIdsOf(trx, id);
        const now = isoNow(clock);
        await items.deleteAction(trx, actor.institutionId, id);
        await repo.touchPlan(trx, actor.institutionId, before.plan_id, now);
        await recordAudit(trx, actor, { action: 'delete', entityType: 'plan_action', entityId: id, before: auditableAction(before, links) }, now);
      });
    },

    async addComment(actor: Actor, planId: string, body: { body: string }): Promise<ActionPlanDto> {
      assertRole(actor, 'librarian');
      await db.transaction().execute(async (trx) => {
        await planOf(trx, actor, planId);
        const author = await trx.selectFrom('users').select('name').where('id', '=', actor.userId).executeTakeFirstOrThrow();
        const now = isoNow(clock);
        const row = { id: newId(), institution_id: actor.institutionId, plan_id: planId, author_name: author.name, user_id: actor.userId, via: 'staff' as const, body: body.body, created_at: now };
        await repo.insertComment(trx, row);
        await repo.touchPlan(trx, actor.institutionId, planId, now);
        await recordAudit(trx, actor, { action: 'create', entityType: 'plan_comment', entityId: row.id, after: row }, now);
      });
      return plans.get(actor, planId);
    },
  };
}

export type PlanItemsService = ReturnType<typeof planItemsService>;
