import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { idParams } from '../../../shared/contracts/common.ts';
import { createGoalBody, goalDetailDto, goalDto, listGoalsQuery, updateGoalBody } from '../../../shared/contracts/goals.ts';
import { actorOf } from '../../http/actor.ts';
import { errorResponses, typed } from '../../http/route.ts';
import type { GoalsService } from './goals.service.ts';

export function goalsRoutes(app: FastifyInstance, svc: GoalsService) {
  const r = typed(app);
  const tags = ['planning'];

  r.get('/api/v1/goals', { schema: { tags, querystring: listGoalsQuery, response: { 200: z.array(goalDto), ...errorResponses } } }, (req) =>
    svc.list(actorOf(req), req.query.all === 'true'));
  r.get('/api/v1/goals/:id', { schema: { tags, params: idParams, response: { 200: goalDetailDto, ...errorResponses } } }, (req) =>
    svc.detail(actorOf(req), req.params.id));
  r.post('/api/v1/goals', { schema: { tags, body: createGoalBody, response: { 201: goalDto, ...errorResponses } } }, async (req, reply) =>
    reply.status(201).send(await svc.create(actorOf(req), req.body)));
  r.patch('/api/v1/goals/:id', { schema: { tags, params: idParams, body: updateGoalBody, response: { 200: goalDto, ...errorResponses } } }, (req) =>
    svc.update(actorOf(req), req.params.id, req.body));
  r.delete('/api/v1/goals/:id', { schema: { tags, params: idParams, response: { 204: z.null(), ...errorResponses } } }, async (req, reply) => {
    await svc.remove(actorOf(req), req.params.id);
    return reply.status(204).send(null);
  });
}
