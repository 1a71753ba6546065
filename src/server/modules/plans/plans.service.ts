import type { Page } from '../../../shared/contracts/common.ts';
import type { ActionPlanDto, ActionPlanSummaryDto, CreatePlanBody, ListPlansQuery, UpdatePlanBody } from '../../../shared/contracts/plans.ts';
import type { ActionPlanTable } from '../../db/types.ts';
import { assertRole, type Actor } from '../../http/actor.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { isoNow } from '../../lib/clock.ts';
import type { AppDeps } from '../../lib/deps.ts';
import { newId } from '../../lib/ids.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { assertOrgUnitsInInstitution, institutionRow } from '../org/org.repository.ts';
import { carryForward } from './carry-forward.ts';
import { loadView, todayOf, yearLabelOf } from './plan-view.ts';
import { toPlanDto, toSummaryDto } from './plans.mapper.ts';
import * as repo from './plans.repository.ts';
import { planPatch } from './status.ts';

/** The plan's own columns, as the audit trail records them (the org unit's name is not the plan's). */
const auditablePlan = ({ org_unit_name: _name, ...row }: repo.PlanRow) => row;

const taken = () => new AppError('CONFLICT', 'year: this department already has an action plan for that year', [{ field: 'year', message: 'this department already has an action plan for that year' }]);

export function plansService({ db, clock }: Pick<AppDeps, 'db' | 'clock'>) {
  async function get(actor: Actor, id: string): Promise<ActionPlanDto> {
    const inst = await institutionRow(db, actor.institutionId);
    const view = await loadView(db, inst, id, clock);
    if (!view) throw notFound('Action plan');
    return toPlanDto(view);
  }

  return {
    get,

    async list(actor: Actor, q: ListPlansQuery): Promise<Page<ActionPlanSummaryDto>> {
      const inst = await institutionRow(db, actor.institutionId);
      const { rows, total } = await repo.listPlans(db, actor.institutionId, q);
      const counts = await repo.actionCounts(db, actor.institutionId, rows.map((r) => r.id), todayOf(inst, clock));
      return { items: rows.map((r) => toSummaryDto(r, yearLabelOf(inst, r.year), counts.get(r.id))), page: q.page, pageSize: q.pageSize, total };
    },

    async create(actor: Actor, body: CreatePlanBody): Promise<ActionPlanDto> {
      assertRole(actor, 'librarian');
      const id = await db.transaction().execute(async (trx) => {
        await assertOrgUnitsInInstitution(trx, actor.institutionId, [body.orgUnitId], 'orgUnitId');
        if (await repo.findPlanFor(trx, actor.institutionId, body.orgUnitId, body.year)) throw taken();
        const now = isoNow(clock);
        const row: ActionPlanTable = {
          id: newId(), institution_id: actor.institutionId, org_unit_id: body.orgUnitId, year: body.year, status: 'draft',
          agreed_by: null, agreed_on: null, agreed_via: null, review_notes: null, created_by: actor.userId, created_at: now, updated_at: now,
        };
        await repo.insertPlan(trx, row);
        const from = body.carryForward ? await carryForward(trx, actor, row, now) : { carried: 0, proposed: 0 };
        await recordAudit(trx, actor, { action: 'create', entityType: 'action_plan', entityId: row.id, after: { ...row, carried_actions: from.carried, proposed_actions: from.proposed } }, now);
        return row.id;
      });
      return get(actor, id);
    },

    async update(actor: Actor, id: string, body: UpdatePlanBody): Promise<ActionPlanDto> {
      assertRole(actor, 'librarian');
      const inst = await institutionRow(db, actor.institutionId);
      await db.transaction().execute(async (trx) => {
        const before = await repo.findPlan(trx, actor.institutionId, id);
        if (!before) throw notFound('Action plan');
        const patch = planPatch(before, body, todayOf(inst, clock));
        const now = isoNow(clock);
        await repo.updatePlan(trx, actor.institutionId, id, { ...patch, updated_at: now });
        await recordAudit(trx, actor, { action: 'update', entityType: 'action_plan', entityId: id, before: auditablePlan(before), after: { ...auditablePlan(before), ...patch } }, now);
      });
      return get(actor, id);
    },

    async remove(actor: Actor, id: string): Promise<void> {
      assertRole(actor, 'manager');
      await db.transaction().execute(async (trx) => {
        const before = await repo.findPlan(trx, actor.institutionId, id);
        if (!before) throw notFound('Action plan');
        await repo.deletePlan(trx, actor.institutionId, id);
        await recordAudit(trx, actor, { action: 'delete', entityType: 'action_plan', entityId: id, before: auditablePlan(before) }, isoNow(clock));
      });
    },
  };
}

export type PlansService = ReturnType<typeof plansService>;
