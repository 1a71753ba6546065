import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../lib/deps.ts';
import { impactRoutes } from './impact.routes.ts';
import { impactService } from './impact.service.ts';

/** Impact evaluations (Worcester's template): CRUD and the narrative's Markdown and HTML exports. */
export function registerImpact(app: FastifyInstance, deps: AppDeps) {
  impactRoutes(app, impactService(deps));
}
