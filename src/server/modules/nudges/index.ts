import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../lib/deps.ts';
import { nudgesRoutes } from './nudges.routes.ts';
import { nudgesService } from './nudges.service.ts';

export function registerNudges(app: FastifyInstance, deps: AppDeps) {
  nudgesRoutes(app, nudgesService(deps));
}
