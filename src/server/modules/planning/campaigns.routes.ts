import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { campaignDetailDto, campaignDto, createCampaignBody, listCampaignsQuery, updateCampaignBody } from '../../../shared/contracts/campaigns.ts';
import { idParams, pageOf } from '../../../shared/contracts/common.ts';
import { actorOf } from '../../http/actor.ts';
import { errorResponses, typed } from '../../http/route.ts';
import type { CampaignsService } from './campaigns.service.ts';

export function campaignsRoutes(app: FastifyInstance, svc: CampaignsService) {
  const r = typed(app);
  const tags = ['planning'];

  r.get('/api/v1/campaigns', { schema: { tags, querystring: listCampaignsQuery, response: { 200: pageOf(campaignDto), ...errorResponses } } }, (req) =>
    svc.list(actorOf(req), req.query));
  r.get('/api/v1/campaigns/:id', { schema: { tags, params: idParams, response: { 200: campaignDetailDto, ...errorResponses } } }, (req) =>
    svc.detail(actorOf(req), req.params.id));
  r.post('/api/v1/campaigns', { schema: { tags, body: createCampaignBody, response: { 201: campaignDto, ...errorResponses } } }, async (req, reply) =>
    reply.status(201).send(await svc.create(actorOf(req), req.body)));
  r.patch('/api/v1/campaigns/:id', { schema: { tags, params: idParams, body: updateCampaignBody, response: { 200: campaignDto, ...errorResponses } } }, (req) =>
    svc.update(actorOf(req), req.params.id, req.body));
  r.delete('/api/v1/campaigns/:id', { schema: { tags, params: idParams, response: { 204: z.null(), ...errorResponses } } }, async (req, reply) => {
    await svc.remove(actorOf(req), req.params.id);
    return reply.status(204).send(null);
  });
}
