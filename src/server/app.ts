import { randomBytes, randomUUID } from 'node:crypto';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import { Type, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import addFormats from 'ajv-formats';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Config } from '../config.ts';
import type { DatabaseHandle } from '../db/connect.ts';
import { auditRoutes } from '../modules/audit/index.ts';
import { brainRoutes } from '../modules/brain/index.ts';
import { calendarRoutes, WorkingCalendar } from '../modules/calendar/index.ts';
import { caseRoutes, type Clock, type OutboxHandler } from '../modules/cases/index.ts';
import { catalogueRoutes } from '../modules/catalogue/index.ts';
import {
  certificateIssuer,
  certificateRoutes,
  SigningKeys,
  zeroMaterialSources,
} from '../modules/certificates/index.ts';
import { fileRoutes, type FileScanner } from '../modules/files/index.ts';
import { identityRoutes } from '../modules/identity/index.ts';
import { kioskRoutes } from '../modules/kiosk/index.ts';
import { planRoutes } from '../modules/plan/index.ts';
import { SYSTEM_ACTOR } from '../shared/actor.ts';
import { AppError } from '../shared/app-error.ts';
import { idempotencyPlugin } from './idempotency/plugin.ts';
import { loggerOptions } from './logger.ts';
import { authPlugin, SESSION_COOKIE } from './plugins/auth.ts';
import { errorsPlugin, sendError } from './plugins/errors.ts';
import { nulGuardPlugin } from './plugins/nul-guard.ts';
import { localePlugin } from './plugins/locale.ts';
import { webPlugin } from './plugins/web.ts';
import { ErrorBody } from './schemas.ts';

export interface AppDeps {
  database: DatabaseHandle;
  config: Pick<Config, 'logLevel' | 'secureCookies' | 'sessionTtlHours'> &
    Partial<Pick<Config, 'yellowWithinDays' | 'uploadMaxMb'>>;
  /** Where the built web app lives; tests that need no pages leave it out. */
  webDistDir?: string;
  logStream?: NodeJS.WritableStream;
  /** The case engine's sense of time; tests and demo seeds set it to act on chosen dates. */
  clock?: Clock;
  /**
   * The departments' signing keys, opened with the master key (see resolveMasterKey). Without
   * them (tests, tools) a throwaway master key is used: fine on a database with no keys yet.
   */
  certificateKeys?: SigningKeys;
  /** A virus scanner for uploads, and a limit in bytes that overrides `uploadMaxMb` (tests). */
  files?: { scanner?: FileScanner; maxBytes?: number };
}

export interface AppServices {
  calendar: WorkingCalendar;
  certificateKeys: SigningKeys;
  /** The outbox's downstream work (certificate issuance), for every scheduler and sweep. */
  outboxHandlers: OutboxHandler[];
}

declare module 'fastify' {
  interface FastifyInstance {
    services: AppServices;
  }
}

/** Plugins load in three layers: external (cookies, OpenAPI) → app (errors, auth) → routes. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { db } = deps.database;
  const app = Fastify({
    logger:
      deps.config.logLevel === 'silent'
        ? false
        : loggerOptions(deps.config.logLevel, deps.logStream),
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w-]{8,64}$/.test(given) ? given : randomUUID();
    },
    trustProxy: true,
    bodyLimit: 1_048_576,
    ajv: {
      customOptions: {
        removeAdditional: false,
        coerceTypes: 'array',
        useDefaults: true,
        allErrors: false,
      },
      plugins: [addFormats.default as never],
    },
  }).withTypeProvider<TypeBoxTypeProvider>();

  const certificateKeys = deps.certificateKeys ?? new SigningKeys(db, randomBytes(32));
  const services: AppServices = {
    calendar: new WorkingCalendar(db),
    certificateKeys,
    outboxHandlers: [certificateIssuer(certificateKeys, SYSTEM_ACTOR)],
  };
  // Warm the working-day cache now, before any transaction needs it (see WorkingCalendar).
  await services.calendar.lookup().catch(() => {});
  app.decorate('services', services);

  // --- external
  await app.register(fastifyCookie);
  await app.register(fastifySwagger, {
    // Shared schemas keep their $id as their component name (ErrorBody, not def-0).
    refResolver: {
      buildLocalReference: (json, _base, _fragment, i) => String(json.$id ?? `def-${i}`),
    },
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'OneTrip API',
        version: '1',
        description:
          '一次办 OneTrip: the district digital-government platform. Errors: `{ error: { code, message, field? } }`.',
      },
      tags: [
        { name: 'identity', description: 'Org tree, persons, enterprises, staff and sign-in' },
        { name: 'calendar', description: 'Working days' },
        {
          name: 'catalogue',
          description: 'Service items, bundles (一件事), service points, search',
        },
        { name: 'cases', description: 'Cases: drafts, intake, reviews, deadlines, delivery' },
        { name: 'ratings', description: '好差评: ratings after every case' },
        {
          name: 'certificates',
          description:
            '电子证照: signed e-certificates, the holder’s wallet, verification, zero-material (零材料)',
        },
        {
          name: 'plan',
          description: 'Development plan (发展规划): goal tree, targets and progress, projects',
        },
        { name: 'brain', description: '城市大脑: service and plan figures, monthly report' },
        { name: 'kiosk', description: '自助终端: ID-card sign-in at self-service kiosks' },
        { name: 'files', description: '上传材料: uploaded files, checked by content' },
        { name: 'audit', description: 'Audit trail' },
        { name: 'health', description: 'Liveness and readiness' },
      ],
    },
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/docs' });
  app.addSchema(ErrorBody);

  // --- app
  await app.register(localePlugin);
  await app.register(errorsPlugin);
  await app.register(nulGuardPlugin);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  // --- routes
  app.get(
    '/healthz',
    {
      schema: {
        tags: ['health'],
        summary: 'Whether the server and its database answer',
        response: {
          200: Type.Object({
            status: Type.Literal('ok'),
            database: Type.Literal('ok'),
            backend: Type.String(),
          }),
          503: Type.Object({
            status: Type.Literal('degraded'),
            database: Type.Literal('unreachable'),
            backend: Type.String(),
          }),
        },
      },
    },
    async (_request, reply) => {
      const up = await deps.database.ping();
      if (up)
        return { status: 'ok' as const, database: 'ok' as const, backend: deps.database.kind };
      return reply.status(503).send({
        status: 'degraded' as const,
        database: 'unreachable' as const,
        backend: deps.database.kind,
      });
    },
  );

  await app.register(
    async (api) => {
      await api.register(authPlugin, { db });
      await api.register(idempotencyPlugin, { db });
      await api.register(identityRoutes, {
        db,
        sessionCookie: SESSION_COOKIE,
        secureCookies: deps.config.secureCookies,
        sessionTtlHours: deps.config.sessionTtlHours,
      });
      await api.register(calendarRoutes, { calendar: services.calendar });
      await api.register(auditRoutes, { db });
      await api.register(catalogueRoutes, { db });
      await api.register(caseRoutes, {
        db,
        calendar: services.calendar,
        yellowWithin: deps.config.yellowWithinDays ?? 1,
        ...(deps.clock ? { clock: deps.clock } : {}),
        materialSources: zeroMaterialSources,
      });
      await api.register(certificateRoutes, { db, keys: certificateKeys });
      await api.register(planRoutes, { db });
      await api.register(kioskRoutes, {
        db,
        sessionCookie: SESSION_COOKIE,
        secureCookies: deps.config.secureCookies,
      });
      await api.register(brainRoutes, { db });
      await api.register(fileRoutes, {
        db,
        maxBytes: deps.files?.maxBytes ?? (deps.config.uploadMaxMb ?? 10) * 1024 * 1024,
        scanner: deps.files?.scanner,
      });
    },
    { prefix: '/api/v1' },
  );

  await app.register(webPlugin, { distDir: deps.webDistDir ?? path.resolve('web/dist') });

  app.setNotFoundHandler((request, reply) => {
    if (request.method === 'GET' && app.serveWebApp(request.url)) {
      return reply.type('text/html').header('cache-control', 'no-cache').sendFile('index.html');
    }
    return sendError(
      request,
      reply,
      new AppError(404, 'route_not_found', {
        method: request.method,
        url: request.url.split('?')[0]!,
      }),
    );
  });

  return app;
}
