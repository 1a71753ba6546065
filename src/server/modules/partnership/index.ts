import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../lib/deps.ts';
import { partnershipRoutes } from './partnership.routes.ts';
import { partnershipService } from './partnership.service.ts';

export { complianceByUnit, type UnitCompliance } from './compliance.ts';

export function registerPartnership(app: FastifyInstance, deps: AppDeps) {
  partnershipRoutes(app, partnershipService(deps));
}
