import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../lib/deps.ts';
import { codeMapsRoutes } from './code-maps.routes.ts';
import { importsRoutes } from './imports.routes.ts';
import { importsService } from './imports.service.ts';
import { importRunner } from './runner.ts';

/** The import framework: uploads, mapping, preview and background jobs for every source. */
export function registerImports(app: FastifyInstance, deps: AppDeps) {
  const max = deps.config.imports.maxUploadBytes;
  // one file per request; any other part or field is refused rather than buffered
  void app.register(multipart, { limits: { fileSize: max, files: 1, fields: 0, parts: 1, fieldSize: 0 }, throwFileSizeLimit: true });
  const runner = importRunner({ db: deps.db, clock: deps.clock, batchRows: deps.config.imports.batchRows }, app.log);
  importsRoutes(app, importsService(deps, runner));
  codeMapsRoutes(app, deps);
  app.addHook('onReady', () => runner.resume());
  app.addHook('onClose', () => runner.stop());
}
