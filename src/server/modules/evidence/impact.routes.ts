import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { idParams, pageOf } from '../../../shared/contracts/common.ts';
import { createImpactBody, impactEvaluationDto, impactExportQuery, impactSummaryDto, listImpactQuery, updateImpactBody } from '../../../shared/contracts/impact.ts';
import { actorOf } from '../../http/actor.ts';
import { errorResponses, typed } from '../../http/route.ts';
import type { ImpactService } from './impact.service.ts';

export function impactRoutes(app: FastifyInstance, svc: ImpactService) {
  const r = typed(app);
  const tags = ['evidence'];
  const base = '/api/v1/impact-evaluations';

  r.get(base, { schema: { tags, querystring: listImpactQuery, response: { 200: pageOf(impactSummaryDto), ...errorResponses } } }, (req) =>
    svc.list(actorOf(req), req.query));
  r.get(`${base}/:id`, { schema: { tags, params: idParams, response: { 200: impactEvaluationDto, ...errorResponses } } }, (req) =>
    svc.get(actorOf(req), req.params.id));
  r.post(base, { schema: { tags, body: createImpactBody, response: { 201: impactEvaluationDto, ...errorResponses } } }, async (req, reply) =>
    reply.status(201).send(await svc.create(actorOf(req), req.body)));
  r.patch(`${base}/:id`, { schema: { tags, params: idParams, body: updateImpactBody, response: { 200: impactEvaluationDto, ...errorResponses } } }, (req) =>
    svc.update(actorOf(req), req.params.id, req.body));
  r.delete(`${base}/:id`, { schema: { tags, params: idParams, response: { 204: z.null(), ...errorResponses } } }, async (req, reply) => {
    await svc.remove(actorOf(req), req.params.id);
    return reply.status(204).send(null);
  });

  r.get(`${base}/:id/export`, { schema: { tags, params: idParams, querystring: impactExportQuery, produces: ['text/markdown', 'text/html'] } }, async (req, reply) => {
    const doc = await svc.exportDocument(actorOf(req), req.params.id, req.query.format);
    return reply.header('content-type', doc.contentType).header('content-disposition', `attachment; filename="${doc.fileName}"`).send(doc.body);
  });
}
