import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../lib/deps.ts';
import { opportunitiesRoutes } from './opportunities.routes.ts';
import { opportunitiesService } from './opportunities.service.ts';

export { coldOpportunities, type ColdOpportunity } from './ranking.ts';

export function registerOpportunities(app: FastifyInstance, deps: AppDeps) {
  opportunitiesRoutes(app, opportunitiesService(deps));
}
