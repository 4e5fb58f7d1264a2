import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../src/db/connect.ts';
import { buildApp } from '../../src/server/app.ts';
import { freePort } from '../helpers/processes.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db.ts';

/** A TCP relay to the real server that the test can cut and restore, like a network outage. */
function relay(port: number, target: URL) {
  const sockets = new Set<net.Socket>();
  let server: net.Server | undefined;
  return {
    async up() {
      server = net.createServer((client) => {
        const upstream = net.connect(Number(target.port || 5432), target.hostname);
        sockets.add(client).add(upstream);
        client.pipe(upstream).pipe(client);
        const drop = () => {
          client.destroy();
          upstream.destroy();
        };
        client.on('error', drop).on('close', drop);
        upstream.on('error', drop).on('close', drop);
      });
      await new Promise<void>((r) => server!.listen(port, '127.0.0.1', r));
    },
    async down() {
      for (const s of sockets) s.destroy();
      sockets.clear();
      await new Promise<void>((r) => server!.close(() => r()));
    },
  };
}

let testDb: TestDatabase;
let handle: DatabaseHandle;
let link: ReturnType<typeof relay>;
let app: Awaited<ReturnType<typeof buildApp>>;

beforeAll(async () => {
  testDb = await createTestDatabase();
  const target = new URL(testDb.url!);
  const port = await freePort();
  link = relay(port, target);
  await link.up();
  const viaRelay = new URL(target);
  viaRelay.port = String(port);
  viaRelay.hostname = '127.0.0.1';
  handle = await openDatabase({
    databaseUrl: viaRelay.toString(),
    poolSize: 2,
    onPoolError: () => {},
  });
  app = await buildApp({
    database: handle,
    config: { logLevel: 'silent', secureCookies: false, sessionTtlHours: 1 },
  });
});

afterAll(async () => {
  await app?.close();
  await handle?.close().catch(() => {});
  await testDb?.close();
});

describe('losing the database while running', () => {
  it('answers 503 while it is gone and recovers by itself when it is back', async () => {
    const get = (url: string) =>
      app.inject({ method: 'GET', url, headers: { 'accept-language': 'en' } });
    expect((await get('/healthz')).statusCode).toBe(200);
    expect((await get('/api/v1/org-units?kind=district')).statusCode).toBe(200);

    await link.down();
    const health = await get('/healthz');
    expect(health.statusCode).toBe(503);
    expect(health.json()).toMatchObject({ status: 'degraded', database: 'unreachable' });
    const api = await get('/api/v1/org-units?kind=district');
    expect(api.statusCode).toBe(503);
    expect(api.json().error.code).toBe('database_unavailable');

    await link.up();
    expect((await get('/healthz')).statusCode).toBe(200);
    const back = await get('/api/v1/org-units?kind=district');
    expect(back.statusCode).toBe(200);
    expect(back.json().data[0].name).toBe('西湖区');
  });
});
