import {
  closedStages, type CreateOpportunityBody, type MilestoneBody, type OpportunityDetailDto, type OpportunityStage, type StageChangeBody, type UpdateOpportunityBody,
} from '../../../shared/contracts/opportunities.ts';
import type { Executor, OpportunityTable } from '../../db/types.ts';
import { assertRole, hasRole, type Actor } from '../../http/actor.ts';
import { AppError, invalid, notFound } from '../../http/errors.ts';
import { isoNow, localDate } from '../../lib/clock.ts';
import type { AppDeps } from '../../lib/deps.ts';
import { newId } from '../../lib/ids.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { assertActiveUser, assertEngagementsInInstitution, assertPeopleInInstitution } from '../engagements/engagements.repository.ts';
import { assertOrgUnitsInInstitution, institutionRow } from '../org/org.repository.ts';
import { assertGoals } from '../planning/refs.ts';
import { auditable } from './opportunities.mapper.ts';
import { opportunityReads } from './opportunities.reads.ts';
import * as repo from './opportunities.repository.ts';

const conflict = (field: string, message: string) => new AppError('CONFLICT', `${field}: ${message}`, [{ field, message }]);
const isClosed = (s: OpportunityStage) => (closedStages as readonly string[]).includes(s);
const unique = (ids: string[]) => [...new Set(ids)].sort();

type Refs = Partial<repo.LinkSets> & { ownerId?: string | null; triggerEngagementId?: string | null; triggerEvidenceId?: string | null };
type Before = { row: OpportunityTable; sets: repo.LinkSets };

export function opportunitiesService({ db, clock }: Pick<AppDeps, 'db' | 'clock'>) {
  const reads = opportunityReads({ db, clock });

  async function today(ex: Executor, institutionId: string) {
    const inst = await institutionRow(ex, institutionId);
    return localDate(clock.now(), inst.time_zone);
  }

  /**
   * 400 naming each bad reference. On an edit only what is newly chosen is checked for being in use
   * (a retired goal, a former colleague, a proof since declined stay where they already were).
   */
  async function checkRefs(trx: Executor, actor: Actor, selfId: string, refs: Refs, before?: Before) {
    const inst = actor.institutionId;
    const added = (key: repo.LinkKey) => (refs[key] ?? []).filter((id) => !before?.sets[key].includes(id));
    if (refs.ownerId && refs.ownerId !== before?.row.owner_id) await assertActiveUser(trx, inst, refs.ownerId, 'ownerId');
    if (refs.triggerEngagementId && refs.triggerEngagementId !== before?.row.trigger_engagement_id) {
      await assertEngagementsInInstitution(trx, inst, [refs.triggerEngagementId], 'triggerEngagementId');
    }
    if (refs.triggerEvidenceId && refs.triggerEvidenceId !== before?.row.trigger_evidence_id) {
      await repo.assertEvidence(trx, inst, refs.triggerEvidenceId, 'triggerEvidenceId');
    }
    await assertOrgUnitsInInstitution(trx, inst, added('orgUnitIds'), 'orgUnitIds');
    await assertPeopleInInstitution(trx, inst, added('personIds'), 'personIds');
    await assertGoals(trx, inst, added('goalIds'), 'goalIds');
    await assertEngagementsInInstitution(trx, inst, added('engagementIds'), 'engagementIds');
    await repo.assertProofs(trx, inst, added('proofIds'), selfId, 'proofIds');
  }

  /** Replaces the link sets that changed. */
  async function writeLinks(trx: Executor, actor: Actor, id: string, sets: repo.LinkSets, before?: repo.LinkSets) {
    for (const key of repo.linkKeys) {
      if (!before || sets[key].join() !== before[key].join()) await repo.replaceLinks(trx, actor.institutionId, id, key, sets[key]);
    }
  }
  /** The engagement it was spotted in is always among those linked. */
  const withTrigger = (sets: repo.LinkSets, trigger: string | null): repo.LinkSets =>
    ({ ...sets, engagementIds: unique(trigger ? [...sets.engagementIds, trigger] : sets.engagementIds) });

  async function loadForWrite(trx: Executor, actor: Actor, id: string): Promise<Before> {
    const row = await repo.findOpportunity(trx, actor.institutionId, id);
    if (!row) throw notFound('Opportunity');
    return { row, sets: await repo.linkIds(trx, id) };
  }

  type Edit = { patch: Partial<OpportunityTable>; sets?: repo.LinkSets };
  /**
   * Saves an edit of the row (and its links), with its audit entry, in one transaction, and reads the
   * result back. An edit of null changes nothing (and records nothing).
   */
  async function change(actor: Actor, id: string, edit: (trx: Executor, before: Before, day: string, now: string) => Promise<Edit | null> | Edit | null) {
    await db.transaction().execute(async (trx) => {
      const before = await loadForWrite(trx, actor, id);
      const now = isoNow(clock);
      const edited = await edit(trx, before, await today(trx, actor.institutionId), now);
      if (!edited) return;
      const { patch, sets } = edited;
      await repo.updateOpportunity(trx, actor.institutionId, id, { ...patch, updated_at: now });
      if (sets) await writeLinks(trx, actor, id, sets, before.sets);
      await recordAudit(trx, actor, {
        action: 'update', entityType: 'opportunity', entityId: id,
        before: auditable(before.row, before.sets), after: auditable({ ...before.row, ...patch }, sets ?? before.sets),
      }, now);
    });
    return reads.get(actor, id);
  }

  /** A field left out keeps its value; null clears it. */
  const orKeep = <T>(v: T | undefined, keep: T) => (v === undefined ? keep : v);

  return {
    ...reads,

    async create(actor: Actor, body: CreateOpportunityBody): Promise<OpportunityDetailDto> {
      assertRole(actor, 'librarian');
      const id = newId();
      const ownerId = body.ownerId === undefined ? actor.userId : body.ownerId;
      const trigger = body.triggerEngagementId ?? null;
      await db.transaction().execute(async (trx) => {
        await checkRefs(trx, actor, id, { ...body, ownerId, triggerEngagementId: trigger });
        const day = await today(trx, actor.institutionId);
        const now = isoNow(clock);
        const row: OpportunityTable = {
          id, institution_id: actor.institutionId, title: body.title, trigger_kind: body.triggerKind, trigger_text: body.triggerText ?? null,
          trigger_engagement_id: trigger, trigger_evidence_id: body.triggerEvidenceId ?? null, hook: body.hook ?? null, value: body.value, effort: body.effort, window_closes_on: body.windowClosesOn ?? null,
          east_easy: body.east?.easy ?? null, east_attractive: body.east?.attractive ?? null, east_social: body.east?.social ?? null, east_timely: body.east?.timely ?? null,
          is_pilot: body.isPilot ? 1 : 0, owner_id: ownerId, stage: body.stage, closed_reason: null, stage_changed_on: day, milestone: null, milestone_on: null,
          created_by: actor.userId, created_at: now, updated_at: now,
        };
        const sets = withTrigger({
          orgUnitIds: unique(body.orgUnitIds), personIds: unique(body.personIds), goalIds: unique(body.goalIds),
          engagementIds: unique(body.engagementIds), proofIds: unique(body.proofIds),
        }, trigger);
        await repo.insertOpportunity(trx, row);
        await writeLinks(trx, actor, id, sets);
        await repo.insertStageChange(trx, {
          id: newId(), institution_id: actor.institutionId, opportunity_id: id, from_stage: null, to_stage: row.stage, reason: null,
          changed_on: day, changed_by: actor.userId, created_at: now,
        });
        await recordAudit(trx, actor, { action: 'create', entityType: 'opportunity', entityId: id, after: auditable(row, sets) }, now);
      });
      return reads.get(actor, id);
    },

    /** Every field optional; a given list replaces that list. */
    async update(actor: Actor, id: string, body: UpdateOpportunityBody): Promise<OpportunityDetailDto> {
      assertRole(actor, 'librarian');
      return change(actor, id, async (trx, before) => {
        await checkRefs(trx, actor, id, body, before);
        const r = before.row;
        const patch: Partial<OpportunityTable> = {
          title: body.title ?? r.title,
          trigger_kind: body.triggerKind ?? r.trigger_kind,
          trigger_text: orKeep(body.triggerText, r.trigger_text),
          trigger_engagement_id: orKeep(body.triggerEngagementId, r.trigger_engagement_id),
          trigger_evidence_id: orKeep(body.triggerEvidenceId, r.trigger_evidence_id),
          hook: orKeep(body.hook, r.hook),
          value: body.value ?? r.value,
          effort: body.effort ?? r.effort,
          window_closes_on: orKeep(body.windowClosesOn, r.window_closes_on),
          east_easy: orKeep(body.east?.easy, r.east_easy),
          east_attractive: orKeep(body.east?.attractive, r.east_attractive),
          east_social: orKeep(body.east?.social, r.east_social),
          east_timely: orKeep(body.east?.timely, r.east_timely),
          is_pilot: body.isPilot === undefined ? r.is_pilot : body.isPilot ? 1 : 0,
          owner_id: orKeep(body.ownerId, r.owner_id),
        };
        const given: Partial<repo.LinkSets> = {};
        for (const key of repo.linkKeys) if (body[key] !== undefined) given[key] = unique(body[key]);
        return { patch, sets: withTrigger({ ...before.sets, ...given }, patch.trigger_engagement_id ?? null) };
      });
    },

    /**
     * Links one engagement that moved it on: the opportunity page's picker, and an engagement linking
     * itself. Its date then counts as activity, so a recent one clears "going cold". Already linked: no change.
     */
    async linkEngagement(actor: Actor, id: string, engagementId: string): Promise<OpportunityDetailDto> {
      assertRole(actor, 'librarian');
      return change(actor, id, async (trx, before) => {
        if (before.sets.engagementIds.includes(engagementId)) return null;
        await assertEngagementsInInstitution(trx, actor.institutionId, [engagementId], 'engagementId');
        return { patch: {}, sets: { ...before.sets, engagementIds: unique([...before.sets.engagementIds, engagementId]) } };
      });
    },

    /** Unlinks one engagement; the one it was spotted in stays while it is the trigger. */
    async unlinkEngagement(actor: Actor, id: string, engagementId: string): Promise<OpportunityDetailDto> {
      assertRole(actor, 'librarian');
      return change(actor, id, (_trx, before) => {
        if (!before.sets.engagementIds.includes(engagementId)) throw notFound('Linked engagement');
        if (before.row.trigger_engagement_id === engagementId) {
          throw conflict('engagementId', 'it is the engagement this opportunity was spotted in: clear the trigger first');
        }
        return { patch: {}, sets: { ...before.sets, engagementIds: before.sets.engagementIds.filter((e) => e !== engagementId) } };
      });
    },

    /** Moves it on (or back), recording the change and why; declined and lapsed keep their reason. */
    async changeStage(actor: Actor, id: string, body: StageChangeBody): Promise<OpportunityDetailDto> {
      assertRole(actor, 'librarian');
      return change(actor, id, async (trx, before, day, now) => {
        if (before.row.stage === body.stage) throw conflict('stage', `it is already at ${body.stage}`);
        const reason = body.reason ?? null;
        await repo.insertStageChange(trx, {
          id: newId(), institution_id: actor.institutionId, opportunity_id: id, from_stage: before.row.stage, to_stage: body.stage, reason,
          changed_on: day, changed_by: actor.userId, created_at: now,
        });
        return { patch: { stage: body.stage, closed_reason: isClosed(body.stage) ? reason : null, stage_changed_on: day } };
      });
    },

    /** Reaching "embedded": the milestone its departments' journeys show. */
    async recordMilestone(actor: Actor, id: string, body: MilestoneBody): Promise<OpportunityDetailDto> {
      assertRole(actor, 'librarian');
      return change(actor, id, (_trx, before, day) => {
        if (body.on > day) throw invalid('on', `must be today (${day}) or earlier`);
        if (before.row.stage !== 'embedded') throw conflict('stage', 'a milestone is recorded once the opportunity is embedded');
        if (!before.sets.orgUnitIds.length) throw invalid('orgUnitIds', 'add the department whose journey this belongs on first');
        return { patch: { milestone: body.title, milestone_on: body.on } };
      });
    },

    /** The librarian who created it, or a manager or admin. */
    async remove(actor: Actor, id: string): Promise<void> {
      assertRole(actor, 'librarian');
      await db.transaction().execute(async (trx) => {
        const before = await loadForWrite(trx, actor, id);
        if (before.row.created_by !== actor.userId && !hasRole(actor, 'manager')) {
          throw new AppError('FORBIDDEN', 'Only the librarian who created this opportunity, or a manager, may delete it');
        }
        await repo.deleteOpportunity(trx, actor.institutionId, id);
        await recordAudit(trx, actor, { action: 'delete', entityType: 'opportunity', entityId: id, before: auditable(before.row, before.sets) }, isoNow(clock));
      });
    },
  };
}

export type OpportunitiesService = ReturnType<typeof opportunitiesService>;
