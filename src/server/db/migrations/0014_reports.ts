import type { Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen in time and must not depend on today's table types */

/**
 * Annual departmental reports (issue 7). Figures are computed from the data whenever a report is read;
 * only people's words are stored: the introduction and conclusion (null while the generated draft
 * stands), the notes and key themes of the meeting with the head of department, and the actions
 * proposed for next year.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('annual_reports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('institution_id', 'text', (c) => c.notNull().references('institutions.id'))
    .addColumn('org_unit_id', 'text', (c) => c.notNull().references('org_units.id').onDelete('cascade'))
    /** the calendar year the academic year starts in */
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('introduction', 'text')
    .addColumn('conclusion', 'text')
    .addColumn('discussed_on', 'text')
    .addColumn('discussion_notes', 'text')
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('annual_reports_unit_year', ['org_unit_id', 'year'])
    .execute();
  await db.schema.createIndex('annual_reports_institution_year').on('annual_reports').columns(['institution_id', 'year']).execute();
  await db.schema
    .createTable('report_themes')
    .addColumn('report_id', 'text', (c) => c.notNull().references('annual_reports.id').onDelete('cascade'))
    .addColumn('institution_id', 'text', (c) => c.notNull().references('institutions.id'))
    /** as written; `theme_key` (folded) is what themes are counted by across departments */
    .addColumn('theme', 'text', (c) => c.notNull())
    .addColumn('theme_key', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('report_themes_pk', ['report_id', 'theme_key'])
    .execute();
  await db.schema.createIndex('report_themes_key').on('report_themes').columns(['institution_id', 'theme_key']).execute();
  await db.schema
    .createTable('report_proposed_actions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('report_id', 'text', (c) => c.notNull().references('annual_reports.id').onDelete('cascade'))
    .addColumn('institution_id', 'text', (c) => c.notNull().references('institutions.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('notes', 'text')
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('report_proposed_actions_report').on('report_proposed_actions').columns(['report_id', 'sort_order']).execute();
}
