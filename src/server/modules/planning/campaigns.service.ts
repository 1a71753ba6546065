import type { CampaignDetailDto, CampaignDto, CreateCampaignBody, ListCampaignsQuery, UpdateCampaignBody } from '../../../shared/contracts/campaigns.ts';
import type { Page } from '../../../shared/contracts/common.ts';
import type { CampaignTable, Executor } from '../../db/types.ts';
import { assertRole, type Actor } from '../../http/actor.ts';
import { AppError, invalid, notFound } from '../../http/errors.ts';
import { isoNow, localDate } from '../../lib/clock.ts';
import type { AppDeps } from '../../lib/deps.ts';
import { newId } from '../../lib/ids.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { assertOrgUnitsInInstitution, institutionRow } from '../org/org.repository.ts';
import { auditable, toCampaignDto, type Named } from './campaigns.mapper.ts';
import * as repo from './campaigns.repository.ts';
import { assertGoals, goalRefs, toEvidenceRef } from './refs.ts';

const RECENT = 50;
/** The latest evidence the campaign's page quotes; the evidence page has the rest. */
const RECENT_EVIDENCE = 5;

const nameTaken = () => new AppError('CONFLICT', 'name: another campaign has this name', [{ field: 'name', message: 'another campaign has this name' }]);

function group<T extends { campaign_id: string }>(rows: T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) out.set(r.campaign_id, [...(out.get(r.campaign_id) ?? []), r]);
  return out;
}

/** Service-wide campaigns: everyone reads them; managers run them. */
export function campaignsService({ db, clock }: Pick<AppDeps, 'db' | 'clock'>) {
  const today = async (ex: Executor, institutionId: string) => localDate(clock.now(), (await institutionRow(ex, institutionId)).time_zone);

  /** DTOs for these rows, in their order, with targets, goals and reach; `reach` is kept for the detail page. */
  async function dtos(ex: Executor, institutionId: string, rows: CampaignTable[]) {
    const ids = rows.map((r) => r.id);
    const [day, targets, goalLinks, reach] = await Promise.all([
      today(ex, institutionId), repo.targetRows(ex, institutionId, ids), repo.goalLinks(ex, institutionId, ids), repo.reachRows(ex, institutionId, ids),
    ]);
    const refs = await goalRefs(ex, institutionId, goalLinks.map((g) => g.goal_id));
    const [byTargets, byGoals, byReach] = [group(targets), group(goalLinks), group(reach)];
    return rows.map((c) => {
      const mine: Named[] = (byTargets.get(c.id) ?? []).map((t) => ({ id: t.id, name: t.name }));
      const goals = (byGoals.get(c.id) ?? []).flatMap((g) => refs.get(g.goal_id) ?? []);
      const reached = byReach.get(c.id) ?? [];
      return { dto: toCampaignDto(c, day, mine, goals, new Set(reached.map((r) => r.target_id))), reached };
    });
  }

  async function one(ex: Executor, actor: Actor, id: string): Promise<CampaignDto> {
    const c = await repo.findCampaign(ex, actor.institutionId, id);
    if (!c) throw notFound('Campaign');
    const [found] = await dtos(ex, actor.institutionId, [c]);
    if (!found) throw notFound('Campaign');
    return found.dto;
  }

  async function refuseTakenName(trx: Executor, actor: Actor, name: string, selfId?: string) {
    const holder = await repo.findCampaignByName(trx, actor.institutionId, name);
    if (holder && holder.id !== selfId) throw nameTaken();
  }

  /** The campaign's lists as they stand, for the audit trail and for PATCH's defaults. */
  async function lists(ex: Executor, institutionId: string, id: string) {
    const [targets, goals] = await Promise.all([repo.targetRows(ex, institutionId, [id]), repo.goalLinks(ex, institutionId, [id])]);
    return { targetIds: targets.map((t) => t.id), goalIds: goals.map((g) => g.goal_id) };
  }

  return {
    async list(actor: Actor, q: ListCampaignsQuery): Promise<Page<CampaignDto>> {
      const { rows, total } = await repo.listCampaigns(db, actor.institutionId, { status: q.status, q: q.q || undefined, today: await today(db, actor.institutionId) }, (q.page - 1) * q.pageSize, q.pageSize);
      return { items: (await dtos(db, actor.institutionId, rows)).map((d) => d.dto), page: q.page, pageSize: q.pageSize, total };
    },

    /** The campaign's page: reach per target, and what came of it. */
    async detail(actor: Actor, id: string): Promise<CampaignDetailDto> {
      const inst = actor.institutionId;
      const c = await repo.findCampaign(db, inst, id);
      if (!c) throw notFound('Campaign');
      const [[found], totals, recent, opportunities, evidence] = await Promise.all([
        dtos(db, inst, [c]), repo.outcomeTotals(db, inst, id), repo.recentLinked(db, inst, id, RECENT), repo.spottedOpportunities(db, inst, id),
        repo.linkedEvidence(db, inst, id, RECENT_EVIDENCE),
      ]);
      if (!found) throw notFound('Campaign');
      const reached = new Map(found.reached.map((r) => [r.target_id, r]));
      return {
        ...found.dto,
        targetReach: found.dto.targets.map((t) => ({ ...t, engagements: reached.get(t.id)?.engagements ?? 0, lastOn: reached.get(t.id)?.last_on ?? null })),
        outcomes: {
          ...totals,
          recent: recent.map((e) => ({ id: e.id, occurredOn: e.occurred_on, summary: e.summary, outcome: e.outcome, type: e.type_label, orgUnits: e.org_units })),
          opportunities: opportunities.map((o) => ({ id: o.id, title: o.title, stage: o.stage })),
          evidence: { total: evidence.total, recent: evidence.recent.map(toEvidenceRef) },
        },
      };
    },

    async create(actor: Actor, body: CreateCampaignBody): Promise<CampaignDto> {
      assertRole(actor, 'manager');
      return db.transaction().execute(async (trx) => {
        await assertOrgUnitsInInstitution(trx, actor.institutionId, body.targetOrgUnitIds, 'targetOrgUnitIds');
        await assertGoals(trx, actor.institutionId, body.goalIds, 'goalIds');
        await refuseTakenName(trx, actor, body.name);
        const now = isoNow(clock);
        const row: CampaignTable = {
          id: newId(), institution_id: actor.institutionId, name: body.name, purpose: body.purpose ?? null, message: body.message ?? null,
          starts_on: body.startsOn, ends_on: body.endsOn, created_by: actor.userId, created_at: now, updated_at: now,
        };
        await repo.insertCampaign(trx, row);
        await repo.replaceTargets(trx, actor.institutionId, row.id, body.targetOrgUnitIds);
        await repo.replaceGoals(trx, actor.institutionId, row.id, body.goalIds);
        await recordAudit(trx, actor, { action: 'create', entityType: 'campaign', entityId: row.id, after: auditable(row, body.targetOrgUnitIds, body.goalIds) }, now);
        return one(trx, actor, row.id);
      });
    },

    /** Lists in the body replace the campaign's; a goal retired since it was chosen may stay. */
    async update(actor: Actor, id: string, body: UpdateCampaignBody): Promise<CampaignDto> {
      assertRole(actor, 'manager');
      return db.transaction().execute(async (trx) => {
        const before = await repo.findCampaign(trx, actor.institutionId, id);
        if (!before) throw notFound('Campaign');
        const had = await lists(trx, actor.institutionId, id);
        const startsOn = body.startsOn ?? before.starts_on;
        const endsOn = body.endsOn ?? before.ends_on;
        if (endsOn < startsOn) throw invalid(body.endsOn !== undefined ? 'endsOn' : 'startsOn', body.endsOn !== undefined ? 'must be on or after startsOn' : 'must be on or before endsOn');
        if (body.targetOrgUnitIds) await assertOrgUnitsInInstitution(trx, actor.institutionId, body.targetOrgUnitIds, 'targetOrgUnitIds');
        if (body.goalIds) await assertGoals(trx, actor.institutionId, body.goalIds.filter((g) => !had.goalIds.includes(g)), 'goalIds');
        if (body.name !== undefined && body.name !== before.name) await refuseTakenName(trx, actor, body.name, id);
        const now = isoNow(clock);
        const patch: Partial<CampaignTable> = { updated_at: now, starts_on: startsOn, ends_on: endsOn };
        if (body.name !== undefined) patch.name = body.name;
        if (body.purpose !== undefined) patch.purpose = body.purpose;
        if (body.message !== undefined) patch.message = body.message;
        await repo.updateCampaign(trx, actor.institutionId, id, patch);
        if (body.targetOrgUnitIds) await repo.replaceTargets(trx, actor.institutionId, id, body.targetOrgUnitIds);
        if (body.goalIds) await repo.replaceGoals(trx, actor.institutionId, id, body.goalIds);
        await recordAudit(trx, actor, {
          action: 'update', entityType: 'campaign', entityId: id,
          before: auditable(before, had.targetIds, had.goalIds),
          after: auditable({ ...before, ...patch }, body.targetOrgUnitIds ?? had.targetIds, body.goalIds ?? had.goalIds),
        }, now);
        return one(trx, actor, id);
      });
    },

    /** Removes the campaign and its links; the engagements stay, no longer linked to it. */
    async remove(actor: Actor, id: string): Promise<void> {
      assertRole(actor, 'manager');
      await db.transaction().execute(async (trx) => {
        const before = await repo.findCampaign(trx, actor.institutionId, id);
        if (!before) throw notFound('Campaign');
        const had = await lists(trx, actor.institutionId, id);
        await repo.deleteCampaign(trx, actor.institutionId, id);
        await recordAudit(trx, actor, { action: 'delete', entityType: 'campaign', entityId: id, before: auditable(before, had.targetIds, had.goalIds) }, isoNow(clock));
      });
    },
  };
}

export type CampaignsService = ReturnType<typeof campaignsService>;
