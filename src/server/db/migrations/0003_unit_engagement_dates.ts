import { sql, type Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations run on an untyped Kysely */

/**
 * Copies each engagement's date onto its org-unit links, indexed by (unit, date), so a department
 * list can show every unit's last engagement without reading all of its engagements. The engagements
 * service keeps the copy in step. (Nullable only because SQLite cannot add a NOT NULL column without a
 * default; every writer sets it.)
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('engagement_org_units').addColumn('occurred_on', 'text').execute();
  await sql`UPDATE engagement_org_units SET occurred_on = (
    SELECT e.occurred_on FROM engagements e WHERE e.id = engagement_org_units.engagement_id)`.execute(db);
  await db.schema.createIndex('engagement_org_units_unit_date').on('engagement_org_units').columns(['org_unit_id', 'occurred_on', 'engagement_id']).execute();
}
