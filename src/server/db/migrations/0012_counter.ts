import type { Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen in time and must not depend on today's table types */

/**
 * COUNTER Release 5 / 5.1 usage (issue 6): one count per report line and month, as the publisher
 * reported it for the whole institution. Departments are never stored here: a title → department
 * code map (code_maps, kind 'title') is applied when the figures are read, so a mapping imported later
 * applies to usage imported earlier.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('counter_usage')
    .addColumn('institution_id', 'text', (c) => c.notNull().references('institutions.id'))
    /** 'TR_J1', 'DR', 'PR', …: reports overlap (TR_J1 is a view of TR), so figures are read one report at a time */
    .addColumn('report_id', 'text', (c) => c.notNull())
    /** as written; '' when the report has no Platform column */
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('platform_key', 'text', (c) => c.notNull())
    /** the report's first column: Title, Database or Platform */
    .addColumn('title', 'text', (c) => c.notNull())
    /** codeKey(title): what a title code map matches */
    .addColumn('title_key', 'text', (c) => c.notNull())
    /** the first identifier given (Proprietary_ID, DOI, ISBN, Online_ISSN, Print_ISSN), folded; '' when none: tells apart items sharing a title */
    .addColumn('item_key', 'text', (c) => c.notNull())
    .addColumn('publisher', 'text')
    .addColumn('doi', 'text')
    .addColumn('proprietary_id', 'text')
    .addColumn('isbn', 'text')
    .addColumn('print_issn', 'text')
    .addColumn('online_issn', 'text')
    // the breakdown columns a report may carry; '' when it does not (they are part of the key, and keys are never null)
    .addColumn('data_type', 'text', (c) => c.notNull())
    .addColumn('access_type', 'text', (c) => c.notNull())
    .addColumn('access_method', 'text', (c) => c.notNull())
    .addColumn('yop', 'text', (c) => c.notNull())
    .addColumn('metric_type', 'text', (c) => c.notNull())
    /** 'YYYY-MM' */
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    /** the import that last wrote it */
    .addColumn('import_job_id', 'text', (c) => c.references('import_jobs.id').onDelete('set null'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    // the natural key: re-importing a report, or one whose period overlaps, rewrites the same rows
    .addPrimaryKeyConstraint('counter_usage_pk', [
      'institution_id', 'report_id', 'platform_key', 'title_key', 'item_key', 'data_type', 'access_type', 'access_method', 'yop', 'metric_type', 'month',
    ])
    .execute();
  // the reads: one report, one metric type, a range of months
  await db.schema.createIndex('counter_usage_read').on('counter_usage').columns(['institution_id', 'report_id', 'metric_type', 'month']).execute();
  // the sweep after an import: what this job wrote, by platform and metric type
  await db.schema.createIndex('counter_usage_job').on('counter_usage').columns(['import_job_id', 'report_id', 'platform_key', 'metric_type']).execute();
}
