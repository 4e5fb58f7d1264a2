import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../../shared/app-error.ts';
import { renderMessage, type MessageCode } from '../../shared/messages.ts';

interface AjvError {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
}

/** `/address/street` + missing `postcode` → `address.postcode`; array indices stay as `[0]`. */
function fieldOf(e: AjvError, context: string | undefined): string {
  const base = e.instancePath
    .split('/')
    .filter(Boolean)
    .map((p, i) => (/^\d+$/.test(p) ? `[${p}]` : i ? `.${p}` : p))
    .join('');
  const extra =
    e.keyword === 'required'
      ? String(e.params.missingProperty)
      : e.keyword === 'additionalProperties'
        ? String(e.params.additionalProperty)
        : '';
  const path = [base, extra].filter(Boolean).join(base && extra ? '.' : '');
  if (path) return path;
  return context === 'body' ? 'body' : (context ?? 'request');
}

function validationError(e: AjvError, context: string | undefined): AppError {
  const field = fieldOf(e, context);
  const p = e.params;
  const map: Record<string, [MessageCode, Record<string, string | number>]> = {
    required: ['validation_required', {}],
    type: ['validation_type', { type: String(p.type) }],
    minLength: ['validation_min_length', { limit: Number(p.limit) }],
    maxLength: ['validation_max_length', { limit: Number(p.limit) }],
    minimum: ['validation_minimum', { limit: Number(p.limit) }],
    maximum: ['validation_maximum', { limit: Number(p.limit) }],
    minItems: ['validation_min_length', { limit: Number(p.limit) }],
    maxItems: ['validation_max_length', { limit: Number(p.limit) }],
    enum: ['validation_enum', { allowed: ((p.allowedValues as unknown[]) ?? []).join(', ') }],
    const: ['validation_enum', { allowed: String(p.allowedValue) }],
    format: ['validation_format', { format: String(p.format) }],
    pattern: ['validation_pattern', {}],
    additionalProperties: ['validation_additional', {}],
  };
  const [code, params] = map[e.keyword] ?? ['validation_other', {}];
  return new AppError(400, code, { ...params, field }, field);
}

const DB_DOWN_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now
  '08000',
  '08003',
  '08006',
]);

export function isDatabaseDown(err: unknown): boolean {
  const e = err as { code?: string; message?: string } | null;
  if (!e) return false;
  if (e.code && DB_DOWN_CODES.has(e.code)) return true;
  const m = e.message ?? '';
  return (
    m.includes('Connection terminated') ||
    m.includes('timeout exceeded when trying to connect') ||
    m.includes('Client has encountered a connection error')
  );
}

function toAppError(
  err: FastifyError & { validation?: AjvError[]; validationContext?: string },
): AppError | null {
  if (err instanceof AppError) return err;
  if (err.validation?.length) return validationError(err.validation[0]!, err.validationContext);
  switch (err.code) {
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError(415, 'unsupported_media_type', { type: '?' });
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError(413, 'payload_too_large');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new AppError(400, 'invalid_json', { field: 'body' }, 'body');
  }
  if (err instanceof SyntaxError && err.statusCode === 400)
    return new AppError(400, 'invalid_json', {}, 'body');
  if (isDatabaseDown(err)) return new AppError(503, 'database_unavailable');
  if ((err as { code?: string }).code === '23505')
    return new AppError(409, 'duplicate', { what: '' });
  if (err.statusCode === 429) return new AppError(429, 'login_throttled', { minutes: 1 });
  return null;
}

export function sendError(request: FastifyRequest, reply: FastifyReply, err: AppError) {
  const body = {
    error: {
      code: err.code,
      message: renderMessage(err.code, request.locale, err.params),
      ...(err.field ? { field: err.field } : {}),
      ...(err.details
        ? {
            details: err.details.map(({ code, params, ...where }) => ({
              ...where,
              message: renderMessage(code, request.locale, {
                ...(where.field ? { field: where.field } : {}),
                ...params,
              }),
            })),
          }
        : {}),
    },
  };
  if (err.status === 503) reply.header('retry-after', '5');
  return reply.status(err.status).type('application/json').send(body);
}

/**
 * One error body everywhere. Validation errors name the first failing field; anything
 * unexpected is logged in full and answered with a plain 500 that leaks nothing.
 */
export const errorsPlugin = fp(async (app: FastifyInstance) => {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    const known = toAppError(err);
    if (known) {
      if (known.status >= 500) request.log.warn({ err }, 'request failed: %s', known.code);
      return sendError(request, reply, known);
    }
    request.log.error({ err }, 'unhandled error');
    return sendError(request, reply, new AppError(500, 'internal'));
  });
});
