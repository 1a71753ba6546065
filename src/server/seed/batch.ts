import type { Insertable } from 'kysely';
import type { Database, Executor } from '../db/types.ts';

/**
 * SQLite refuses a statement with more than 32,766 bound parameters (PostgreSQL:
 * 65,535), so the rows per INSERT follow from the number of columns. Beyond about
 * a thousand rows a bigger statement buys nothing but memory.
 */
export const MAX_BOUND_PARAMETERS = 32_766;
export const DEFAULT_BATCH_ROWS = 1_000;

/** Rows per INSERT for rows of `columns` columns: the wanted size, capped by the parameter limit. */
export function batchSizeFor(columns: number, wanted: number = DEFAULT_BATCH_ROWS): number {
  const cap = Math.floor(MAX_BOUND_PARAMETERS / Math.max(1, columns));
  return Math.max(1, Math.min(Math.floor(wanted), cap));
}

/**
 * Inserts rows with multi-row INSERTs. Pass a transaction so that the rows land
 * all or none. `onBatch` hears the running count after each statement, for progress.
 */
export async function insertBatched<T extends keyof Database>(
  trx: Executor,
  table: T,
  rows: readonly Insertable<Database[T]>[],
  batchSize: number = DEFAULT_BATCH_ROWS,
  onBatch?: (inserted: number) => void,
): Promise<number> {
  if (!rows.length) return 0;
  // Kysely writes the union of the rows' keys in every row of a statement, so count that.
  const columns = new Set<string>();
  for (const row of rows) for (const key of Object.keys(row)) columns.add(key);
  const size = batchSizeFor(columns.size, batchSize);
  for (let i = 0; i < rows.length; i += size) {
    const chunk = rows.slice(i, i + size);
    await trx.insertInto(table).values(chunk).execute();
    onBatch?.(Math.min(i + size, rows.length));
  }
  return rows.length;
}
