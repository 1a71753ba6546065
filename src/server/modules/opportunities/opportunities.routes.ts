import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { idParams, pageOf, pageQuery } from '../../../shared/contracts/common.ts';
import {
  boardDto, createOpportunityBody, engagementLinkBody, engagementLinkParams, listOpportunitiesQuery, milestoneBody, opportunityDetailDto, opportunityDto, opportunityFilters, prioritiesDto, stageChangeBody,
  updateOpportunityBody,
} from '../../../shared/contracts/opportunities.ts';
import { actorOf } from '../../http/actor.ts';
import { errorResponses, typed } from '../../http/route.ts';
import type { OpportunitiesService } from './opportunities.service.ts';

export function opportunitiesRoutes(app: FastifyInstance, svc: OpportunitiesService) {
  const r = typed(app);
  const tags = ['opportunities'];
  const base = '/api/v1/opportunities';

  r.get(base, { schema: { tags, querystring: listOpportunitiesQuery, response: { 200: pageOf(opportunityDto), ...errorResponses } } }, (req) =>
    svc.list(actorOf(req), req.query));
  // the fixed paths before /:id
  r.get(`${base}/board`, { schema: { tags, querystring: opportunityFilters, response: { 200: boardDto, ...errorResponses } } }, (req) =>
    svc.board(actorOf(req), req.query));
  r.get(`${base}/triage`, { schema: { tags, querystring: pageQuery, response: { 200: pageOf(opportunityDto), ...errorResponses } } }, (req) =>
    svc.triage(actorOf(req), req.query));
  r.get(`${base}/priorities`, { schema: { tags, response: { 200: prioritiesDto, ...errorResponses } } }, (req) =>
    svc.priorities(actorOf(req)));
  r.get(`${base}/:id`, { schema: { tags, params: idParams, response: { 200: opportunityDetailDto, ...errorResponses } } }, (req) =>
    svc.get(actorOf(req), req.params.id));
  r.post(base, { schema: { tags, body: createOpportunityBody, response: { 201: opportunityDetailDto, ...errorResponses } } }, async (req, reply) =>
    reply.status(201).send(await svc.create(actorOf(req), req.body)));
  r.patch(`${base}/:id`, { schema: { tags, params: idParams, body: updateOpportunityBody, response: { 200: opportunityDetailDto, ...errorResponses } } }, (req) =>
    svc.update(actorOf(req), req.params.id, req.body));
  r.post(`${base}/:id/stage`, { schema: { tags, params: idParams, body: stageChangeBody, response: { 200: opportunityDetailDto, ...errorResponses } } }, (req) =>
    svc.changeStage(actorOf(req), req.params.id, req.body));
  r.post(`${base}/:id/engagements`, { schema: { tags, params: idParams, body: engagementLinkBody, response: { 200: opportunityDetailDto, ...errorResponses } } }, (req) =>
    svc.linkEngagement(actorOf(req), req.params.id, req.body.engagementId));
  r.delete(`${base}/:id/engagements/:engagementId`, { schema: { tags, params: engagementLinkParams, response: { 200: opportunityDetailDto, ...errorResponses } } }, (req) =>
    svc.unlinkEngagement(actorOf(req), req.params.id, req.params.engagementId));
  r.post(`${base}/:id/milestone`, { schema: { tags, params: idParams, body: milestoneBody, response: { 200: opportunityDetailDto, ...errorResponses } } }, (req) =>
    svc.recordMilestone(actorOf(req), req.params.id, req.body));
  r.delete(`${base}/:id`, { schema: { tags, params: idParams, response: { 204: z.null(), ...errorResponses } } }, async (req, reply) => {
    await svc.remove(actorOf(req), req.params.id);
    return reply.status(204).send(null);
  });
}
