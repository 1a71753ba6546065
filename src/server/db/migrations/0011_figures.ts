import type { Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen in time and must not depend on today's table types */

/**
 * Outside figures as they arrived (issue 6): NSS results per subject and question, loans per library
 * user group and period, reading lists per module. Each keeps its natural key so a re-import rewrites;
 * department figures are derived from them through code maps into metric_values, never stored here.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('nss_results')
    .addColumn('institution_id', 'text', (c) => c.notNull().references('institutions.id'))
    /** the academic year surveyed, 'YYYY' as metric periods ('2024' = 2024–25, the NSS of spring 2025) */
    .addColumn('year', 'text', (c) => c.notNull())
    /** the CAH subject code as the file writes it, and folded for matching code maps */
    .addColumn('cah_code', 'text', (c) => c.notNull())
    .addColumn('cah_key', 'text', (c) => c.notNull())
    .addColumn('subject', 'text')
    /** 'Q19' (normalised from 'q19', '19', 'Q 19') */
    .addColumn('question', 'text', (c) => c.notNull())
    .addColumn('question_text', 'text')
    .addColumn('theme', 'text')
    /** 0–100; null when the file publishes no figure */
    .addColumn('agree_pct', 'double precision')
    .addColumn('responses', 'integer')
    .addColumn('population', 'integer')
    /** 0–100, as given or responses ÷ population; null when neither is known */
    .addColumn('response_rate', 'double precision')
    .addColumn('import_job_id', 'text', (c) => c.references('import_jobs.id').onDelete('set null'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('nss_results_pk', ['institution_id', 'year', 'cah_key', 'question'])
    .execute();
  await db.schema.createIndex('nss_results_job').on('nss_results').column('import_job_id').execute();

  await db.schema
    .createTable('loan_counts')
    .addColumn('institution_id', 'text', (c) => c.notNull().references('institutions.id'))
    .addColumn('user_group', 'text', (c) => c.notNull())
    .addColumn('user_group_key', 'text', (c) => c.notNull())
    /** 'YYYY-MM' or 'YYYY' (academic year starting), as the metric the import fed counts */
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('count', 'double precision', (c) => c.notNull())
    .addColumn('import_job_id', 'text', (c) => c.references('import_jobs.id').onDelete('set null'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('loan_counts_pk', ['institution_id', 'user_group_key', 'period'])
    .execute();
  await db.schema.createIndex('loan_counts_job').on('loan_counts').column('import_job_id').execute();

  await db.schema
    .createTable('reading_lists')
    .addColumn('institution_id', 'text', (c) => c.notNull().references('institutions.id'))
    /** 'YYYY', the academic year starting */
    .addColumn('year', 'text', (c) => c.notNull())
    .addColumn('module_code', 'text', (c) => c.notNull())
    .addColumn('module_key', 'text', (c) => c.notNull())
    .addColumn('module_name', 'text')
    /** the list system's hierarchy node: a department's code in Rapport */
    .addColumn('hierarchy_code', 'text', (c) => c.notNull())
    .addColumn('hierarchy_key', 'text', (c) => c.notNull())
    /** the list's id, else its title, folded; '' for a module row without a list */
    .addColumn('list_key', 'text', (c) => c.notNull())
    .addColumn('list_id', 'text')
    .addColumn('list_title', 'text')
    .addColumn('item_count', 'integer')
    /** 1: a list with items (or an unknown count) exists for the module */
    .addColumn('has_list', 'integer', (c) => c.notNull())
    .addColumn('import_job_id', 'text', (c) => c.references('import_jobs.id').onDelete('set null'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('reading_lists_pk', ['institution_id', 'year', 'module_key', 'list_key'])
    .execute();
  await db.schema.createIndex('reading_lists_job').on('reading_lists').column('import_job_id').execute();
}
