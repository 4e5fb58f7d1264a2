import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

/** The channel paths the single-page app answers; anything else unknown is a plain 404. */
const APP_PATHS =
  /^\/(?:$|\?|(?:login|m|kiosk|counter|review|admin|brain|verify|certificates|ratings|guide|cases|apply)(?:\/|$|\?))/;

export const webPlugin = fp(async (app: FastifyInstance, opts: { distDir: string }) => {
  const indexFile = path.join(opts.distDir, 'index.html');
  if (fs.existsSync(indexFile)) {
    await app.register(fastifyStatic, {
      root: opts.distDir,
      wildcard: false,
      index: false,
      // Hashed asset names never change content; index.html must always be fresh.
      setHeaders(reply, file) {
        reply.header(
          'cache-control',
          file.includes(`${path.sep}assets${path.sep}`)
            ? 'public, max-age=31536000, immutable'
            : 'no-cache',
        );
      },
    });
  }
  app.decorate('serveWebApp', (url: string) => APP_PATHS.test(url) && fs.existsSync(indexFile));
  app.decorate('webIndexFile', indexFile);
});

declare module 'fastify' {
  interface FastifyInstance {
    serveWebApp(url: string): boolean;
    webIndexFile: string;
  }
}
