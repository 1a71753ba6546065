import type { z } from 'zod';
import type { CreatedShareLinkDto, createShareLinkBody } from '../../../shared/contracts/plans.ts';
import type { Executor, ShareLinkTable, ShareSubject } from '../../db/types.ts';
import type { Actor } from '../../http/actor.ts';
import { AppError, notFound } from '../../http/errors.ts';
import type { Clock } from '../../lib/clock.ts';
import { newId } from '../../lib/ids.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { hashToken, randomToken } from '../identity/sessions.ts';
import { toLinkDto } from './plans.mapper.ts';
import * as repo from './shares.repository.ts';

/*
 * The steps every share link takes, whatever it shares (an action plan, an annual report): made
 * with a random token of which only the hash is kept, audited; used only while unrevoked and
 * unexpired, each use marked on the link inside the caller's transaction.
 */

const DAY_MS = 86_400_000;

/** One answer for an unknown, expired or revoked token, and for a subject since deleted: probing learns nothing. */
export const invalidLink = () => new AppError('NOT_FOUND', 'This link is not valid: it may have expired or been revoked');

/**
 * A new link to the subject `subjectId` returns (run inside the transaction, so the subject's own
 * checks or creation and the link land together). The token is in the answer and nowhere else.
 */
export async function createShareLink(
  deps: { db: Executor; clock: Clock }, actor: Actor, type: ShareSubject, body: z.infer<typeof createShareLinkBody>,
  subjectId: (trx: Executor) => Promise<string>, pathOf: (token: string) => string,
): Promise<CreatedShareLinkDto> {
  const { db, clock } = deps;
  const token = randomToken();
  const id = await db.transaction().execute(async (trx) => {
    const subject = await subjectId(trx);
    const now = clock.now();
    const row: ShareLinkTable = {
      id: newId(), institution_id: actor.institutionId, token_hash: hashToken(token), subject_type: type, subject_id: subject, label: body.label ?? null,
      created_by: actor.userId, created_at: now.toISOString(), expires_at: new Date(now.getTime() + body.expiresInDays * DAY_MS).toISOString(), revoked_at: null, last_used_at: null,
    };
    await repo.insertLink(trx, row);
    const { token_hash: _hash, ...recorded } = row;
    await recordAudit(trx, actor, { action: 'create', entityType: 'share_link', entityId: row.id, after: recorded }, row.created_at);
    return row.id;
  });
  const link = await repo.findLink(db, actor.institutionId, id);
  if (!link) throw notFound('Share link');
  return { link: toLinkDto(link, clock.now().toISOString()), token, path: pathOf(token) };
}

/**
 * The usable link of this type behind a token, marked as used at `now`; inside the transaction that
 * records the use, so a link revoked a moment ago cannot be used after its revocation commits.
 */
export async function useShareLink(trx: Executor, token: string, type: ShareSubject, now: string): Promise<ShareLinkTable> {
  const link = await repo.linkByHash(trx, hashToken(token));
  if (!link || link.subject_type !== type || link.revoked_at !== null || link.expires_at <= now) throw invalidLink();
  await repo.updateLink(trx, link.institution_id, link.id, { last_used_at: now });
  return link;
}
