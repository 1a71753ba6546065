import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../lib/deps.ts';
import { planItemsService } from './plan-items.service.ts';
import { plansRoutes } from './plans.routes.ts';
import { plansService } from './plans.service.ts';
import { sharesRoutes } from './shares.routes.ts';
import { sharesService } from './shares.service.ts';

/** For the nudges feed: overdue actions become nudges. */
export { overdueActions, type OverdueAction } from './overdue.ts';

export function registerPlans(app: FastifyInstance, deps: AppDeps) {
  const plans = plansService(deps);
  plansRoutes(app, plans, planItemsService(deps, plans));
  sharesRoutes(app, sharesService(deps));
}
