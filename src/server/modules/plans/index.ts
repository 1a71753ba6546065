import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../lib/deps.ts';

/** Wires the context's routes (filled in as the context is built). */
export function registerPlans(_app: FastifyInstance, _deps: AppDeps) {}
