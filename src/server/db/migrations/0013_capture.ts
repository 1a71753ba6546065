import type { Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen in time and must not depend on today's table types */

/**
 * Low-effort capture (issue 6, part 5): meetings from an uploaded calendar and messages from an
 * uploaded or forwarded .eml, each waiting in its owner's review queue until it is logged as an
 * engagement (one click) or dismissed. The external uid is the natural key: the same calendar or
 * message captured again adds nothing, whoever sends it.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('capture_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('institution_id', 'text', (c) => c.notNull().references('institutions.id'))
    /** 'meeting' | 'message' */
    .addColumn('kind', 'text', (c) => c.notNull())
    /** 'suggested' | 'unmatched' | 'confirmed' | 'dismissed' */
    .addColumn('status', 'text', (c) => c.notNull())
    /** the staff member who uploaded it, or whose address forwarded it */
    .addColumn('owner_id', 'text', (c) => c.notNull().references('users.id'))
    /** 'ics' | 'eml' | 'smtp': how it arrived */
    .addColumn('source', 'text', (c) => c.notNull())
    /** ICS UID (+ '#' + the occurrence's recurrence id) or the Message-ID */
    .addColumn('external_uid', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    /** ISO-8601 UTC instant; null for a message without a usable Date header */
    .addColumn('starts_at', 'text')
    /** the date in the institution's time zone: the engagement's date */
    .addColumn('occurred_on', 'text', (c) => c.notNull())
    .addColumn('duration_minutes', 'integer')
    /** plain text, bounded; HTML stripped */
    .addColumn('excerpt', 'text')
    /** organizer or From, lower case */
    .addColumn('from_address', 'text')
    /** JSON array of the other addresses (attendees, To and Cc), lower case, the owner's left out */
    .addColumn('to_addresses', 'text', (c) => c.notNull())
    /** 'library' | 'partner': a partner organised the meeting or wrote the message */
    .addColumn('initiated_by', 'text', (c) => c.notNull())
    .addColumn('engagement_id', 'text', (c) => c.references('engagements.id').onDelete('set null'))
    .addColumn('decided_by', 'text', (c) => c.references('users.id'))
    .addColumn('decided_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('capture_items_uid_unique', ['institution_id', 'kind', 'external_uid'])
    .execute();
  // the review queue: one owner's items by status, newest first
  await db.schema.createIndex('capture_items_queue').on('capture_items').columns(['institution_id', 'owner_id', 'status', 'occurred_on']).execute();

  await db.schema
    .createTable('capture_item_people')
    .addColumn('item_id', 'text', (c) => c.notNull().references('capture_items.id').onDelete('cascade'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('institution_id', 'text', (c) => c.notNull().references('institutions.id'))
    /** 'address' (matched by email) | 'manual' (attached in the review queue) */
    .addColumn('matched_by', 'text', (c) => c.notNull())
    .addColumn('address', 'text')
    .addPrimaryKeyConstraint('capture_item_people_pk', ['item_id', 'person_id'])
    .execute();
  await db.schema.createIndex('capture_item_people_person').on('capture_item_people').column('person_id').execute();

  /** suggested departments: the matched people's positions on the item's date */
  await db.schema
    .createTable('capture_item_org_units')
    .addColumn('item_id', 'text', (c) => c.notNull().references('capture_items.id').onDelete('cascade'))
    .addColumn('org_unit_id', 'text', (c) => c.notNull().references('org_units.id').onDelete('cascade'))
    .addColumn('institution_id', 'text', (c) => c.notNull().references('institutions.id'))
    .addPrimaryKeyConstraint('capture_item_org_units_pk', ['item_id', 'org_unit_id'])
    .execute();
  await db.schema.createIndex('capture_item_org_units_unit').on('capture_item_org_units').column('org_unit_id').execute();
}
