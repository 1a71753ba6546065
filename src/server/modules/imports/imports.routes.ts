import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { idParams, pageOf } from '../../../shared/contracts/common.ts';
import { importJobDto, importSourceDto, listImportsQuery, mappingBody, previewDto, uploadImportQuery } from '../../../shared/contracts/imports.ts';
import { actorOf } from '../../http/actor.ts';
import { csvColumns, sendCsv } from '../../http/csv.ts';
import { invalid } from '../../http/errors.ts';
import { errorResponses, typed } from '../../http/route.ts';
import type { ImportsService } from './imports.service.ts';

const errorFileColumns = csvColumns<{ line: number; column_name: string | null; message: string }>({
  line: (r) => r.line,
  column: (r) => r.column_name,
  problem: (r) => r.message,
});

export function importsRoutes(app: FastifyInstance, svc: ImportsService) {
  const r = typed(app);
  const tags = ['imports'];

  r.get('/api/v1/imports/sources', { schema: { tags, response: { 200: z.object({ items: z.array(importSourceDto) }), ...errorResponses } } }, (req) => {
    actorOf(req);
    return svc.sources();
  });
  r.get('/api/v1/imports', { schema: { tags, querystring: listImportsQuery, response: { 200: pageOf(importJobDto), ...errorResponses } } }, (req) =>
    svc.list(actorOf(req), req.query));
  r.get('/api/v1/imports/:id', { schema: { tags, params: idParams, response: { 200: importJobDto, ...errorResponses } } }, (req) =>
    svc.get(actorOf(req), req.params.id));

  /** multipart/form-data with one part named `file`; streamed to disk, never held in memory. */
  r.post('/api/v1/imports', {
    schema: { tags, querystring: uploadImportQuery, consumes: ['multipart/form-data'], response: { 201: importJobDto, ...errorResponses, 413: errorResponses[400] } },
  }, async (req, reply) => {
    const actor = actorOf(req);
    if (!req.isMultipart()) throw invalid('file', 'send the file as multipart/form-data, in a part named “file”');
    const part = await req.file();
    if (!part || part.fieldname !== 'file') throw invalid('file', 'attach the file in a part named “file”');
    return reply.status(201).send(await svc.upload(actor, req.query.source, part.file, part.filename));
  });

  r.post('/api/v1/imports/:id/preview', { schema: { tags, params: idParams, body: mappingBody, response: { 200: previewDto, ...errorResponses } } }, (req) =>
    svc.preview(actorOf(req), req.params.id, req.body));
  r.post('/api/v1/imports/:id/start', { schema: { tags, params: idParams, body: mappingBody, response: { 202: importJobDto, ...errorResponses } } }, async (req, reply) =>
    reply.status(202).send(await svc.start(actorOf(req), req.params.id, req.body)));
  r.post('/api/v1/imports/:id/cancel', { schema: { tags, params: idParams, response: { 200: importJobDto, ...errorResponses } } }, (req) =>
    svc.cancel(actorOf(req), req.params.id));

  r.get('/api/v1/imports/:id/errors.csv', { schema: { tags, params: idParams, produces: ['text/csv'] } }, async (req, reply) => {
    const actor = actorOf(req);
    const name = (await svc.fileNameOf(actor, req.params.id)).replace(/\.[^.]*$/, '').replace(/[^\w.-]+/g, '-');
    return sendCsv(reply, `${name}-problems.csv`, errorFileColumns, (page, pageSize) => svc.errorPage(actor, req.params.id, page, pageSize));
  });
}
