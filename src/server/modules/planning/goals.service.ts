import { academicYearStarting } from '../../../shared/academic-year.ts';
import type { CreateGoalBody, GoalDetailDto, GoalDto, UpdateGoalBody } from '../../../shared/contracts/goals.ts';
import type { Executor, GoalTable } from '../../db/types.ts';
import { assertRole, type Actor } from '../../http/actor.ts';
import { AppError, invalid, notFound } from '../../http/errors.ts';
import { isoNow } from '../../lib/clock.ts';
import type { AppDeps } from '../../lib/deps.ts';
import { newId } from '../../lib/ids.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { institutionRow } from '../org/org.repository.ts';
import { auditable, toGoalDtos, toObjectiveDto } from './goals.mapper.ts';
import * as repo from './goals.repository.ts';
import { goalRefs } from './refs.ts';

/**
 * Goals and objectives are service-wide: everyone reads them, managers shape them.
 * Retiring a goal retires its objectives with it (an objective in use under a retired goal would be
 * offered in pickers without its goal); restoring a goal leaves its objectives as they are, and an
 * objective can only be restored while its goal is in use.
 */
export function goalsService({ db, clock }: Pick<AppDeps, 'db' | 'clock'>) {
  /** The goal's DTO (for an objective, its goal's), retired objectives included: what a write answers with. */
  async function goalDto(ex: Executor, institutionId: string, goalId: string): Promise<GoalDto> {
    const [dto] = toGoalDtos(await repo.goalRows(ex, institutionId, { includeRetired: true, ids: [goalId] }));
    if (!dto) throw notFound('Goal');
    return dto;
  }

  async function found(ex: Executor, actor: Actor, id: string): Promise<GoalTable> {
    const g = await repo.findGoal(ex, actor.institutionId, id);
    if (!g) throw notFound('Goal');
    return g;
  }

  return {
    async list(actor: Actor, all: boolean): Promise<GoalDto[]> {
      return toGoalDtos(await repo.goalRows(db, actor.institutionId, { includeRetired: all }));
    },

    /** A goal or objective and what aligns to it; a goal's includes what aligns to its objectives. */
    async detail(actor: Actor, id: string): Promise<GoalDetailDto> {
      const inst = actor.institutionId;
      const g = await found(db, actor, id);
      const objectives = g.parent_id ? [] : await repo.objectiveRows(db, inst, g.id);
      const ids = [g.id, ...objectives.map((o) => o.id)];
      const [ref, engagements, opportunities, planObjectives, campaigns, institution] = await Promise.all([
        goalRefs(db, inst, [g.id]), repo.alignedEngagements(db, inst, ids), repo.alignedOpportunities(db, inst, ids),
        repo.alignedPlanObjectives(db, inst, ids), repo.alignedCampaigns(db, inst, ids), institutionRow(db, inst),
      ]);
      const yearLabel = (year: number) => academicYearStarting(year, institution.academic_year_start_month, institution.academic_year_start_day).label;
      return {
        goal: {
          id: g.id, title: g.title, owner: g.owner, parent: ref.get(g.id)?.parent ?? null,
          description: g.description, active: g.active === 1, objectives: objectives.map(toObjectiveDto),
        },
        engagements: {
          total: engagements.total,
          recent: engagements.recent.map((e) => ({ id: e.id, occurredOn: e.occurred_on, summary: e.summary, type: e.type_label })),
        },
        opportunities: opportunities.map((o) => ({ id: o.id, title: o.title, stage: o.stage, orgUnits: o.org_units })),
        planObjectives: planObjectives.map((p) => ({
          id: p.id, title: p.title, actions: Number(p.actions ?? 0), done: Number(p.done ?? 0),
          plan: { id: p.plan_id, year: p.year, yearLabel: yearLabel(p.year), orgUnit: { id: p.org_unit_id, name: p.org_unit_name } },
        })),
        campaigns: campaigns.map((c) => ({ id: c.id, name: c.name, startsOn: c.starts_on, endsOn: c.ends_on })),
      };
    },

    /** A goal (owner given) or an objective under a goal in use (owner taken from it). Answers with the goal. */
    async create(actor: Actor, body: CreateGoalBody): Promise<GoalDto> {
      assertRole(actor, 'manager');
      return db.transaction().execute(async (trx) => {
        let owner = body.owner;
        if (body.parentId !== undefined) {
          const parent = await repo.findGoal(trx, actor.institutionId, body.parentId);
          if (!parent) throw invalid('parentId', `unknown goal ${body.parentId}`);
          if (parent.parent_id !== null) throw invalid('parentId', 'is an objective: objectives sit under a goal, two levels only');
          if (parent.active !== 1) throw invalid('parentId', 'is a retired goal: restore it first');
          if (owner !== undefined && owner !== parent.owner) throw invalid('owner', `an objective takes its goal's owner (${parent.owner})`);
          owner = parent.owner;
        }
        if (owner === undefined) throw invalid('owner', 'is required for a goal (library or institution)');
        const now = isoNow(clock);
        const parentId = body.parentId ?? null;
        const row: GoalTable = {
          id: newId(), institution_id: actor.institutionId, parent_id: parentId, owner, title: body.title, description: body.description ?? null,
          sort_order: body.sortOrder ?? await repo.nextSortOrder(trx, actor.institutionId, parentId, owner), active: 1, created_at: now, updated_at: now,
        };
        await repo.insertGoal(trx, row);
        await recordAudit(trx, actor, { action: 'create', entityType: 'goal', entityId: row.id, after: auditable(row) }, now);
        return goalDto(trx, actor.institutionId, parentId ?? row.id);
      });
    },

    async update(actor: Actor, id: string, body: UpdateGoalBody): Promise<GoalDto> {
      assertRole(actor, 'manager');
      return db.transaction().execute(async (trx) => {
        const before = await found(trx, actor, id);
        if (body.active === true && before.active !== 1 && before.parent_id) {
          const parent = await found(trx, actor, before.parent_id);
          if (parent.active !== 1) throw invalid('active', `its goal “${parent.title}” is retired: restore the goal first`);
        }
        const now = isoNow(clock);
        const patch: Partial<GoalTable> = { updated_at: now };
        if (body.title !== undefined) patch.title = body.title;
        if (body.description !== undefined) patch.description = body.description;
        if (body.sortOrder !== undefined) patch.sort_order = body.sortOrder;
        if (body.active !== undefined) patch.active = body.active ? 1 : 0;
        await repo.updateGoals(trx, actor.institutionId, [id], patch);
        await recordAudit(trx, actor, { action: 'update', entityType: 'goal', entityId: id, before: auditable(before), after: auditable({ ...before, ...patch }) }, now);
        if (body.active === false && before.active === 1 && before.parent_id === null) {
          const inUse = (await repo.objectiveRows(trx, actor.institutionId, id)).filter((o) => o.active === 1);
          await repo.updateGoals(trx, actor.institutionId, inUse.map((o) => o.id), { active: 0, updated_at: now });
          for (const o of inUse) {
            await recordAudit(trx, actor, { action: 'update', entityType: 'goal', entityId: o.id, before: auditable(o), after: auditable({ ...o, active: 0 }) }, now);
          }
        }
        return goalDto(trx, actor.institutionId, before.parent_id ?? id);
      });
    },

    /** Only a goal nothing has used: what aligns to it keeps its history, so the rest are retired instead. */
    async remove(actor: Actor, id: string): Promise<void> {
      assertRole(actor, 'manager');
      await db.transaction().execute(async (trx) => {
        const before = await found(trx, actor, id);
        const u = await repo.usage(trx, actor.institutionId, id);
        const uses: [number, string, string][] = [
          [u.objectives, 'objective', 'objectives'], [u.engagements, 'engagement', 'engagements'], [u.opportunities, 'opportunity', 'opportunities'],
          [u.planObjectives, 'action-plan objective', 'action-plan objectives'], [u.campaigns, 'campaign', 'campaigns'],
        ];
        const said = uses.filter(([n]) => n > 0).map(([n, one, many]) => `${n} ${n === 1 ? one : many}`);
        if (said.length) throw new AppError('CONFLICT', `This ${before.parent_id ? 'objective' : 'goal'} is in use (${said.join(', ')}): retire it instead`);
        await repo.deleteGoal(trx, actor.institutionId, id);
        await recordAudit(trx, actor, { action: 'delete', entityType: 'goal', entityId: id, before: auditable(before) }, isoNow(clock));
      });
    },
  };
}

export type GoalsService = ReturnType<typeof goalsService>;
