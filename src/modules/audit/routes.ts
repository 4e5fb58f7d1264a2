import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import { errorResponses, listOf, Nullable, PageQuery } from '../../server/schemas.ts';
import { listAuditEntries } from './service.ts';

const Entry = Type.Object({
  id: Type.Integer(),
  at: Type.String({ format: 'date-time' }),
  actorId: Nullable(Type.String()),
  actorLabel: Type.String(),
  action: Type.String(),
  targetType: Type.String(),
  targetId: Type.String(),
  requestId: Nullable(Type.String()),
  beforeDigest: Nullable(Type.String()),
  afterDigest: Nullable(Type.String()),
});

export const auditRoutes: FastifyPluginAsyncTypebox<{ db: Kysely<Database> }> = async (
  app,
  { db },
) => {
  app.get(
    '/audit',
    {
      config: { roles: ['admin', 'supervisor'] },
      schema: {
        tags: ['audit'],
        summary: 'The audit trail: every change and every read of personal data',
        querystring: Type.Object({
          ...PageQuery,
          targetType: Type.Optional(Type.String({ maxLength: 50 })),
          targetId: Type.Optional(Type.String({ maxLength: 100 })),
          action: Type.Optional(Type.String({ maxLength: 50 })),
        }),
        response: { 200: listOf(Entry), ...errorResponses },
      },
    },
    async (request) => {
      const page = await listAuditEntries(db, request.actor, request.query);
      return {
        total: page.total,
        data: page.data.map((e) => ({
          id: e.id,
          at: new Date(e.at).toISOString(),
          actorId: e.actor_id,
          actorLabel: e.actor_label,
          action: e.action,
          targetType: e.target_type,
          targetId: e.target_id,
          requestId: e.request_id,
          beforeDigest: e.before_digest,
          afterDigest: e.after_digest,
        })),
      };
    },
  );
};
