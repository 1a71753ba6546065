import type { Page } from '../../../shared/contracts/common.ts';
import {
  completenessIssues, type CreateImpactBody, type ImpactCommunicationBody, type ImpactEvaluationDto, type ImpactExportFormat, type ImpactSummaryDto,
  type ListImpactQuery, type UpdateImpactBody,
} from '../../../shared/contracts/impact.ts';
import type { Executor, ImpactEvaluationTable } from '../../db/types.ts';
import { assertRole, hasRole, type Actor } from '../../http/actor.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { isoNow } from '../../lib/clock.ts';
import type { AppDeps } from '../../lib/deps.ts';
import { newId } from '../../lib/ids.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { assertEngagementsInInstitution } from '../engagements/engagements.repository.ts';
import { assertOrgUnitsInInstitution, descendantIds } from '../org/org.repository.ts';
import { assertGoals, goalRefs } from '../planning/refs.ts';
import { exportDocument } from './impact.export.ts';
import { auditable, toImpactDto, toImpactSummaryDto, type Targets } from './impact.mapper.ts';
import * as repo from './impact.repository.ts';
import { emptyLinks, linkKeys, type CommunicationRow, type LinkKey, type LinkSets } from './impact.repository.ts';

const byId = <T extends { id: string }>(rows: T[]) => new Map(rows.map((r) => [r.id, r]));
const union = (sets: LinkSets[], key: LinkKey) => [...new Set(sets.flatMap((s) => s[key]))];
const toRows = (cs: ImpactCommunicationBody[]): CommunicationRow[] => cs.map((c) => ({ audience: c.audience, communicated_on: c.on, how: c.how }));

/** The text columns by the body field that sets them. */
const textColumns = {
  aims: 'aims', successCriteria: 'success_criteria', impactIndicators: 'impact_indicators', whatWeDid: 'what_we_did', whatWeLearned: 'what_we_learned',
  howWeActed: 'how_we_acted', howWeMeasured: 'how_we_measured', shortTermOutcomes: 'short_term_outcomes', longTermOutcomes: 'long_term_outcomes',
} as const satisfies Record<string, keyof ImpactEvaluationTable>;
const textKeys = Object.keys(textColumns) as (keyof typeof textColumns)[];

/** The completeness rule on a whole row (after a create or an edit); the 400 names each missing field. */
function assertComplete(row: ImpactEvaluationTable) {
  const issues = completenessIssues({
    status: row.status, howWeMeasured: row.how_we_measured, shortTermOutcomes: row.short_term_outcomes, longTermOutcomes: row.long_term_outcomes,
  });
  if (issues.length) {
    throw new AppError('VALIDATION', issues.map((i) => `${i.path}: ${i.message}`).join('; '), issues.map((i) => ({ field: i.path, message: i.message })));
  }
}

/** Impact evaluations: everyone reads them; librarians and up write them. */
export function impactService({ db, clock }: Pick<AppDeps, 'db' | 'clock'>) {
  /** Each link table and each target table read once for all the rows. */
  async function targetsFor(ex: Executor, institutionId: string, rows: ImpactEvaluationTable[]) {
    const links = await repo.linkIds(ex, institutionId, rows.map((r) => r.id));
    const sets = [...links.values()];
    const ids = Object.fromEntries(linkKeys.map((k) => [k, union(sets, k)])) as LinkSets;
    const [found, goals] = await Promise.all([
      repo.linkTargets(ex, institutionId, { ...ids, userIds: [...new Set(rows.flatMap((r) => r.created_by ?? []))] }),
      goalRefs(ex, institutionId, ids.goalIds),
    ]);
    const targets: Targets = {
      orgUnits: byId(found.orgUnits), goals, engagements: byId(found.engagements), evidence: byId(found.evidence), metrics: byId(found.metrics), users: byId(found.users),
    };
    return { links, targets };
  }

  async function one(ex: Executor, actor: Actor, id: string): Promise<ImpactEvaluationDto> {
    const row = await repo.findEvaluation(ex, actor.institutionId, id);
    if (!row) throw notFound('Impact evaluation');
    const [{ links, targets }, objectives, communications] = await Promise.all([
      targetsFor(ex, actor.institutionId, [row]), repo.objectiveRows(ex, actor.institutionId, [id]), repo.communicationRows(ex, actor.institutionId, [id]),
    ]);
    return toImpactDto(row, links.get(id) ?? emptyLinks(), targets, objectives.map((o) => o.text), communications);
  }

  /** What the evaluation holds now, for the audit trail and for PATCH's defaults. */
  async function current(ex: Executor, institutionId: string, id: string) {
    const [links, objectives, communications] = await Promise.all([
      repo.linkIds(ex, institutionId, [id]), repo.objectiveRows(ex, institutionId, [id]), repo.communicationRows(ex, institutionId, [id]),
    ]);
    return { links: links.get(id) ?? emptyLinks(), objectives: objectives.map((o) => o.text), communications: communications.map(({ evaluation_id: _e, ...c }) => c) };
  }

  /** Every id must be this institution's (the 400 names the field); a goal retired since it was linked may stay. */
  async function assertLinks(trx: Executor, institutionId: string, given: Partial<LinkSets>, had: LinkSets) {
    await assertOrgUnitsInInstitution(trx, institutionId, given.orgUnitIds ?? [], 'orgUnitIds');
    await assertGoals(trx, institutionId, (given.goalIds ?? []).filter((g) => !had.goalIds.includes(g)), 'goalIds');
    await assertEngagementsInInstitution(trx, institutionId, given.engagementIds ?? [], 'engagementIds');
    await repo.assertEvidence(trx, institutionId, given.evidenceIds ?? [], 'evidenceIds');
    await repo.assertMetrics(trx, institutionId, given.metricIds ?? [], 'metricIds');
  }

  async function writeLinks(trx: Executor, institutionId: string, id: string, given: Partial<LinkSets>) {
    for (const key of linkKeys) {
      const ids = given[key];
      if (ids) await repo.replaceLinks(trx, institutionId, id, key, ids);
    }
  }

  return {
    async list(actor: Actor, q: ListImpactQuery): Promise<Page<ImpactSummaryDto>> {
      const inst = actor.institutionId;
      const orgUnitIds = q.orgUnitId ? await descendantIds(db, inst, q.orgUnitId) : undefined;
      const goalIds = q.goalId ? await repo.goalAndObjectives(db, inst, q.goalId) : undefined;
      const { rows, total } = await repo.listEvaluations(db, inst, { status: q.status, q: q.q || undefined, orgUnitIds, goalIds }, (q.page - 1) * q.pageSize, q.pageSize);
      const { links, targets } = await targetsFor(db, inst, rows);
      return { items: rows.map((r) => toImpactSummaryDto(r, links.get(r.id) ?? emptyLinks(), targets)), page: q.page, pageSize: q.pageSize, total };
    },

    get: (actor: Actor, id: string) => one(db, actor, id),

    async create(actor: Actor, body: CreateImpactBody): Promise<ImpactEvaluationDto> {
      assertRole(actor, 'librarian');
      return db.transaction().execute(async (trx) => {
        const now = isoNow(clock);
        const row: ImpactEvaluationTable = {
          id: newId(), institution_id: actor.institutionId, initiative: body.initiative,
          aims: null, success_criteria: null, impact_indicators: null, what_we_did: null, what_we_learned: null, how_we_acted: null, how_we_measured: null,
          short_term_outcomes: null, long_term_outcomes: null,
          status: body.status, created_by: actor.userId, created_at: now, updated_at: now,
        };
        for (const k of textKeys) row[textColumns[k]] = body[k] ?? null;
        assertComplete(row);
        const links: LinkSets = { orgUnitIds: body.orgUnitIds, goalIds: body.goalIds, engagementIds: body.engagementIds, evidenceIds: body.evidenceIds, metricIds: body.metricIds };
        await assertLinks(trx, actor.institutionId, links, emptyLinks());
        const communications = toRows(body.communications);
        await repo.insertEvaluation(trx, row);
        await writeLinks(trx, actor.institutionId, row.id, links);
        await repo.replaceObjectives(trx, actor.institutionId, row.id, body.objectives);
        await repo.replaceCommunications(trx, actor.institutionId, row.id, communications);
        await recordAudit(trx, actor, { action: 'create', entityType: 'impact_evaluation', entityId: row.id, after: auditable(row, links, body.objectives, communications) }, now);
        return one(trx, actor, row.id);
      });
    },

    /** Lists in the body replace the evaluation's; the completeness rule applies to the result. */
    async update(actor: Actor, id: string, body: UpdateImpactBody): Promise<ImpactEvaluationDto> {
      assertRole(actor, 'librarian');
      return db.transaction().execute(async (trx) => {
        const inst = actor.institutionId;
        const before = await repo.findEvaluation(trx, inst, id);
        if (!before) throw notFound('Impact evaluation');
        const had = await current(trx, inst, id);
        const now = isoNow(clock);
        const patch: Partial<ImpactEvaluationTable> = { updated_at: now };
        if (body.initiative !== undefined) patch.initiative = body.initiative;
        if (body.status !== undefined) patch.status = body.status;
        for (const k of textKeys) if (body[k] !== undefined) patch[textColumns[k]] = body[k];
        const after = { ...before, ...patch };
        assertComplete(after);
        const given: Partial<LinkSets> = Object.fromEntries(linkKeys.flatMap((k) => (body[k] ? [[k, body[k]]] : [])));
        await assertLinks(trx, inst, given, had.links);
        const communications = body.communications ? toRows(body.communications) : had.communications;
        const objectives = body.objectives ?? had.objectives;
        await repo.updateEvaluation(trx, inst, id, patch);
        await writeLinks(trx, inst, id, given);
        if (body.objectives) await repo.replaceObjectives(trx, inst, id, body.objectives);
        if (body.communications) await repo.replaceCommunications(trx, inst, id, communications);
        await recordAudit(trx, actor, {
          action: 'update', entityType: 'impact_evaluation', entityId: id,
          before: auditable(before, had.links, had.objectives, had.communications),
          after: auditable(after, { ...had.links, ...given }, objectives, communications),
        }, now);
        return one(trx, actor, id);
      });
    },

    /** Removed by whoever wrote it, or a manager; the linked records stay. */
    async remove(actor: Actor, id: string): Promise<void> {
      assertRole(actor, 'librarian');
      await db.transaction().execute(async (trx) => {
        const before = await repo.findEvaluation(trx, actor.institutionId, id);
        if (!before) throw notFound('Impact evaluation');
        if (before.created_by !== actor.userId && !hasRole(actor, 'manager')) {
          throw new AppError('FORBIDDEN', 'Only the librarian who wrote this evaluation, or a manager, may delete it');
        }
        const had = await current(trx, actor.institutionId, id);
        await repo.deleteEvaluation(trx, actor.institutionId, id);
        await recordAudit(trx, actor, {
          action: 'delete', entityType: 'impact_evaluation', entityId: id, before: auditable(before, had.links, had.objectives, had.communications),
        }, isoNow(clock));
      });
    },

    /** The narrative as a download: the same DTO the page reads, so the two cannot tell different stories. */
    async exportDocument(actor: Actor, id: string, format: ImpactExportFormat) {
      return exportDocument(await one(db, actor, id), format, clock.now());
    },
  };
}

export type ImpactService = ReturnType<typeof impactService>;
