import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import { errorResponses, IdParams, listOf, Nullable, PageQuery } from '../../server/schemas.ts';
import { login, logout, resolveSession } from './auth.service.ts';
import * as identity from './service.ts';
import { ORG_UNIT_KINDS } from './tables/org-unit.table.ts';
import { ROLES } from './tables/account.table.ts';

export interface IdentityRouteOptions {
  db: Kysely<Database>;
  sessionCookie: string;
  secureCookies: boolean;
  sessionTtlHours: number;
}

const OrgUnitRef = Type.Object({
  id: Type.String(),
  name: Type.String(),
  nameEn: Type.String(),
  kind: Type.String(),
});

const Me = Type.Object({
  id: Type.String(),
  username: Type.String(),
  displayName: Type.String(),
  kind: Type.Union([Type.Literal('staff'), Type.Literal('person'), Type.Literal('enterprise')]),
  locale: Type.String(),
  elderMode: Type.Boolean(),
  orgUnit: Nullable(OrgUnitRef),
  roles: Type.Array(
    Type.Object({ role: Type.Union(ROLES.map((r) => Type.Literal(r))), orgUnit: OrgUnitRef }),
  ),
  csrfToken: Type.String({ description: 'Send back as X-CSRF-Token on every write' }),
});

const OrgUnit = Type.Object({
  id: Type.String(),
  parentId: Nullable(Type.String()),
  kind: Type.String(),
  code: Type.String(),
  divisionCode: Type.String(),
  name: Type.String(),
  nameEn: Type.String(),
  shortName: Nullable(Type.String()),
});

const PersonMasked = Type.Object({
  id: Type.String(),
  name: Type.String(),
  residentId: Type.String({ description: 'Masked: region and last four only' }),
  phone: Nullable(Type.String()),
  divisionCode: Type.String(),
});

const PersonFull = Type.Object({
  id: Type.String(),
  name: Type.String(),
  residentId: Type.String(),
  phone: Nullable(Type.String()),
  streetId: Nullable(Type.String()),
  divisionCode: Type.String(),
  address: Nullable(Type.String()),
});

const Enterprise = Type.Object({
  id: Type.String(),
  uscc: Type.String(),
  name: Type.String(),
  legalRepresentative: Type.String(),
  divisionCode: Type.String(),
});

export const identityRoutes: FastifyPluginAsyncTypebox<IdentityRouteOptions> = async (
  app,
  opts,
) => {
  const { db } = opts;

  app.post(
    '/auth/login',
    {
      config: { public: true, idempotent: false },
      schema: {
        tags: ['identity'],
        summary: 'Sign in with a username and password',
        body: Type.Object(
          {
            username: Type.String({ minLength: 1, maxLength: 64 }),
            password: Type.String({ minLength: 1, maxLength: 256 }),
          },
          { additionalProperties: false },
        ),
        response: { 200: Me, ...errorResponses },
      },
    },
    async (request, reply) => {
      const session = await login(db, {
        ...request.body,
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? null,
        requestId: request.id,
        sessionTtlHours: opts.sessionTtlHours,
      });
      reply.setCookie(opts.sessionCookie, session.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: opts.secureCookies,
        expires: session.expiresAt,
      });
      const resolved = await resolveSession(db, session.token, request.id, 'web');
      return { ...(await identity.me(db, resolved!.actor)), csrfToken: session.csrfToken };
    },
  );

  app.post(
    '/auth/logout',
    {
      config: { idempotent: false },
      schema: {
        tags: ['identity'],
        summary: 'Sign out',
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await logout(db, request.actor!, request.sessionToken!);
      reply.clearCookie(opts.sessionCookie, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/me',
    {
      schema: {
        tags: ['identity'],
        summary: 'Who is signed in',
        response: { 200: Me, ...errorResponses },
      },
    },
    async (request) => ({
      ...(await identity.me(db, request.actor!)),
      csrfToken: request.csrfToken!,
    }),
  );

  app.patch(
    '/me/preferences',
    {
      schema: {
        tags: ['identity'],
        summary: 'My preferences: language and elder mode (长辈版), remembered on every device',
        body: Type.Object(
          {
            elderMode: Type.Optional(Type.Boolean()),
            locale: Type.Optional(Type.Union([Type.Literal('zh-CN'), Type.Literal('en-US')])),
          },
          { additionalProperties: false },
        ),
        response: { 200: Me, ...errorResponses },
      },
    },
    async (request) => {
      await identity.setPreferences(db, request.actor!, request.body);
      return { ...(await identity.me(db, request.actor!)), csrfToken: request.csrfToken! };
    },
  );

  app.get(
    '/org-units',
    {
      config: { public: true },
      schema: {
        tags: ['identity'],
        summary: 'The org tree: district, departments, streets, communities, grids',
        querystring: Type.Object({
          ...PageQuery,
          kind: Type.Optional(Type.Union(ORG_UNIT_KINDS.map((k) => Type.Literal(k)))),
          parentId: Type.Optional(Type.String({ format: 'uuid' })),
          q: Type.Optional(Type.String({ maxLength: 50 })),
        }),
        response: { 200: listOf(OrgUnit), ...errorResponses },
      },
    },
    async (request) => identity.listOrgUnits(db, request.query),
  );

  app.get(
    '/persons',
    {
      config: { roles: ['window_clerk', 'reviewer', 'supervisor', 'admin'] },
      schema: {
        tags: ['identity'],
        summary: 'Persons, with resident IDs and phone numbers masked',
        querystring: Type.Object({
          ...PageQuery,
          name: Type.Optional(Type.String({ maxLength: 50 })),
        }),
        response: { 200: listOf(PersonMasked), ...errorResponses },
      },
    },
    async (request) => identity.listPersons(db, request.actor, request.query),
  );

  app.get(
    '/persons/:id',
    {
      schema: {
        tags: ['identity'],
        summary: 'One person in full (the read is audited)',
        params: IdParams,
        response: { 200: PersonFull, ...errorResponses },
      },
    },
    async (request) => identity.getPerson(db, request.actor, request.params.id),
  );

  app.post(
    '/persons',
    {
      config: { roles: ['window_clerk', 'admin'] },
      schema: {
        tags: ['identity'],
        summary: 'Register a person (resident ID checked per GB 11643-1999)',
        body: Type.Object(
          {
            residentId: Type.String({ maxLength: 32 }),
            name: Type.String({ minLength: 1, maxLength: 50 }),
            phone: Type.Optional(Type.String({ maxLength: 20 })),
            streetId: Type.Optional(Type.String({ format: 'uuid' })),
            address: Type.Optional(Type.String({ maxLength: 200 })),
          },
          { additionalProperties: false },
        ),
        response: { 201: PersonMasked, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await identity.createPerson(db, request.actor, request.body)),
  );

  app.get(
    '/enterprises',
    {
      schema: {
        tags: ['identity'],
        summary: 'Enterprises',
        querystring: Type.Object({
          ...PageQuery,
          name: Type.Optional(Type.String({ maxLength: 50 })),
        }),
        response: { 200: listOf(Enterprise), ...errorResponses },
      },
    },
    async (request) => identity.listEnterprises(db, request.query),
  );

  app.post(
    '/enterprises',
    {
      config: { roles: ['window_clerk', 'admin', 'cadre'] },
      schema: {
        tags: ['identity'],
        summary: 'Register an enterprise (USCC checked per GB 32100-2015)',
        body: Type.Object(
          {
            uscc: Type.String({ maxLength: 32 }),
            name: Type.String({ minLength: 1, maxLength: 100 }),
            legalRepresentative: Type.String({ minLength: 1, maxLength: 50 }),
            streetId: Type.Optional(Type.String({ format: 'uuid' })),
            address: Type.Optional(Type.String({ maxLength: 200 })),
          },
          { additionalProperties: false },
        ),
        response: { 201: Enterprise, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await identity.createEnterprise(db, request.actor, request.body)),
  );
};
