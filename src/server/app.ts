import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import type { Config } from './config.ts';
import type { Dialect } from './db/dialect.ts';
import type { Db } from './db/types.ts';
import { installErrorHandler } from './http/errors.ts';
import { typed } from './http/route.ts';
import { systemClock, type Clock } from './lib/clock.ts';
import { newId } from './lib/ids.ts';
import type { AppDeps } from './lib/deps.ts';
import { registerAudit } from './modules/audit/index.ts';
import { registerCoverage } from './modules/coverage/index.ts';
import { registerEngagements } from './modules/engagements/index.ts';
import { registerEvidence } from './modules/evidence/index.ts';
import { registerIdentity } from './modules/identity/index.ts';
import { registerImports } from './modules/imports/index.ts';
import { registerFigures } from './modules/figures/index.ts';
import { registerUsage } from './modules/usage/index.ts';
import { registerCapture } from './modules/capture/index.ts';
import { registerReports } from './modules/reports/index.ts';
import { registerNudges } from './modules/nudges/index.ts';
import { registerOpportunities } from './modules/opportunities/index.ts';
import { registerOrg } from './modules/org/index.ts';
import { registerPartnership } from './modules/partnership/index.ts';
import { registerPeople } from './modules/people/index.ts';
import { registerPlanning } from './modules/planning/index.ts';
import { registerPlans } from './modules/plans/index.ts';
import { registerRelationships } from './modules/relationships/index.ts';
import { registerSearch } from './modules/search/index.ts';

export interface BuildOptions {
  config: Config;
  db: Db;
  dialect: Dialect;
  clock?: Clock;
  /** folder of the built web app; served with an SPA fallback when it exists */
  webRoot?: string;
  logger?: boolean;
}

const hopTrust = (n: number) => (_addr: string, i: number) => i < n;

export async function buildApp(opts: BuildOptions): Promise<FastifyInstance> {
  const deps: AppDeps = { db: opts.db, dialect: opts.dialect, clock: opts.clock ?? systemClock, config: opts.config };
  const app = Fastify({
    logger: opts.logger === false ? false : { level: opts.config.logLevel, redact: ['req.headers.cookie', 'req.headers["x-csrf-token"]'] },
    genReqId: () => newId(),
    // a hop count n means: believe the n nearest X-Forwarded-For entries
    trustProxy: typeof opts.config.trustProxy === 'number' ? hopTrust(opts.config.trustProxy) : opts.config.trustProxy,
    bodyLimit: 1024 * 1024,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app, opts.dialect);

  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // Mantine and Swagger UI set inline styles
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
      },
    },
  });
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      info: { title: 'Rapport API', version: '1', description: 'Relationship management for university libraries. Sign in with POST /api/v1/auth/login; send the returned csrfToken as x-csrf-token on every mutating request.' },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  registerIdentity(app, deps);
  registerOrg(app, deps);
  registerPeople(app, deps);
  registerCoverage(app, deps);
  registerEngagements(app, deps);
  registerPartnership(app, deps);
  registerRelationships(app, deps);
  registerNudges(app, deps);
  registerPlanning(app, deps);
  registerOpportunities(app, deps);
  registerPlans(app, deps);
  registerEvidence(app, deps);
  registerImports(app, deps);
  registerFigures(app, deps);
  registerUsage(app, deps);
  registerCapture(app, deps);
  registerReports(app, deps);
  registerSearch(app, deps);
  registerAudit(app, deps);

  typed(app).get('/api/v1/health', {
    config: { public: true },
    schema: { tags: ['system'], response: { 200: z.object({ status: z.literal('ok'), database: z.enum(['sqlite', 'postgres']) }) } },
  }, async () => {
    await sql`SELECT 1`.execute(opts.db);
    return { status: 'ok' as const, database: opts.dialect.kind };
  });
  app.get('/api/openapi.json', { config: { public: true }, schema: { hide: true } }, () => app.swagger());

  const webRoot = resolve(opts.webRoot ?? 'dist/web');
  if (existsSync(resolve(webRoot, 'index.html'))) {
    await app.register(fastifyStatic, { root: webRoot, wildcard: false, index: false, maxAge: '1h' });
    // SPA fallback: any page path that is not an API or an asset gets the app shell
    app.get('/*', { config: { public: true }, schema: { hide: true } }, (req, reply) => {
      if (req.url.startsWith('/api/')) return reply.callNotFound();
      // a partner's share link must not end up in a search engine's index
      if (req.url.startsWith('/shared/') || req.url.startsWith('/shared-report/')) reply.header('x-robots-tag', 'noindex, nofollow');
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    });
  }
  return app;
}
