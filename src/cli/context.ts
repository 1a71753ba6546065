import { loadConfig } from '../server/config.ts';
import { openDatabase, type DatabaseHandle } from '../server/db/database.ts';
import { migrate } from '../server/db/migrate.ts';
import type { Io } from './io.ts';

/**
 * Opens the configured database (SQLite or PostgreSQL, from loadConfig only),
 * brings its schema up to date so that every command works on a fresh database,
 * runs `fn` and always closes the connection.
 */
export async function withDatabase<T>(io: Io, fn: (handle: DatabaseHandle, applied: string[]) => Promise<T>): Promise<T> {
  const config = loadConfig(io.env);
  const handle = openDatabase(config.database);
  try {
    const applied = await migrate(handle.db, handle.dialect);
    return await fn(handle, applied);
  } finally {
    await handle.close();
  }
}
