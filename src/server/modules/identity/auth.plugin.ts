import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Clock } from '../../lib/clock.ts';
import type { Db } from '../../db/types.ts';
import { AppError } from '../../http/errors.ts';
import { resolveSession, SESSION_COOKIE, type Lifetimes } from './sessions.ts';

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
export const CSRF_HEADER = 'x-csrf-token';

// Compares bytes, not characters: a header of the right length in non-ASCII characters has more bytes,
// and timingSafeEqual throws on unequal lengths.
function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Every API route requires a session unless its config says `public: true`.
 * Mutating requests with a session must echo the session's CSRF token in a header
 * (synchroniser token); public mutating routes accept JSON only, which a cross-site
 * form cannot send without a CORS preflight.
 */
export function installAuth(app: FastifyInstance, deps: { db: Db; clock: Clock; lifetimes: Lifetimes }): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionId', null);
  app.decorateRequest('csrfToken', null);

  app.addHook('onRequest', async (req) => {
    const token = req.cookies[SESSION_COOKIE];
    if (token) {
      const s = await resolveSession(deps.db, deps.clock, deps.lifetimes, token);
      if (s) {
        req.actor = { userId: s.userId, institutionId: s.institutionId, role: s.role, requestId: req.id };
        req.sessionId = s.sessionId;
        req.csrfToken = s.csrfToken;
      }
    }
    const isApi = req.url.startsWith('/api/v1/');
    const isPublic = req.routeOptions.config?.public === true;
    if (!isApi || isPublic) {
      if (isApi && MUTATING.has(req.method) && !req.headers['content-type']?.startsWith('application/json')) {
        throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send application/json');
      }
      return;
    }
    if (!req.actor) throw new AppError('UNAUTHENTICATED', 'Sign in first');
    if (MUTATING.has(req.method)) {
      const sent = req.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || !req.csrfToken || !sameToken(sent, req.csrfToken)) {
        throw new AppError('CSRF', `Missing or wrong ${CSRF_HEADER} header`);
      }
    }
  });
}

export function setSessionCookie(reply: FastifyReply, token: string, secure: boolean, maxAgeMs: number): void {
  reply.setCookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure, path: '/', maxAge: Math.floor(maxAgeMs / 1000) });
}

export function clearSessionCookie(reply: FastifyReply, secure: boolean): void {
  reply.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', secure, path: '/' });
}

declare module 'fastify' {
  interface FastifyRequest {
    csrfToken: string | null;
  }
}
