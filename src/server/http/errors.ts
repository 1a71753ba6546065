import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import type { ErrorBody, ErrorCode, FieldError } from '../../shared/errors.ts';
import type { Dialect } from '../db/dialect.ts';

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: FieldError[],
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const statusOf: Record<ErrorCode, number> = {
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  CSRF: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  INTERNAL: 500,
};

export const notFound = (what: string) => new AppError('NOT_FOUND', `${what} not found`);
export const invalid = (field: string, message: string) =>
  new AppError('VALIDATION', `${field}: ${message}`, [{ field, message }]);

type ValidationItem = { keyword: string; instancePath: string; message?: string; params: { keys?: unknown } };

function fieldErrors(validation: ValidationItem[], context: string | undefined): FieldError[] {
  return validation.flatMap((v) => {
    const base = v.instancePath.split('/').filter(Boolean);
    if (v.keyword === 'unrecognized_keys' && Array.isArray(v.params.keys)) {
      return v.params.keys.map((k) => ({ field: [...base, String(k)].join('.'), message: 'is not a known field' }));
    }
    return [{ field: base.length ? base.join('.') : (context ?? 'body'), message: v.message ?? 'is invalid' }];
  });
}

const fastifyCodeMap: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'VALIDATION',
  FST_ERR_CTP_INVALID_JSON_BODY: 'VALIDATION',
};

/** One error handler: every failure leaves as `{ code, message, details?, requestId }`. */
export function installErrorHandler(app: FastifyInstance, dialect: Dialect): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    const send = (code: ErrorCode, message: string, details?: FieldError[]) => {
      const body: ErrorBody = { code, message, requestId: req.id };
      if (details?.length) body.details = details;
      return reply.status(statusOf[code]).send(body);
    };
    if (err instanceof AppError) return send(err.code, err.message, err.details);
    if (hasZodFastifySchemaValidationErrors(err)) {
      const details = fieldErrors(err.validation, err.validationContext);
      return send('VALIDATION', details.map((d) => `${d.field}: ${d.message}`).join('; '), details);
    }
    if (isResponseSerializationError(err)) {
      req.log.error({ err }, 'response did not match its schema');
      return send('INTERNAL', 'Internal error');
    }
    if (dialect.isUniqueViolation(err)) return send('CONFLICT', 'That already exists');
    if (dialect.isForeignKeyViolation(err)) return send('VALIDATION', 'A referenced record does not exist');
    const mapped = err.code ? fastifyCodeMap[err.code] : undefined;
    if (mapped) return send(mapped, err.message);
    if (err.statusCode === 429) return send('RATE_LIMITED', 'Too many attempts; try again shortly');
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      const code: ErrorCode = err.statusCode === 404 ? 'NOT_FOUND' : err.statusCode === 413 ? 'PAYLOAD_TOO_LARGE' : err.statusCode === 415 ? 'UNSUPPORTED_MEDIA_TYPE' : 'VALIDATION';
      return send(code, err.message);
    }
    req.log.error({ err }, 'unhandled error');
    return send('INTERNAL', 'Internal error');
  });
  app.setNotFoundHandler((req, reply) => {
    const body: ErrorBody = { code: 'NOT_FOUND', message: `No route ${req.method} ${req.url.split('?')[0] ?? ''}`, requestId: req.id };
    return reply.status(404).send(body);
  });
}
