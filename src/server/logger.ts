import type { FastifyServerOptions } from 'fastify';
import { maskPiiInText } from '../shared/mask.ts';

/** Paths pino blanks out wherever they appear in a log line (PIPL: no IDs, phones or secrets in logs). */
export const REDACT_PATHS = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  'password',
  '*.password',
  '*.password_hash',
  'residentId',
  '*.residentId',
  '*.resident_id',
  'phone',
  '*.phone',
  '*.token',
  '*.csrfToken',
];

export function loggerOptions(
  level: string,
  stream?: NodeJS.WritableStream,
): FastifyServerOptions['logger'] {
  return {
    level,
    ...(stream ? { stream } : {}),
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    serializers: {
      req(req) {
        return {
          method: req.method,
          // Query strings can carry an ID number or a phone (a search box, a typo'd link).
          url: maskPiiInText(req.url),
          remoteAddress: req.ip,
        };
      },
      err(err: Error & { code?: string }) {
        return {
          type: err.name,
          code: err.code,
          message: maskPiiInText(err.message),
          // The stack's first line repeats the message.
          stack: err.stack && maskPiiInText(err.stack),
        };
      },
    },
  } as FastifyServerOptions['logger'];
}
