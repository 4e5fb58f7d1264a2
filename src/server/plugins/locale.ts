import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { pickLocale, type Locale } from '../../shared/messages.ts';

declare module 'fastify' {
  interface FastifyRequest {
    locale: Locale;
  }
}

export const localePlugin = fp(async (app: FastifyInstance) => {
  app.decorateRequest('locale', 'zh-CN');
  app.addHook('onRequest', async (request) => {
    request.locale = pickLocale(request.headers['accept-language']);
  });
});
