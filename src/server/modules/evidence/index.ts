import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../lib/deps.ts';
import { registerEvidenceSnapshots } from './evidence.module.ts';
import { registerImpact } from './impact.module.ts';
import { registerMetrics } from './metrics.module.ts';
import { registerSconul } from './sconul.module.ts';

/** Evidence of impact: snapshots, impact evaluations, metrics and the SCONUL training-hours figure. */
export function registerEvidence(app: FastifyInstance, deps: AppDeps) {
  registerEvidenceSnapshots(app, deps);
  registerImpact(app, deps);
  registerMetrics(app, deps);
  registerSconul(app, deps);
}
