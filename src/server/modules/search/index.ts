import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../lib/deps.ts';

export function registerSearch(_app: FastifyInstance, _deps: AppDeps) {
  // routes arrive with this context
}
