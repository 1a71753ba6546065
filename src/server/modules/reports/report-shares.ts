import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { createdShareLinkDto, createShareLinkBody, shareLinkDto, tokenParams, type CreatedShareLinkDto, type ShareLinkDto } from '../../../shared/contracts/plans.ts';
import { reportDataDto, reportParams, type ReportDataDto } from '../../../shared/contracts/reports.ts';
import { errorBodySchema } from '../../../shared/errors.ts';
import type { Executor, ShareLinkTable } from '../../db/types.ts';
import { actorOf, assertRole, type Actor } from '../../http/actor.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { errorResponses, typed } from '../../http/route.ts';
import { isoNow } from '../../lib/clock.ts';
import type { AppDeps } from '../../lib/deps.ts';
import { newId } from '../../lib/ids.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { hashToken, randomToken } from '../identity/sessions.ts';
import { findOrgUnit } from '../org/org.repository.ts';
import { toLinkDto } from '../plans/plans.mapper.ts';
import * as links from '../plans/shares.repository.ts';
import { sendReportPdf } from './pdf-reply.ts';
import type { ReportData } from './report-data.ts';

const DAY_MS = 86_400_000;
const PUBLIC = { public: true, rateLimit: { max: 60, timeWindow: '1 minute' } };
const invalidLink = () => new AppError('NOT_FOUND', 'This link is not valid: it may have expired or been revoked');

/**
 * A report shared with its department: read-only, expiring, revocable, every use audited. The link
 * names one report row; the partner reads it as a viewer of that institution would, and nothing else.
 */
export function reportSharesService({ db, clock }: Pick<AppDeps, 'db' | 'clock'>, data: ReportData) {
  /** The report row for the unit and year, created (empty) the first time it is shared. */
  async function reportRow(trx: Executor, actor: Actor, orgUnitId: string, year: number) {
    const unit = await findOrgUnit(trx, actor.institutionId, orgUnitId);
    if (!unit) throw notFound('Org unit');
    const found = await trx.selectFrom('annual_reports').select('id').where('institution_id', '=', actor.institutionId).where('org_unit_id', '=', unit.id).where('year', '=', year).executeTakeFirst();
    if (found) return found.id;
    const now = isoNow(clock);
    const id = newId();
    await trx.insertInto('annual_reports').values({ id, institution_id: actor.institutionId, org_unit_id: unit.id, year, introduction: null, conclusion: null, discussed_on: null, discussion_notes: null, created_by: actor.userId, created_at: now, updated_at: now }).execute();
    await recordAudit(trx, actor, { action: 'create', entityType: 'annual_report', entityId: id, after: { orgUnitId: unit.id, year } }, now);
    return id;
  }

  const linksOf = (ex: Executor, institutionId: string, reportId: string) =>
    ex.selectFrom('share_links as s').leftJoin('users as u', 'u.id', 's.created_by').selectAll('s').select('u.name as created_by_name')
      .where('s.institution_id', '=', institutionId).where('s.subject_type', '=', 'annual_report').where('s.subject_id', '=', reportId)
      .orderBy('s.created_at', 'desc').orderBy('s.id', 'desc').execute();

  return {
    async create(actor: Actor, orgUnitId: string, year: number, body: z.infer<typeof createShareLinkBody>): Promise<CreatedShareLinkDto> {
      assertRole(actor, 'librarian');
      const token = randomToken();
      const id = await db.transaction().execute(async (trx) => {
        const reportId = await reportRow(trx, actor, orgUnitId, year);
        const now = clock.now();
        const row: ShareLinkTable = {
          id: newId(), institution_id: actor.institutionId, token_hash: hashToken(token), subject_type: 'annual_report', subject_id: reportId, label: body.label ?? null,
          created_by: actor.userId, created_at: now.toISOString(), expires_at: new Date(now.getTime() + body.expiresInDays * DAY_MS).toISOString(), revoked_at: null, last_used_at: null,
        };
        await links.insertLink(trx, row);
        const { token_hash: _hash, ...recorded } = row;
        await recordAudit(trx, actor, { action: 'create', entityType: 'share_link', entityId: row.id, after: recorded }, row.created_at);
        return row.id;
      });
      const link = await links.findLink(db, actor.institutionId, id);
      if (!link) throw notFound('Share link');
      return { link: toLinkDto(link, isoNow(clock)), token, path: `/shared-report/${token}` };
    },

    async list(actor: Actor, orgUnitId: string, year: number): Promise<ShareLinkDto[]> {
      assertRole(actor, 'librarian');
      if (!(await findOrgUnit(db, actor.institutionId, orgUnitId))) throw notFound('Org unit');
      const row = await db.selectFrom('annual_reports').select('id').where('institution_id', '=', actor.institutionId).where('org_unit_id', '=', orgUnitId).where('year', '=', year).executeTakeFirst();
      const now = isoNow(clock);
      return row ? (await linksOf(db, actor.institutionId, row.id)).map((l) => toLinkDto(l, now)) : [];
    },

    /** The report behind a usable token, its use audited in the same transaction that checks the link. */
    async read(token: string, requestId: string): Promise<ReportDataDto> {
      const { report, institutionId } = await db.transaction().execute(async (trx) => {
        const now = isoNow(clock);
        const link = await links.linkByHash(trx, hashToken(token));
        if (!link || link.subject_type !== 'annual_report' || link.revoked_at !== null || link.expires_at <= now) throw invalidLink();
        const r = await trx.selectFrom('annual_reports').select(['id', 'org_unit_id', 'year']).where('id', '=', link.subject_id).where('institution_id', '=', link.institution_id).executeTakeFirst();
        if (!r) throw invalidLink();
        await links.updateLink(trx, link.institution_id, link.id, { last_used_at: now });
        await recordAudit(trx, { userId: null, institutionId: link.institution_id, requestId }, { action: 'view', entityType: 'share_link', entityId: link.id, after: { subject_id: r.id } }, now);
        return { report: r, institutionId: link.institution_id };
      });
      // read as a viewer of the report's institution: the same figures staff see, nothing writable
      const partner: Actor = { userId: `share-link:${report.id}`, institutionId, role: 'viewer', requestId };
      return data.compute(partner, report.org_unit_id, report.year, { forPartner: true });
    },
  };
}

export type ReportSharesService = ReturnType<typeof reportSharesService>;

export function reportSharesRoutes(app: FastifyInstance, svc: ReportSharesService) {
  const r = typed(app);
  const tags = ['reports'];
  r.post('/api/v1/reports/:orgUnitId/:year/share-links', { schema: { tags, params: reportParams, body: createShareLinkBody, response: { 201: createdShareLinkDto, ...errorResponses } } }, async (req, reply) =>
    reply.status(201).send(await svc.create(actorOf(req), req.params.orgUnitId, req.params.year, req.body)));
  r.get('/api/v1/reports/:orgUnitId/:year/share-links', { schema: { tags, params: reportParams, response: { 200: z.array(shareLinkDto), ...errorResponses } } }, (req) =>
    svc.list(actorOf(req), req.params.orgUnitId, req.params.year));
  const shared = { 400: errorBodySchema, 404: errorBodySchema, 429: errorBodySchema };
  r.get('/api/v1/shared-reports/:token', { config: PUBLIC, schema: { tags, params: tokenParams, response: { 200: reportDataDto, ...shared } } }, (req) =>
    svc.read(req.params.token, req.id));
  r.get('/api/v1/shared-reports/:token/pdf', { config: PUBLIC, schema: { tags, params: tokenParams, produces: ['application/pdf'] } }, async (req, reply) =>
    sendReportPdf(reply, await svc.read(req.params.token, req.id)));
}
