import { sql } from 'kysely';
import { academicYearStart } from '../../../shared/academic-year.ts';
import type { Executor, InstitutionTable } from '../../db/types.ts';

/**
 * The per unit × person and unit × theme × academic-year summaries (migration 0005) behind the
 * breadth signals. Exactness: a window [from, to] that is an academic year, or starts or ends on an
 * academic-year boundary, meets each year's row either whole or at one end, so "engaged in the
 * window" is `first_on <= to AND last_on >= from` on that row — true exactly when some engagement
 * of that year lies in the window. Every window the signals use has that shape.
 */
export type YearSettings = Pick<InstitutionTable, 'id' | 'academic_year_start_month' | 'academic_year_start_day'>;

export const academicYearNumber = (date: string, inst: YearSettings): number =>
  Number(academicYearStart(date, inst.academic_year_start_month, inst.academic_year_start_day).slice(0, 4));

const mmdd = (inst: YearSettings) => `${String(inst.academic_year_start_month).padStart(2, '0')}-${String(inst.academic_year_start_day).padStart(2, '0')}`;

/** The academic year of a link's date, in portable SQL (grouped on by position: PostgreSQL cannot match parameterised expressions). */
const ayExpr = (inst: YearSettings) =>
  sql<number>`CASE WHEN substr(u.occurred_on, 6, 5) >= ${mmdd(inst)} THEN CAST(substr(u.occurred_on, 1, 4) AS integer) ELSE CAST(substr(u.occurred_on, 1, 4) AS integer) - 1 END`;

type Kind = { table: 'unit_person_years'; link: 'engagement_people'; column: 'person_id' } | { table: 'unit_theme_years'; link: 'engagement_themes'; column: 'theme_id' };
const kinds: Kind[] = [
  { table: 'unit_person_years', link: 'engagement_people', column: 'person_id' },
  { table: 'unit_theme_years', link: 'engagement_themes', column: 'theme_id' },
];

export interface Touched {
  unitIds: string[];
  personIds: string[];
  themeIds: string[];
  /** the engagement's dates before and after the change */
  dates: string[];
}

/** Recomputes the summary rows a write may have changed: its units × people (and themes) in the years of its dates. */
export async function refreshSummaries(db: Executor, inst: YearSettings, t: Touched): Promise<void> {
  if (!t.unitIds.length) return;
  // Writers touching the same unit, person and year would each delete and re-insert its row: take
  // the institution's row lock first so they queue (PostgreSQL; SQLite already has one writer).
  await db.updateTable('institutions').set((eb) => ({ updated_at: eb.ref('updated_at') })).where('id', '=', inst.id).execute();
  const years = [...new Set(t.dates.map((d) => academicYearNumber(d, inst)))];
  for (const k of kinds) {
    const ids = k.column === 'person_id' ? t.personIds : t.themeIds;
    if (!ids.length) continue;
    for (const ay of years) {
      await db.deleteFrom(k.table).where('org_unit_id', 'in', t.unitIds).where('ay', '=', ay).where(k.column, 'in', ids).execute();
      const start = `${ay}-${mmdd(inst)}`;
      const next = `${ay + 1}-${mmdd(inst)}`;
      await sql`INSERT INTO ${sql.table(k.table)} (institution_id, org_unit_id, ${sql.ref(k.column)}, ay, first_on, last_on, engagements)
        SELECT ${inst.id}, u.org_unit_id, l.${sql.ref(k.column)}, CAST(${ay} AS integer), MIN(u.occurred_on), MAX(u.occurred_on), COUNT(*)
        FROM engagement_org_units u JOIN ${sql.table(k.link)} l ON l.engagement_id = u.engagement_id
        WHERE u.org_unit_id IN (${sql.join(t.unitIds)}) AND u.occurred_on >= ${start} AND u.occurred_on < ${next}
          AND l.${sql.ref(k.column)} IN (${sql.join(ids)})
        GROUP BY u.org_unit_id, l.${sql.ref(k.column)}`.execute(db);
    }
  }
}

/** Rebuilds one institution's summaries from the engagement links: after seeding, or when its academic year changes. */
export async function rebuildSummaries(db: Executor, inst: YearSettings): Promise<void> {
  for (const k of kinds) {
    await db.deleteFrom(k.table).where('institution_id', '=', inst.id).execute();
    await sql`INSERT INTO ${sql.table(k.table)} (institution_id, org_unit_id, ${sql.ref(k.column)}, ay, first_on, last_on, engagements)
      SELECT ${inst.id}, u.org_unit_id, l.${sql.ref(k.column)}, ${ayExpr(inst)}, MIN(u.occurred_on), MAX(u.occurred_on), COUNT(*)
      FROM engagement_org_units u JOIN ${sql.table(k.link)} l ON l.engagement_id = u.engagement_id
      WHERE u.institution_id = ${inst.id}
      GROUP BY u.org_unit_id, l.${sql.ref(k.column)}, 4`.execute(db);
  }
}
