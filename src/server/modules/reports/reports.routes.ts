import type { FastifyInstance } from 'fastify';
import { libraryYearDto, libraryYearQuery, reportDataDto, reportListDto, reportListQuery, reportParams, saveReportBody } from '../../../shared/contracts/reports.ts';
import { actorOf } from '../../http/actor.ts';
import { errorResponses, typed } from '../../http/route.ts';
import { sendReportPdf } from './pdf-reply.ts';
import type { ReportsService } from './reports.service.ts';

export function reportsRoutes(app: FastifyInstance, svc: ReportsService) {
  const r = typed(app);
  const tags = ['reports'];
  r.get('/api/v1/reports', { schema: { tags, querystring: reportListQuery, response: { 200: reportListDto, ...errorResponses } } }, (req) =>
    svc.list(actorOf(req), req.query));
  r.get('/api/v1/reports/library', { schema: { tags, querystring: libraryYearQuery, response: { 200: libraryYearDto, ...errorResponses } } }, (req) =>
    svc.libraryYear(actorOf(req), req.query.year));
  r.get('/api/v1/reports/:orgUnitId/:year', { schema: { tags, params: reportParams, response: { 200: reportDataDto, ...errorResponses } } }, (req) =>
    svc.data(actorOf(req), req.params.orgUnitId, req.params.year));
  r.get('/api/v1/reports/:orgUnitId/:year/pdf', { schema: { tags, params: reportParams, produces: ['application/pdf'] } }, async (req, reply) =>
    sendReportPdf(reply, await svc.data(actorOf(req), req.params.orgUnitId, req.params.year)));
  r.put('/api/v1/reports/:orgUnitId/:year', { schema: { tags, params: reportParams, body: saveReportBody, response: { 200: reportDataDto, ...errorResponses } } }, (req) =>
    svc.save(actorOf(req), req.params.orgUnitId, req.params.year, req.body));
}
