import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../lib/deps.ts';
import { installAuth } from './auth.plugin.ts';
import { identityRoutes } from './identity.routes.ts';
import { identityService } from './identity.service.ts';

export function registerIdentity(app: FastifyInstance, deps: AppDeps) {
  const lifetimes = { sessionIdleMs: deps.config.sessionIdleMs, sessionAbsoluteMs: deps.config.sessionAbsoluteMs };
  installAuth(app, { db: deps.db, clock: deps.clock, lifetimes });
  identityRoutes(app, identityService({ db: deps.db, clock: deps.clock, lifetimes }), {
    secureCookies: deps.config.secureCookies,
    loginRateLimit: deps.config.loginRateLimit,
    sessionAbsoluteMs: deps.config.sessionAbsoluteMs,
  });
}
