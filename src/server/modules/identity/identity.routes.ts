import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { idParams, pageOf } from '../../../shared/contracts/common.ts';
import { createUserBody, listUsersQuery, loginBody, meDto, updateUserBody, userDto } from '../../../shared/contracts/identity.ts';
import { errorBodySchema } from '../../../shared/errors.ts';
import { actorOf } from '../../http/actor.ts';
import { errorResponses, typed } from '../../http/route.ts';
import { clearSessionCookie, setSessionCookie } from './auth.plugin.ts';
import type { IdentityService } from './identity.service.ts';

export function identityRoutes(app: FastifyInstance, svc: IdentityService, opts: { secureCookies: boolean; loginRateLimit: number; sessionAbsoluteMs: number }) {
  const r = typed(app);
  const tags = ['identity'];

  r.post('/api/v1/auth/login', {
    config: { public: true, rateLimit: { max: opts.loginRateLimit, timeWindow: '1 minute' } },
    schema: { tags, body: loginBody, response: { 200: meDto, 400: errorBodySchema, 401: errorBodySchema, 429: errorBodySchema } },
  }, async (req, reply) => {
    const { token, me } = await svc.login(req.body, req.id, req.sessionId);
    setSessionCookie(reply, token, opts.secureCookies, opts.sessionAbsoluteMs);
    return me;
  });

  r.post('/api/v1/auth/logout', { schema: { tags, response: { 204: z.null(), ...errorResponses } } }, async (req, reply) => {
    await svc.logout(actorOf(req), req.sessionId ?? '');
    clearSessionCookie(reply, opts.secureCookies);
    return reply.status(204).send(null);
  });

  r.get('/api/v1/auth/me', { schema: { tags, response: { 200: meDto, ...errorResponses } } }, (req) =>
    svc.me(actorOf(req), req.csrfToken ?? ''));

  r.get('/api/v1/users', { schema: { tags, querystring: listUsersQuery, response: { 200: pageOf(userDto), ...errorResponses } } }, (req) =>
    svc.listUsers(actorOf(req), req.query));

  r.get('/api/v1/users/:id', { schema: { tags, params: idParams, response: { 200: userDto, ...errorResponses } } }, (req) =>
    svc.getUser(actorOf(req), req.params.id));

  r.post('/api/v1/users', { schema: { tags, body: createUserBody, response: { 201: userDto, ...errorResponses } } }, async (req, reply) =>
    reply.status(201).send(await svc.createUser(actorOf(req), req.body)));

  r.patch('/api/v1/users/:id', { schema: { tags, params: idParams, body: updateUserBody, response: { 200: userDto, ...errorResponses } } }, (req) =>
    svc.updateUser(actorOf(req), req.params.id, req.body));
}
