import type { EngagementDto } from '../../../shared/contracts/engagements.ts';
import type { EngagementTable, Executor } from '../../db/types.ts';
import type { Actor } from '../../http/actor.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { indexDocument } from '../search/search.index.ts';
import * as repo from './engagements.repository.ts';
import { toEngagementDto } from './engagements.mapper.ts';

/*
 * The parts of logging or changing an engagement that run inside the caller's transaction: the
 * row, its link tables (with the dates and type they copy), the audit trail and the search
 * document. The service runs them for one request; the engagements import for a whole batch in the
 * job's transaction (Kysely cannot open a transaction inside one, so the service's own methods,
 * which do, cannot be called there). The per-unit summaries are refreshed by the caller, once per
 * request or once per batch (relationships/summaries.ts).
 */

const TITLE_LENGTH = 120;

/** An engagement's summary as a one-line search title. */
export const searchTitle = (summary: string) => {
  const line = summary.replace(/\s+/g, ' ').trim();
  return line.length > TITLE_LENGTH ? `${line.slice(0, TITLE_LENGTH - 1).trimEnd()}…` : line;
};

/** Whom a write is recorded against: a signed-in user, or an import acting for the user who started it (null: that account is gone). */
export type Writer = Pick<Actor, 'institutionId' | 'requestId'> & { userId: string | null };

export const sortedSets = (s: repo.LinkSets): repo.LinkSets => ({
  personIds: [...s.personIds].sort(),
  staffIds: [...s.staffIds].sort(),
  orgUnitIds: [...s.orgUnitIds].sort(),
  themeIds: [...s.themeIds].sort(),
  goalIds: [...s.goalIds].sort(),
  campaignIds: [...s.campaignIds].sort(),
});

/** What the audit trail records: the columns plus each link set as an array of ids. */
export const snapshot = (row: EngagementTable, s: repo.LinkSets) => ({
  ...row, person_ids: s.personIds, staff_ids: s.staffIds, org_unit_ids: s.orgUnitIds, theme_ids: s.themeIds, goal_ids: s.goalIds, campaign_ids: s.campaignIds,
});

/** Engagement rows per INSERT: thirteen columns a row, under both databases' bound-parameter limits. */
const ROW_CHUNK = 50;
/** Link rows per INSERT (at most six columns). */
const LINK_CHUNK = 200;

/**
 * Inserts engagements with their (sorted) link sets and audits each. Many at once: an import's
 * batch costs a few multi-row INSERTs plus one audit row per engagement, not a round trip per link
 * (measured: 5,000 engagements on PostgreSQL went from about 25 s one by one to a few seconds).
 */
export async function insertEngagementsWithLinks(trx: Executor, writer: Writer, items: { row: EngagementTable; sets: repo.LinkSets }[], now: string): Promise<void> {
  for (let i = 0; i < items.length; i += ROW_CHUNK) await trx.insertInto('engagements').values(items.slice(i, i + ROW_CHUNK).map((x) => x.row)).execute();
  for (const key of repo.linkKeys) {
    const { table, column } = repo.linkTables[key];
    // what unit and person links copy from their engagement, as replaceLinks writes them
    const links = items.flatMap(({ row, sets }) => {
      const stamp = repo.unitStamp(row);
      const extra = key === 'orgUnitIds' ? stamp : key === 'personIds' ? { occurred_on: stamp.occurred_on } : {};
      return sets[key].map((id) => ({ engagement_id: row.id, institution_id: row.institution_id, [column]: id, ...extra }));
    });
    for (let i = 0; i < links.length; i += LINK_CHUNK) await trx.insertInto(table).values(links.slice(i, i + LINK_CHUNK)).execute();
  }
  for (const { row, sets } of items) await recordAudit(trx, writer, { action: 'create', entityType: 'engagement', entityId: row.id, after: snapshot(row, sets) }, now);
}

/** One engagement: the service's create. */
export const insertEngagementWithLinks = (trx: Executor, writer: Writer, row: EngagementTable, sets: repo.LinkSets, now: string) =>
  insertEngagementsWithLinks(trx, writer, [{ row, sets }], now);

/**
 * Applies a patch and the link sets given (each replaces that set), keeps the unit and person links'
 * copies in step, and audits the change; returns the link sets after it.
 */
export async function changeEngagement(
  trx: Executor, writer: Writer, before: EngagementTable, beforeSets: repo.LinkSets, patch: Partial<EngagementTable>, given: Partial<repo.LinkSets>, now: string,
): Promise<repo.LinkSets> {
  const afterSets = sortedSets({ ...beforeSets, ...given });
  await repo.updateEngagement(trx, before.institution_id, before.id, patch);
  const stamp = repo.unitStamp({ ...before, ...patch });
  for (const key of repo.linkKeys) if (given[key]) await repo.replaceLinks(trx, before.institution_id, before.id, key, afterSets[key], stamp);
  const restamp = patch.occurred_on !== undefined || patch.type_id !== undefined || patch.initiated_by !== undefined;
  if (restamp) await repo.restampUnitLinks(trx, before.id, stamp);
  await recordAudit(trx, writer, {
    action: 'update', entityType: 'engagement', entityId: before.id, before: snapshot(before, beforeSets), after: snapshot({ ...before, ...patch }, afterSets),
  }, now);
  return afterSets;
}

/** The search document of an engagement as read back with its relations. */
export function engagementSearchDoc(institutionId: string, dto: EngagementDto) {
  const units = dto.orgUnits.map((u) => u.name);
  return {
    type: 'engagement' as const, id: dto.id, institutionId, title: searchTitle(dto.summary),
    subtitle: [dto.type.label, dto.occurredOn, units.join(', ')].filter(Boolean).join(' · '),
    body: [dto.summary, dto.outcome, dto.followUp, ...dto.people.map((p) => p.name), ...units],
  };
}

/** Reads the engagements back (eight queries, however many) and (re)indexes each for search; returns them. */
export async function indexEngagements(trx: Executor, institutionId: string, ids: string[]): Promise<EngagementDto[]> {
  const rows = await repo.engagementRows(trx, institutionId, ids);
  if (!rows.length) return [];
  const rel = await repo.loadRelations(trx, rows.map((r) => r.id));
  const dtos = rows.map((r) => toEngagementDto(r, rel));
  for (const dto of dtos) await indexDocument(trx, engagementSearchDoc(institutionId, dto));
  return dtos;
}

/** Ids per `in (…)` list: far under both databases' bound-parameter limits. */
const ID_CHUNK = 500;

/** The link sets of many engagements at once (six queries per 500), sorted like linkIds'. */
export async function linkSetsOf(trx: Executor, ids: string[]): Promise<Map<string, repo.LinkSets>> {
  const out = new Map<string, repo.LinkSets>(ids.map((id) => [id, { personIds: [], staffIds: [], orgUnitIds: [], themeIds: [], goalIds: [], campaignIds: [] }]));
  for (const key of repo.linkKeys) {
    const { table, column } = repo.linkTables[key];
    for (let i = 0; i < ids.length; i += ID_CHUNK) {
      const rows = await trx.selectFrom(table).select(['engagement_id', `${column} as id`]).where('engagement_id', 'in', ids.slice(i, i + ID_CHUNK)).execute();
      for (const r of rows) out.get(r.engagement_id)?.[key].push(r.id);
    }
  }
  for (const sets of out.values()) for (const key of repo.linkKeys) sets[key].sort();
  return out;
}
