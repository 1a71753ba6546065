import type { Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen in time and must not depend on today's table types */

/**
 * Import sources, shared parts (issue 6): a report's header block kept with its import job (COUNTER's
 * Report_Name … Created), the options remembered beside a source's mapping, and code maps: the institution's own translation of outside codes (NSS
 * subject CAH codes, the library system's user groups, COUNTER titles) into its departments.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('import_jobs').addColumn('preamble', 'text').execute();
  /** JSON: the file-wide choices last used for the source, offered again with its mapping */
  await db.schema.alterTable('import_mappings').addColumn('options', 'text').execute();
  await db.schema
    .createTable('code_maps')
    .addColumn('institution_id', 'text', (c) => c.notNull().references('institutions.id'))
    /** 'cah' | 'user_group' | 'title' */
    .addColumn('kind', 'text', (c) => c.notNull())
    /** as the outside system writes it; matched without regard to case or surrounding spaces */
    .addColumn('code', 'text', (c) => c.notNull())
    /** the folded code the match uses */
    .addColumn('code_key', 'text', (c) => c.notNull())
    .addColumn('org_unit_id', 'text', (c) => c.notNull().references('org_units.id').onDelete('cascade'))
    .addColumn('import_job_id', 'text', (c) => c.references('import_jobs.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('code_maps_pk', ['institution_id', 'kind', 'code_key'])
    .execute();
  await db.schema.createIndex('code_maps_org_unit').on('code_maps').column('org_unit_id').execute();
}
