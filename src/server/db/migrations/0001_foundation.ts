import type { ColumnDefinitionBuilder, Kysely } from 'kysely';
import type { Dialect } from '../dialect.ts';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen in time and must not depend on today's table types */
type AnyDb = Kysely<any>;

const ts = (name: string) => [name, 'text', (c: ColumnDefinitionBuilder) => c.notNull()] as const;

export async function up(db: AnyDb, dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('institutions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('academic_year_start_month', 'integer', (c) => c.notNull().defaultTo(8))
    .addColumn('academic_year_start_day', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('time_zone', 'text', (c) => c.notNull().defaultTo('Europe/London'))
    .addColumn('public_directory', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn(...ts('created_at'))
    .addColumn(...ts('updated_at'))
    .execute();

  await db.schema
    .createTable('teams')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('institution_id', 'text', (c) => c.notNull().references('institutions.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn(...ts('created_at'))
    .addColumn(...ts('updated_at'))
    .addUniqueConstraint('teams_name_unique', ['institution_id', 'name'])
    .execute();

  await db.schema
    .createTable('users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('institution_id', 'text', (c) => c.notNull().references('institutions.id'))
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('job_title', 'text')
    .addColumn('team_id', 'text', (c) => c.references('teams.id'))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn(...ts('created_at'))
    .addColumn(...ts('updated_at'))
    .execute();
  await db.schema.createIndex('users_institution').on('users').columns(['institution_id', 'name']).execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('institution_id', 'text', (c) => c.notNull().references('institutions.id'))
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn(...ts('created_at'))
    .addColumn(...ts('last_seen_at'))
    .addColumn(...ts('expires_at'))
    .execute();
  await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();

  await db.schema
    .createTable('org_units')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('institution_id', 'text', (c) => c.notNull().references('institutions.id'))
    .addColumn('parent_id', 'text', (c) => c.references('org_units.id'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('code', 'text')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('active'))
    .addColumn('description', 'text')
    .addColumn(...ts('created_at'))
    .addColumn(...ts('updated_at'))
    .addUniqueConstraint('org_units_code_unique', ['institution_id', 'code'])
    .execute();
  await db.schema.createIndex('org_units_parent').on('org_units').columns(['institution_id', 'parent_id']).execute();
  await db.schema.createIndex('org_units_name').on('org_units').columns(['institution_id', 'name']).execute();

  await db.schema
    .createTable('vocab_terms')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('institution_id', 'text', (c) => c.notNull().references('institutions.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn(...ts('created_at'))
    .addColumn(...ts('updated_at'))
    .addUniqueConstraint('vocab_terms_key_unique', ['institution_id', 'kind', 'key'])
    .execute();

  await db.schema
    .createTable('people')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('institution_id', 'text', (c) => c.notNull().references('institutions.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('email', 'text')
    .addColumn('phone', 'text')
    .addColumn('motivations', 'text')
    .addColumn('needs', 'text')
    .addColumn('challenges', 'text')
    .addColumn('preferred_channel', 'text')
    .addColumn('is_champion', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('influence', 'integer')
    .addColumn('interest', 'integer')
    .addColumn('stay_in_touch_days', 'integer')
    .addColumn('tags', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('notes', 'text')
    .addColumn(...ts('created_at'))
    .addColumn(...ts('updated_at'))
    .addUniqueConstraint('people_email_unique', ['institution_id', 'email'])
    .execute();
  await db.schema.createIndex('people_name').on('people').columns(['institution_id', 'name']).execute();

  await db.schema
    .createTable('positions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('institution_id', 'text', (c) => c.notNull().references('institutions.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('org_unit_id', 'text', (c) => c.notNull().references('org_units.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('start_date', 'text')
    .addColumn('end_date', 'text')
    .addColumn(...ts('created_at'))
    .addColumn(...ts('updated_at'))
    .execute();
  await db.schema.createIndex('positions_person').on('positions').column('person_id').execute();
  await db.schema.createIndex('positions_org_unit').on('positions').column('org_unit_id').execute();

  await db.schema
    .createTable('coverage')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('institution_id', 'text', (c) => c.notNull().references('institutions.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('org_unit_id', 'text', (c) => c.notNull().references('org_units.id'))
    .addColumn('function_id', 'text', (c) => c.notNull().references('vocab_terms.id'))
    .addColumn('start_date', 'text')
    .addColumn('end_date', 'text')
    .addColumn(...ts('created_at'))
    .addColumn(...ts('updated_at'))
    .execute();
  await db.schema.createIndex('coverage_org_unit').on('coverage').column('org_unit_id').execute();
  await db.schema.createIndex('coverage_user').on('coverage').column('user_id').execute();

  await db.schema
    .createTable('engagements')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('institution_id', 'text', (c) => c.notNull().references('institutions.id'))
    .addColumn('type_id', 'text', (c) => c.notNull().references('vocab_terms.id'))
    .addColumn('occurred_on', 'text', (c) => c.notNull())
    .addColumn('duration_minutes', 'integer')
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text')
    .addColumn('follow_up', 'text')
    .addColumn('initiated_by', 'text', (c) => c.notNull())
    .addColumn('attendance', 'integer')
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn(...ts('created_at'))
    .addColumn(...ts('updated_at'))
    .execute();
  await db.schema
    .createIndex('engagements_date')
    .on('engagements')
    .columns(['institution_id', 'occurred_on', 'id'])
    .execute();

  for (const [table, col, ref] of [
    ['engagement_people', 'person_id', 'people.id'],
    ['engagement_staff', 'user_id', 'users.id'],
    ['engagement_org_units', 'org_unit_id', 'org_units.id'],
    ['engagement_themes', 'theme_id', 'vocab_terms.id'],
  ] as const) {
    await db.schema
      .createTable(table)
      .addColumn('engagement_id', 'text', (c) => c.notNull().references('engagements.id').onDelete('cascade'))
      .addColumn(col, 'text', (c) => c.notNull().references(ref))
      .addColumn('institution_id', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint(`${table}_pk`, ['engagement_id', col])
      .execute();
    // the reverse index serves "engagements of this person / unit / staff member"
    await db.schema.createIndex(`${table}_reverse`).on(table).columns([col, 'engagement_id']).execute();
  }

  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('institution_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('entity_type', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('changes', 'text', (c) => c.notNull())
    .addColumn('request_id', 'text')
    .addColumn(...ts('at'))
    .execute();
  await db.schema.createIndex('audit_log_at').on('audit_log').columns(['institution_id', 'at']).execute();
  await db.schema.createIndex('audit_log_entity').on('audit_log').columns(['entity_type', 'entity_id']).execute();

  await dialect.makeAppendOnly(db, 'audit_log');
  await dialect.createSearchStore(db);
}
