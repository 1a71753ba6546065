import { sql } from 'kysely';
import type { CaptureItemOrgUnitTable, CaptureItemPersonTable, CaptureItemTable, CaptureStatus, Executor } from '../../db/types.ts';

/** Rows per multi-row statement: well under both databases' bound-parameter limits. */
const CHUNK = 200;
export function chunks<T>(list: T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

export type ItemRow = CaptureItemTable & { owner_name: string; owner_team_id: string | null };

/** An active member of staff by address (user emails are stored lower case and unique across institutions). */
export const activeUserByEmail = (db: Executor, email: string) =>
  db.selectFrom('users').select(['id', 'institution_id', 'role', 'email', 'name']).where('email', '=', email.toLowerCase()).where('active', '=', 1).executeTakeFirst();

export const userRow = (db: Executor, institutionId: string, id: string) =>
  db.selectFrom('users').select(['id', 'email', 'team_id']).where('institution_id', '=', institutionId).where('id', '=', id).executeTakeFirstOrThrow();

/** People of this institution by address, whatever case either side is written in. */
export async function peopleByAddress(db: Executor, institutionId: string, addresses: string[]) {
  const found = new Map<string, { id: string; name: string }>();
  for (const part of chunks(addresses, 500)) {
    const rows = await db.selectFrom('people').select(['id', 'name', sql<string>`lower(email)`.as('address')])
      .where('institution_id', '=', institutionId).where(sql<string>`lower(email)`, 'in', part).execute();
    for (const r of rows) found.set(r.address, { id: r.id, name: r.name });
  }
  return found;
}

/** The people's positions at active departments, for "which department was this with" on a given date. */
export async function positionsOf(db: Executor, institutionId: string, personIds: string[]) {
  const rows: { person_id: string; org_unit_id: string; start_date: string | null; end_date: string | null }[] = [];
  for (const part of chunks([...new Set(personIds)], 500)) {
    rows.push(...await db.selectFrom('positions as p').innerJoin('org_units as u', 'u.id', 'p.org_unit_id')
      .select(['p.person_id', 'p.org_unit_id', 'p.start_date', 'p.end_date'])
      .where('p.institution_id', '=', institutionId).where('u.status', '=', 'active').where('p.person_id', 'in', part).execute());
  }
  return rows;
}

export type Positions = Awaited<ReturnType<typeof positionsOf>>;

/** The departments the people held a position at on `date` (YYYY-MM-DD), each once. */
export const unitsOn = (positions: Positions, personIds: string[], date: string): string[] =>
  [...new Set(positions.filter((p) => personIds.includes(p.person_id) && (!p.start_date || p.start_date <= date) && (!p.end_date || p.end_date >= date)).map((p) => p.org_unit_id))].sort();

export async function knownUids(db: Executor, institutionId: string, kind: CaptureItemTable['kind'], uids: string[]): Promise<Set<string>> {
  const known = new Set<string>();
  for (const part of chunks(uids, 500)) {
    const rows = await db.selectFrom('capture_items').select('external_uid').where('institution_id', '=', institutionId).where('kind', '=', kind).where('external_uid', 'in', part).execute();
    for (const r of rows) known.add(r.external_uid);
  }
  return known;
}

/** Inserts what is new; an item another upload added a moment ago is left alone. Returns the ids written. */
export async function insertItems(db: Executor, rows: CaptureItemTable[]): Promise<Set<string>> {
  const written = new Set<string>();
  for (const part of chunks(rows)) {
    const got = await db.insertInto('capture_items').values(part)
      .onConflict((oc) => oc.columns(['institution_id', 'kind', 'external_uid']).doNothing()).returning('id').execute();
    for (const r of got) written.add(r.id);
  }
  return written;
}

export async function insertPeople(db: Executor, rows: CaptureItemPersonTable[]) {
  for (const part of chunks(rows)) await db.insertInto('capture_item_people').values(part).onConflict((oc) => oc.columns(['item_id', 'person_id']).doNothing()).execute();
}

export async function replaceUnits(db: Executor, itemId: string, rows: CaptureItemOrgUnitTable[]) {
  await db.deleteFrom('capture_item_org_units').where('item_id', '=', itemId).execute();
  if (rows.length) await db.insertInto('capture_item_org_units').values(rows).execute();
}

export async function insertUnits(db: Executor, rows: CaptureItemOrgUnitTable[]) {
  for (const part of chunks(rows)) await db.insertInto('capture_item_org_units').values(part).execute();
}

/** Whose items a reader may see: their own, or (null) everyone's, or the members of one team. */
export type OwnerScope = { ownerId: string } | { teamId: string } | null;

function scoped(db: Executor, institutionId: string, scope: OwnerScope) {
  let q = db.selectFrom('capture_items as c').innerJoin('users as o', 'o.id', 'c.owner_id').where('c.institution_id', '=', institutionId);
  if (scope && 'ownerId' in scope) q = q.where('c.owner_id', '=', scope.ownerId);
  if (scope && 'teamId' in scope) q = q.where('o.team_id', '=', scope.teamId);
  return q;
}

export async function listItems(db: Executor, institutionId: string, scope: OwnerScope, status: CaptureStatus | undefined, offset: number, limit: number) {
  let q = scoped(db, institutionId, scope);
  if (status) q = q.where('c.status', '=', status);
  const [rows, count] = await Promise.all([
    q.selectAll('c').select(['o.name as owner_name', 'o.team_id as owner_team_id'])
      .orderBy('c.occurred_on', 'desc').orderBy('c.starts_at', 'desc').orderBy('c.id', 'desc').offset(offset).limit(limit).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows: rows as ItemRow[], total: Number(count.n) };
}

export const getItem = (db: Executor, institutionId: string, id: string) =>
  scoped(db, institutionId, null).selectAll('c').select(['o.name as owner_name', 'o.team_id as owner_team_id']).where('c.id', '=', id)
    .executeTakeFirst() as Promise<ItemRow | undefined>;

/** Moves an item on only from the status it was read in, so two clicks cannot both win. */
export async function moveItem(db: Executor, institutionId: string, id: string, from: CaptureStatus[], patch: Partial<CaptureItemTable>): Promise<boolean> {
  const r = await db.updateTable('capture_items').set(patch).where('institution_id', '=', institutionId).where('id', '=', id).where('status', 'in', from).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function linksOf(db: Executor, itemIds: string[]) {
  if (!itemIds.length) return { people: [], units: [] };
  const [people, units] = await Promise.all([
    db.selectFrom('capture_item_people as l').innerJoin('people as p', 'p.id', 'l.person_id')
      .select(['l.item_id', 'p.id', 'p.name', 'l.matched_by', 'l.address']).where('l.item_id', 'in', itemIds).orderBy('p.name').execute(),
    db.selectFrom('capture_item_org_units as l').innerJoin('org_units as u', 'u.id', 'l.org_unit_id')
      .select(['l.item_id', 'u.id', 'u.name']).where('l.item_id', 'in', itemIds).orderBy('u.name').execute(),
  ]);
  return { people, units };
}
export type Links = Awaited<ReturnType<typeof linksOf>>;

/** The engagement types "Log this engagement" uses: Meeting for meetings, Email for messages. */
export async function suggestedTypes(db: Executor, institutionId: string) {
  const rows = await db.selectFrom('vocab_terms').select(['id', 'key', 'label']).where('institution_id', '=', institutionId)
    .where('kind', '=', 'engagement_type').where('active', '=', 1).where('key', 'in', ['meeting', 'email']).execute();
  const of = (key: string) => rows.find((r) => r.key === key) ?? null;
  return { meeting: of('meeting'), message: of('email') };
}
