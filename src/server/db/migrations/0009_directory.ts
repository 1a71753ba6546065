import type { Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen in time and must not depend on today's table types */

/**
 * The directory import (issue 6): people keep the staff id HR knows them by, so a re-import finds
 * them even after their email changes; org-unit rows wait in a staging table until the whole file is
 * read, because a unit's parent may be named on a later line and a file whose parents do not resolve
 * (or loop) must change nothing at all.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('people').addColumn('external_id', 'text').execute();
  // unique per institution; people without a staff id (null) do not clash on either database
  await db.schema.createIndex('people_external_id').on('people').columns(['institution_id', 'external_id']).unique().execute();

  await db.schema
    .createTable('directory_staged_units')
    .addColumn('job_id', 'text', (c) => c.notNull().references('import_jobs.id').onDelete('cascade'))
    .addColumn('institution_id', 'text', (c) => c.notNull().references('institutions.id'))
    /** the unit's code as matched (codeKey): case and spacing do not count */
    .addColumn('code_key', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    /** null: the file gave none (an existing unit keeps its type; a new one is a department) */
    .addColumn('type', 'text')
    /** 1 when the file has a parent column: then an empty cell makes the unit top-level */
    .addColumn('parent_given', 'integer', (c) => c.notNull())
    .addColumn('parent_key', 'text')
    .addColumn('parent_code', 'text')
    .addPrimaryKeyConstraint('directory_staged_units_pk', ['job_id', 'code_key'])
    .execute();
}
