import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../lib/deps.ts';

export function registerPartnership(_app: FastifyInstance, _deps: AppDeps) {}
