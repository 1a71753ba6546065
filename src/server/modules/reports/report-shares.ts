import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { createdShareLinkDto, createShareLinkBody, shareLinkDto, tokenParams, type CreatedShareLinkDto, type ShareLinkDto } from '../../../shared/contracts/plans.ts';
import { reportDataDto, reportParams, type ReportDataDto } from '../../../shared/contracts/reports.ts';
import { errorBodySchema } from '../../../shared/errors.ts';
import type { Executor } from '../../db/types.ts';
import { actorOf, assertRole, type Actor } from '../../http/actor.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { errorResponses, typed } from '../../http/route.ts';
import { isoNow } from '../../lib/clock.ts';
import type { AppDeps } from '../../lib/deps.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { findOrgUnit } from '../org/org.repository.ts';
import { toLinkDto } from '../plans/plans.mapper.ts';
import { createShareLink, invalidLink, useShareLink } from '../plans/share-links.ts';
import * as links from '../plans/shares.repository.ts';
import * as repo from './reports.repository.ts';
import { sendReportPdf } from './pdf-reply.ts';
import type { ReportData } from './report-data.ts';

const PUBLIC = { public: true, rateLimit: { max: 60, timeWindow: '1 minute' } };

/**
 * A report shared with its department: read-only, expiring, revocable, every use audited. The link
 * names one report row; the partner reads it as a viewer of that institution would, and nothing else.
 */
export function reportSharesService({ db, clock }: Pick<AppDeps, 'db' | 'clock'>, data: ReportData) {
  /** The report row for the unit and year, created (empty, and audited) the first time it is shared. */
  async function reportRow(trx: Executor, actor: Actor, orgUnitId: string, year: number) {
    const unit = await findOrgUnit(trx, actor.institutionId, orgUnitId);
    if (!unit) throw notFound('Org unit');
    const now = isoNow(clock);
    const { row, created } = await repo.reportRowOrNew(trx, actor.institutionId, unit.id, year, actor.userId, now);
    if (created) await recordAudit(trx, actor, { action: 'create', entityType: 'annual_report', entityId: row.id, after: { orgUnitId: unit.id, year } }, now);
    return row.id;
  }

  return {
    async create(actor: Actor, orgUnitId: string, year: number, body: z.infer<typeof createShareLinkBody>): Promise<CreatedShareLinkDto> {
      assertRole(actor, 'librarian');
      return createShareLink({ db, clock }, actor, 'annual_report', body, (trx) => reportRow(trx, actor, orgUnitId, year), (token) => `/shared-report/${token}`);
    },

    async list(actor: Actor, orgUnitId: string, year: number): Promise<ShareLinkDto[]> {
      assertRole(actor, 'librarian');
      if (!(await findOrgUnit(db, actor.institutionId, orgUnitId))) throw notFound('Org unit');
      const row = await repo.reportRow(db, actor.institutionId, orgUnitId, year);
      const now = isoNow(clock);
      return row ? (await links.subjectLinks(db, actor.institutionId, 'annual_report', row.id)).map((l) => toLinkDto(l, now)) : [];
    },

    /** The report behind a usable token, its use audited in the same transaction that checks the link. */
    async read(token: string, requestId: string): Promise<ReportDataDto> {
      const { report, institutionId } = await db.transaction().execute(async (trx) => {
        const now = isoNow(clock);
        const link = await useShareLink(trx, token, 'annual_report', now);
        const r = await trx.selectFrom('annual_reports').select(['id', 'org_unit_id', 'year']).where('id', '=', link.subject_id).where('institution_id', '=', link.institution_id).executeTakeFirst();
        if (!r) throw invalidLink();
        await recordAudit(trx, { userId: null, institutionId: link.institution_id, requestId }, { action: 'view', entityType: 'share_link', entityId: link.id, after: { subject_id: r.id } }, now);
        return { report: r, institutionId: link.institution_id };
      });
      // read as a viewer of the report's institution: the same figures staff see, nothing writable
      const partner: Actor = { userId: `share-link:${report.id}`, institutionId, role: 'viewer', requestId };
      // a department deleted since the link was checked answers as any other dead link does
      try {
        return await data.compute(partner, report.org_unit_id, report.year, { forPartner: true });
      } catch (err) {
        if (err instanceof AppError && err.code === 'NOT_FOUND') throw invalidLink();
        throw err;
      }
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
