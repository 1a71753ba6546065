import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../lib/deps.ts';
import { metricsRoutes } from './metrics.routes.ts';
import { metricsService } from './metrics.service.ts';

/** Metrics: definitions, figures per org unit and period, and a unit's trend against the institution's average. */
export function registerMetrics(app: FastifyInstance, deps: AppDeps) {
  metricsRoutes(app, metricsService(deps));
}
