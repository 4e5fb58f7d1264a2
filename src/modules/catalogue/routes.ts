import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import { errorResponses, listOf, PageQuery } from '../../server/schemas.ts';
import { exportCatalogue, importCatalogue, XLSX_TYPE } from './excel.ts';
import { AUDIENCES, HANDLING_LEVELS, ITEM_TYPES, type BundleDef, type ItemDef } from './model.ts';
import {
  BundleDefSchema,
  BundleInput,
  BundleSummary,
  BundleView,
  CompiledView,
  CompileOutcome,
  ItemInput,
  ItemSummary,
  ItemView,
  SearchHit,
  ServicePointView,
} from './schemas.ts';
import { searchCatalogue } from './search.service.ts';
import { listServicePoints, nearestServicePoints } from './service-points.service.ts';
import * as catalogue from './service.ts';

const lit = <T extends string>(values: readonly T[]) =>
  Type.Union(values.map((v) => Type.Literal(v)));
const KeyParams = Type.Object({ key: Type.String({ pattern: '^[a-z0-9][a-z0-9-]{1,63}$' }) });
const tags = ['catalogue'];

export const catalogueRoutes: FastifyPluginAsyncTypebox<{ db: Kysely<Database> }> = async (
  app,
  { db },
) => {
  app.get(
    '/search',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Find bundles and items by everyday words (Chinese or English)',
        querystring: Type.Object({
          q: Type.String({ minLength: 1, maxLength: 50 }),
          limit: Type.Integer({ minimum: 1, maximum: 50, default: 20 }),
        }),
        response: { 200: listOf(SearchHit), ...errorResponses },
      },
    },
    async (request) => searchCatalogue(db, request.query.q, request.query.limit),
  );

  app.get(
    '/items',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Service items (事项)',
        querystring: Type.Object({
          ...PageQuery,
          q: Type.Optional(Type.String({ maxLength: 50 })),
          department: Type.Optional(Type.String({ maxLength: 64 })),
          type: Type.Optional(lit(ITEM_TYPES)),
          level: Type.Optional(lit(HANDLING_LEVELS)),
        }),
        response: { 200: listOf(ItemSummary), ...errorResponses },
      },
    },
    async (request) => catalogue.listItems(db, request.query),
  );

  app.get(
    '/items/:key',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'One item in full: its guide',
        params: KeyParams,
        response: { 200: ItemView, ...errorResponses },
      },
    },
    async (request) => catalogue.getItem(db, request.params.key),
  );

  app.put(
    '/items/:key',
    {
      config: { roles: ['admin'] },
      schema: {
        tags,
        summary: 'Create or change an item (its bundles must still compile)',
        params: KeyParams,
        body: ItemInput,
        response: { 200: ItemView, ...errorResponses },
      },
    },
    async (request) =>
      catalogue.putItem(
        db,
        request.actor,
        request.params.key,
        request.body as Omit<ItemDef, 'key'>,
      ),
  );

  app.get(
    '/bundles',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Bundles (一件事)',
        querystring: Type.Object({
          ...PageQuery,
          audience: Type.Optional(lit(AUDIENCES)),
          stage: Type.Optional(Type.String({ maxLength: 40 })),
          q: Type.Optional(Type.String({ maxLength: 50 })),
        }),
        response: { 200: listOf(BundleSummary), ...errorResponses },
      },
    },
    async (request) => catalogue.listBundles(db, request.query),
  );

  app.get(
    '/bundles/:key',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'One bundle',
        params: KeyParams,
        response: { 200: BundleView, ...errorResponses },
      },
    },
    async (request) => catalogue.getBundle(db, request.params.key),
  );

  app.get(
    '/bundles/:key/compiled',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'The merged form, deduplicated materials, critical path and trips of a bundle',
        params: KeyParams,
        response: { 200: CompiledView, ...errorResponses },
      },
    },
    async (request) => catalogue.getCompiledBundle(db, request.params.key),
  );

  app.post(
    '/bundles/compile',
    {
      config: { roles: ['admin'] },
      schema: {
        tags,
        summary: "Check a draft bundle without saving it (the admin's live findings)",
        body: BundleDefSchema,
        response: { 200: CompileOutcome, ...errorResponses },
      },
    },
    async (request) =>
      catalogue.compileDraft(db, request.actor, request.body as BundleDef, request.locale),
  );

  app.put(
    '/bundles/:key',
    {
      config: { roles: ['admin'] },
      schema: {
        tags,
        summary: 'Create or change a bundle; refused with every compiler problem listed',
        params: KeyParams,
        body: BundleInput,
        response: { 200: BundleView, ...errorResponses },
      },
    },
    async (request) =>
      catalogue.putBundle(
        db,
        request.actor,
        request.params.key,
        request.body as Omit<BundleDef, 'key'>,
      ),
  );

  app.get(
    '/service-points',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Service points (district centre, street centres, community points)',
        querystring: Type.Object({
          ...PageQuery,
          item: Type.Optional(Type.String({ maxLength: 64 })),
          street: Type.Optional(Type.String({ pattern: '^\\d{9}$' })),
          level: Type.Optional(lit(HANDLING_LEVELS)),
        }),
        response: { 200: listOf(ServicePointView), ...errorResponses },
      },
    },
    async (request) => listServicePoints(db, request.query),
  );

  app.get(
    '/service-points/nearest',
    {
      config: { public: true },
      schema: {
        tags,
        summary:
          'Where an item can be handled nearest to a street: community, street centre, district centre',
        querystring: Type.Object({
          item: Type.String({ maxLength: 64 }),
          street: Type.String({ pattern: '^\\d{9}$' }),
        }),
        response: { 200: listOf(ServicePointView), ...errorResponses },
      },
    },
    async (request) => nearestServicePoints(db, request.query.item, request.query.street),
  );

  app.get(
    '/catalogue/export',
    {
      config: { roles: ['admin'] },
      schema: {
        tags,
        summary:
          'The whole implementation list as Excel (items, materials, fees, service points, bundles)',
        response: {
          200: Type.Unsafe<Buffer>({ type: 'string', format: 'binary' }),
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const file = await exportCatalogue(db, request.actor);
      return reply
        .type(XLSX_TYPE)
        .header('content-disposition', 'attachment; filename="onetrip-catalogue.xlsx"')
        .send(file);
    },
  );

  app.register(async (scope) => {
    // The spreadsheet arrives as the raw request body.
    scope.addContentTypeParser(
      XLSX_TYPE,
      { parseAs: 'buffer', bodyLimit: 20 * 1024 * 1024 },
      (_req, body, done) => done(null, body),
    );
    scope.post(
      '/catalogue/import',
      {
        config: { roles: ['admin'] },
        schema: {
          tags,
          summary:
            'Replace the implementation list from Excel; a bad file is refused whole with every problem listed',
          response: {
            200: Type.Object({
              items: Type.Integer(),
              bundles: Type.Integer(),
              servicePoints: Type.Integer(),
              changed: Type.Integer(),
            }),
            ...errorResponses,
          },
        },
      },
      async (request) => importCatalogue(db, request.actor, request.body as Buffer),
    );
  });
};
