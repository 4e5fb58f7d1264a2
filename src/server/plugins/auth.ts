import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import { resolveSession, type Role } from '../../modules/identity/index.ts';
import type { Actor, Channel } from '../../shared/actor.ts';
import { AppError } from '../../shared/app-error.ts';

export const SESSION_COOKIE = 'onetrip_session';
const CHANNELS = new Set<Channel>(['web', 'mobile', 'kiosk', 'counter']);
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    sessionToken: string | null;
    csrfToken: string | null;
  }
  interface FastifyContextConfig {
    /** Reachable without signing in. */
    public?: boolean;
    /** Any one of these roles is needed (the service checks again). */
    roles?: Role[];
  }
}

function channelOf(request: FastifyRequest): Channel {
  const h = request.headers['x-onetrip-channel'];
  return typeof h === 'string' && CHANNELS.has(h as Channel) ? (h as Channel) : 'web';
}

/**
 * Resolves the session cookie to an actor, then enforces what the route declares:
 * public or signed-in, the roles it needs, and the CSRF token on cookie-authenticated writes.
 * Registered inside the API scope only, so static pages never touch the session table.
 */
export const authPlugin = fp(async (app: FastifyInstance, opts: { db: Kysely<Database> }) => {
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionToken', null);
  app.decorateRequest('csrfToken', null);

  app.addHook('onRequest', async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;
    const resolved = await resolveSession(opts.db, token, request.id, channelOf(request));
    if (!resolved) return;
    request.actor = resolved.actor;
    request.sessionToken = token;
    request.csrfToken = resolved.csrfToken;
  });

  app.addHook('preHandler', async (request) => {
    const config = request.routeOptions.config;
    if (config.public) return;
    if (!request.actor) throw new AppError(401, 'unauthenticated');
    if (
      !SAFE_METHODS.has(request.method) &&
      request.headers['x-csrf-token'] !== request.csrfToken
    ) {
      throw new AppError(403, 'csrf_invalid');
    }
    if (config.roles?.length && !request.actor.roles.some((r) => config.roles!.includes(r.role))) {
      throw new AppError(403, 'forbidden');
    }
  });
});
