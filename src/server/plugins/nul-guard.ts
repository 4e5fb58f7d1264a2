import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../../shared/app-error.ts';

// Parsed JSON and query strings; not an upload's bytes or a stream (a query object from
// fast-querystring has a prototype of its own, so "plain" cannot mean Object.prototype).
const isData = (v: object) =>
  !ArrayBuffer.isView(v) &&
  !(v instanceof ArrayBuffer) &&
  typeof (v as { pipe?: unknown }).pipe !== 'function';

/**
 * The first field (named as the validator names fields: `formData.x`, `items[0]`) holding a NUL,
 * in a key or a value. A loop, not recursion: a body nested a hundred thousand deep is still
 * walked to the end instead of overflowing the stack.
 */
export function fieldWithNul(root: unknown): string | null {
  const stack: [unknown, string][] = [[root, '']];
  while (stack.length) {
    const [value, path] = stack.pop()!;
    if (typeof value === 'string') {
      if (value.includes('\u0000')) return path || 'request';
      continue;
    }
    if (value === null || typeof value !== 'object' || !isData(value)) continue;
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push([value[i], `${path}[${i}]`]);
      continue;
    }
    const entries = Object.entries(value);
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, v] = entries[i]!;
      const here = path ? `${path}.${key}` : key;
      if (key.includes('\u0000')) return here;
      stack.push([v, here]);
    }
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
