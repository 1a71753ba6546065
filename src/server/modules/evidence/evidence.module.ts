import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../lib/deps.ts';
import { evidenceRoutes } from './evidence.routes.ts';
import { evidenceService } from './evidence.service.ts';

/** Evidence snapshots: quotes, feedback, observations and figures, captured as they happen. */
export function registerEvidenceSnapshots(app: FastifyInstance, deps: AppDeps) {
  evidenceRoutes(app, evidenceService(deps));
}
