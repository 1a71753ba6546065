import { sql } from 'kysely';
import type { Executor, MaturityLevel } from '../../db/types.ts';
import { fold } from '../../lib/text.ts';
import { positionTitles } from '../partnership/compliance.repository.ts';

/**
 * The signal aggregates, every one a GROUP BY over an index range (unit links carry date, type and
 * initiator; breadth reads the per-year summaries), so all departments' signals cost a few index
 * scans, never a walk over engagement rows in JS.
 */
export interface Window {
  from: string;
  to: string;
  /** the academic years (start calendar years) the window touches */
  years: number[];
  /** today, for "current" positions */
  today: string;
}

export interface UnitAggregates {
  engagements: number;
  depth: number;
  partner: number;
  people: number;
  keyPeople: number;
  themes: number;
  lastEngagementOn: string | null;
  maturity: MaturityLevel | null;
  maturityOn: string | null;
}

export interface UnitRow {
  id: string;
  name: string;
  code: string | null;
  parent_id: string | null;
  parent_name: string | null;
}

/** Active departments (optionally within some ids), with their parent's name. */
export function departments(db: Executor, institutionId: string, withinIds?: string[]) {
  let q = db
    .selectFrom('org_units as o')
    .leftJoin('org_units as p', 'p.id', 'o.parent_id')
    .select(['o.id', 'o.name', 'o.code', 'o.parent_id', 'p.name as parent_name'])
    .where('o.institution_id', '=', institutionId)
    .where('o.type', '=', 'department')
    .where('o.status', '=', 'active');
  if (withinIds) q = q.where('o.id', 'in', withinIds.length ? withinIds : ['']);
  return q.orderBy('o.name').execute() as Promise<UnitRow[]>;
}

export function unitRow(db: Executor, institutionId: string, id: string) {
  return db
    .selectFrom('org_units as o')
    .leftJoin('org_units as p', 'p.id', 'o.parent_id')
    .select(['o.id', 'o.name', 'o.code', 'o.parent_id', 'p.name as parent_name'])
    .where('o.institution_id', '=', institutionId)
    .where('o.id', '=', id)
    .executeTakeFirst() as Promise<UnitRow | undefined>;
}

/**
 * A position is "key" when its title contains one of the institution's key titles, folded. The
 * institution's distinct titles are few, so they are matched here in JS once, not per position row.
 */
export async function keyTitlesIn(db: Executor, institutionId: string, keyTitles: string[]): Promise<string[]> {
  const wanted = keyTitles.map(fold).filter(Boolean);
  if (!wanted.length) return [];
  return (await positionTitles(db, institutionId)).filter((t) => wanted.some((w) => fold(t).includes(w)));
}

const num = (v: unknown): number => Number(v ?? 0);

export async function unitAggregates(db: Executor, institutionId: string, unitIds: string[], w: Window, keyTitles: string[]): Promise<Map<string, UnitAggregates>> {
  const out = new Map<string, UnitAggregates>();
  if (!unitIds.length) return out;
  for (const id of unitIds) {
    out.set(id, { engagements: 0, depth: 0, partner: 0, people: 0, keyPeople: 0, themes: 0, lastEngagementOn: null, maturity: null, maturityOn: null });
  }
  const at = (id: string) => out.get(id) as UnitAggregates;

  // the type weights are a dozen numbers: inlined as a CASE, so the scan never leaves the covering index
  const weights = await db.selectFrom('vocab_terms').select(['id', 'weight']).where('institution_id', '=', institutionId).where('kind', '=', 'engagement_type').execute();
  const weightOf = weights.length
    ? sql<number>`CASE u.type_id ${sql.join(weights.map((t) => sql`WHEN ${t.id} THEN CAST(${t.weight} AS real)`), sql` `)} ELSE 0 END`
    : sql<number>`0`;
  const counts = await db
    .selectFrom('engagement_org_units as u')
    .select((eb) => [
      'u.org_unit_id',
      eb.fn.countAll().as('n'),
      eb.fn.sum(weightOf).as('depth'),
      eb.fn.sum(sql<number>`CASE WHEN u.initiated_by = 'partner' THEN 1 ELSE 0 END`).as('partner'),
    ])
    // the units are the institution's (the caller resolved them), so the index alone answers
    .where('u.org_unit_id', 'in', unitIds)
    .where('u.occurred_on', '>=', w.from)
    .where('u.occurred_on', '<=', w.to)
    .groupBy('u.org_unit_id')
    .execute();
  for (const r of counts) Object.assign(at(r.org_unit_id), { engagements: num(r.n), depth: num(r.depth), partner: num(r.partner) });

  // exact for every window the signals use: see summaries.ts
  const breadth = (table: 'unit_person_years' | 'unit_theme_years', column: 'person_id' | 'theme_id') =>
    db
      .selectFrom(`${table} as y` as 'unit_person_years as y')
      .where('y.org_unit_id', 'in', unitIds)
      .where('y.ay', 'in', w.years)
      .where('y.first_on', '<=', w.to)
      .where('y.last_on', '>=', w.from)
      .groupBy('y.org_unit_id')
      .select((eb) => ['y.org_unit_id', eb.fn.count(sql.ref(`y.${column}`)).distinct().as('n')]);
  for (const r of await breadth('unit_person_years', 'person_id').execute()) at(r.org_unit_id).people = num(r.n);
  for (const r of await breadth('unit_theme_years', 'theme_id').execute()) at(r.org_unit_id).themes = num(r.n);
  // the key people are found once (a scan of positions by title), not once per summary row
  const titles = await keyTitlesIn(db, institutionId, keyTitles);
  const key = titles.length
    ? await breadth('unit_person_years', 'person_id')
      .where('y.person_id', 'in', (eb) =>
        eb.selectFrom('positions as p').select('p.person_id')
          .where('p.institution_id', '=', institutionId)
          .where('p.title', 'in', titles)
          .where((e) => e.or([e('p.end_date', 'is', null), e('p.end_date', '>=', w.today)])),
      )
      .execute()
    : [];
  for (const r of key) at(r.org_unit_id).keyPeople = num(r.n);

  // one index seek per unit for the latest engagement and the latest assessment
  const latest = await db
    .selectFrom('org_units as o')
    .select((eb) => [
      'o.id',
      eb.selectFrom('engagement_org_units as u').select((e) => e.fn.max('u.occurred_on').as('d')).whereRef('u.org_unit_id', '=', 'o.id').where('u.occurred_on', '<=', w.to).as('last_on'),
      eb.selectFrom('maturity_assessments as m').select('m.level').whereRef('m.org_unit_id', '=', 'o.id').where('m.assessed_on', '<=', w.to)
        .orderBy('m.assessed_on', 'desc').orderBy('m.id', 'desc').limit(1).as('level'),
      eb.selectFrom('maturity_assessments as m').select('m.assessed_on').whereRef('m.org_unit_id', '=', 'o.id').where('m.assessed_on', '<=', w.to)
        .orderBy('m.assessed_on', 'desc').orderBy('m.id', 'desc').limit(1).as('level_on'),
    ])
    .where('o.institution_id', '=', institutionId)
    .where('o.id', 'in', unitIds)
    .execute();
  for (const r of latest) Object.assign(at(r.id), { lastEngagementOn: r.last_on ?? null, maturity: (r.level) ?? null, maturityOn: r.level_on ?? null });
  return out;
}
