import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  captureItemDto, captureUploadDto, confirmCaptureBody, confirmCaptureDto, listCaptureQuery, matchCaptureBody,
} from '../../../shared/contracts/capture.ts';
import { idParams, pageOf } from '../../../shared/contracts/common.ts';
import { actorOf } from '../../http/actor.ts';
import { AppError, invalid } from '../../http/errors.ts';
import { errorResponses, typed } from '../../http/route.ts';
import type { CaptureService } from './capture.service.ts';

/** A calendar export or a saved message is parsed whole, in memory: far below an import's limit. */
export const MAX_CAPTURE_BYTES = 10 * 1024 * 1024;

/**
 * The one file of a multipart upload, in memory: calendars and messages are parsed whole. A larger
 * one is stopped while it streams in, at `maxBytes`.
 */
async function fileOf(req: FastifyRequest, maxBytes: number): Promise<Buffer> {
  if (!req.isMultipart()) throw invalid('file', 'send the file as multipart/form-data, in a part named “file”');
  const part = await req.file({ limits: { fileSize: maxBytes } });
  if (!part || part.fieldname !== 'file') throw invalid('file', 'attach the file in a part named “file”');
  let buf: Buffer;
  try {
    buf = await part.toBuffer();
  } catch (err) {
    if (typeof err === 'object' && err !== null && 'code' in err && err.code === 'FST_REQ_FILE_TOO_LARGE') {
      const message = `is larger than the ${Number((maxBytes / 1024 / 1024).toPrecision(3))} MB limit`;
      throw new AppError('PAYLOAD_TOO_LARGE', `file: ${message}`, [{ field: 'file', message }]);
    }
    throw err;
  }
  if (!buf.length) throw invalid('file', 'is empty');
  return buf;
}

export function captureRoutes(app: FastifyInstance, svc: CaptureService, maxUploadBytes: number) {
  const r = typed(app);
  const tags = ['capture'];
  const upload = { tags, consumes: ['multipart/form-data'], response: { 201: captureUploadDto, ...errorResponses, 413: errorResponses[400] } };

  r.get('/api/v1/capture', { schema: { tags, querystring: listCaptureQuery, response: { 200: pageOf(captureItemDto), ...errorResponses } } }, (req) =>
    svc.list(actorOf(req), req.query));
  r.get('/api/v1/capture/:id', { schema: { tags, params: idParams, response: { 200: captureItemDto, ...errorResponses } } }, (req) =>
    svc.get(actorOf(req), req.params.id));

  /** An .ics calendar export (Outlook, Google): one part named `file`. */
  r.post('/api/v1/capture/ics', { schema: upload }, async (req, reply) => {
    const actor = actorOf(req);
    return reply.status(201).send(await svc.uploadIcs(actor, await fileOf(req, maxUploadBytes)));
  });
  /** One saved email (.eml): one part named `file`. */
  r.post('/api/v1/capture/eml', { schema: upload }, async (req, reply) => {
    const actor = actorOf(req);
    return reply.status(201).send(await svc.uploadEml(actor, await fileOf(req, maxUploadBytes)));
  });

  r.post('/api/v1/capture/:id/confirm', { schema: { tags, params: idParams, body: confirmCaptureBody.optional(), response: { 200: confirmCaptureDto, ...errorResponses } } }, (req) =>
    svc.confirm(actorOf(req), req.params.id, req.body ?? {}));
  r.post('/api/v1/capture/:id/dismiss', { schema: { tags, params: idParams, body: z.strictObject({}).optional(), response: { 200: captureItemDto, ...errorResponses } } }, (req) =>
    svc.dismiss(actorOf(req), req.params.id));
  r.post('/api/v1/capture/:id/match', { schema: { tags, params: idParams, body: matchCaptureBody, response: { 200: captureItemDto, ...errorResponses } } }, (req) =>
    svc.match(actorOf(req), req.params.id, req.body));
}
