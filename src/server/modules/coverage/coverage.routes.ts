import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { idParams, pageOf, pageQuery } from '../../../shared/contracts/common.ts';
import {
  coverageDto, coverageMatrixDto, coverageMatrixQuery, createCoverageBody, librariansDto, listCoverageQuery,
  publicDepartmentsDto, publicDirectoryParams, publicLibrariansDto, publicUnitParams, updateCoverageBody, type CoverageDto,
} from '../../../shared/contracts/coverage.ts';
import { errorBodySchema } from '../../../shared/errors.ts';
import { actorOf } from '../../http/actor.ts';
import { csvColumns, sendCsv } from '../../http/csv.ts';
import { errorResponses, typed } from '../../http/route.ts';
import type { CoverageService } from './coverage.service.ts';

/** Public pages list staff emails: a per-address ceiling keeps them from being harvested in bulk. */
const PUBLIC_RATE_LIMIT = { max: 120, timeWindow: '1 minute' };

export function coverageRoutes(app: FastifyInstance, svc: CoverageService) {
  const r = typed(app);
  const tags = ['coverage'];

  r.get('/api/v1/coverage', { schema: { tags, querystring: listCoverageQuery, response: { 200: pageOf(coverageDto), ...errorResponses } } }, (req) =>
    svc.list(actorOf(req), req.query));
  r.get('/api/v1/coverage.csv', { schema: { tags, querystring: listCoverageQuery.omit({ page: true, pageSize: true }) } }, (req, reply) => {
    const actor = actorOf(req);
    return sendCsv(reply, 'coverage.csv', csvColumns<CoverageDto>({
      id: (c) => c.id, staff: (c) => c.user.name, job_title: (c) => c.user.jobTitle, email: (c) => c.user.email, org_unit: (c) => c.orgUnit.name,
      function: (c) => c.function.label, start_date: (c) => c.startDate, end_date: (c) => c.endDate, current: (c) => (c.current ? 'yes' : 'no'),
    }), (page, pageSize) => svc.list(actor, { ...req.query, page, pageSize }).then((p) => p.items));
  });
  r.get('/api/v1/coverage/matrix', { schema: { tags, querystring: coverageMatrixQuery, response: { 200: coverageMatrixDto, ...errorResponses } } }, (req) =>
    svc.matrix(actorOf(req), req.query));
  r.get('/api/v1/coverage/:id', { schema: { tags, params: idParams, response: { 200: coverageDto, ...errorResponses } } }, (req) =>
    svc.get(actorOf(req), req.params.id));
  r.post('/api/v1/coverage', { schema: { tags, body: createCoverageBody, response: { 201: coverageDto, ...errorResponses } } }, async (req, reply) =>
    reply.status(201).send(await svc.create(actorOf(req), req.body)));
  r.patch('/api/v1/coverage/:id', { schema: { tags, params: idParams, body: updateCoverageBody, response: { 200: coverageDto, ...errorResponses } } }, (req) =>
    svc.update(actorOf(req), req.params.id, req.body));
  r.delete('/api/v1/coverage/:id', { schema: { tags, params: idParams, response: { 204: z.null(), ...errorResponses } } }, async (req, reply) => {
    await svc.remove(actorOf(req), req.params.id);
    return reply.status(204).send(null);
  });

  r.get('/api/v1/org-units/:id/librarians', { schema: { tags, params: idParams, response: { 200: librariansDto, ...errorResponses } } }, (req) =>
    svc.librarians(actorOf(req), req.params.id));

  const publicResponses = { 400: errorBodySchema, 404: errorBodySchema, 429: errorBodySchema };
  r.get('/api/v1/public/institutions/:institutionId/org-units', {
    config: { public: true, rateLimit: PUBLIC_RATE_LIMIT },
    schema: { tags, params: publicDirectoryParams, querystring: pageQuery, response: { 200: publicDepartmentsDto, ...publicResponses } },
  }, (req) => svc.publicDepartments(req.params.institutionId, req.query.page, req.query.pageSize));
  r.get('/api/v1/public/institutions/:institutionId/org-units/:id/librarians', {
    config: { public: true, rateLimit: PUBLIC_RATE_LIMIT },
    schema: { tags, params: publicUnitParams, response: { 200: publicLibrariansDto, ...publicResponses } },
  }, (req) => svc.publicLibrarians(req.params.institutionId, req.params.id));
}
