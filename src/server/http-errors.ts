import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { isAppError, type ErrorCode } from '../domain/errors.ts';
import { ERROR_TABLE, errorBody } from './errors.ts';

const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'VALIDATION_FAILED',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'VALIDATION_FAILED',
  FST_INVALID_MULTIPART_CONTENT_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_REQ_FILE_TOO_LARGE: 'FILE_TOO_LARGE',
  FST_FILES_LIMIT: 'VALIDATION_FAILED',
  FST_PARTS_LIMIT: 'VALIDATION_FAILED',
  FST_FIELDS_LIMIT: 'VALIDATION_FAILED',
};

/** The detail of a value only the database refused (the fuzz test treats it as a schema gap). */
export const DATABASE_REFUSED = {
  path: 'database',
  message: 'Giá trị nằm ngoài phạm vi cơ sở dữ liệu chấp nhận / a value is outside what the database accepts',
} as const;

/**
 * The SQLSTATE of a PostgreSQL "data exception" (class 22: out of range, too long, malformed
 * text, bad date) or "program limit exceeded" (54000: an index row too big) — both mean a request
 * value the database cannot take — from the driver's error or drizzle's wrapper; else null.
 */
function dataExceptionState(err: unknown): string | null {
  for (let e = err as { code?: unknown; cause?: unknown } | undefined, i = 0; e && i < 3; e = e.cause as typeof e, i++) {
    if (typeof e.code === 'string' && /^(22[0-9A-Z]{3}|54000)$/.test(e.code)) return e.code;
  }
  return null;
}

/** Maps every error to the table of stable codes; unknown errors are logged and answered with a generic 500. */
export function registerErrorHandling(app: FastifyInstance): void {
  // The API speaks JSON only. Fastify's built-in text/plain parser would hand a text body to the
  // route schema (→ 400); without it such a body is refused at the edge with 415 UNSUPPORTED_MEDIA_TYPE.
  app.removeContentTypeParser('text/plain');
  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (isAppError(err)) {
      return reply.code(ERROR_TABLE[err.code].status).send(errorBody(err.code, req.id, err.details));
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const issues = err.validation.map((v) => ({
        path: [err.validationContext, ...String(v.instancePath).split('/').filter(Boolean)].join('.'),
        message: v.message,
      }));
      return reply.code(400).send(errorBody('VALIDATION_FAILED', req.id, { issues }));
    }
    if (err.code === 'FST_ERR_RATE_LIMIT' || err.statusCode === 429) {
      return reply.code(429).send(errorBody('TOO_MANY_REQUESTS', req.id));
    }
    const mapped = err.code ? FASTIFY_CODES[err.code] : undefined;
    if (mapped) return reply.code(ERROR_TABLE[mapped].status).send(errorBody(mapped, req.id));
    if (err instanceof SyntaxError || err.code === 'FST_ERR_CTP_INVALID_JSON_BODY') {
      return reply.code(400).send(errorBody('VALIDATION_FAILED', req.id, { issues: [{ path: 'body', message: 'Dữ liệu JSON sai cú pháp / malformed JSON' }] }));
    }
    const sqlState = dataExceptionState(err);
    if (sqlState) {
      // A value the schema let through but PostgreSQL refuses (out of range, too long, malformed):
      // the client's mistake, answered as such; logged so the schema gets the missing bound.
      req.log.warn({ err, sqlState }, 'database refused a request value: the route schema should');
      return reply.code(400).send(errorBody('VALIDATION_FAILED', req.id, { issues: [DATABASE_REFUSED] }));
    }
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      req.log.info({ err }, 'client error');
      return reply.code(400).send(errorBody('VALIDATION_FAILED', req.id, { issues: [{ path: '', message: err.message }] }));
    }
    req.log.error({ err }, 'unhandled error');
    return reply.code(500).send(errorBody('INTERNAL', req.id));
  });
}
