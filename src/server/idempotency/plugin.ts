import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { sql, type Kysely } from 'kysely';
import stringify from 'safe-stable-stringify';
import type { Database } from '../../db/database.ts';
import { AppError } from '../../shared/app-error.ts';

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const KEY_FORMAT = /^[A-Za-z0-9_-]{8,128}$/;
/** A pending key older than this belongs to a request that died; its retry may run again. */
const ABANDONED_AFTER_MS = 60_000;

declare module 'fastify' {
  interface FastifyRequest {
    idempotency: { scope: string; key: string } | null;
  }
  interface FastifyContextConfig {
    /**
     * false for routes where a stored replay would be wrong (sign-in hands out a new session);
     * 'secret' for an answer that carries a secret shown once (a kiosk's key, a share link's
     * token): the key still guards against doing the work twice, but the answer is not stored,
     * and a retry is told so instead of getting the secret again.
     */
    idempotent?: boolean | 'secret';
  }
}

/**
 * Whose keys these are: the account, else the kiosk (a card read is anonymous, but its answer
 * belongs to the kiosk that sent it, and a replay must not reach anyone who repeats key and
 * body without that kiosk's key), else anyone anonymous.
 */
function scopeOf(request: FastifyRequest): string {
  if (request.actor) return request.actor.accountId;
  const kiosk = request.headers['x-kiosk-key'];
  if (typeof kiosk === 'string' && kiosk)
    return `kiosk:${createHash('sha256').update(kiosk).digest('hex').slice(0, 32)}`;
  return 'anonymous';
}

/**
 * `Idempotency-Key` on any mutating route: the first answer is stored and a retry with the
 * same key gets it back (with `Idempotent-Replayed: true`) instead of doing the work again.
 * A key still in flight answers 409; the same key on a different request answers 422.
 */
export const idempotencyPlugin = fp(
  async (app: FastifyInstance, opts: { db: Kysely<Database> }) => {
    const { db } = opts;
    app.decorateRequest('idempotency', null);

    app.addHook('preHandler', async (request, reply) => {
      const key = request.headers['idempotency-key'];
      if (key === undefined || !MUTATING.has(request.method)) return;
      if (request.routeOptions.config.idempotent === false) return;
      if (typeof key !== 'string' || !KEY_FORMAT.test(key)) {
        throw new AppError(
          400,
          'idempotency_key_invalid',
          { field: 'Idempotency-Key' },
          'Idempotency-Key',
        );
      }
      const scope = scopeOf(request);
      const fingerprint = createHash('sha256')
        .update(`${request.method} ${request.url}\n${stringify(request.body ?? null)}`)
        .digest('hex');
      const inserted = await db
        .insertInto('idempotency_key')
        .values({ scope, key, fingerprint, state: 'pending', status_code: null, response: null })
        .onConflict((oc) =>
          oc
            .columns(['scope', 'key'])
            .doUpdateSet({ created_at: sql`now()`, fingerprint, state: 'pending' })
            .where((eb) =>
              eb.and([
                eb('idempotency_key.state', '=', 'pending'),
                eb('idempotency_key.created_at', '<', new Date(Date.now() - ABANDONED_AFTER_MS)),
              ]),
            ),
        )
        .returning('key')
        .executeTakeFirst();
      if (inserted) {
        request.idempotency = { scope, key };
        return;
      }
      const prior = await db
        .selectFrom('idempotency_key')
        .selectAll()
        .where('scope', '=', scope)
        .where('key', '=', key)
        .executeTakeFirstOrThrow();
      if (prior.fingerprint !== fingerprint) throw new AppError(422, 'idempotency_key_reused');
      if (prior.state === 'pending') throw new AppError(409, 'idempotency_in_progress');
      // A refusal carries no secret and was stored: it is replayed like any other answer.
      if (request.routeOptions.config.idempotent === 'secret' && (prior.status_code ?? 200) < 400)
        throw new AppError(409, 'idempotency_secret_shown_once');
      reply.header('idempotent-replayed', 'true');
      return reply
        .status(prior.status_code ?? 200)
        .type('application/json')
        .send(prior.status_code === 204 ? undefined : JSON.stringify(prior.response));
    });

    app.addHook('onSend', async (request, reply, payload) => {
      const idem = request.idempotency;
      if (!idem) return payload;
      request.idempotency = null;
      const where = db
        .updateTable('idempotency_key')
        .where('scope', '=', idem.scope)
        .where('key', '=', idem.key);
      // A server error did nothing that needs replaying: free the key for a retry.
      if (reply.statusCode >= 500) {
        await db
          .deleteFrom('idempotency_key')
          .where('scope', '=', idem.scope)
          .where('key', '=', idem.key)
          .execute();
        return payload;
      }
      let body: unknown = null;
      const secret = request.routeOptions.config.idempotent === 'secret' && reply.statusCode < 400;
      if (!secret && typeof payload === 'string' && payload.length) {
        try {
          body = JSON.parse(payload);
        } catch {
          body = payload;
        }
      }
      await where
        .set({ state: 'done', status_code: reply.statusCode, response: JSON.stringify(body) })
        .execute();
      return payload;
    });
  },
);

export async function purgeOldIdempotencyKeys(
  db: Kysely<Database>,
  olderThanHours = 24,
): Promise<void> {
  await db
    .deleteFrom('idempotency_key')
    .where('created_at', '<', new Date(Date.now() - olderThanHours * 3600_000))
    .execute();
}
