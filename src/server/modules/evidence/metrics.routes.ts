import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { idParams, pageOf } from '../../../shared/contracts/common.ts';
import {
  createMetricBody, listMetricValuesQuery, metricDefinitionDto, metricListDto, metricValueDto, metricValueKeyQuery, orgUnitMetricsDto, putMetricValueBody,
  updateMetricBody,
} from '../../../shared/contracts/metrics.ts';
import { actorOf } from '../../http/actor.ts';
import { errorResponses, typed } from '../../http/route.ts';
import type { MetricsService } from './metrics.service.ts';

export function metricsRoutes(app: FastifyInstance, svc: MetricsService) {
  const r = typed(app);
  const tags = ['evidence'];
  const deleted = { 204: z.null(), ...errorResponses };

  r.get('/api/v1/metrics', { schema: { tags, response: { 200: metricListDto, ...errorResponses } } }, (req) =>
    svc.list(actorOf(req)));
  r.get('/api/v1/metrics/:id', { schema: { tags, params: idParams, response: { 200: metricDefinitionDto, ...errorResponses } } }, (req) =>
    svc.get(actorOf(req), req.params.id));
  r.post('/api/v1/metrics', { schema: { tags, body: createMetricBody, response: { 201: metricDefinitionDto, ...errorResponses } } }, async (req, reply) =>
    reply.status(201).send(await svc.create(actorOf(req), req.body)));
  r.patch('/api/v1/metrics/:id', { schema: { tags, params: idParams, body: updateMetricBody, response: { 200: metricDefinitionDto, ...errorResponses } } }, (req) =>
    svc.update(actorOf(req), req.params.id, req.body));
  r.delete('/api/v1/metrics/:id', { schema: { tags, params: idParams, response: deleted } }, async (req, reply) => {
    await svc.remove(actorOf(req), req.params.id);
    return reply.status(204).send(null);
  });

  r.get('/api/v1/metrics/:id/values', { schema: { tags, params: idParams, querystring: listMetricValuesQuery, response: { 200: pageOf(metricValueDto), ...errorResponses } } }, (req) =>
    svc.listValues(actorOf(req), req.params.id, req.query));
  r.put('/api/v1/metrics/:id/values', { schema: { tags, params: idParams, body: putMetricValueBody, response: { 200: metricValueDto, ...errorResponses } } }, (req) =>
    svc.putValue(actorOf(req), req.params.id, req.body));
  r.delete('/api/v1/metrics/:id/values', { schema: { tags, params: idParams, querystring: metricValueKeyQuery, response: deleted } }, async (req, reply) => {
    await svc.removeValue(actorOf(req), req.params.id, req.query);
    return reply.status(204).send(null);
  });

  r.get('/api/v1/org-units/:id/metrics', { schema: { tags, params: idParams, response: { 200: orgUnitMetricsDto, ...errorResponses } } }, (req) =>
    svc.forOrgUnit(actorOf(req), req.params.id));
}
