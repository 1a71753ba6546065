import { createHash, randomBytes } from 'node:crypto';
import type { Role } from '../../../shared/contracts/common.ts';
import type { Executor } from '../../db/types.ts';
import type { Clock } from '../../lib/clock.ts';

export const SESSION_COOKIE = 'rapport_session';
const TOUCH_EVERY_MS = 60_000;

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');
export const randomToken = (): string => randomBytes(32).toString('base64url');

export interface Lifetimes {
  sessionIdleMs: number;
  sessionAbsoluteMs: number;
}

/** Creates a session and returns the cookie token; only its hash is stored. */
export async function createSession(db: Executor, clock: Clock, life: Lifetimes, userId: string, institutionId: string) {
  const token = randomToken();
  const now = clock.now();
  const csrfToken = randomToken();
  await db
    .insertInto('sessions')
    .values({
      id: hashToken(token),
      user_id: userId,
      institution_id: institutionId,
      csrf_token: csrfToken,
      created_at: now.toISOString(),
      last_seen_at: now.toISOString(),
      expires_at: new Date(now.getTime() + life.sessionAbsoluteMs).toISOString(),
    })
    .execute();
  return { token, csrfToken };
}

export interface ResolvedSession {
  sessionId: string;
  csrfToken: string;
  userId: string;
  institutionId: string;
  role: Role;
}

/** The live session behind a cookie token, or null; expired sessions are removed on sight. */
export async function resolveSession(db: Executor, clock: Clock, life: Lifetimes, token: string): Promise<ResolvedSession | null> {
  const id = hashToken(token);
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select(['sessions.id', 'sessions.csrf_token', 'sessions.user_id', 'sessions.institution_id', 'sessions.last_seen_at', 'sessions.expires_at', 'users.role', 'users.active'])
    .where('sessions.id', '=', id)
    .executeTakeFirst();
  if (!row) return null;
  const now = clock.now();
  const idleDeadline = new Date(row.last_seen_at).getTime() + life.sessionIdleMs;
  if (row.active !== 1 || now.toISOString() >= row.expires_at || now.getTime() >= idleDeadline) {
    await db.deleteFrom('sessions').where('id', '=', id).execute();
    return null;
  }
  if (now.getTime() - new Date(row.last_seen_at).getTime() > TOUCH_EVERY_MS) {
    await db.updateTable('sessions').set({ last_seen_at: now.toISOString() }).where('id', '=', id).execute();
  }
  return { sessionId: id, csrfToken: row.csrf_token, userId: row.user_id, institutionId: row.institution_id, role: row.role };
}

/**
 * Removes every session past its idle or absolute deadline. resolveSession only removes the ones
 * whose cookie comes back, so abandoned sessions would otherwise stay in the table for good.
 * ISO timestamps of one format sort as text, so the comparison is portable.
 */
export function deleteExpiredSessions(db: Executor, clock: Clock, life: Lifetimes) {
  const now = clock.now();
  const idleCutoff = new Date(now.getTime() - life.sessionIdleMs).toISOString();
  return db
    .deleteFrom('sessions')
    .where((eb) => eb.or([eb('expires_at', '<=', now.toISOString()), eb('last_seen_at', '<=', idleCutoff)]))
    .execute();
}

export const deleteSession = (db: Executor, sessionId: string) => db.deleteFrom('sessions').where('id', '=', sessionId).execute();
export const deleteUserSessions = (db: Executor, userId: string) => db.deleteFrom('sessions').where('user_id', '=', userId).execute();
