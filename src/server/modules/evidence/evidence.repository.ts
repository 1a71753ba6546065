import type { ListEvidenceQuery } from '../../../shared/contracts/evidence.ts';
import type { EvidenceTable, Executor } from '../../db/types.ts';
import { foldedLike } from '../../lib/text.ts';
import { assertAllFound } from '../engagements/engagements.repository.ts';

/** The link sets of an evidence item, by the body field that names them. */
export const linkTables = {
  orgUnitIds: { table: 'evidence_org_units', column: 'org_unit_id' },
  themeIds: { table: 'evidence_themes', column: 'theme_id' },
  goalIds: { table: 'evidence_goals', column: 'goal_id' },
  engagementIds: { table: 'evidence_engagements', column: 'engagement_id' },
  opportunityIds: { table: 'evidence_opportunities', column: 'opportunity_id' },
  actionIds: { table: 'evidence_actions', column: 'action_id' },
  campaignIds: { table: 'evidence_campaigns', column: 'campaign_id' },
} as const;
export type LinkKey = keyof typeof linkTables;
export type LinkSets = Record<LinkKey, string[]>;
export const linkKeys = Object.keys(linkTables) as LinkKey[];

export interface EvidenceFilters extends Omit<ListEvidenceQuery, 'page' | 'pageSize' | 'orgUnitId'> {
  /** a unit and every unit below it, already resolved */
  orgUnitIds?: string[];
}

/** One link filter: the evidence has a row in `table` whose `column` is one of `ids`. */
const linkedTo = (db: Executor, key: LinkKey, institutionId: string, ids: string[]) => {
  const { table, column } = linkTables[key];
  return db.selectFrom(table).select('evidence_id').where('institution_id', '=', institutionId).where(column, 'in', ids);
};

function filtered(db: Executor, institutionId: string, f: EvidenceFilters) {
  let q = db.selectFrom('evidence').where('institution_id', '=', institutionId);
  if (f.kind) q = q.where('kind', '=', f.kind);
  if (f.from) q = q.where('occurred_on', '>=', f.from);
  if (f.to) q = q.where('occurred_on', '<=', f.to);
  if (f.q) {
    const text = f.q;
    q = q.where((eb) => eb.or([foldedLike('text', text), foldedLike('source_text', text)]));
  }
  const links: [LinkKey, string[] | undefined][] = [
    ['orgUnitIds', f.orgUnitIds], ['themeIds', f.themeId ? [f.themeId] : undefined], ['goalIds', f.goalId ? [f.goalId] : undefined],
    ['engagementIds', f.engagementId ? [f.engagementId] : undefined], ['opportunityIds', f.opportunityId ? [f.opportunityId] : undefined],
    ['actionIds', f.actionId ? [f.actionId] : undefined], ['campaignIds', f.campaignId ? [f.campaignId] : undefined],
  ];
  for (const [key, ids] of links) {
    // an empty list (an unknown unit) matches nothing; '' is never an id
    if (ids) q = q.where('id', 'in', linkedTo(db, key, institutionId, ids.length ? ids : ['']));
  }
  return q;
}

/** A page of evidence, newest first, and how many match. */
export async function listEvidence(db: Executor, institutionId: string, f: EvidenceFilters, offset: number, limit: number) {
  const [rows, count] = await Promise.all([
    filtered(db, institutionId, f).selectAll().orderBy('occurred_on', 'desc').orderBy('created_at', 'desc').orderBy('id', 'desc').offset(offset).limit(limit).execute(),
    filtered(db, institutionId, f).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export const findEvidence = (db: Executor, institutionId: string, id: string) =>
  db.selectFrom('evidence').selectAll().where('institution_id', '=', institutionId).where('id', '=', id).executeTakeFirst();

export const insertEvidence = (db: Executor, row: EvidenceTable) => db.insertInto('evidence').values(row).execute();

export const updateEvidence = (db: Executor, institutionId: string, id: string, patch: Partial<EvidenceTable>) =>
  db.updateTable('evidence').set(patch).where('institution_id', '=', institutionId).where('id', '=', id).execute();

export async function replaceLinks(db: Executor, institutionId: string, evidenceId: string, key: LinkKey, ids: string[]) {
  const { table, column } = linkTables[key];
  await db.deleteFrom(table).where('institution_id', '=', institutionId).where('evidence_id', '=', evidenceId).execute();
  if (ids.length) {
    await db.insertInto(table).values(ids.map((id) => ({ evidence_id: evidenceId, institution_id: institutionId, [column]: id }))).execute();
  }
}

/** Its links go first, whatever the foreign-key settings. */
export async function deleteEvidence(db: Executor, institutionId: string, id: string) {
  for (const key of linkKeys) await replaceLinks(db, institutionId, id, key, []);
  await db.deleteFrom('evidence').where('institution_id', '=', institutionId).where('id', '=', id).execute();
}

/** The ids in each link set of these evidence items. */
export async function linkIds(db: Executor, institutionId: string, evidenceIds: string[]): Promise<Map<string, LinkSets>> {
  const out = new Map<string, LinkSets>(evidenceIds.map((id) => [id, Object.fromEntries(linkKeys.map((k) => [k, [] as string[]])) as LinkSets]));
  if (!evidenceIds.length) return out;
  await Promise.all(linkKeys.map(async (key) => {
    const { table, column } = linkTables[key];
    const rows = await db.selectFrom(table).select(['evidence_id', `${column} as target`])
      .where('institution_id', '=', institutionId).where('evidence_id', 'in', evidenceIds).execute();
    for (const r of rows) out.get(r.evidence_id)?.[key].push(r.target);
  }));
  return out;
}

/** How the linked records are named, each read once for a whole page. */
export async function linkTargets(db: Executor, institutionId: string, ids: Pick<LinkSets, Exclude<LinkKey, 'goalIds'>> & { personIds: string[]; userIds: string[] }) {
  const none = Promise.resolve([]);
  const [orgUnits, themes, engagements, opportunities, actions, campaigns, people, users] = await Promise.all([
    ids.orgUnitIds.length ? db.selectFrom('org_units').select(['id', 'name']).where('institution_id', '=', institutionId).where('id', 'in', ids.orgUnitIds).execute() : none,
    ids.themeIds.length ? db.selectFrom('vocab_terms').select(['id', 'label', 'sort_order']).where('institution_id', '=', institutionId).where('id', 'in', ids.themeIds).execute() : none,
    ids.engagementIds.length ? db.selectFrom('engagements').select(['id', 'occurred_on', 'summary']).where('institution_id', '=', institutionId).where('id', 'in', ids.engagementIds).execute() : none,
    ids.opportunityIds.length ? db.selectFrom('opportunities').select(['id', 'title']).where('institution_id', '=', institutionId).where('id', 'in', ids.opportunityIds).execute() : none,
    ids.actionIds.length ? db.selectFrom('plan_actions').select(['id', 'title', 'plan_id']).where('institution_id', '=', institutionId).where('id', 'in', ids.actionIds).execute() : none,
    ids.campaignIds.length ? db.selectFrom('campaigns').select(['id', 'name']).where('institution_id', '=', institutionId).where('id', 'in', ids.campaignIds).execute() : none,
    ids.personIds.length ? db.selectFrom('people').select(['id', 'name']).where('institution_id', '=', institutionId).where('id', 'in', ids.personIds).execute() : none,
    ids.userIds.length ? db.selectFrom('users').select(['id', 'name']).where('institution_id', '=', institutionId).where('id', 'in', ids.userIds).execute() : none,
  ]);
  return { orgUnits, themes, engagements, opportunities, actions, campaigns, people, users };
}

/** Throws a 400 naming `field` unless every id is an opportunity of this institution. */
export async function assertOpportunities(db: Executor, institutionId: string, ids: string[], field: string) {
  if (!ids.length) return;
  const found = await db.selectFrom('opportunities').select('id').where('institution_id', '=', institutionId).where('id', 'in', ids).execute();
  assertAllFound(found, ids, field, 'opportunity');
}

/** Throws a 400 naming `field` unless every id is an action of one of this institution's action plans. */
export async function assertPlanActions(db: Executor, institutionId: string, ids: string[], field: string) {
  if (!ids.length) return;
  const found = await db.selectFrom('plan_actions').select('id').where('institution_id', '=', institutionId).where('id', 'in', ids).execute();
  assertAllFound(found, ids, field, 'action');
}
