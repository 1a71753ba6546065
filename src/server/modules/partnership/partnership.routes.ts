import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { idParams } from '../../../shared/contracts/common.ts';
import { complianceDto, complianceQuery, createTemplateBody, partnershipTemplateDto, updateTemplateBody } from '../../../shared/contracts/partnership.ts';
import { actorOf } from '../../http/actor.ts';
import { errorResponses, typed } from '../../http/route.ts';
import type { PartnershipService } from './partnership.service.ts';

export function partnershipRoutes(app: FastifyInstance, svc: PartnershipService) {
  const r = typed(app);
  const tags = ['partnership'];

  r.get('/api/v1/partnership-templates', { schema: { tags, response: { 200: z.array(partnershipTemplateDto), ...errorResponses } } }, (req) =>
    svc.list(actorOf(req)));
  r.get('/api/v1/partnership-templates/:id', { schema: { tags, params: idParams, response: { 200: partnershipTemplateDto, ...errorResponses } } }, (req) =>
    svc.get(actorOf(req), req.params.id));
  r.post('/api/v1/partnership-templates', { schema: { tags, body: createTemplateBody, response: { 201: partnershipTemplateDto, ...errorResponses } } }, async (req, reply) =>
    reply.status(201).send(await svc.create(actorOf(req), req.body)));
  r.patch('/api/v1/partnership-templates/:id', { schema: { tags, params: idParams, body: updateTemplateBody, response: { 200: partnershipTemplateDto, ...errorResponses } } }, (req) =>
    svc.update(actorOf(req), req.params.id, req.body));
  r.delete('/api/v1/partnership-templates/:id', { schema: { tags, params: idParams, response: { 204: z.null(), ...errorResponses } } }, async (req, reply) => {
    await svc.remove(actorOf(req), req.params.id);
    return reply.status(204).send(null);
  });

  r.get('/api/v1/org-units/:id/cadence', { schema: { tags, params: idParams, querystring: complianceQuery, response: { 200: complianceDto, ...errorResponses } } }, (req) =>
    svc.cadence(actorOf(req), req.params.id, req.query.year));
}
