import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../lib/deps.ts';
import { reportBatchJobs } from './batch-jobs.ts';
import { reportData } from './report-data.ts';
import { reportSharesRoutes, reportSharesService } from './report-shares.ts';
import { reportsRoutes } from './reports.routes.ts';
import { reportsService } from './reports.service.ts';

/** For the nudges feed: a department's report for the year just ended, not yet discussed. */
export { dueReports, type DueReport } from './due.ts';

/** Annual departmental reports: figures computed from the data, words written by people. */
export function registerReports(app: FastifyInstance, deps: AppDeps) {
  reportsRoutes(app, reportsService(deps), reportBatchJobs(deps, app.log));
  reportSharesRoutes(app, reportSharesService(deps, reportData(deps)));
}
