import type { Executor, NudgeStateTable } from '../../db/types.ts';

/* The queries behind the nudges feed; each answers for many units or people at once. */

export function activeDepartments(db: Executor, institutionId: string, within?: string[]) {
  let q = db.selectFrom('org_units').select(['id', 'name']).where('institution_id', '=', institutionId).where('type', '=', 'department').where('status', '=', 'active');
  if (within) q = q.where('id', 'in', within.length ? within : ['']);
  return q.orderBy('name').execute();
}

/** Units with no engagement from `since` up to `today` (planned ones after today do not count). */
export async function notEngagedSince(db: Executor, unitIds: string[], since: string, today: string) {
  if (!unitIds.length) return [];
  return db
    .selectFrom('org_units as o')
    .select((eb) => [
      'o.id', 'o.name',
      eb.selectFrom('engagement_org_units as u').select((e) => e.fn.max('u.occurred_on').as('d')).whereRef('u.org_unit_id', '=', 'o.id').where('u.occurred_on', '<=', today).as('last_on'),
    ])
    .where('o.id', 'in', unitIds)
    .where((eb) => eb.not(eb.exists(
      eb.selectFrom('engagement_org_units as u').select('u.engagement_id').whereRef('u.org_unit_id', '=', 'o.id').where('u.occurred_on', '>=', since).where('u.occurred_on', '<=', today),
    )))
    .orderBy('o.name')
    .execute();
}

/** Units whose engagements in [from, to] involved exactly one member of staff: that relationship rests on one person. */
export async function singleStaffUnits(db: Executor, unitIds: string[], from: string, to: string) {
  if (!unitIds.length) return [];
  return db
    .selectFrom('engagement_org_units as u')
    .innerJoin('engagement_staff as s', 's.engagement_id', 'u.engagement_id')
    .innerJoin('org_units as o', 'o.id', 'u.org_unit_id')
    .innerJoin('users as usr', 'usr.id', 's.user_id')
    .select((eb) => ['u.org_unit_id', 'o.name', eb.fn.min('usr.name').as('staff_name'), eb.fn.count('u.engagement_id').distinct().as('n')])
    .where('u.org_unit_id', 'in', unitIds)
    .where('u.occurred_on', '>=', from)
    .where('u.occurred_on', '<=', to)
    .groupBy(['u.org_unit_id', 'o.name'])
    .having((eb) => eb.fn.count('s.user_id').distinct(), '=', 1)
    .execute();
}

/** People with a library-initiated engagement in [from, to], limited to some people when asked. */
export async function recentlyContacted(db: Executor, institutionId: string, from: string, to: string, personIds?: string[]) {
  let q = db
    .selectFrom('people as p')
    .select(['p.id', 'p.name', 'p.contact_cap', 'p.contact_cap_days'])
    .where('p.institution_id', '=', institutionId)
    .where('p.id', 'in', (eb) =>
      eb.selectFrom('engagement_people as ep').innerJoin('engagements as e', 'e.id', 'ep.engagement_id').select('ep.person_id')
        .where('e.institution_id', '=', institutionId).where('e.initiated_by', '=', 'library').where('e.occurred_on', '>=', from).where('e.occurred_on', '<=', to));
  if (personIds) q = q.where('p.id', 'in', personIds.length ? personIds : ['']);
  return q.execute();
}

/** People with a current position at any of these units. */
export async function peopleAt(db: Executor, unitIds: string[], today: string): Promise<string[]> {
  if (!unitIds.length) return [];
  const rows = await db.selectFrom('positions').select('person_id').distinct().where('org_unit_id', 'in', unitIds)
    .where((e) => e.or([e('end_date', 'is', null), e('end_date', '>=', today)])).execute();
  return rows.map((r) => r.person_id);
}

export function states(db: Executor, userId: string) {
  return db.selectFrom('nudge_states').selectAll().where('user_id', '=', userId).execute();
}

/** One state per user and nudge: a new snooze or dismissal replaces the last. */
export async function saveState(db: Executor, row: NudgeStateTable) {
  await db.deleteFrom('nudge_states').where('user_id', '=', row.user_id).where('nudge_key', '=', row.nudge_key).execute();
  await db.insertInto('nudge_states').values(row).execute();
}
