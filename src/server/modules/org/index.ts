import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../lib/deps.ts';
import { orgRoutes } from './org.routes.ts';
import { orgService } from './org.service.ts';

export function registerOrg(app: FastifyInstance, deps: AppDeps) {
  orgRoutes(app, orgService(deps));
}
