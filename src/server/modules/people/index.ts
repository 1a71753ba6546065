import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../lib/deps.ts';
import { peopleRoutes } from './people.routes.ts';
import { peopleService } from './people.service.ts';

export function registerPeople(app: FastifyInstance, deps: AppDeps) {
  peopleRoutes(app, peopleService(deps));
}
