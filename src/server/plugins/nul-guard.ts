import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../../shared/app-error.ts';

// Parsed JSON and query strings; not an upload's bytes or a stream (a query object from
// fast-querystring has a prototype of its own, so "plain" cannot mean Object.prototype).
const isData = (v: object) =>
  !ArrayBuffer.isView(v) &&
  !(v instanceof ArrayBuffer) &&
  typeof (v as { pipe?: unknown }).pipe !== 'function';

/** The first field (as the validator names fields: `formData.x`, `items[0]`) holding a NUL. */
export function fieldWithNul(value: unknown, path = '', depth = 0): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path || 'request' : null;
  if (value === null || typeof value !== 'object' || depth > 32) return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = fieldWithNul(value[i], `${path}[${i}]`, depth + 1);
      if (found) return found;
    }
    return null;
  }
  if (!isData(value)) return null;
  for (const [key, v] of Object.entries(value)) {
    const here = path ? `${path}.${key}` : key;
    if (key.includes('\u0000')) return here;
    const found = fieldWithNul(v, here, depth + 1);
    if (found) return found;
  }
  return null;
}

/**
 * PostgreSQL stores no NUL character in text or JSON and answers one with an error, so a NUL
 * anywhere in a request (a pasted `%00`) is refused up front, naming the field, instead of
 * reaching a statement and coming back as a 500.
 */
export const nulGuardPlugin = fp(async (app: FastifyInstance) => {
  app.addHook('preValidation', async (request) => {
    const field =
      fieldWithNul(request.params) ?? fieldWithNul(request.query) ?? fieldWithNul(request.body);
    if (field) throw new AppError(400, 'validation_control_character', { field }, field);
  });
});
