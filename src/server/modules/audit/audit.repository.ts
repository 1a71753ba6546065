import type { AuditTable, Executor } from '../../db/types.ts';
import { newId } from '../../lib/ids.ts';
import type { Actor } from '../../http/actor.ts';

export type Change = { before: unknown; after: unknown };

/** The fields whose values differ, with both sides; unchanged fields are left out. */
export function diff(before: Record<string, unknown> | null, after: Record<string, unknown> | null): Record<string, Change> {
  const out: Record<string, Change> = {};
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  for (const k of keys) {
    if (k === 'updated_at' || k === 'created_at' || k === 'password_hash') continue;
    const b = before?.[k] ?? null;
    const a = after?.[k] ?? null;
    if (JSON.stringify(b) !== JSON.stringify(a)) out[k] = { before: b, after: a };
  }
  return out;
}

export interface AuditEntry {
  action: AuditTable['action'];
  entityType: string;
  entityId: string;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

/** Appends one row; call inside the transaction that made the change. */
/** `userId` null: no signed-in user (a partner using a share link). */
export async function recordAudit(db: Executor, actor: Pick<Actor, 'institutionId' | 'requestId'> & { userId: string | null }, e: AuditEntry, at: string): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      id: newId(),
      institution_id: actor.institutionId,
      user_id: actor.userId,
      action: e.action,
      entity_type: e.entityType,
      entity_id: e.entityId,
      changes: JSON.stringify(diff(e.before ?? null, e.after ?? null)),
      request_id: actor.requestId,
      at,
    })
    .execute();
}

export interface AuditFilter {
  entityType?: string;
  entityId?: string;
  userId?: string;
  action?: string;
  from?: string;
  to?: string;
}

export async function listAudit(db: Executor, institutionId: string, f: AuditFilter, offset: number, limit: number) {
  let q = db.selectFrom('audit_log').where('institution_id', '=', institutionId);
  if (f.entityType) q = q.where('entity_type', '=', f.entityType);
  if (f.entityId) q = q.where('entity_id', '=', f.entityId);
  if (f.userId) q = q.where('user_id', '=', f.userId);
  if (f.action) q = q.where('action', '=', f.action as AuditTable['action']);
  if (f.from) q = q.where('at', '>=', f.from);
  if (f.to) q = q.where('at', '<', f.to);
  const [rows, count] = await Promise.all([
    q.selectAll().orderBy('at', 'desc').orderBy('id', 'desc').offset(offset).limit(limit).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}
