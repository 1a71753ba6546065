import type { Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen in time and must not depend on today's table types */

/**
 * Issue 5's trigger "a link to the engagement or evidence it came from": the evidence an opportunity
 * was spotted in (an external examiner's comment, an NSS result…). Deleting the evidence keeps the
 * opportunity and clears the link. Nullable with no default, so SQLite can add it with its reference.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('opportunities')
    .addColumn('trigger_evidence_id', 'text', (c) => c.references('evidence.id').onDelete('set null'))
    .execute();
  await db.schema.createIndex('opportunities_trigger_evidence').on('opportunities').column('trigger_evidence_id').execute();
}
