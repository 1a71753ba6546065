import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../lib/deps.ts';

export function registerRelationships(_app: FastifyInstance, _deps: AppDeps) {}
