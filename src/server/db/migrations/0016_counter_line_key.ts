import type { Kysely } from 'kysely';
import { counterLineKey } from '../counter-key.ts';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen in time and must not depend on today's table types */

/** rows per read and per INSERT: 1,000 × 23 columns stays under SQLite's 32,766 bound parameters */
const BATCH = 1_000;

/**
 * COUNTER usage keyed on a digest of the report line (counterLineKey) instead of eight text columns:
 * on PostgreSQL a long title in a non-Latin script made the old primary key's entry too large for a
 * B-tree and failed the whole import. The table is rebuilt (SQLite cannot change a primary key) and
 * every row copied with its key; the columns the key is made from stay, for reading and code maps.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('counter_usage_next')
    .addColumn('institution_id', 'text', (c) => c.notNull().references('institutions.id'))
    .addColumn('report_id', 'text', (c) => c.notNull())
    /** counterLineKey(platform_key, title_key, item_key, data_type, access_type, access_method, yop, metric_type) */
    .addColumn('line_key', 'text', (c) => c.notNull())
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('platform_key', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('title_key', 'text', (c) => c.notNull())
    .addColumn('item_key', 'text', (c) => c.notNull())
    .addColumn('publisher', 'text')
    .addColumn('doi', 'text')
    .addColumn('proprietary_id', 'text')
    .addColumn('isbn', 'text')
    .addColumn('print_issn', 'text')
    .addColumn('online_issn', 'text')
    .addColumn('data_type', 'text', (c) => c.notNull())
    .addColumn('access_type', 'text', (c) => c.notNull())
    .addColumn('access_method', 'text', (c) => c.notNull())
    .addColumn('yop', 'text', (c) => c.notNull())
    .addColumn('metric_type', 'text', (c) => c.notNull())
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addColumn('import_job_id', 'text', (c) => c.references('import_jobs.id').onDelete('set null'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('counter_usage_line_pk', ['institution_id', 'report_id', 'line_key', 'month'])
    .execute();

  // in the old key's order, so each batch continues where the last stopped
  const order = ['institution_id', 'report_id', 'platform_key', 'title_key', 'item_key', 'data_type', 'access_type', 'access_method', 'yop', 'metric_type', 'month'];
  for (let offset = 0; ; offset += BATCH) {
    let q = db.selectFrom('counter_usage').selectAll();
    for (const c of order) q = q.orderBy(c);
    const rows: Record<string, unknown>[] = await q.limit(BATCH).offset(offset).execute();
    if (!rows.length) break;
    await db.insertInto('counter_usage_next').values(rows.map((r) => ({ ...r, line_key: counterLineKey(r as never) }))).execute();
  }

  await db.schema.dropTable('counter_usage').execute();
  await db.schema.alterTable('counter_usage_next').renameTo('counter_usage').execute();
  await db.schema.createIndex('counter_usage_read').on('counter_usage').columns(['institution_id', 'report_id', 'metric_type', 'month']).execute();
  await db.schema.createIndex('counter_usage_job').on('counter_usage').columns(['import_job_id', 'report_id', 'platform_key', 'metric_type']).execute();
}
