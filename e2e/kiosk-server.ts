import fs from 'node:fs';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { Database } from '../src/db/database.ts';
import { buildApp } from '../src/server/app.ts';
import { WEB_DIST } from '../src/server/web-build.ts';
import { createTestDatabase } from '../test/helpers/test-db.ts';

/**
 * The real server (API and built web app) on a free port, like serveForBrowser, but also handing
 * out its database: the kiosk tests shorten a kiosk's idle limit to a few seconds.
 */
export async function serveKiosk(): Promise<{
  baseUrl: string;
  db: Kysely<Database>;
  close(): Promise<void>;
}> {
  if (!fs.existsSync(path.join(WEB_DIST, 'index.html'))) {
    throw new Error('web/dist is missing: npm test builds it first (npm run build:web)');
  }
  const database = await createTestDatabase();
  const app = await buildApp({
    database: database.handle,
    config: { logLevel: 'silent', secureCookies: false, sessionTtlHours: 1 },
    webDistDir: WEB_DIST,
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as { port: number };
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    db: database.handle.db,
    async close() {
      await app.close();
      await database.close();
    },
  };
}
