import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { idParams, pageOf } from '../../../shared/contracts/common.ts';
import { createEvidenceBody, evidenceDto, listEvidenceQuery, updateEvidenceBody } from '../../../shared/contracts/evidence.ts';
import { actorOf } from '../../http/actor.ts';
import { errorResponses, typed } from '../../http/route.ts';
import type { EvidenceService } from './evidence.service.ts';

export function evidenceRoutes(app: FastifyInstance, svc: EvidenceService) {
  const r = typed(app);
  const tags = ['evidence'];

  r.get('/api/v1/evidence', { schema: { tags, querystring: listEvidenceQuery, response: { 200: pageOf(evidenceDto), ...errorResponses } } }, (req) =>
    svc.list(actorOf(req), req.query));
  r.get('/api/v1/evidence/:id', { schema: { tags, params: idParams, response: { 200: evidenceDto, ...errorResponses } } }, (req) =>
    svc.get(actorOf(req), req.params.id));
  r.post('/api/v1/evidence', { schema: { tags, body: createEvidenceBody, response: { 201: evidenceDto, ...errorResponses } } }, async (req, reply) =>
    reply.status(201).send(await svc.create(actorOf(req), req.body)));
  r.patch('/api/v1/evidence/:id', { schema: { tags, params: idParams, body: updateEvidenceBody, response: { 200: evidenceDto, ...errorResponses } } }, (req) =>
    svc.update(actorOf(req), req.params.id, req.body));
  r.delete('/api/v1/evidence/:id', { schema: { tags, params: idParams, response: { 204: z.null(), ...errorResponses } } }, async (req, reply) => {
    await svc.remove(actorOf(req), req.params.id);
    return reply.status(204).send(null);
  });
}
