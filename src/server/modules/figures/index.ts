import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../lib/deps.ts';
import { figuresRoutes } from './figures.routes.ts';
import { figuresService } from './figures.service.ts';

/** Outside figures (NSS, reading lists) per department, and the outside codes waiting for a department. */
export function registerFigures(app: FastifyInstance, deps: AppDeps) {
  figuresRoutes(app, figuresService(deps));
}
