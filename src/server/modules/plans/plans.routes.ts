import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { idParams, pageOf } from '../../../shared/contracts/common.ts';
import {
  actionBody, actionPlanDto, actionPlanSummaryDto, commentBody, createPlanBody, listPlansQuery, objectiveBody, updateActionBody, updateObjectiveBody, updatePlanBody,
} from '../../../shared/contracts/plans.ts';
import { actorOf } from '../../http/actor.ts';
import { errorResponses, typed } from '../../http/route.ts';
import type { PlanItemsService } from './plan-items.service.ts';
import type { PlansService } from './plans.service.ts';

export function plansRoutes(app: FastifyInstance, svc: PlansService, parts: PlanItemsService) {
  const r = typed(app);
  const tags = ['action plans'];
  const plan = { 200: actionPlanDto, ...errorResponses };
  const created = { 201: actionPlanDto, ...errorResponses };
  const gone = { 204: z.null(), ...errorResponses };

  r.get('/api/v1/action-plans', { schema: { tags, querystring: listPlansQuery, response: { 200: pageOf(actionPlanSummaryDto), ...errorResponses } } }, (req) =>
    svc.list(actorOf(req), req.query));
  r.get('/api/v1/action-plans/:id', { schema: { tags, params: idParams, response: plan } }, (req) =>
    svc.get(actorOf(req), req.params.id));
  r.post('/api/v1/action-plans', { schema: { tags, body: createPlanBody, response: created } }, async (req, reply) =>
    reply.status(201).send(await svc.create(actorOf(req), req.body)));
  r.patch('/api/v1/action-plans/:id', { schema: { tags, params: idParams, body: updatePlanBody, response: plan } }, (req) =>
    svc.update(actorOf(req), req.params.id, req.body));
  r.delete('/api/v1/action-plans/:id', { schema: { tags, params: idParams, response: gone } }, async (req, reply) => {
    await svc.remove(actorOf(req), req.params.id);
    return reply.status(204).send(null);
  });

  r.post('/api/v1/action-plans/:id/objectives', { schema: { tags, params: idParams, body: objectiveBody, response: created } }, async (req, reply) =>
    reply.status(201).send(await parts.addObjective(actorOf(req), req.params.id, req.body)));
  r.patch('/api/v1/plan-objectives/:id', { schema: { tags, params: idParams, body: updateObjectiveBody, response: plan } }, (req) =>
    parts.updateObjective(actorOf(req), req.params.id, req.body));
  r.delete('/api/v1/plan-objectives/:id', { schema: { tags, params: idParams, response: gone } }, async (req, reply) => {
    await parts.removeObjective(actorOf(req), req.params.id);
    return reply.status(204).send(null);
  });

  r.post('/api/v1/action-plans/:id/actions', { schema: { tags, params: idParams, body: actionBody, response: created } }, async (req, reply) =>
    reply.status(201).send(await parts.addAction(actorOf(req), req.params.id, req.body)));
  r.patch('/api/v1/plan-actions/:id', { schema: { tags, params: idParams, body: updateActionBody, response: plan } }, (req) =>
    parts.updateAction(actorOf(req), req.params.id, req.body));
  r.delete('/api/v1/plan-actions/:id', { schema: { tags, params: idParams, response: gone } }, async (req, reply) => {
    await parts.removeAction(actorOf(req), req.params.id);
    return reply.status(204).send(null);
  });

  r.post('/api/v1/action-plans/:id/comments', { schema: { tags, params: idParams, body: commentBody, response: created } }, async (req, reply) =>
    reply.status(201).send(await parts.addComment(actorOf(req), req.params.id, req.body)));
}
