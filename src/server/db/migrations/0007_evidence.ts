import type { ColumnDefinitionBuilder, CreateTableBuilder, Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen in time and must not depend on today's table types */
type AnyDb = Kysely<any>;
type Table = CreateTableBuilder<string, never>;

const ts = (name: string) => [name, 'text', (c: ColumnDefinitionBuilder) => c.notNull()] as const;
const inst = ['institution_id', 'text', (c: ColumnDefinitionBuilder) => c.notNull().references('institutions.id')] as const;
const stamps = (t: Table) => t.addColumn(...ts('created_at')).addColumn(...ts('updated_at'));

/** A link table from `owner` (cascading) to `target`, with the reverse index on the target. */
async function link(db: AnyDb, name: string, owner: [col: string, table: string], target: [col: string, table: string]) {
  await db.schema
    .createTable(name)
    .addColumn(owner[0], 'text', (c) => c.notNull().references(`${owner[1]}.id`).onDelete('cascade'))
    .addColumn(target[0], 'text', (c) => c.notNull().references(`${target[1]}.id`).onDelete('cascade'))
    .addColumn(...inst)
    .addPrimaryKeyConstraint(`${name}_pk`, [owner[0], target[0]])
    .execute();
  await db.schema.createIndex(`${name}_${target[0]}`).on(name).column(target[0]).execute();
}

/**
 * Evidence and impact (issue 6): evidence snapshots (Sunderland), impact evaluations (Worcester's
 * template on Markless & Streatfield's chain), metric definitions and values per org unit and
 * period, and the import framework's jobs, row errors and remembered column mappings.
 */
export async function up(db: AnyDb): Promise<void> {
  await stamps(db.schema
    .createTable('evidence')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn(...inst)
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    /** who said or gave it: a known person, or a description ("second-year student", "NSS 2026") */
    .addColumn('source_person_id', 'text', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('source_text', 'text')
    .addColumn('occurred_on', 'text', (c) => c.notNull())
    /** 'named' or 'anonymous' */
    .addColumn('attribution', 'text', (c) => c.notNull())
    .addColumn('consent_recorded', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'text', (c) => c.references('users.id'))).execute();
  await db.schema.createIndex('evidence_institution_date').on('evidence').columns(['institution_id', 'occurred_on']).execute();
  await link(db, 'evidence_org_units', ['evidence_id', 'evidence'], ['org_unit_id', 'org_units']);
  await link(db, 'evidence_themes', ['evidence_id', 'evidence'], ['theme_id', 'vocab_terms']);
  await link(db, 'evidence_goals', ['evidence_id', 'evidence'], ['goal_id', 'goals']);
  await link(db, 'evidence_engagements', ['evidence_id', 'evidence'], ['engagement_id', 'engagements']);
  await link(db, 'evidence_opportunities', ['evidence_id', 'evidence'], ['opportunity_id', 'opportunities']);
  await link(db, 'evidence_actions', ['evidence_id', 'evidence'], ['action_id', 'plan_actions']);
  await link(db, 'evidence_campaigns', ['evidence_id', 'evidence'], ['campaign_id', 'campaigns']);

  await stamps(db.schema
    .createTable('metric_definitions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn(...inst)
    .addColumn('name', 'text', (c) => c.notNull())
    /** e.g. '%', 'loans', 'hours' */
    .addColumn('unit', 'text', (c) => c.notNull())
    /** 'higher_better' or 'lower_better' */
    .addColumn('direction', 'text', (c) => c.notNull())
    /** where the figures come from: "NSS", "Alma Analytics", "LibCal" */
    .addColumn('source', 'text')
    /** 'academic_year' (period '2025' = 2025–26) or 'month' (period '2026-03') */
    .addColumn('period_kind', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addUniqueConstraint('metric_definitions_name', ['institution_id', 'name'])).execute();

  await db.schema
    .createTable('metric_values')
    .addColumn('metric_id', 'text', (c) => c.notNull().references('metric_definitions.id').onDelete('cascade'))
    .addColumn('org_unit_id', 'text', (c) => c.notNull().references('org_units.id').onDelete('cascade'))
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn(...inst)
    // double precision: PostgreSQL's real keeps only about seven digits, too few for loan totals
    .addColumn('value', 'double precision', (c) => c.notNull())
    /** the import that last wrote it; null when entered by hand */
    .addColumn('import_job_id', 'text')
    .addColumn(...ts('updated_at'))
    // the natural key: re-importing a file rewrites the same rows
    .addPrimaryKeyConstraint('metric_values_pk', ['metric_id', 'org_unit_id', 'period'])
    .execute();
  await db.schema.createIndex('metric_values_unit').on('metric_values').columns(['org_unit_id', 'metric_id', 'period']).execute();

  await stamps(db.schema
    .createTable('impact_evaluations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn(...inst)
    .addColumn('initiative', 'text', (c) => c.notNull())
    .addColumn('aims', 'text')
    .addColumn('success_criteria', 'text')
    .addColumn('impact_indicators', 'text')
    .addColumn('what_we_did', 'text')
    .addColumn('what_we_learned', 'text')
    .addColumn('how_we_acted', 'text')
    .addColumn('how_we_measured', 'text')
    .addColumn('short_term_outcomes', 'text')
    .addColumn('long_term_outcomes', 'text')
    /** 'planned', 'in_progress' or 'complete' */
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id'))).execute();
  await db.schema.createIndex('impact_evaluations_institution').on('impact_evaluations').columns(['institution_id', 'status']).execute();
  await db.schema
    .createTable('impact_objectives')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('evaluation_id', 'text', (c) => c.notNull().references('impact_evaluations.id').onDelete('cascade'))
    .addColumn(...inst)
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('impact_objectives_evaluation').on('impact_objectives').columns(['evaluation_id', 'sort_order']).execute();
  await db.schema
    .createTable('impact_communications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('evaluation_id', 'text', (c) => c.notNull().references('impact_evaluations.id').onDelete('cascade'))
    .addColumn(...inst)
    .addColumn('audience', 'text', (c) => c.notNull())
    .addColumn('communicated_on', 'text')
    .addColumn('how', 'text', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('impact_communications_evaluation').on('impact_communications').columns(['evaluation_id', 'sort_order']).execute();
  await link(db, 'impact_evaluation_org_units', ['evaluation_id', 'impact_evaluations'], ['org_unit_id', 'org_units']);
  await link(db, 'impact_evaluation_goals', ['evaluation_id', 'impact_evaluations'], ['goal_id', 'goals']);
  await link(db, 'impact_evaluation_engagements', ['evaluation_id', 'impact_evaluations'], ['engagement_id', 'engagements']);
  await link(db, 'impact_evaluation_evidence', ['evaluation_id', 'impact_evaluations'], ['evidence_id', 'evidence']);
  await link(db, 'impact_evaluation_metrics', ['evaluation_id', 'impact_evaluations'], ['metric_id', 'metric_definitions']);

  await stamps(db.schema
    .createTable('import_jobs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn(...inst)
    /** which source's rules apply: 'metrics', 'directory', … */
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    /** 'csv', 'tsv' or 'xlsx', from the file's content */
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('byte_size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    /** where the upload sits under the data folder until the job is done with it */
    .addColumn('stored_path', 'text', (c) => c.notNull())
    /** 'uploaded' → 'queued' → 'running' → 'done' | 'failed', or 'cancelled' */
    .addColumn('status', 'text', (c) => c.notNull())
    /** JSON: the detected header row */
    .addColumn('columns', 'text', (c) => c.notNull())
    /** JSON: field → column, as confirmed by the user */
    .addColumn('mapping', 'text')
    /** JSON: source-specific choices (e.g. the metric a file's values belong to) */
    .addColumn('options', 'text')
    .addColumn('total_rows', 'integer')
    /** data rows finished so far: the checkpoint a resumed job starts after */
    .addColumn('processed_rows', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('imported_rows', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('rejected_rows', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('error', 'text')
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('started_at', 'text')
    /** a running job's last sign of life: one left silent for long enough was abandoned and may be resumed */
    .addColumn('heartbeat_at', 'text')
    .addColumn('finished_at', 'text')).execute();
  await db.schema.createIndex('import_jobs_institution').on('import_jobs').columns(['institution_id', 'created_at']).execute();
  await db.schema.createIndex('import_jobs_status').on('import_jobs').column('status').execute();
  await db.schema
    .createTable('import_row_errors')
    .addColumn('job_id', 'text', (c) => c.notNull().references('import_jobs.id').onDelete('cascade'))
    .addColumn(...inst)
    /** the line in the file (1 = the first line), so people can find it in their spreadsheet */
    .addColumn('line', 'integer', (c) => c.notNull())
    .addColumn('column_name', 'text')
    .addColumn('message', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('import_row_errors_job').on('import_row_errors').columns(['job_id', 'line']).execute();
  await db.schema
    .createTable('import_mappings')
    .addColumn(...inst)
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('mapping', 'text', (c) => c.notNull())
    .addColumn(...ts('updated_at'))
    .addPrimaryKeyConstraint('import_mappings_pk', ['institution_id', 'source'])
    .execute();
}
