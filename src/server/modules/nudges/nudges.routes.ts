import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { nudgeActionBody, nudgesDto, nudgesQuery } from '../../../shared/contracts/nudges.ts';
import { actorOf } from '../../http/actor.ts';
import { errorResponses, typed } from '../../http/route.ts';
import type { NudgesService } from './nudges.service.ts';

export function nudgesRoutes(app: FastifyInstance, svc: NudgesService) {
  const r = typed(app);
  const tags = ['nudges'];
  r.get('/api/v1/nudges', { schema: { tags, querystring: nudgesQuery, response: { 200: nudgesDto, ...errorResponses } } }, (req) =>
    svc.feed(actorOf(req), req.query.scope));
  r.post('/api/v1/nudges/actions', { schema: { tags, body: nudgeActionBody, response: { 204: z.null(), ...errorResponses } } }, async (req, reply) => {
    await svc.act(actorOf(req), req.body);
    return reply.status(204).send(null);
  });
}
