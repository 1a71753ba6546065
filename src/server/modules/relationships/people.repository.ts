import { sql } from 'kysely';
import type { Dialect } from '../../db/dialect.ts';
import type { Executor } from '../../db/types.ts';

/* Person-level relationship queries: a person's signals, their contact count, who is losing touch. */

export async function personAggregates(db: Executor, personId: string, from: string, to: string) {
  const row = await db
    .selectFrom('engagement_people as ep')
    .innerJoin('engagements as e', 'e.id', 'ep.engagement_id')
    .innerJoin('vocab_terms as t', 't.id', 'e.type_id')
    .select((eb) => [
      eb.fn.countAll().as('n'),
      eb.fn.sum('t.weight').as('depth'),
      eb.fn.sum(sql<number>`CASE WHEN e.initiated_by = 'partner' THEN 1 ELSE 0 END`).as('partner'),
    ])
    .where('ep.person_id', '=', personId)
    .where('ep.occurred_on', '>=', from)
    .where('ep.occurred_on', '<=', to)
    .executeTakeFirst();
  const themes = await db
    .selectFrom('engagement_people as ep')
    .innerJoin('engagements as e', 'e.id', 'ep.engagement_id')
    .innerJoin('engagement_themes as et', 'et.engagement_id', 'e.id')
    .select((eb) => eb.fn.count('et.theme_id').distinct().as('n'))
    .where('ep.person_id', '=', personId)
    .where('ep.occurred_on', '>=', from)
    .where('ep.occurred_on', '<=', to)
    .executeTakeFirst();
  return { engagements: Number(row?.n ?? 0), depth: Number(row?.depth ?? 0), partner: Number(row?.partner ?? 0), themes: Number(themes?.n ?? 0) };
}

/** The last engagement with a person on or before a date (planned ones after it do not count). */
export async function lastEngagementWith(db: Executor, personId: string, onOrBefore: string): Promise<string | null> {
  const row = await db
    .selectFrom('engagement_people as ep')
    .select((eb) => eb.fn.max('ep.occurred_on').as('d'))
    .where('ep.person_id', '=', personId)
    .where('ep.occurred_on', '<=', onOrBefore)
    .executeTakeFirst();
  return row?.d ?? null;
}

/** Library-initiated engagements with each person in [from, to]. */
export async function libraryContacts(db: Executor, personIds: string[], from: string, to: string): Promise<Map<string, number>> {
  if (!personIds.length) return new Map();
  const rows = await db
    .selectFrom('engagement_people as ep')
    .innerJoin('engagements as e', 'e.id', 'ep.engagement_id')
    .select((eb) => ['ep.person_id', eb.fn.countAll().as('n')])
    .where('ep.person_id', 'in', personIds)
    .where('e.initiated_by', '=', 'library')
    .where('ep.occurred_on', '>=', from)
    .where('ep.occurred_on', '<=', to)
    .groupBy('ep.person_id')
    .execute();
  return new Map(rows.map((r) => [r.person_id, Number(r.n)]));
}

/** Units a user covers today, with every department below a covered faculty (cover is inherited downwards). */
export async function unitsCoveredBy(db: Executor, institutionId: string, userId: string, today: string): Promise<string[]> {
  const rows = await sql<{ id: string }>`
    WITH RECURSIVE covered(id) AS (
      SELECT c.org_unit_id FROM coverage c
      WHERE c.institution_id = ${institutionId} AND c.user_id = ${userId}
        AND (c.start_date IS NULL OR c.start_date <= ${today}) AND (c.end_date IS NULL OR c.end_date >= ${today})
      UNION
      SELECT o.id FROM org_units o JOIN covered ON o.parent_id = covered.id WHERE o.institution_id = ${institutionId}
    )
    SELECT o.id FROM org_units o JOIN covered ON covered.id = o.id WHERE o.status = 'active'`.execute(db);
  return rows.rows.map((r) => r.id);
}

/**
 * People past their stay-in-touch date, most overdue first. The due date is the last engagement (or,
 * never engaged, the day they were added) plus their interval; `unitIds` limits them to people with
 * a current position at one of those units (e.g. the units a librarian covers).
 */
export function losingTouch(db: Executor, dialect: Dialect, institutionId: string, today: string, unitIds?: string[]) {
  const base = db
    .selectFrom('people as p')
    .select((eb) => [
      'p.id', 'p.name', 'p.is_champion', 'p.stay_in_touch_days', 'p.created_at',
      eb.selectFrom('engagement_people as ep')
        .select((e) => e.fn.max('ep.occurred_on').as('d')).whereRef('ep.person_id', '=', 'p.id').where('ep.occurred_on', '<=', today).as('last_on'),
    ])
    .where('p.institution_id', '=', institutionId)
    .where('p.stay_in_touch_days', 'is not', null)
    .$if(unitIds !== undefined, (q) =>
      q.where('p.id', 'in', (eb) =>
        eb.selectFrom('positions as pos').select('pos.person_id')
          .where('pos.org_unit_id', 'in', unitIds?.length ? unitIds : [''])
          .where((e) => e.or([e('pos.end_date', 'is', null), e('pos.end_date', '>=', today)])),
      ),
    );
  const withDue = db
    .selectFrom(base.as('x'))
    .selectAll('x')
    .select(dialect.addDays(sql`COALESCE(x.last_on, substr(x.created_at, 1, 10))`, sql.ref('x.stay_in_touch_days')).as('due_on'));
  return db.selectFrom(withDue.as('y')).selectAll('y').where('y.due_on', '<', today);
}
