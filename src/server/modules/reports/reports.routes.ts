import { createReadStream } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { idParams } from '../../../shared/contracts/common.ts';
import type { ReportBatchJobs } from './batch-jobs.ts';
import { libraryYearDto, libraryYearQuery, reportBatchDto, reportDataDto, reportListDto, reportListQuery, reportParams, saveReportBody, startReportBatchBody } from '../../../shared/contracts/reports.ts';
import { actorOf } from '../../http/actor.ts';
import { errorResponses, typed } from '../../http/route.ts';
import { sendReportPdf } from './pdf-reply.ts';
import type { ReportsService } from './reports.service.ts';

export function reportsRoutes(app: FastifyInstance, svc: ReportsService, batches: ReportBatchJobs) {
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

  r.post('/api/v1/reports/batches', { schema: { tags, body: startReportBatchBody, response: { 202: reportBatchDto, ...errorResponses } } }, async (req, reply) =>
    reply.status(202).send(await batches.start(actorOf(req), req.body.year)));
  r.get('/api/v1/reports/batches/:id', { schema: { tags, params: idParams, response: { 200: reportBatchDto, ...errorResponses } } }, (req) =>
    batches.get(actorOf(req), req.params.id));
  r.get('/api/v1/reports/batches/:id/download', { schema: { tags, params: idParams, produces: ['application/zip'] } }, (req, reply) => {
    const f = batches.file(actorOf(req), req.params.id);
    return reply.type('application/zip').header('content-disposition', `attachment; filename="${f.name}"`).send(createReadStream(f.path));
  });
}
