import type { EngagementFilters } from '../../../shared/contracts/engagements.ts';
import { sql, type RawBuilder, type SelectQueryBuilder } from 'kysely';
import type { Database, EngagementOrgUnitTable, EngagementTable, Executor } from '../../db/types.ts';
import { invalid } from '../../http/errors.ts';

/** The link sets of an engagement, by the body field that names them. */
export const linkTables = {
  personIds: { table: 'engagement_people', column: 'person_id' },
  staffIds: { table: 'engagement_staff', column: 'user_id' },
  orgUnitIds: { table: 'engagement_org_units', column: 'org_unit_id' },
  themeIds: { table: 'engagement_themes', column: 'theme_id' },
  goalIds: { table: 'engagement_goals', column: 'goal_id' },
  campaignIds: { table: 'engagement_campaigns', column: 'campaign_id' },
} as const;
export type LinkKey = keyof typeof linkTables;
export type LinkSets = Record<LinkKey, string[]>;
export const linkKeys = Object.keys(linkTables) as LinkKey[];

export type EngagementRow = EngagementTable & { type_label: string };
export type Ref = { id: string; label: string };
export interface Relations {
  themes: Map<string, Ref[]>;
  people: Map<string, Ref[]>;
  staff: Map<string, Ref[]>;
  orgUnits: Map<string, Ref[]>;
  goals: Map<string, Ref[]>;
  campaigns: Map<string, Ref[]>;
}

/** Throws a 400 naming `field` and the ids that are not among `found`. */
export function assertAllFound(found: { id: string }[], ids: string[], field: string, what: string): void {
  const missing = ids.filter((id) => !found.some((f) => f.id === id));
  if (missing.length) throw invalid(field, `unknown ${what} ${missing.join(', ')}`);
}

/** Throws a 400 naming `field` unless every id is a person (partner contact) of this institution. */
export async function assertPeopleInInstitution(db: Executor, institutionId: string, ids: string[], field: string) {
  if (!ids.length) return;
  const found = await db.selectFrom('people').select('id').where('institution_id', '=', institutionId).where('id', 'in', ids).execute();
  assertAllFound(found, ids, field, 'person');
}

/** Throws a 400 naming `field` unless every id is a user (library staff) of this institution. */
export async function assertUsersInInstitution(db: Executor, institutionId: string, ids: string[], field: string) {
  if (!ids.length) return;
  const found = await db.selectFrom('users').select('id').where('institution_id', '=', institutionId).where('id', 'in', ids).execute();
  assertAllFound(found, ids, field, 'staff member');
}

/** Throws a 400 naming `field` unless every id is an engagement of this institution. */
export async function assertEngagementsInInstitution(db: Executor, institutionId: string, ids: string[], field: string) {
  if (!ids.length) return;
  const found = await db.selectFrom('engagements').select('id').where('institution_id', '=', institutionId).where('id', 'in', ids).execute();
  assertAllFound(found, ids, field, 'engagement');
}

/** An owner must be a current member of staff of this institution: a deactivated account cannot take work on. */
export async function assertActiveUser(db: Executor, institutionId: string, id: string, field: string) {
  const u = await db.selectFrom('users').select(['id', 'active']).where('institution_id', '=', institutionId).where('id', '=', id).executeTakeFirst();
  if (!u) throw invalid(field, `unknown staff member ${id}`);
  if (u.active !== 1) throw invalid(field, `${id} is no longer an active member of staff`);
}

export const findEngagement = (db: Executor, institutionId: string, id: string) =>
  db.selectFrom('engagements').selectAll().where('institution_id', '=', institutionId).where('id', '=', id).executeTakeFirst();

/** Engagements of this institution with their type's label, by id. */
export function engagementRows(db: Executor, institutionId: string, ids: string[]): Promise<EngagementRow[]> {
  if (!ids.length) return Promise.resolve([]);
  return db
    .selectFrom('engagements as e')
    .innerJoin('vocab_terms as t', 't.id', 'e.type_id')
    .selectAll('e')
    .select('t.label as type_label')
    .where('e.institution_id', '=', institutionId)
    .where('e.id', 'in', ids)
    .execute();
}

export const getEngagementRow = async (db: Executor, institutionId: string, id: string): Promise<EngagementRow | undefined> =>
  (await engagementRows(db, institutionId, [id]))[0];

export const insertEngagement = (db: Executor, row: EngagementTable) => db.insertInto('engagements').values(row).execute();

export const updateEngagement = (db: Executor, institutionId: string, id: string, patch: Partial<EngagementTable>) =>
  db.updateTable('engagements').set(patch).where('institution_id', '=', institutionId).where('id', '=', id).execute();

/** Link rows go first so the engagement never outlives them, whatever the foreign-key settings. */
export async function deleteEngagement(db: Executor, institutionId: string, id: string) {
  for (const key of linkKeys) await db.deleteFrom(linkTables[key].table).where('engagement_id', '=', id).execute();
  await db.deleteFrom('engagements').where('institution_id', '=', institutionId).where('id', '=', id).execute();
}

/** The ids of each link set, sorted so that audit before/after compare by content. */
export async function linkIds(db: Executor, engagementId: string): Promise<LinkSets> {
  const sets = {} as LinkSets;
  for (const key of linkKeys) {
    const { table, column } = linkTables[key];
    const rows = await db.selectFrom(table).select(`${column} as id`).where('engagement_id', '=', engagementId).execute();
    sets[key] = rows.map((r) => r.id).sort();
  }
  return sets;
}

/** What unit links copy from their engagement (migrations 0003 and 0005), for the signals' index scans. */
export type UnitStamp = Pick<EngagementOrgUnitTable, 'occurred_on' | 'type_id' | 'initiated_by'>;
export const unitStamp = (e: EngagementTable): UnitStamp => ({ occurred_on: e.occurred_on, type_id: e.type_id, initiated_by: e.initiated_by });

export async function replaceLinks(db: Executor, institutionId: string, engagementId: string, key: LinkKey, ids: string[], stamp: UnitStamp) {
  const { table, column } = linkTables[key];
  await db.deleteFrom(table).where('engagement_id', '=', engagementId).execute();
  if (!ids.length) return;
  const extra = key === 'orgUnitIds' ? stamp : key === 'personIds' ? { occurred_on: stamp.occurred_on } : {};
  const rows = ids.map((id) => ({ engagement_id: engagementId, institution_id: institutionId, [column]: id, ...extra }));
  await db.insertInto(table).values(rows).execute();
}

/** Keeps what unit (and person) links copy in step with the engagement. */
export async function restampUnitLinks(db: Executor, engagementId: string, stamp: UnitStamp) {
  await db.updateTable('engagement_org_units').set(stamp).where('engagement_id', '=', engagementId).execute();
  await db.updateTable('engagement_people').set({ occurred_on: stamp.occurred_on }).where('engagement_id', '=', engagementId).execute();
}

/** Filters after the service resolved the org unit (and, if asked, its descendants) into ids. */
export type ListFilters = Omit<EngagementFilters, 'orgUnitId' | 'includeDescendants' | 'q'> & {
  orgUnitIds?: string[];
  /** ids matching the words asked for (dialect.matchingIds) */
  matching?: RawBuilder<string>;
};
export type Cursor = { occurredOn: string; id: string };

type EngagementQuery = SelectQueryBuilder<Database & { e: EngagementTable }, 'e', object>;
type Driver = { key: 'personIds' | 'orgUnitIds' | 'staffIds'; ids: string[] };

/**
 * Which link filter, if any, should drive the query from its reverse index. Measured on a million
 * engagements: a person's, a department's or a colleague's whole history is read fastest from the link
 * (a few thousand rows at most, then sorted), while with a date range the engagements_date index narrows
 * better, and a faculty with its departments or a theme matches too many rows to sort. A person's links
 * are always few. A single id per link keeps rows unique (the link's primary key), so no DISTINCT.
 */
function driverOf(f: ListFilters): Driver | null {
  if (f.personId) return { key: 'personIds', ids: [f.personId] };
  // a unit's links carry the date, indexed (org_unit_id, occurred_on, engagement_id): pages and ranges come in order
  if (f.orgUnitIds?.length === 1) return { key: 'orgUnitIds', ids: f.orgUnitIds };
  if (f.from || f.to) return null;
  if (f.staffId) return { key: 'staffIds', ids: [f.staffId] };
  return null;
}

function source(db: Executor, driver: Driver | null): EngagementQuery {
  if (!driver) return db.selectFrom('engagements as e');
  // CROSS JOIN because SQLite keeps its written order (the link first); PostgreSQL plans it as any inner join.
  // Only `e` is selected or filtered on afterwards, so the query is typed as over `e` alone.
  const over = <Q>(q: Q) => q as unknown as EngagementQuery;
  const { ids } = driver;
  switch (driver.key) {
    case 'personIds':
      return over(db.selectFrom('engagement_people as l').crossJoin('engagements as e').whereRef('e.id', '=', 'l.engagement_id').where('l.person_id', 'in', ids));
    case 'orgUnitIds':
      return over(db.selectFrom('engagement_org_units as l').crossJoin('engagements as e').whereRef('e.id', '=', 'l.engagement_id').where('l.org_unit_id', 'in', ids));
    case 'staffIds':
      return over(db.selectFrom('engagement_staff as l').crossJoin('engagements as e').whereRef('e.id', '=', 'l.engagement_id').where('l.user_id', 'in', ids));
  }
}

/**
 * The other link filters are membership tests `e.id IN (SELECT engagement_id …)` over the reverse indexes,
 * combined with the date range on engagements_date. `IN` rather than a join: an engagement linked to two
 * departments of a faculty appears once.
 */
/** Date and id columns to filter and order on: the unit link's copies when a single unit drives the query. */
function orderColumns(driver: Driver | null) {
  const byUnit = driver?.key === 'orgUnitIds';
  return { date: sql.ref<string>(byUnit ? 'l.occurred_on' : 'e.occurred_on'), id: sql.ref<string>(byUnit ? 'l.engagement_id' : 'e.id') };
}

function filtered(db: Executor, institutionId: string, f: ListFilters) {
  const driver = driverOf(f);
  const { date } = orderColumns(driver);
  let q = source(db, driver).where('e.institution_id', '=', institutionId);
  if (f.from) q = q.where(date, '>=', f.from);
  if (f.to) q = q.where(date, '<=', f.to);
  if (f.typeId) q = q.where('e.type_id', '=', f.typeId);
  if (f.initiatedBy) q = q.where('e.initiated_by', '=', f.initiatedBy);
  const { orgUnitIds, personId, staffId, themeId, matching } = f;
  if (orgUnitIds && driver?.key !== 'orgUnitIds') {
    q = q.where((eb) => eb('e.id', 'in', eb.selectFrom('engagement_org_units').select('engagement_id').where('org_unit_id', 'in', orgUnitIds)));
  }
  if (personId && driver?.key !== 'personIds') {
    q = q.where((eb) => eb('e.id', 'in', eb.selectFrom('engagement_people').select('engagement_id').where('person_id', '=', personId)));
  }
  if (staffId && driver?.key !== 'staffIds') {
    q = q.where((eb) => eb('e.id', 'in', eb.selectFrom('engagement_staff').select('engagement_id').where('user_id', '=', staffId)));
  }
  if (themeId) q = q.where((eb) => eb('e.id', 'in', eb.selectFrom('engagement_themes').select('engagement_id').where('theme_id', '=', themeId)));
  const { goalId, campaignId } = f;
  if (goalId) q = q.where((eb) => eb('e.id', 'in', eb.selectFrom('engagement_goals').select('engagement_id').where('goal_id', '=', goalId)));
  if (campaignId) q = q.where((eb) => eb('e.id', 'in', eb.selectFrom('engagement_campaigns').select('engagement_id').where('campaign_id', '=', campaignId)));
  if (matching) q = q.where(sql<boolean>`e.id IN (${matching})`);
  return q;
}

/** One page, by offset (the JSON list) or after a cursor (the CSV export, where offsets grow slow). */
export function engagementPageQuery(db: Executor, institutionId: string, f: ListFilters, page: { offset: number; limit: number } | { after: Cursor | null; limit: number }) {
  const dir = f.order === 'asc' ? 'asc' : 'desc';
  const col = orderColumns(driverOf(f));
  let q = filtered(db, institutionId, f);
  if ('after' in page && page.after) {
    const { occurredOn, id } = page.after;
    q = q.where(sql<boolean>`(${col.date}, ${col.id}) ${sql.raw(dir === 'asc' ? '>' : '<')} (${occurredOn}, ${id})`);
  }
  const rows = q
    .innerJoin('vocab_terms as t', 't.id', 'e.type_id')
    .selectAll('e')
    .select('t.label as type_label')
    .orderBy(col.date, dir)
    .orderBy(col.id, dir)
    .limit(page.limit);
  return 'offset' in page ? rows.offset(page.offset) : rows;
}

export const listEngagementRows = (...args: Parameters<typeof engagementPageQuery>): Promise<EngagementRow[]> => engagementPageQuery(...args).execute();

export const countQuery = (db: Executor, institutionId: string, f: ListFilters) =>
  filtered(db, institutionId, f).select((eb) => eb.fn.countAll<number>().as('n'));

export async function countEngagements(db: Executor, institutionId: string, f: ListFilters): Promise<number> {
  const row = await countQuery(db, institutionId, f).executeTakeFirstOrThrow();
  return Number(row.n);
}

function grouped(rows: { engagement_id: string; id: string; label: string }[]): Map<string, Ref[]> {
  const map = new Map<string, Ref[]>();
  for (const r of rows) {
    const list = map.get(r.engagement_id) ?? [];
    list.push({ id: r.id, label: r.label });
    map.set(r.engagement_id, list);
  }
  return map;
}

/** The named links of a page of engagements: one query per link table, whatever the page size. */
export async function loadRelations(db: Executor, ids: string[]): Promise<Relations> {
  if (!ids.length) return { themes: new Map(), people: new Map(), staff: new Map(), orgUnits: new Map(), goals: new Map(), campaigns: new Map() };
  const themes = await db
    .selectFrom('engagement_themes as l').innerJoin('vocab_terms as v', 'v.id', 'l.theme_id')
    .select(['l.engagement_id', 'v.id', 'v.label']).where('l.engagement_id', 'in', ids)
    .orderBy('v.sort_order').orderBy('v.label').execute();
  const people = await db
    .selectFrom('engagement_people as l').innerJoin('people as p', 'p.id', 'l.person_id')
    .select(['l.engagement_id', 'p.id', 'p.name as label']).where('l.engagement_id', 'in', ids)
    .orderBy('p.name').orderBy('p.id').execute();
  const staff = await db
    .selectFrom('engagement_staff as l').innerJoin('users as u', 'u.id', 'l.user_id')
    .select(['l.engagement_id', 'u.id', 'u.name as label']).where('l.engagement_id', 'in', ids)
    .orderBy('u.name').orderBy('u.id').execute();
  const orgUnits = await db
    .selectFrom('engagement_org_units as l').innerJoin('org_units as o', 'o.id', 'l.org_unit_id')
    .select(['l.engagement_id', 'o.id', 'o.name as label']).where('l.engagement_id', 'in', ids)
    .orderBy('o.name').orderBy('o.id').execute();
  const goals = await db
    .selectFrom('engagement_goals as l').innerJoin('goals as g', 'g.id', 'l.goal_id')
    .select(['l.engagement_id', 'g.id', 'g.title as label']).where('l.engagement_id', 'in', ids)
    .orderBy('g.sort_order').orderBy('g.title').execute();
  const campaigns = await db
    .selectFrom('engagement_campaigns as l').innerJoin('campaigns as c', 'c.id', 'l.campaign_id')
    .select(['l.engagement_id', 'c.id', 'c.name as label']).where('l.engagement_id', 'in', ids)
    .orderBy('c.name').orderBy('c.id').execute();
  return { themes: grouped(themes), people: grouped(people), staff: grouped(staff), orgUnits: grouped(orgUnits), goals: grouped(goals), campaigns: grouped(campaigns) };
}
