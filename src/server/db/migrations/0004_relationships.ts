import { sql, type ColumnDefinitionBuilder, type Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen in time and must not depend on today's table types */
type AnyDb = Kysely<any>;

const ts = (name: string) => [name, 'text', (c: ColumnDefinitionBuilder) => c.notNull()] as const;
const inst = ['institution_id', 'text', (c: ColumnDefinitionBuilder) => c.notNull().references('institutions.id')] as const;

/** Depth weights the talk implies: teaching, curriculum review and joint bids weigh more than an email. */
const WEIGHTS: Record<string, number> = {
  meeting: 2, email: 0.5, call: 1, committee: 2, teaching_session: 3, workshop: 3, consultation: 2,
  event: 1, curriculum_review: 4, joint_bid: 4, other: 1, annual_review: 3, promotion: 0.5,
};

/** Two engagement types the partnership model needs (Loughborough's annual review; being listed on a school's website and mailing lists). */
const NEW_TYPES: [key: string, label: string, sortOrder: number][] = [
  ['annual_review', 'Annual review', 95],
  ['promotion', 'Promotion (website, newsletter, mailing list)', 97],
];

/**
 * Relationship health (issue 4): maturity assessments, milestones, the partnership model,
 * stay-in-touch and contact caps, engagement-type weights and nudge snoozes.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('vocab_terms').addColumn('weight', 'real', (c) => c.notNull().defaultTo(1)).execute();
  const now = new Date().toISOString();
  for (const [key, label, sortOrder] of NEW_TYPES) {
    // ids: the institution's id with a suffix is unique and needs no uuid generator frozen into a migration
    await sql`INSERT INTO vocab_terms (id, institution_id, kind, key, label, sort_order, active, created_at, updated_at)
      SELECT i.id || ${`-${key}`}, i.id, 'engagement_type', ${key}, ${label}, ${sortOrder}, 1, ${now}, ${now} FROM institutions i
      WHERE NOT EXISTS (SELECT 1 FROM vocab_terms v WHERE v.institution_id = i.id AND v.kind = 'engagement_type' AND v.key = ${key})`.execute(db);
  }
  for (const [key, weight] of Object.entries(WEIGHTS)) {
    await sql`UPDATE vocab_terms SET weight = ${weight} WHERE kind = 'engagement_type' AND key = ${key}`.execute(db);
  }

  await db.schema.alterTable('institutions').addColumn('contact_cap', 'integer').execute();
  await db.schema.alterTable('institutions').addColumn('contact_cap_days', 'integer', (c) => c.notNull().defaultTo(30)).execute();
  await db.schema.alterTable('institutions').addColumn('key_titles', 'text', (c) => c.notNull().defaultTo('["Head of","Dean","Director"]')).execute();

  await db.schema.alterTable('people').addColumn('contact_cap', 'integer').execute();
  await db.schema.alterTable('people').addColumn('contact_cap_days', 'integer').execute();
  await db.schema.alterTable('people').addColumn('champion_since', 'text').execute();

  await db.schema.alterTable('engagements').addColumn('milestone', 'text').execute();

  await db.schema
    .createTable('maturity_assessments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn(...inst)
    .addColumn('org_unit_id', 'text', (c) => c.references('org_units.id'))
    .addColumn('person_id', 'text', (c) => c.references('people.id').onDelete('cascade'))
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('assessed_on', 'text', (c) => c.notNull())
    .addColumn('rationale', 'text', (c) => c.notNull())
    .addColumn('assessed_by', 'text', (c) => c.references('users.id'))
    .addColumn(...ts('created_at'))
    .addColumn(...ts('updated_at'))
    .execute();
  await db.schema.createIndex('maturity_unit').on('maturity_assessments').columns(['org_unit_id', 'assessed_on']).execute();
  await db.schema.createIndex('maturity_person').on('maturity_assessments').columns(['person_id', 'assessed_on']).execute();
  await db.schema.createIndex('maturity_institution').on('maturity_assessments').columns(['institution_id', 'assessed_on']).execute();

  await db.schema
    .createTable('maturity_engagements')
    .addColumn('assessment_id', 'text', (c) => c.notNull().references('maturity_assessments.id').onDelete('cascade'))
    .addColumn('engagement_id', 'text', (c) => c.notNull().references('engagements.id').onDelete('cascade'))
    .addColumn(...inst)
    .addPrimaryKeyConstraint('maturity_engagements_pk', ['assessment_id', 'engagement_id'])
    .execute();
  await db.schema.createIndex('maturity_engagements_engagement').on('maturity_engagements').column('engagement_id').execute();

  await db.schema
    .createTable('partnership_templates')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn(...inst)
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('applies_to', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn(...ts('created_at'))
    .addColumn(...ts('updated_at'))
    .addUniqueConstraint('partnership_templates_name_unique', ['institution_id', 'name'])
    .execute();

  await db.schema
    .createTable('partnership_activities')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn(...inst)
    .addColumn('template_id', 'text', (c) => c.notNull().references('partnership_templates.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('type_id', 'text', (c) => c.notNull().references('vocab_terms.id'))
    .addColumn('position_title', 'text')
    .addColumn('cadence', 'text', (c) => c.notNull())
    .addColumn('per_year', 'integer')
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn(...ts('created_at'))
    .addColumn(...ts('updated_at'))
    .execute();
  await db.schema.createIndex('partnership_activities_template').on('partnership_activities').columns(['template_id', 'sort_order']).execute();

  await db.schema
    .createTable('partnership_template_units')
    .addColumn('template_id', 'text', (c) => c.notNull().references('partnership_templates.id').onDelete('cascade'))
    .addColumn('org_unit_id', 'text', (c) => c.notNull().references('org_units.id'))
    .addColumn(...inst)
    .addColumn('include_descendants', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('partnership_template_units_pk', ['template_id', 'org_unit_id'])
    .execute();

  await db.schema
    .createTable('nudge_states')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn(...inst)
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('nudge_key', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('until', 'text')
    .addColumn('reason', 'text')
    .addColumn(...ts('created_at'))
    .addUniqueConstraint('nudge_states_user_key', ['user_id', 'nudge_key'])
    .execute();
}
