import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { logOnlyNotifier, processOutbox } from '../src/modules/cases/index.ts';
import { buildApp } from '../src/server/app.ts';
import { WEB_DIST } from '../src/server/web-build.ts';
import { createTestDatabase, type TestDatabase } from '../test/helpers/test-db.ts';

export const SCREENSHOTS = path.resolve(import.meta.dirname, '../test-results');

/**
 * Debian's Chromium, never a downloaded browser; the flags keep it off the closed network.
 * Playwright gives every launch a fresh, empty profile directory of its own.
 */
export async function launchChromium(): Promise<{ browser: Browser; close(): Promise<void> }> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
    ],
  });
  return {
    browser,
    async close() {
      await browser.close();
    },
  };
}

export interface BrowserServer {
  baseUrl: string;
  /**
   * Runs the outbox until it is empty: in-app messages are written there, which a running
   * server's scheduler drains and a test drains when it needs them now.
   */
  deliverMessages(): Promise<void>;
  close(): Promise<void>;
}

/** The real server (API and built web app) on a free port, over this file's own database. */
export async function serveForBrowser(): Promise<BrowserServer> {
  if (!fs.existsSync(path.join(WEB_DIST, 'index.html'))) {
    throw new Error('web/dist is missing: npm test builds it first (npm run build:web)');
  }
  const database: TestDatabase = await createTestDatabase();
  const app = await buildApp({
    database: database.handle,
    config: { logLevel: 'silent', secureCookies: false, sessionTtlHours: 1 },
    webDistDir: WEB_DIST,
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as { port: number };
  const deps = { db: database.handle.db, calendar: app.services.calendar };
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    async deliverMessages() {
      while (
        (await processOutbox(
          deps,
          logOnlyNotifier(() => {}),
        )) > 0
      );
    },
    async close() {
      await app.close();
      await database.close();
    },
  };
}

export function screenshotPath(name: string): string {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  return path.join(
    SCREENSHOTS,
    `${name}-${process.env.TEST_BACKEND === 'postgres' ? 'postgres' : 'pglite'}.png`,
  );
}

/**
 * A test file's own server and Chromium: started together before its tests, closed after them.
 * Read `baseUrl` and `browser` inside tests, once `beforeAll` has run.
 */
export function browserSuite(): {
  readonly baseUrl: string;
  readonly browser: Browser;
  deliverMessages(): Promise<void>;
} {
  let server: Awaited<ReturnType<typeof serveForBrowser>> | undefined;
  let launched: Awaited<ReturnType<typeof launchChromium>> | undefined;
  beforeAll(async () => {
    [server, launched] = await Promise.all([serveForBrowser(), launchChromium()]);
  });
  afterAll(async () => {
    await launched?.close();
    await server?.close();
  });
  return {
    get baseUrl() {
      return server!.baseUrl;
    },
    get browser() {
      return launched!.browser;
    },
    deliverMessages: () => server!.deliverMessages(),
  };
}
