import type { Page } from '../../../shared/contracts/common.ts';
import { attributionIssue, type CreateEvidenceBody, type EvidenceDto, type ListEvidenceQuery, type UpdateEvidenceBody } from '../../../shared/contracts/evidence.ts';
import type { EvidenceTable, Executor } from '../../db/types.ts';
import { assertRole, hasRole, type Actor } from '../../http/actor.ts';
import { AppError, invalid, notFound } from '../../http/errors.ts';
import { isoNow, localDate } from '../../lib/clock.ts';
import type { AppDeps } from '../../lib/deps.ts';
import { newId } from '../../lib/ids.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { assertEngagementsInInstitution, assertPeopleInInstitution } from '../engagements/engagements.repository.ts';
import { assertOrgUnitsInInstitution, assertVocab, descendantIds, institutionRow } from '../org/org.repository.ts';
import { assertCampaigns, assertGoals, goalRefs } from '../planning/refs.ts';
import { auditable, toEvidenceDto, type Targets } from './evidence.mapper.ts';
import * as repo from './evidence.repository.ts';
import { linkKeys, type LinkKey, type LinkSets } from './evidence.repository.ts';

const byId = <T extends { id: string }>(rows: T[]) => new Map(rows.map((r) => [r.id, r]));
const union = (sets: LinkSets[], key: LinkKey) => [...new Set(sets.flatMap((s) => s[key]))];

/** Evidence snapshots: everyone reads them; librarians and up capture and edit them. */
export function evidenceService({ db, clock }: Pick<AppDeps, 'db' | 'clock'>) {
  const today = async (ex: Executor, institutionId: string) => localDate(clock.now(), (await institutionRow(ex, institutionId)).time_zone);

  /** DTOs for these rows, in their order: each link table and each target table read once. */
  async function dtos(ex: Executor, institutionId: string, rows: EvidenceTable[]): Promise<EvidenceDto[]> {
    const links = await repo.linkIds(ex, institutionId, rows.map((r) => r.id));
    const sets = [...links.values()];
    const ids = Object.fromEntries(linkKeys.map((k) => [k, union(sets, k)])) as LinkSets;
    const [found, goals] = await Promise.all([
      repo.linkTargets(ex, institutionId, {
        ...ids,
        personIds: [...new Set(rows.flatMap((r) => r.source_person_id ?? []))],
        userIds: [...new Set(rows.flatMap((r) => r.created_by ?? []))],
      }),
      goalRefs(ex, institutionId, ids.goalIds),
    ]);
    const targets: Targets = {
      orgUnits: byId(found.orgUnits), themes: byId(found.themes), goals, engagements: byId(found.engagements), opportunities: byId(found.opportunities),
      actions: byId(found.actions), campaigns: byId(found.campaigns), people: byId(found.people), users: byId(found.users),
    };
    return rows.map((r) => toEvidenceDto(r, links.get(r.id) ?? emptyLinks(), targets));
  }

  async function one(ex: Executor, actor: Actor, id: string): Promise<EvidenceDto> {
    const row = await repo.findEvidence(ex, actor.institutionId, id);
    if (!row) throw notFound('Evidence');
    const [dto] = await dtos(ex, actor.institutionId, [row]);
    if (!dto) throw notFound('Evidence');
    return dto;
  }

  async function linksOf(ex: Executor, institutionId: string, id: string): Promise<LinkSets> {
    return (await repo.linkIds(ex, institutionId, [id])).get(id) ?? emptyLinks();
  }

  /**
   * Every id must be this institution's (the 400 names the field). A goal or theme retired since it was
   * linked may stay on the item; only new choices must be in use.
   */
  async function assertLinks(trx: Executor, actor: Actor, given: Partial<LinkSets>, had: LinkSets) {
    const inst = actor.institutionId;
    const fresh = (key: LinkKey) => (given[key] ?? []).filter((id) => !had[key].includes(id));
    await assertOrgUnitsInInstitution(trx, inst, given.orgUnitIds ?? [], 'orgUnitIds');
    await assertVocab(trx, inst, 'theme', fresh('themeIds'), 'themeIds');
    await assertGoals(trx, inst, fresh('goalIds'), 'goalIds');
    await assertEngagementsInInstitution(trx, inst, given.engagementIds ?? [], 'engagementIds');
    await repo.assertOpportunities(trx, inst, given.opportunityIds ?? [], 'opportunityIds');
    await repo.assertPlanActions(trx, inst, given.actionIds ?? [], 'actionIds');
    await assertCampaigns(trx, inst, given.campaignIds ?? [], 'campaignIds');
  }

  /** The rules a whole item must meet, checked on the result of a create or an edit. */
  async function assertItem(trx: Executor, actor: Actor, row: Pick<EvidenceTable, 'attribution' | 'source_person_id' | 'source_text' | 'occurred_on'>) {
    const issue = attributionIssue({ attribution: row.attribution, sourcePersonId: row.source_person_id, sourceText: row.source_text });
    if (issue) throw invalid(issue.path, issue.message);
    if (row.occurred_on > await today(trx, actor.institutionId)) throw invalid('occurredOn', 'must not be in the future');
    if (row.source_person_id) await assertPeopleInInstitution(trx, actor.institutionId, [row.source_person_id], 'sourcePersonId');
  }

  async function writeLinks(trx: Executor, institutionId: string, id: string, given: Partial<LinkSets>) {
    for (const key of linkKeys) {
      const ids = given[key];
      if (ids) await repo.replaceLinks(trx, institutionId, id, key, ids);
    }
  }

  return {
    async list(actor: Actor, q: ListEvidenceQuery): Promise<Page<EvidenceDto>> {
      const { page, pageSize, orgUnitId, ...rest } = q;
      const orgUnitIds = orgUnitId ? await descendantIds(db, actor.institutionId, orgUnitId) : undefined;
      const { rows, total } = await repo.listEvidence(db, actor.institutionId, { ...rest, q: rest.q || undefined, orgUnitIds }, (page - 1) * pageSize, pageSize);
      return { items: await dtos(db, actor.institutionId, rows), page, pageSize, total };
    },

    get: (actor: Actor, id: string) => one(db, actor, id),

    async create(actor: Actor, body: CreateEvidenceBody): Promise<EvidenceDto> {
      assertRole(actor, 'librarian');
      return db.transaction().execute(async (trx) => {
        const now = isoNow(clock);
        const row: EvidenceTable = {
          id: newId(), institution_id: actor.institutionId, kind: body.kind, text: body.text, source_person_id: body.sourcePersonId ?? null,
          source_text: body.sourceText ?? null, occurred_on: body.occurredOn, attribution: body.attribution, consent_recorded: body.consentRecorded ? 1 : 0,
          created_by: actor.userId, created_at: now, updated_at: now,
        };
        await assertItem(trx, actor, row);
        const links: LinkSets = {
          orgUnitIds: body.orgUnitIds, themeIds: body.themeIds, goalIds: body.goalIds, engagementIds: body.engagementIds,
          opportunityIds: body.opportunityIds, actionIds: body.actionIds, campaignIds: body.campaignIds,
        };
        await assertLinks(trx, actor, links, emptyLinks());
        await repo.insertEvidence(trx, row);
        await writeLinks(trx, actor.institutionId, row.id, links);
        await recordAudit(trx, actor, { action: 'create', entityType: 'evidence', entityId: row.id, after: auditable(row, links) }, now);
        return one(trx, actor, row.id);
      });
    },

    /** Lists in the body replace the item's; the attribution rules apply to the result. */
    async update(actor: Actor, id: string, body: UpdateEvidenceBody): Promise<EvidenceDto> {
      assertRole(actor, 'librarian');
      return db.transaction().execute(async (trx) => {
        const before = await repo.findEvidence(trx, actor.institutionId, id);
        if (!before) throw notFound('Evidence');
        const had = await linksOf(trx, actor.institutionId, id);
        const now = isoNow(clock);
        const patch: Partial<EvidenceTable> = { updated_at: now };
        if (body.kind !== undefined) patch.kind = body.kind;
        if (body.text !== undefined) patch.text = body.text;
        if (body.sourcePersonId !== undefined) patch.source_person_id = body.sourcePersonId;
        if (body.sourceText !== undefined) patch.source_text = body.sourceText;
        if (body.occurredOn !== undefined) patch.occurred_on = body.occurredOn;
        if (body.attribution !== undefined) patch.attribution = body.attribution;
        if (body.consentRecorded !== undefined) patch.consent_recorded = body.consentRecorded ? 1 : 0;
        const after = { ...before, ...patch };
        await assertItem(trx, actor, after);
        const given: Partial<LinkSets> = Object.fromEntries(linkKeys.flatMap((k) => (body[k] ? [[k, body[k]]] : [])));
        await assertLinks(trx, actor, given, had);
        await repo.updateEvidence(trx, actor.institutionId, id, patch);
        await writeLinks(trx, actor.institutionId, id, given);
        await recordAudit(trx, actor, {
          action: 'update', entityType: 'evidence', entityId: id, before: auditable(before, had), after: auditable(after, { ...had, ...given }),
        }, now);
        return one(trx, actor, id);
      });
    },

    /** Like an engagement, evidence is removed by whoever captured it, or a manager. */
    async remove(actor: Actor, id: string): Promise<void> {
      assertRole(actor, 'librarian');
      await db.transaction().execute(async (trx) => {
        const before = await repo.findEvidence(trx, actor.institutionId, id);
        if (!before) throw notFound('Evidence');
        if (before.created_by !== actor.userId && !hasRole(actor, 'manager')) {
          throw new AppError('FORBIDDEN', 'Only the librarian who captured this evidence, or a manager, may delete it');
        }
        const had = await linksOf(trx, actor.institutionId, id);
        await repo.deleteEvidence(trx, actor.institutionId, id);
        await recordAudit(trx, actor, { action: 'delete', entityType: 'evidence', entityId: id, before: auditable(before, had) }, isoNow(clock));
      });
    },
  };
}

function emptyLinks(): LinkSets {
  return Object.fromEntries(linkKeys.map((k) => [k, [] as string[]])) as LinkSets;
}

export type EvidenceService = ReturnType<typeof evidenceService>;
