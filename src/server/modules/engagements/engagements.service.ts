import type { Page } from '../../../shared/contracts/common.ts';
import type {
  CreateEngagementBody, EngagementDto, EngagementFilters, EngagementWriteDto, ListEngagementsQuery, UpdateEngagementBody,
} from '../../../shared/contracts/engagements.ts';
import type { EngagementTable, Executor } from '../../db/types.ts';
import { assertRole, hasRole, type Actor } from '../../http/actor.ts';
import { AppError, invalid, notFound } from '../../http/errors.ts';
import { isoNow, type Clock } from '../../lib/clock.ts';
import type { AppDeps } from '../../lib/deps.ts';
import { newId } from '../../lib/ids.ts';
import { tokens } from '../../lib/text.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { assertOrgUnitsInInstitution, assertVocab, descendantIds, institutionRow } from '../org/org.repository.ts';
import { contactCaps } from '../relationships/caps.ts';
import { refreshSummaries } from '../relationships/summaries.ts';
import { assertCampaigns, assertGoals } from '../planning/refs.ts';
import { indexDocument, removeDocument } from '../search/search.index.ts';
import * as repo from './engagements.repository.ts';
import { changeEngagement, engagementSearchDoc, insertEngagementWithLinks, searchTitle, snapshot, sortedSets } from './engagements.writes.ts';
import { toEngagementDto } from './engagements.mapper.ts';

/** The last date an engagement may carry: a year from today (planned sessions are logged ahead, typos like 2062 are not). */
export function latestOccurredOn(clock: Clock): string {
  const now = clock.now();
  return new Date(Date.UTC(now.getUTCFullYear() + 1, now.getUTCMonth(), now.getUTCDate())).toISOString().slice(0, 10);
}

export { searchTitle };

/** An engagement is always with someone: a department or a person. */
function requireParty(sets: Pick<repo.LinkSets, 'personIds' | 'orgUnitIds'>) {
  if (!sets.personIds.length && !sets.orgUnitIds.length) throw invalid('orgUnitIds', 'name a department or a person');
}

export function engagementsService({ db, clock, dialect }: Pick<AppDeps, 'db' | 'clock' | 'dialect'>) {
  function checkDate(occurredOn: string) {
    if (occurredOn > latestOccurredOn(clock)) throw invalid('occurredOn', 'must not be more than a year from today');
  }

  /** Every given id must belong to the actor's institution; the 400 names the field. */
  async function checkRefs(trx: Executor, actor: Actor, refs: Partial<repo.LinkSets> & { typeId?: string }) {
    const inst = actor.institutionId;
    if (refs.typeId) await assertVocab(trx, inst, 'engagement_type', [refs.typeId], 'typeId');
    if (refs.personIds) await repo.assertPeopleInInstitution(trx, inst, refs.personIds, 'personIds');
    if (refs.staffIds) await repo.assertUsersInInstitution(trx, inst, refs.staffIds, 'staffIds');
    if (refs.orgUnitIds) await assertOrgUnitsInInstitution(trx, inst, refs.orgUnitIds, 'orgUnitIds');
    if (refs.themeIds) await assertVocab(trx, inst, 'theme', refs.themeIds, 'themeIds');
    if (refs.goalIds) await assertGoals(trx, inst, refs.goalIds, 'goalIds');
    if (refs.campaignIds) await assertCampaigns(trx, inst, refs.campaignIds, 'campaignIds');
  }

  async function withRelations(executor: Executor, rows: repo.EngagementRow[]): Promise<EngagementDto[]> {
    const rel = await repo.loadRelations(executor, rows.map((r) => r.id));
    return rows.map((r) => toEngagementDto(r, rel));
  }

  /** Reads the saved engagement back and (re)indexes it for search, inside the writing transaction. */
  async function indexAndRead(trx: Executor, actor: Actor, id: string): Promise<EngagementDto> {
    const row = await repo.getEngagementRow(trx, actor.institutionId, id);
    if (!row) throw notFound('Engagement');
    const [dto] = await withRelations(trx, [row]);
    if (!dto) throw notFound('Engagement');
    await indexDocument(trx, engagementSearchDoc(actor.institutionId, dto));
    return dto;
  }

  /** Resolves the org unit filter (and its descendants, if asked) before any query runs. */
  async function resolveFilters(actor: Actor, f: EngagementFilters): Promise<repo.ListFilters> {
    if (f.from && f.to && f.to < f.from) throw invalid('to', 'must be on or after from');
    const { orgUnitId, includeDescendants, q, ...filters } = f;
    // words are matched through the search index (prefixes, folded), not by scanning every summary
    const words = q ? tokens(q) : [];
    const rest: repo.ListFilters = words.length ? { ...filters, matching: dialect.matchingIds({ institutionId: actor.institutionId, tokens: words, type: 'engagement' }) } : filters;
    if (!orgUnitId) return rest;
    const below = includeDescendants === 'true' ? await descendantIds(db, actor.institutionId, orgUnitId) : [];
    // an unknown or foreign unit has no descendants here; filtering by its id alone then matches nothing
    return { ...rest, orgUnitIds: below.length ? below : [orgUnitId] };
  }

  /** Brings the breadth summaries in step with a write, before and after (see relationships/summaries.ts). */
  async function refresh(trx: Executor, actor: Actor, sets: repo.LinkSets[], dates: string[]) {
    const inst = await institutionRow(trx, actor.institutionId);
    const all = (k: keyof repo.LinkSets) => [...new Set(sets.flatMap((s) => s[k]))];
    await refreshSummaries(trx, inst, { unitIds: all('orgUnitIds'), personIds: all('personIds'), themeIds: all('themeIds'), dates });
  }

  /**
   * Advice that does not block saving: "avoid over-communicating". A library-initiated engagement
   * that puts someone over their contact cap in the rolling window ending on its own date (so a
   * planned session is judged when it happens, a back-dated one when it happened).
   */
  async function warningsFor(actor: Actor, dto: EngagementDto): Promise<string[]> {
    if (dto.initiatedBy !== 'library' || !dto.people.length) return [];
    const inst = await institutionRow(db, actor.institutionId);
    const people = await db.selectFrom('people').select(['id', 'name', 'contact_cap', 'contact_cap_days']).where('institution_id', '=', actor.institutionId)
      .where('id', 'in', dto.people.map((p) => p.id)).execute();
    const caps = await contactCaps(db, inst, people, dto.occurredOn);
    return people.flatMap((p) => {
      const c = caps.get(p.id);
      if (!c?.exceeded) return [];
      return [`${p.name} has had ${c.count} library-initiated engagements in the last ${c.days} days, over their contact cap of ${c.cap}: avoid over-communicating.`];
    });
  }

  /**
   * Logs an engagement inside the caller's transaction (capture confirms an item and logs its
   * engagement as one change); `create` is this in a transaction of its own, plus the cap warnings.
   */
  async function createIn(trx: Executor, actor: Actor, body: CreateEngagementBody): Promise<EngagementDto> {
    assertRole(actor, 'librarian');
    checkDate(body.occurredOn);
    const sets = sortedSets({
      personIds: body.personIds, staffIds: body.staffIds ?? [actor.userId], orgUnitIds: body.orgUnitIds, themeIds: body.themeIds, goalIds: body.goalIds, campaignIds: body.campaignIds,
    });
    requireParty(sets);
    await checkRefs(trx, actor, { typeId: body.typeId, ...sets });
    const now = isoNow(clock);
    const row: EngagementTable = {
      id: newId(), institution_id: actor.institutionId, type_id: body.typeId, occurred_on: body.occurredOn,
      duration_minutes: body.durationMinutes ?? null, summary: body.summary, outcome: body.outcome ?? null,
      follow_up: body.followUp ?? null, initiated_by: body.initiatedBy, attendance: body.attendance ?? null,
      milestone: body.milestone ?? null,
      created_by: actor.userId, created_at: now, updated_at: now,
    };
    await insertEngagementWithLinks(trx, actor, row, sets, now);
    await refresh(trx, actor, [sets], [row.occurred_on]);
    return indexAndRead(trx, actor, row.id);
  }

  return {
    async engagement(actor: Actor, id: string): Promise<EngagementDto> {
      const row = await repo.getEngagementRow(db, actor.institutionId, id);
      if (!row) throw notFound('Engagement');
      const [dto] = await withRelations(db, [row]);
      return dto as EngagementDto;
    },

    async list(actor: Actor, q: ListEngagementsQuery): Promise<Page<EngagementDto>> {
      const f = await resolveFilters(actor, q);
      const rows = await repo.listEngagementRows(db, actor.institutionId, f, { offset: (q.page - 1) * q.pageSize, limit: q.pageSize });
      const total = await repo.countEngagements(db, actor.institutionId, f);
      return { items: await withRelations(db, rows), page: q.page, pageSize: q.pageSize, total };
    },

    /**
     * A page fetcher for the CSV export. Keyset paging: it remembers the last row's date and id
     * between calls (sendCsv calls it in sequence), so page 5,000 costs what page 1 does.
     * Filters are checked here, before the response starts, so a bad one still gets its 400.
     */
    async exportPages(actor: Actor, filters: EngagementFilters): Promise<(page: number, pageSize: number) => Promise<EngagementDto[]>> {
      const f = await resolveFilters(actor, filters);
      let after: repo.Cursor | null = null;
      return async (_page, pageSize) => {
        const rows = await repo.listEngagementRows(db, actor.institutionId, f, { after, limit: pageSize });
        const last = rows.at(-1);
        if (last) after = { occurredOn: last.occurred_on, id: last.id };
        return withRelations(db, rows);
      };
    },

    createIn,

    async create(actor: Actor, body: CreateEngagementBody): Promise<EngagementWriteDto> {
      const dto = await db.transaction().execute((trx) => createIn(trx, actor, body));
      return { ...dto, warnings: await warningsFor(actor, dto) };
    },

    /** The contact-cap advice for an engagement already saved. */
    warnings: (actor: Actor, dto: EngagementDto) => warningsFor(actor, dto),

    async update(actor: Actor, id: string, body: UpdateEngagementBody): Promise<EngagementWriteDto> {
      assertRole(actor, 'librarian');
      if (body.occurredOn !== undefined) checkDate(body.occurredOn);
      const dto = await db.transaction().execute(async (trx) => {
        const before = await repo.findEngagement(trx, actor.institutionId, id);
        if (!before) throw notFound('Engagement');
        const beforeSets = await repo.linkIds(trx, id);
        const given: Partial<repo.LinkSets> = {};
        for (const key of repo.linkKeys) if (body[key] !== undefined) given[key] = body[key];
        requireParty(sortedSets({ ...beforeSets, ...given }));
        await checkRefs(trx, actor, { typeId: body.typeId, ...given });
        const now = isoNow(clock);
        const patch: Partial<EngagementTable> = { updated_at: now };
        if (body.typeId !== undefined) patch.type_id = body.typeId;
        if (body.occurredOn !== undefined) patch.occurred_on = body.occurredOn;
        if (body.durationMinutes !== undefined) patch.duration_minutes = body.durationMinutes;
        if (body.summary !== undefined) patch.summary = body.summary;
        if (body.outcome !== undefined) patch.outcome = body.outcome;
        if (body.followUp !== undefined) patch.follow_up = body.followUp;
        if (body.initiatedBy !== undefined) patch.initiated_by = body.initiatedBy;
        if (body.attendance !== undefined) patch.attendance = body.attendance;
        if (body.milestone !== undefined) patch.milestone = body.milestone;
        const afterSets = await changeEngagement(trx, actor, before, beforeSets, patch, given, now);
        await refresh(trx, actor, [beforeSets, afterSets], [before.occurred_on, patch.occurred_on ?? before.occurred_on]);
        return indexAndRead(trx, actor, id);
      });
      // a typo fixed in the summary does not re-judge the contact
      const recounted = body.occurredOn !== undefined || body.initiatedBy !== undefined || body.personIds !== undefined;
      return { ...dto, warnings: recounted ? await warningsFor(actor, dto) : [] };
    },

    /** A librarian may delete what they logged; a manager or admin anything. */
    async remove(actor: Actor, id: string): Promise<void> {
      assertRole(actor, 'librarian');
      await db.transaction().execute(async (trx) => {
        const before = await repo.findEngagement(trx, actor.institutionId, id);
        if (!before) throw notFound('Engagement');
        if (before.created_by !== actor.userId && !hasRole(actor, 'manager')) {
          throw new AppError('FORBIDDEN', 'Only the librarian who logged this engagement, or a manager, may delete it');
        }
        const beforeSets = await repo.linkIds(trx, id);
        await repo.deleteEngagement(trx, actor.institutionId, id);
        await refresh(trx, actor, [beforeSets], [before.occurred_on]);
        await removeDocument(trx, 'engagement', id);
        await recordAudit(trx, actor, { action: 'delete', entityType: 'engagement', entityId: id, before: snapshot(before, beforeSets) }, isoNow(clock));
      });
    },
  };
}
export type EngagementsService = ReturnType<typeof engagementsService>;
