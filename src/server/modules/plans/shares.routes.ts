import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { idParams } from '../../../shared/contracts/common.ts';
import {
  createdShareLinkDto, createShareLinkBody, shareAgreementBody, shareCommentBody, sharedPlanDto, shareLinkDto, tokenParams,
} from '../../../shared/contracts/plans.ts';
import { errorBodySchema } from '../../../shared/errors.ts';
import { actorOf } from '../../http/actor.ts';
import { errorResponses, typed } from '../../http/route.ts';
import type { SharesService } from './shares.service.ts';

/** A partner's link answers without a session; a per-address ceiling keeps tokens from being guessed in bulk. */
const PUBLIC = { public: true, rateLimit: { max: 60, timeWindow: '1 minute' } };

export function sharesRoutes(app: FastifyInstance, svc: SharesService) {
  const r = typed(app);
  const tags = ['action plans'];

  r.post('/api/v1/action-plans/:id/share-links', { schema: { tags, params: idParams, body: createShareLinkBody, response: { 201: createdShareLinkDto, ...errorResponses } } }, async (req, reply) =>
    reply.status(201).send(await svc.create(actorOf(req), req.params.id, req.body)));
  r.get('/api/v1/action-plans/:id/share-links', { schema: { tags, params: idParams, response: { 200: z.array(shareLinkDto), ...errorResponses } } }, (req) =>
    svc.list(actorOf(req), req.params.id));
  r.delete('/api/v1/share-links/:id', { schema: { tags, params: idParams, response: { 204: z.null(), ...errorResponses } } }, async (req, reply) => {
    await svc.revoke(actorOf(req), req.params.id);
    return reply.status(204).send(null);
  });

  const shared = { 400: errorBodySchema, 404: errorBodySchema, 415: errorBodySchema, 429: errorBodySchema };
  r.get('/api/v1/shared/:token', { config: PUBLIC, schema: { tags, params: tokenParams, response: { 200: sharedPlanDto, ...shared } } }, (req) =>
    svc.read(req.params.token, req.id));
  r.post('/api/v1/shared/:token/agreement', { config: PUBLIC, schema: { tags, params: tokenParams, body: shareAgreementBody, response: { 200: sharedPlanDto, ...shared } } }, (req) =>
    svc.agree(req.params.token, req.body, req.id));
  r.post('/api/v1/shared/:token/comments', { config: PUBLIC, schema: { tags, params: tokenParams, body: shareCommentBody, response: { 201: sharedPlanDto, ...shared } } }, async (req, reply) =>
    reply.status(201).send(await svc.comment(req.params.token, req.body, req.id)));
}
