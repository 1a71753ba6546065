import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../lib/deps.ts';
import { mergeRoutes } from './merge.routes.ts';
import { mergeService } from './merge.service.ts';
import { peopleRoutes } from './people.routes.ts';
import { peopleService } from './people.service.ts';

export function registerPeople(app: FastifyInstance, deps: AppDeps) {
  peopleRoutes(app, peopleService(deps));
  mergeRoutes(app, mergeService(deps));
}
