import type { FastifyInstance } from 'fastify';
import {
  nssFiguresDto, nssFiguresQuery, readingListCoverageDto, readingListsQuery, unmappedDto, unmappedQuery,
} from '../../../shared/contracts/figures.ts';
import { actorOf } from '../../http/actor.ts';
import { errorResponses, typed } from '../../http/route.ts';
import type { FiguresService } from './figures.service.ts';

/** Read-only: any signed-in role; each answer is the asker's institution's. */
export function figuresRoutes(app: FastifyInstance, svc: FiguresService) {
  const r = typed(app);
  const tags = ['figures'];

  r.get('/api/v1/figures/nss', { schema: { tags, querystring: nssFiguresQuery, response: { 200: nssFiguresDto, ...errorResponses } } }, (req) =>
    svc.nss(actorOf(req), req.query));
  r.get('/api/v1/figures/unmapped', { schema: { tags, querystring: unmappedQuery, response: { 200: unmappedDto, ...errorResponses } } }, (req) =>
    svc.unmapped(actorOf(req), req.query));
  r.get('/api/v1/figures/reading-lists', { schema: { tags, querystring: readingListsQuery, response: { 200: readingListCoverageDto, ...errorResponses } } }, (req) =>
    svc.readingLists(actorOf(req), req.query));
}
