import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/server/app.ts';
import type { Clock } from '../../src/modules/cases/index.ts';
import { DEMO_PASSWORD } from '../../src/modules/identity/index.ts';
import { createTestDatabase, type TestDatabase } from './test-db.ts';

export interface Session {
  cookie: string;
  csrf: string;
}

export interface TestApp {
  app: FastifyInstance;
  database: TestDatabase;
  login(username: string, password?: string): Promise<Session>;
  /** A request as a signed-in user, CSRF header included on writes. */
  as(
    session: Session | null,
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

export async function createTestApp(
  opts: { logStream?: NodeJS.WritableStream; webDistDir?: string; clock?: Clock } = {},
): Promise<TestApp> {
  const database = await createTestDatabase();
  const app = await buildApp({
    database: database.handle,
    config: {
      logLevel: opts.logStream ? 'info' : 'silent',
      secureCookies: false,
      sessionTtlHours: 1,
    },
    webDistDir: opts.webDistDir ?? '/nonexistent',
    ...(opts.logStream ? { logStream: opts.logStream } : {}),
    ...(opts.clock ? { clock: opts.clock } : {}),
  });
  await app.ready();
  const as: TestApp['as'] = (session, method, url, body, headers = {}) =>
    app.inject({
      method,
      url,
      ...(body === undefined ? {} : { payload: body as object }),
      headers: {
        ...(session
          ? {
              cookie: session.cookie,
              ...(method === 'GET' ? {} : { 'x-csrf-token': session.csrf }),
            }
          : {}),
        ...headers,
      },
    });
  return {
    app,
    database,
    as,
    async login(username, password = DEMO_PASSWORD) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username, password },
      });
      if (res.statusCode !== 200)
        throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
      const cookie = res.cookies.find((c) => c.name === 'onetrip_session');
      return { cookie: `onetrip_session=${cookie!.value}`, csrf: res.json().csrfToken };
    },
    async close() {
      await app.close();
      await database.close();
    },
  };
}
