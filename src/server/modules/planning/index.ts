import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../lib/deps.ts';
import { campaignsRoutes } from './campaigns.routes.ts';
import { campaignsService } from './campaigns.service.ts';
import { goalsRoutes } from './goals.routes.ts';
import { goalsService } from './goals.service.ts';

/** Strategic goals (goal → objective) and service-wide campaigns. */
export function registerPlanning(app: FastifyInstance, deps: AppDeps) {
  goalsRoutes(app, goalsService(deps));
  campaignsRoutes(app, campaignsService(deps));
}
