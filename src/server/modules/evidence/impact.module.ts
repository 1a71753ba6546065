import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../lib/deps.ts';

// SCAFFOLD: replaced by the real routes in this change
export function registerImpact(_app: FastifyInstance, _deps: AppDeps) {}
