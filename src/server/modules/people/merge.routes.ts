import type { FastifyInstance } from 'fastify';
import { pageOf } from '../../../shared/contracts/common.ts';
import { duplicateGroupDto, duplicatesQuery, mergePeopleBody, mergeResultDto } from '../../../shared/contracts/people-merge.ts';
import { actorOf } from '../../http/actor.ts';
import { errorResponses, typed } from '../../http/route.ts';
import type { MergeService } from './merge.service.ts';

export function mergeRoutes(app: FastifyInstance, svc: MergeService) {
  const r = typed(app);
  const tags = ['people'];
  r.get('/api/v1/people/duplicates', { schema: { tags, querystring: duplicatesQuery, response: { 200: pageOf(duplicateGroupDto), ...errorResponses } } }, (req) =>
    svc.duplicates(actorOf(req), req.query));
  r.post('/api/v1/people/merge', { schema: { tags, body: mergePeopleBody, response: { 200: mergeResultDto, ...errorResponses } } }, (req) =>
    svc.merge(actorOf(req), req.body));
}
