import { sql, type ExpressionBuilder } from 'kysely';
import type { Database, Executor, OrgUnitType } from '../../db/types.ts';

/*
 * Training user hours for SCONUL: grouped sums over engagements of the counted types in one academic
 * year. Every query filters by institution. Sums come back as strings from PostgreSQL: the caller casts.
 */

export interface Window {
  typeIds: string[];
  /** inclusive YYYY-MM-DD */
  from: string;
  to: string;
  /** byOrgUnit only: just these units (one department's report), else every linked unit */
  orgUnitIds?: string[];
}

/** The figures every grouping returns, before rounding. */
export interface RawFigures {
  sessions: number;
  attendees: number;
  minutes: number;
  missing: number;
}

const num = (v: unknown) => (v === null || v === undefined ? 0 : Number(v));
const figures = (r: { sessions: unknown; attendees: unknown; minutes: unknown; missing: unknown }): RawFigures =>
  ({ sessions: num(r.sessions), attendees: num(r.attendees), minutes: num(r.minutes), missing: num(r.missing) });

// an engagement without attendance or duration adds no hours; counted so the librarian can complete it
const incomplete = (t: 'e' | 's') => sql<number | string | null>`sum(CASE WHEN ${sql.ref(`${t}.attendance`)} IS NULL OR ${sql.ref(`${t}.duration_minutes`)} IS NULL THEN 1 ELSE 0 END)`;

/** This institution's engagement types among `ids` (retired ones too: past years used them). */
export const typesByIds = (db: Executor, institutionId: string, ids: string[]) =>
  db.selectFrom('vocab_terms').select(['id', 'key', 'label', 'sort_order'])
    .where('institution_id', '=', institutionId).where('kind', '=', 'engagement_type').where('id', 'in', ids)
    .orderBy('sort_order').orderBy('label').execute();

export const typesByKeys = (db: Executor, institutionId: string, keys: readonly string[]) =>
  db.selectFrom('vocab_terms').select(['id', 'key', 'label', 'sort_order'])
    .where('institution_id', '=', institutionId).where('kind', '=', 'engagement_type').where('key', 'in', [...keys])
    .orderBy('sort_order').orderBy('label').execute();

/** Counted engagements: the institution's, of these types, in the window (the engagements_date index). */
function counted(db: Executor, institutionId: string, w: Window) {
  return db.selectFrom('engagements as e')
    .where('e.institution_id', '=', institutionId).where('e.type_id', 'in', w.typeIds)
    .where('e.occurred_on', '>=', w.from).where('e.occurred_on', '<=', w.to);
}

const linked = (eb: ExpressionBuilder<Database & { e: Database['engagements'] }, 'e'>, institutionId: string) =>
  eb.exists(eb.selectFrom('engagement_org_units as x').select('x.engagement_id').whereRef('x.engagement_id', '=', 'e.id').where('x.institution_id', '=', institutionId));

/** Every counted engagement once: the SCONUL total. */
export async function totals(db: Executor, institutionId: string, w: Window): Promise<RawFigures> {
  const r = await counted(db, institutionId, w)
    .select((eb) => [
      eb.fn.countAll<number | string>().as('sessions'),
      eb.fn.sum<number | string | null>('e.attendance').as('attendees'),
      sql<number | string | null>`sum(e.attendance * e.duration_minutes)`.as('minutes'),
      incomplete('e').as('missing'),
    ])
    .executeTakeFirstOrThrow();
  return figures(r);
}

/** Counted engagements linked to no org unit (logged against people only). */
export async function unlinkedTotals(db: Executor, institutionId: string, w: Window): Promise<RawFigures> {
  const r = await counted(db, institutionId, w)
    .where((eb) => eb.not(linked(eb, institutionId)))
    .select((eb) => [
      eb.fn.countAll<number | string>().as('sessions'),
      eb.fn.sum<number | string | null>('e.attendance').as('attendees'),
      sql<number | string | null>`sum(e.attendance * e.duration_minutes)`.as('minutes'),
      incomplete('e').as('missing'),
    ])
    .executeTakeFirstOrThrow();
  return figures(r);
}

export interface UnitFigures extends RawFigures {
  orgUnitId: string;
  name: string;
  type: OrgUnitType;
}

/**
 * Per linked org unit: each counted engagement is a session there (and a missing one when incomplete);
 * its attendance and attendee-minutes are divided by how many units it is linked to, so the units' hours
 * add up to the total rather than double-counting. Grouped in the database.
 */
export async function byOrgUnit(db: Executor, institutionId: string, w: Window): Promise<UnitFigures[]> {
  const shares = counted(db, institutionId, w)
    .innerJoin('engagement_org_units as l', (j) => j.onRef('l.engagement_id', '=', 'e.id').on('l.institution_id', '=', institutionId))
    // for chosen units the link table's copies of type and date let the (org_unit_id, type_id, occurred_on)
    // index find their engagements, rather than reading every counted engagement of the year
    .$if(w.orgUnitIds !== undefined, (q) => q.where('l.org_unit_id', 'in', w.orgUnitIds?.length ? w.orgUnitIds : [''])
      .where('l.type_id', 'in', w.typeIds).where('l.occurred_on', '>=', w.from).where('l.occurred_on', '<=', w.to))
    .select((eb) => [
      'l.org_unit_id', 'e.attendance', 'e.duration_minutes',
      // how many units share the engagement: a seek on the link table's primary key (engagement_id, org_unit_id)
      eb.selectFrom('engagement_org_units as x').select((x) => x.fn.countAll<number>().as('n')).whereRef('x.engagement_id', '=', 'e.id')
        .where('x.institution_id', '=', institutionId).as('units'),
    ])
    .as('s');
  const rows = await db.selectFrom(shares)
    .innerJoin('org_units as o', (j) => j.onRef('o.id', '=', 's.org_unit_id').on('o.institution_id', '=', institutionId))
    .select((eb) => [
      's.org_unit_id', 'o.name', 'o.type',
      eb.fn.countAll<number | string>().as('sessions'),
      // * 1.0 before dividing: integer division would truncate on both databases
      sql<number | string | null>`sum(s.attendance * 1.0 / s.units)`.as('attendees'),
      sql<number | string | null>`sum(s.attendance * s.duration_minutes * 1.0 / s.units)`.as('minutes'),
      incomplete('s').as('missing'),
    ])
    .groupBy(['s.org_unit_id', 'o.name', 'o.type'])
    .execute();
  return rows.map((r) => ({ orgUnitId: r.org_unit_id, name: r.name, type: r.type, ...figures(r) }));
}
