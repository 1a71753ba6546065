import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../lib/deps.ts';
import { engagementsRoutes } from './engagements.routes.ts';
import { engagementsService } from './engagements.service.ts';

export function registerEngagements(app: FastifyInstance, deps: AppDeps) {
  engagementsRoutes(app, engagementsService(deps));
}
