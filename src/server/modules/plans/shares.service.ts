import type { z } from 'zod';
import type { CreatedShareLinkDto, createShareLinkBody, shareAgreementBody, shareCommentBody, SharedPlanDto, ShareLinkDto } from '../../../shared/contracts/plans.ts';
import type { ActionPlanTable, Executor, PlanCommentTable, ShareLinkTable } from '../../db/types.ts';
import { assertRole, type Actor } from '../../http/actor.ts';
import { notFound } from '../../http/errors.ts';
import { isoNow } from '../../lib/clock.ts';
import type { AppDeps } from '../../lib/deps.ts';
import { newId } from '../../lib/ids.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { institutionRow } from '../org/org.repository.ts';
import { loadView, todayOf } from './plan-view.ts';
import { toLinkDto, toSharedDto } from './plans.mapper.ts';
import * as plans from './plans.repository.ts';
import { createShareLink, invalidLink, useShareLink } from './share-links.ts';
import * as repo from './shares.repository.ts';

/** Who acts through a share link: nobody signed in, within the link's institution. */
type Partner = { userId: null; institutionId: string; requestId: string };

export function sharesService({ db, clock }: Pick<AppDeps, 'db' | 'clock'>) {
  async function planOf(ex: Executor, actor: Actor, planId: string) {
    const plan = await plans.findPlan(ex, actor.institutionId, planId);
    if (!plan) throw notFound('Action plan');
    return plan;
  }

  /**
   * The usable link behind a token, marked as used now; inside the transaction that records the use,
   * so a link revoked a moment ago cannot be used after its revocation commits.
   */
  async function use(trx: Executor, token: string, requestId: string) {
    const now = isoNow(clock);
    const link = await useShareLink(trx, token, 'action_plan', now);
    const plan = await plans.findPlan(trx, link.institution_id, link.subject_id);
    if (!plan) throw invalidLink();
    const partner: Partner = { userId: null, institutionId: link.institution_id, requestId };
    return { link, plan, partner, now };
  }

  async function sharedView(link: ShareLinkTable): Promise<SharedPlanDto> {
    const inst = await institutionRow(db, link.institution_id);
    const view = await loadView(db, inst, link.subject_id, clock);
    if (!view) throw invalidLink();
    return toSharedDto(view, inst.name, link.expires_at);
  }

  /** A partner's comment: their name as they gave it, no user behind it. */
  async function partnerComment(trx: Executor, use: { link: ShareLinkTable; partner: Partner; now: string }, name: string, body: string) {
    const row: PlanCommentTable = {
      id: newId(), institution_id: use.link.institution_id, plan_id: use.link.subject_id, author_name: name, user_id: null, via: 'share_link', body, created_at: use.now,
    };
    await plans.insertComment(trx, row);
    await recordAudit(trx, use.partner, { action: 'create', entityType: 'plan_comment', entityId: row.id, after: { ...row, share_link_id: use.link.id } }, use.now);
  }

  return {
    async create(actor: Actor, planId: string, body: z.infer<typeof createShareLinkBody>): Promise<CreatedShareLinkDto> {
      assertRole(actor, 'librarian');
      return createShareLink({ db, clock }, actor, 'action_plan', body, async (trx) => (await planOf(trx, actor, planId)).id, (token) => `/shared/${token}`);
    },

    async list(actor: Actor, planId: string): Promise<ShareLinkDto[]> {
      assertRole(actor, 'librarian');
      await planOf(db, actor, planId);
      const now = isoNow(clock);
      return (await repo.subjectLinks(db, actor.institutionId, 'action_plan', planId)).map((l) => toLinkDto(l, now));
    },

    /** Revoking a revoked link changes nothing and still succeeds. */
    async revoke(actor: Actor, id: string): Promise<void> {
      assertRole(actor, 'librarian');
      await db.transaction().execute(async (trx) => {
        const before = await repo.findLink(trx, actor.institutionId, id);
        if (!before) throw notFound('Share link');
        if (before.revoked_at !== null) return;
        const now = isoNow(clock);
        await repo.updateLink(trx, actor.institutionId, id, { revoked_at: now });
        await recordAudit(trx, actor, { action: 'update', entityType: 'share_link', entityId: id, before: { revoked_at: null }, after: { revoked_at: now } }, now);
      });
    },

    async read(token: string, requestId: string): Promise<SharedPlanDto> {
      const link = await db.transaction().execute(async (trx) => {
        const u = await use(trx, token, requestId);
        await recordAudit(trx, u.partner, { action: 'view', entityType: 'share_link', entityId: u.link.id, after: { subject_id: u.link.subject_id } }, u.now);
        return u.link;
      });
      return sharedView(link);
    },

    /**
     * The partner agrees the plan: their name, the institution's today, via the link. A draft becomes
     * agreed; a plan already agreed or further on keeps its status and records the newer agreement
     * (a new head of department agreeing mid-year is worth knowing, and it must not undo the year's work).
     */
    async agree(token: string, body: z.infer<typeof shareAgreementBody>, requestId: string): Promise<SharedPlanDto> {
      const link = await db.transaction().execute(async (trx) => {
        const u = await use(trx, token, requestId);
        const inst = await institutionRow(trx, u.link.institution_id);
        const { org_unit_name: _name, ...before } = u.plan;
        const patch: Partial<ActionPlanTable> = {
          status: before.status === 'draft' ? 'agreed' : before.status, agreed_by: body.name, agreed_on: todayOf(inst, clock), agreed_via: 'share_link',
        };
        await plans.updatePlan(trx, u.link.institution_id, before.id, { ...patch, updated_at: u.now });
        await recordAudit(trx, u.partner, { action: 'update', entityType: 'action_plan', entityId: before.id, before, after: { ...before, ...patch, share_link_id: u.link.id } }, u.now);
        if (body.comment) await partnerComment(trx, u, body.name, body.comment);
        return u.link;
      });
      return sharedView(link);
    },

    async comment(token: string, body: z.infer<typeof shareCommentBody>, requestId: string): Promise<SharedPlanDto> {
      const link = await db.transaction().execute(async (trx) => {
        const u = await use(trx, token, requestId);
        await partnerComment(trx, u, body.name, body.body);
        await plans.touchPlan(trx, u.link.institution_id, u.link.subject_id, u.now);
        return u.link;
      });
      return sharedView(link);
    },
  };
}

export type SharesService = ReturnType<typeof sharesService>;
