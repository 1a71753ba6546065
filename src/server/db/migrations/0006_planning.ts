import { sql, type ColumnDefinitionBuilder, type CreateTableBuilder, type Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen in time and must not depend on today's table types */
type AnyDb = Kysely<any>;
type Table = CreateTableBuilder<string, never>;

const ts = (name: string) => [name, 'text', (c: ColumnDefinitionBuilder) => c.notNull()] as const;
const inst = ['institution_id', 'text', (c: ColumnDefinitionBuilder) => c.notNull().references('institutions.id')] as const;
const stamps = (t: Table) => t.addColumn(...ts('created_at')).addColumn(...ts('updated_at'));

/** The library's top-level goals: the talk's six strategic themes. */
const LIBRARY_GOALS: [key: string, title: string][] = [
  ['visibility', 'Visibility'],
  ['relations', 'Relations'],
  ['skills', 'Skills'],
  ['research_knowledge', 'Research & Knowledge'],
  ['education_learning', 'Education & Learning'],
  ['community_citizens', 'Community & Citizens'],
];

/** A link table between `left` and `right`, both cascading, with the reverse index on the right. */
async function link(db: AnyDb, name: string, left: [col: string, table: string], right: [col: string, table: string], cascadeRight = true) {
  await db.schema
    .createTable(name)
    .addColumn(left[0], 'text', (c) => c.notNull().references(`${left[1]}.id`).onDelete('cascade'))
    .addColumn(right[0], 'text', (c) => (cascadeRight ? c.notNull().references(`${right[1]}.id`).onDelete('cascade') : c.notNull().references(`${right[1]}.id`)))
    .addColumn(...inst)
    .addPrimaryKeyConstraint(`${name}_pk`, [left[0], right[0]])
    .execute();
  await db.schema.createIndex(`${name}_${right[0]}`).on(name).column(right[0]).execute();
}

/**
 * Planning (issue 5): strategic goals and their objectives, opportunities with their EAST plan and
 * stage history, annual action plans with objectives and actions, share links for academic partners,
 * and service-wide campaigns. Engagements align to goals and link to campaigns.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('institutions').addColumn('opportunity_cold_days', 'integer', (c) => c.notNull().defaultTo(14)).execute();

  await stamps(db.schema
    .createTable('goals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn(...inst)
    /** null: a goal; set: an objective under that goal */
    .addColumn('parent_id', 'text', (c) => c.references('goals.id'))
    /** whose strategy: 'library' or 'institution' */
    .addColumn('owner', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))).execute();
  await db.schema.createIndex('goals_institution').on('goals').columns(['institution_id', 'parent_id', 'sort_order']).execute();
  const now = new Date().toISOString();
  for (const [i, [key, title]] of LIBRARY_GOALS.entries()) {
    await sql`INSERT INTO goals (id, institution_id, parent_id, owner, title, description, sort_order, active, created_at, updated_at)
      SELECT i.id || ${`-goal-${key}`}, i.id, NULL, 'library', ${title}, NULL, ${i * 10}, 1, ${now}, ${now} FROM institutions i`.execute(db);
  }

  await stamps(db.schema
    .createTable('campaigns')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn(...inst)
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text')
    .addColumn('message', 'text')
    .addColumn('starts_on', 'text', (c) => c.notNull())
    .addColumn('ends_on', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addUniqueConstraint('campaigns_name_unique', ['institution_id', 'name'])).execute();
  await link(db, 'campaign_org_units', ['campaign_id', 'campaigns'], ['org_unit_id', 'org_units'], false);
  await link(db, 'campaign_goals', ['campaign_id', 'campaigns'], ['goal_id', 'goals'], false);

  await link(db, 'engagement_goals', ['engagement_id', 'engagements'], ['goal_id', 'goals'], false);
  await link(db, 'engagement_campaigns', ['engagement_id', 'engagements'], ['campaign_id', 'campaigns']);

  await stamps(db.schema
    .createTable('opportunities')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn(...inst)
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('trigger_kind', 'text', (c) => c.notNull())
    .addColumn('trigger_text', 'text')
    /** the engagement it was spotted in, if any */
    .addColumn('trigger_engagement_id', 'text', (c) => c.references('engagements.id').onDelete('set null'))
    .addColumn('hook', 'text')
    /** 1–5 each */
    .addColumn('value', 'integer', (c) => c.notNull())
    .addColumn('effort', 'integer', (c) => c.notNull())
    .addColumn('window_closes_on', 'text')
    .addColumn('east_easy', 'text')
    .addColumn('east_attractive', 'text')
    .addColumn('east_social', 'text')
    .addColumn('east_timely', 'text')
    .addColumn('is_pilot', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('owner_id', 'text', (c) => c.references('users.id'))
    .addColumn('stage', 'text', (c) => c.notNull())
    /** declined or lapsed: why */
    .addColumn('closed_reason', 'text')
    /** the date of the last stage change (or of creation) */
    .addColumn('stage_changed_on', 'text', (c) => c.notNull())
    /** recorded on the department's journey when it was embedded */
    .addColumn('milestone', 'text')
    .addColumn('milestone_on', 'text')
    .addColumn('created_by', 'text', (c) => c.references('users.id'))).execute();
  await db.schema.createIndex('opportunities_stage').on('opportunities').columns(['institution_id', 'stage']).execute();
  await db.schema.createIndex('opportunities_owner').on('opportunities').columns(['institution_id', 'owner_id']).execute();
  await db.schema.createIndex('opportunities_trigger').on('opportunities').column('trigger_engagement_id').execute();
  await db.schema.createIndex('opportunities_milestones').on('opportunities').columns(['institution_id', 'milestone_on']).where(sql.ref('milestone'), 'is not', null).execute();
  await link(db, 'opportunity_org_units', ['opportunity_id', 'opportunities'], ['org_unit_id', 'org_units'], false);
  await link(db, 'opportunity_people', ['opportunity_id', 'opportunities'], ['person_id', 'people']);
  await link(db, 'opportunity_goals', ['opportunity_id', 'opportunities'], ['goal_id', 'goals'], false);
  await link(db, 'opportunity_engagements', ['opportunity_id', 'opportunities'], ['engagement_id', 'engagements']);
  await link(db, 'opportunity_proofs', ['opportunity_id', 'opportunities'], ['proof_id', 'opportunities']);
  await db.schema
    .createTable('opportunity_stage_changes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn(...inst)
    .addColumn('opportunity_id', 'text', (c) => c.notNull().references('opportunities.id').onDelete('cascade'))
    .addColumn('from_stage', 'text')
    .addColumn('to_stage', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('changed_on', 'text', (c) => c.notNull())
    .addColumn('changed_by', 'text', (c) => c.references('users.id'))
    .addColumn(...ts('created_at'))
    .execute();
  await db.schema.createIndex('opportunity_stage_changes_opportunity').on('opportunity_stage_changes').columns(['opportunity_id', 'created_at']).execute();

  await stamps(db.schema
    .createTable('action_plans')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn(...inst)
    .addColumn('org_unit_id', 'text', (c) => c.notNull().references('org_units.id'))
    /** the calendar year the academic year starts in */
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    /** co-creation: who on the department's side agreed it, when, and how it was recorded */
    .addColumn('agreed_by', 'text')
    .addColumn('agreed_on', 'text')
    .addColumn('agreed_via', 'text')
    .addColumn('review_notes', 'text')
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addUniqueConstraint('action_plans_unit_year', ['institution_id', 'org_unit_id', 'year'])).execute();
  await db.schema.createIndex('action_plans_year').on('action_plans').columns(['institution_id', 'year', 'status']).execute();
  await stamps(db.schema
    .createTable('plan_objectives')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn(...inst)
    .addColumn('plan_id', 'text', (c) => c.notNull().references('action_plans.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('goal_id', 'text', (c) => c.references('goals.id'))
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))).execute();
  await db.schema.createIndex('plan_objectives_plan').on('plan_objectives').columns(['plan_id', 'sort_order']).execute();
  await db.schema.createIndex('plan_objectives_goal').on('plan_objectives').column('goal_id').execute();
  await stamps(db.schema
    .createTable('plan_actions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn(...inst)
    .addColumn('plan_id', 'text', (c) => c.notNull().references('action_plans.id').onDelete('cascade'))
    .addColumn('objective_id', 'text', (c) => c.references('plan_objectives.id').onDelete('set null'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.references('users.id'))
    .addColumn('partner_person_id', 'text', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('due_on', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('notes', 'text')
    /** carried forward from last year's plan */
    .addColumn('carried_from_id', 'text', (c) => c.references('plan_actions.id').onDelete('set null'))
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))).execute();
  await db.schema.createIndex('plan_actions_plan').on('plan_actions').columns(['plan_id', 'sort_order']).execute();
  await db.schema.createIndex('plan_actions_due').on('plan_actions').columns(['institution_id', 'status', 'due_on']).execute();
  await db.schema.createIndex('plan_actions_owner').on('plan_actions').columns(['institution_id', 'owner_id']).execute();
  await link(db, 'plan_action_engagements', ['action_id', 'plan_actions'], ['engagement_id', 'engagements']);
  await db.schema
    .createTable('plan_comments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn(...inst)
    .addColumn('plan_id', 'text', (c) => c.notNull().references('action_plans.id').onDelete('cascade'))
    .addColumn('author_name', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.references('users.id'))
    /** 'staff' or 'share_link' */
    .addColumn('via', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn(...ts('created_at'))
    .execute();
  await db.schema.createIndex('plan_comments_plan').on('plan_comments').columns(['plan_id', 'created_at']).execute();

  await db.schema
    .createTable('share_links')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn(...inst)
    /** sha-256 of the token; the token itself is shown once, when the link is made */
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('subject_type', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    /** who it was made for, e.g. "Head of School" */
    .addColumn('label', 'text')
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn(...ts('created_at'))
    .addColumn(...ts('expires_at'))
    .addColumn('revoked_at', 'text')
    .addColumn('last_used_at', 'text')
    .execute();
  await db.schema.createIndex('share_links_subject').on('share_links').columns(['institution_id', 'subject_type', 'subject_id']).execute();
}
