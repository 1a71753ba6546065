import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../lib/deps.ts';
import { relationshipsRoutes } from './relationships.routes.ts';
import { relationshipsService } from './relationships.service.ts';

export function registerRelationships(app: FastifyInstance, deps: AppDeps) {
  relationshipsRoutes(app, relationshipsService(deps));
}
