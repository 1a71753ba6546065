import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../lib/deps.ts';
import { usageRoutes } from './usage.routes.ts';
import { usageService } from './usage.service.ts';

/** E-resource usage from COUNTER reports: institution-level, split by department only through title code maps. */
export function registerUsage(app: FastifyInstance, deps: AppDeps) {
  usageRoutes(app, usageService(deps));
}
