import { sql } from 'kysely';
import type { CampaignStatus } from '../../../shared/contracts/campaigns.ts';
import type { CampaignTable, Executor } from '../../db/types.ts';
import { foldedLike } from '../../lib/text.ts';

export interface CampaignFilters {
  status?: CampaignStatus;
  q?: string;
  /** the institution's today, which status is judged against */
  today: string;
}

function filtered(db: Executor, institutionId: string, f: CampaignFilters) {
  let q = db.selectFrom('campaigns').where('institution_id', '=', institutionId);
  if (f.status === 'upcoming') q = q.where('starts_on', '>', f.today);
  if (f.status === 'current') q = q.where('starts_on', '<=', f.today).where('ends_on', '>=', f.today);
  if (f.status === 'past') q = q.where('ends_on', '<', f.today);
  if (f.q) {
    const text = f.q;
    q = q.where(() => foldedLike('name', text));
  }
  return q;
}

/** A page of campaigns, latest start first, and how many match. */
export async function listCampaigns(db: Executor, institutionId: string, f: CampaignFilters, offset: number, limit: number) {
  const [rows, count] = await Promise.all([
    filtered(db, institutionId, f).selectAll().orderBy('starts_on', 'desc').orderBy('name').orderBy('id').offset(offset).limit(limit).execute(),
    filtered(db, institutionId, f).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export const findCampaign = (db: Executor, institutionId: string, id: string) =>
  db.selectFrom('campaigns').selectAll().where('institution_id', '=', institutionId).where('id', '=', id).executeTakeFirst();

export const findCampaignByName = (db: Executor, institutionId: string, name: string) =>
  db.selectFrom('campaigns').select('id').where('institution_id', '=', institutionId).where('name', '=', name).executeTakeFirst();

/** The target org units of these campaigns, by name. */
export function targetRows(db: Executor, institutionId: string, campaignIds: string[]) {
  if (!campaignIds.length) return Promise.resolve([]);
  return db.selectFrom('campaign_org_units as co').innerJoin('org_units as o', 'o.id', 'co.org_unit_id')
    .select(['co.campaign_id', 'o.id', 'o.name'])
    .where('co.institution_id', '=', institutionId).where('co.campaign_id', 'in', campaignIds)
    .orderBy('o.name').orderBy('o.id').execute();
}

export function goalLinks(db: Executor, institutionId: string, campaignIds: string[]) {
  if (!campaignIds.length) return Promise.resolve([]);
  return db.selectFrom('campaign_goals').select(['campaign_id', 'goal_id'])
    .where('institution_id', '=', institutionId).where('campaign_id', 'in', campaignIds).execute();
}

/**
 * Per campaign and target: the campaign's linked engagements that name the target or a unit below
 * it, and the date of the latest. Targets nothing reached are absent.
 * UNION (not UNION ALL) also stops the walk should a parent loop ever slip into the tree.
 */
export async function reachRows(db: Executor, institutionId: string, campaignIds: string[]) {
  if (!campaignIds.length) return [];
  const res = await sql<{ campaign_id: string; target_id: string; engagements: number | string; last_on: string | null }>`
    WITH RECURSIVE tree(campaign_id, target_id, unit_id) AS (
      SELECT co.campaign_id, co.org_unit_id, co.org_unit_id FROM campaign_org_units co
      WHERE co.institution_id = ${institutionId} AND co.campaign_id IN (${sql.join(campaignIds)})
      UNION
      SELECT tree.campaign_id, tree.target_id, o.id FROM org_units o JOIN tree ON o.parent_id = tree.unit_id WHERE o.institution_id = ${institutionId}
    )
    SELECT tree.campaign_id, tree.target_id, count(DISTINCT eo.engagement_id) AS engagements, max(eo.occurred_on) AS last_on
    FROM tree
    JOIN engagement_org_units eo ON eo.org_unit_id = tree.unit_id
    JOIN engagement_campaigns ec ON ec.engagement_id = eo.engagement_id AND ec.campaign_id = tree.campaign_id
    GROUP BY tree.campaign_id, tree.target_id`.execute(db);
  return res.rows.map((r) => ({ ...r, engagements: Number(r.engagements) }));
}

const linkedTo = (db: Executor, institutionId: string, campaignId: string) =>
  db.selectFrom('engagement_campaigns').select('engagement_id').where('institution_id', '=', institutionId).where('campaign_id', '=', campaignId);

/** What came of a campaign: its linked engagements counted, their attendance summed and counted by type. */
export async function outcomeTotals(db: Executor, institutionId: string, campaignId: string) {
  const linked = db.selectFrom('engagements as e').where('e.institution_id', '=', institutionId).where('e.id', 'in', linkedTo(db, institutionId, campaignId));
  const [totals, byType] = await Promise.all([
    linked.select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.sum<number | null>('e.attendance').as('attendance')]).executeTakeFirstOrThrow(),
    linked.innerJoin('vocab_terms as t', 't.id', 'e.type_id').select((eb) => ['t.label', eb.fn.countAll<number>().as('n')])
      .groupBy('t.label').orderBy(sql`count(*)`, 'desc').orderBy('t.label').execute(),
  ]);
  return { engagements: Number(totals.n), attendance: Number(totals.attendance ?? 0), byType: byType.map((r) => ({ label: r.label, count: Number(r.n) })) };
}

/** The campaign's linked engagements, newest first (at most `limit`), with type label and unit names. */
export async function recentLinked(db: Executor, institutionId: string, campaignId: string, limit: number) {
  const rows = await db.selectFrom('engagements as e').innerJoin('vocab_terms as t', 't.id', 'e.type_id')
    .select(['e.id', 'e.occurred_on', 'e.summary', 'e.outcome', 't.label as type_label'])
    .where('e.institution_id', '=', institutionId).where('e.id', 'in', linkedTo(db, institutionId, campaignId))
    .orderBy('e.occurred_on', 'desc').orderBy('e.id', 'desc').limit(limit).execute();
  const units = rows.length
    ? await db.selectFrom('engagement_org_units as eo').innerJoin('org_units as o', 'o.id', 'eo.org_unit_id')
      .select(['eo.engagement_id', 'o.name']).where('eo.engagement_id', 'in', rows.map((r) => r.id)).orderBy('o.name').execute()
    : [];
  return rows.map((r) => ({ ...r, org_units: units.filter((u) => u.engagement_id === r.id).map((u) => u.name) }));
}

/** Opportunities spotted in, or linked to, the campaign's engagements. */
export function spottedOpportunities(db: Executor, institutionId: string, campaignId: string) {
  const linked = linkedTo(db, institutionId, campaignId);
  return db.selectFrom('opportunities as o').select(['o.id', 'o.title', 'o.stage'])
    .where('o.institution_id', '=', institutionId)
    .where((eb) => eb.or([
      eb('o.trigger_engagement_id', 'in', linked),
      eb.exists(eb.selectFrom('opportunity_engagements as oe').select('oe.opportunity_id').whereRef('oe.opportunity_id', '=', 'o.id').where('oe.engagement_id', 'in', linked)),
    ]))
    .orderBy('o.title').orderBy('o.id').execute();
}

/** Evidence linked to the campaign (from the evidence side): how much, and the latest `limit`, newest first. */
export async function linkedEvidence(db: Executor, institutionId: string, campaignId: string, limit: number) {
  const linked = db.selectFrom('evidence_campaigns as l').innerJoin('evidence as v', 'v.id', 'l.evidence_id')
    .where('l.institution_id', '=', institutionId).where('l.campaign_id', '=', campaignId);
  const [count, recent] = await Promise.all([
    linked.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    linked.select(['v.id', 'v.kind', 'v.text', 'v.occurred_on']).orderBy('v.occurred_on', 'desc').orderBy('v.id', 'desc').limit(limit).execute(),
  ]);
  return { total: Number(count.n), recent };
}

export const insertCampaign = (db: Executor, row: CampaignTable) => db.insertInto('campaigns').values(row).execute();

export const updateCampaign = (db: Executor, institutionId: string, id: string, patch: Partial<CampaignTable>) =>
  db.updateTable('campaigns').set(patch).where('institution_id', '=', institutionId).where('id', '=', id).execute();

export async function replaceTargets(db: Executor, institutionId: string, campaignId: string, orgUnitIds: string[]) {
  await db.deleteFrom('campaign_org_units').where('institution_id', '=', institutionId).where('campaign_id', '=', campaignId).execute();
  if (orgUnitIds.length) await db.insertInto('campaign_org_units').values(orgUnitIds.map((id) => ({ campaign_id: campaignId, org_unit_id: id, institution_id: institutionId }))).execute();
}

export async function replaceGoals(db: Executor, institutionId: string, campaignId: string, goalIds: string[]) {
  await db.deleteFrom('campaign_goals').where('institution_id', '=', institutionId).where('campaign_id', '=', campaignId).execute();
  if (goalIds.length) await db.insertInto('campaign_goals').values(goalIds.map((id) => ({ campaign_id: campaignId, goal_id: id, institution_id: institutionId }))).execute();
}

/** Its links go first (engagements stay, unlinked), whatever the foreign-key settings. */
export async function deleteCampaign(db: Executor, institutionId: string, id: string) {
  await db.deleteFrom('engagement_campaigns').where('institution_id', '=', institutionId).where('campaign_id', '=', id).execute();
  await replaceTargets(db, institutionId, id, []);
  await replaceGoals(db, institutionId, id, []);
  await db.deleteFrom('campaigns').where('institution_id', '=', institutionId).where('id', '=', id).execute();
}
