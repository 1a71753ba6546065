import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, type SqliteDatabase } from 'kysely';
import pg from 'pg';
import type { Config } from '../config.ts';
import { fold } from '../lib/text.ts';
import { postgresDialect, sqliteDialect, type Dialect } from './dialect.ts';
import type { Database } from './types.ts';

export interface DatabaseHandle {
  db: Kysely<Database>;
  dialect: Dialect;
  /** a short description for logs, without credentials */
  describe: string;
  close(): Promise<void>;
}

export function openSqlite(path: string): SQLite.Database {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const conn = new SQLite(path);
  conn.pragma('journal_mode = WAL');
  conn.pragma('synchronous = FULL');
  conn.pragma('foreign_keys = ON');
  conn.pragma('busy_timeout = 5000');
  conn.function('rapport_fold', { deterministic: true }, (s: unknown) => (typeof s === 'string' ? fold(s) : null));
  // Checked, not assumed: a read-only medium or an old build would silently differ.
  const journal = conn.pragma('journal_mode', { simple: true }) as string;
  const sync = conn.pragma('synchronous', { simple: true }) as number;
  const fk = conn.pragma('foreign_keys', { simple: true }) as number;
  const busy = conn.pragma('busy_timeout', { simple: true }) as number;
  if ((path !== ':memory:' && journal !== 'wal') || sync !== 2 || fk !== 1 || busy !== 5000) {
    conn.close();
    throw new Error(`SQLite settings not applied (journal=${journal}, synchronous=${sync}, foreign_keys=${fk}, busy_timeout=${busy})`);
  }
  return conn;
}

/** Statements kept prepared: far more than the app's distinct queries, few enough to bound memory. */
const STATEMENT_CACHE = 500;

/**
 * The connection as Kysely's SQLite dialect sees it, with prepared statements reused by SQL text.
 * Kysely prepares every query anew, and for a short statement run thousands of times (an import's
 * upserts, a bench's lookups) the prepare costs as much as the run. A statement still being iterated
 * (a streamed query) is not handed out twice: a busy one gets a fresh, uncached twin.
 */
export function withStatementCache(conn: SQLite.Database, max = STATEMENT_CACHE): SqliteDatabase {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => conn.close(),
    prepare(sql: string) {
      const hit = cache.get(sql);
      if (hit?.busy) return conn.prepare(sql);
      if (hit) {
        // most recently used last, so the oldest is the first to go
        cache.delete(sql);
        cache.set(sql, hit);
        return hit;
      }
      const stmt = conn.prepare(sql);
      cache.set(sql, stmt);
      if (cache.size > max) cache.delete(cache.keys().next().value as string);
      return stmt;
    },
  };
}

export function openDatabase(database: Config['database']): DatabaseHandle {
  if (database.kind === 'sqlite') {
    const conn = openSqlite(database.path);
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(conn) }) });
    return { db, dialect: sqliteDialect, describe: `SQLite ${database.path}`, close: () => db.destroy() };
  }
  const pool = new pg.Pool({
    connectionString: database.url,
    max: 10,
    // int8 (count, bigserial) as numbers: our counts stay far below 2^53
    types: {
      getTypeParser: (oid: number, format?: 'text' | 'binary') =>
        (oid === 20 ? (v: string) => Number(v) : (pg.types.getTypeParser(oid, format ?? 'text') as (v: string) => unknown)),
    },
  });
  // an idle client dropped by the server (restart, failover) must not take the process down; the pool replaces it
  pool.on('error', (err) => process.stderr.write(`PostgreSQL idle client error: ${err.message}\n`));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  const u = new URL(database.url);
  return { db, dialect: postgresDialect, describe: `PostgreSQL ${u.host}${u.pathname}`, close: () => db.destroy() };
}
