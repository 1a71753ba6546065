import { sql, type Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations run on an untyped Kysely */

/**
 * What the relationship signals read, shaped so every department's signals over a year come from
 * index scans rather than a million row lookups (issue 4's 300 ms budget at scale):
 * - unit links also carry the engagement's type and initiator, and the (unit, date) index covers them;
 * - per unit, person (or theme) and academic year: the first and last engagement dates and a count.
 *   "Engaged in a window" is exact from these because every window the signals use either is an
 *   academic year or starts or ends on an academic-year boundary (see relationships/summaries.ts).
 * The engagements service keeps all of it in step on every write.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('engagement_org_units').addColumn('type_id', 'text').execute();
  await db.schema.alterTable('engagement_org_units').addColumn('initiated_by', 'text').execute();
  await sql`UPDATE engagement_org_units SET
    type_id = (SELECT e.type_id FROM engagements e WHERE e.id = engagement_org_units.engagement_id),
    initiated_by = (SELECT e.initiated_by FROM engagements e WHERE e.id = engagement_org_units.engagement_id)`.execute(db);
  await db.schema.dropIndex('engagement_org_units_unit_date').execute();
  await db.schema.createIndex('engagement_org_units_unit_date').on('engagement_org_units')
    .columns(['org_unit_id', 'occurred_on', 'engagement_id', 'type_id', 'initiated_by']).execute();

  // person links carry the date too: "last engagement with each person" (stay in touch) is one seek per person
  await db.schema.alterTable('engagement_people').addColumn('occurred_on', 'text').execute();
  await sql`UPDATE engagement_people SET occurred_on = (SELECT e.occurred_on FROM engagements e WHERE e.id = engagement_people.engagement_id)`.execute(db);
  await db.schema.createIndex('engagement_people_person_date').on('engagement_people').columns(['person_id', 'occurred_on', 'engagement_id']).execute();
  // a key activity's first engagement of a type (partnership compliance) without walking the unit's history
  await db.schema.createIndex('engagement_org_units_unit_type').on('engagement_org_units').columns(['org_unit_id', 'type_id', 'occurred_on', 'engagement_id']).execute();
  // milestones are few among many engagements: a department's journey finds them without reading the rest
  await db.schema.createIndex('engagements_milestones').on('engagements').columns(['institution_id', 'occurred_on']).where(sql.ref('milestone'), 'is not', null).execute();

  for (const [table, column] of [['unit_person_years', 'person_id'], ['unit_theme_years', 'theme_id']] as const) {
    await db.schema
      .createTable(table)
      .addColumn('institution_id', 'text', (c) => c.notNull())
      .addColumn('org_unit_id', 'text', (c) => c.notNull())
      .addColumn(column, 'text', (c) => c.notNull())
      /** the calendar year the academic year starts in */
      .addColumn('ay', 'integer', (c) => c.notNull())
      .addColumn('first_on', 'text', (c) => c.notNull())
      .addColumn('last_on', 'text', (c) => c.notNull())
      .addColumn('engagements', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint(`${table}_pk`, ['org_unit_id', 'ay', column])
      .execute();
    // covers the breadth query (unit, year, then the window test) without reading the table
    await db.schema.createIndex(`${table}_window`).on(table).columns(['org_unit_id', 'ay', 'first_on', 'last_on', column]).execute();
    const link = table === 'unit_person_years' ? 'engagement_people' : 'engagement_themes';
    // the academic year of a date, from the institution's start month and day, in portable SQL
    await sql`INSERT INTO ${sql.table(table)} (institution_id, org_unit_id, ${sql.ref(column)}, ay, first_on, last_on, engagements)
      SELECT u.institution_id, u.org_unit_id, l.${sql.ref(column)},
        CASE WHEN substr(u.occurred_on, 6, 5) >= (CASE WHEN i.academic_year_start_month < 10 THEN '0' ELSE '' END)
            || CAST(i.academic_year_start_month AS text) || '-' || (CASE WHEN i.academic_year_start_day < 10 THEN '0' ELSE '' END)
            || CAST(i.academic_year_start_day AS text)
          THEN CAST(substr(u.occurred_on, 1, 4) AS integer) ELSE CAST(substr(u.occurred_on, 1, 4) AS integer) - 1 END AS ay,
        MIN(u.occurred_on), MAX(u.occurred_on), COUNT(*)
      FROM engagement_org_units u
      JOIN ${sql.table(link)} l ON l.engagement_id = u.engagement_id
      JOIN institutions i ON i.id = u.institution_id
      GROUP BY u.institution_id, u.org_unit_id, l.${sql.ref(column)}, 4`.execute(db);
  }
}
