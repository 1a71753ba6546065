import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../lib/deps.ts';

/** PLACEHOLDER: the usage context's routes, filled by the helper building it. */
export function registerUsage(app: FastifyInstance, deps: AppDeps) {
  void app;
  void deps;
}
