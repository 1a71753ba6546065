import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../lib/deps.ts';
import { sconulRoutes } from './sconul.routes.ts';
import { sconulService } from './sconul.service.ts';

/** SCONUL's training user hours (attendees × duration of teaching engagements) per academic year and org unit. */
export function registerSconul(app: FastifyInstance, deps: AppDeps) {
  sconulRoutes(app, sconulService(deps));
}
