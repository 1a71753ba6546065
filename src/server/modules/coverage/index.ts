import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../lib/deps.ts';
import { coverageRoutes } from './coverage.routes.ts';
import { coverageService } from './coverage.service.ts';

export function registerCoverage(app: FastifyInstance, deps: AppDeps) {
  coverageRoutes(app, coverageService(deps));
}
