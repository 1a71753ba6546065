import type { Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen in time and must not depend on today's table types */

/**
 * The engagements import (issue 6): which engagement each imported row became, so importing the
 * same export again updates that engagement instead of logging it twice. A table rather than a
 * column on engagements because rows without a booking reference need a key too (derived from the
 * row), because references are only unique within the system they come from, and because an
 * engagement logged by hand has none. Deleting the engagement deletes its reference, so a later
 * import logs it afresh.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('engagement_import_refs')
    .addColumn('institution_id', 'text', (c) => c.notNull().references('institutions.id'))
    /** 'ref:<system>:<reference>' (folded), or 'row:<sha-256 of date, type, summary, departments>' for rows without one */
    .addColumn('ref_key', 'text', (c) => c.notNull())
    /** the reference as the file wrote it; null for a derived key */
    .addColumn('source_ref', 'text')
    .addColumn('engagement_id', 'text', (c) => c.notNull().references('engagements.id').onDelete('cascade'))
    /** the import that last wrote the engagement */
    .addColumn('import_job_id', 'text', (c) => c.references('import_jobs.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('engagement_import_refs_pk', ['institution_id', 'ref_key'])
    .execute();
  // the cascade from a deleted engagement finds its reference by this
  await db.schema.createIndex('engagement_import_refs_engagement').on('engagement_import_refs').column('engagement_id').execute();
}
