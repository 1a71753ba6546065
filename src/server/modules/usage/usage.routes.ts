import type { FastifyInstance } from 'fastify';
import { usageByDepartmentDto, usageDto, usageMetricQuery, usageQuery, usageTitlesDto, usageTitlesQuery } from '../../../shared/contracts/usage.ts';
import { actorOf } from '../../http/actor.ts';
import { errorResponses, typed } from '../../http/route.ts';
import type { UsageService } from './usage.service.ts';

/** Read-only: any signed-in role; every answer is the caller's institution's and says it is institution-level. */
export function usageRoutes(app: FastifyInstance, svc: UsageService) {
  const r = typed(app);
  const tags = ['usage'];

  r.get('/api/v1/usage', { schema: { tags, querystring: usageQuery, response: { 200: usageDto, ...errorResponses } } }, (req) =>
    svc.usage(actorOf(req), req.query));
  r.get('/api/v1/usage/by-department', { schema: { tags, querystring: usageMetricQuery, response: { 200: usageByDepartmentDto, ...errorResponses } } }, (req) =>
    svc.byDepartment(actorOf(req), req.query));
  r.get('/api/v1/usage/titles', { schema: { tags, querystring: usageTitlesQuery, response: { 200: usageTitlesDto, ...errorResponses } } }, (req) =>
    svc.titles(actorOf(req), req.query));
}
