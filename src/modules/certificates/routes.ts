import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import { errorResponses, IdParams, listOf, Nullable, PageQuery } from '../../server/schemas.ts';
import { DATA_SOURCES, oneIdItems, zeroMaterialFacts } from './datasets.service.ts';
import { publicKeySet, type SigningKeys } from './keys.service.ts';
import { renderCertificatePdf } from './pdf.ts';
import { CertificateView, Jwks, VerificationView, ZeroMaterialView } from './schemas.ts';
import { CERTIFICATE_TYPES } from './types.ts';
import { verifyCertificate } from './verify.service.ts';
import {
  createShare,
  getCertificate,
  listCertificates,
  listMyCertificates,
  openShare,
  revokeCertificate,
} from './wallet.service.ts';

const tags = ['certificates'];
const S = Type.String();
const Binary = Type.Unsafe<Buffer>({ type: 'string', format: 'binary' });
const STAFF = ['window_clerk', 'reviewer', 'supervisor', 'admin'] as const;

export const certificateRoutes: FastifyPluginAsyncTypebox<{
  db: Kysely<Database>;
  keys: SigningKeys;
}> = async (app, { db, keys }) => {
  app.get(
    '/certificates/keys',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'The issuing departments’ public keys as a JWK set (Ed25519, retired keys too)',
        response: { 200: Jwks, ...errorResponses },
      },
    },
    async (_request, reply) => {
      reply.header('cache-control', 'public, max-age=300');
      return publicKeySet(db);
    },
  );

  app.get(
    '/certificates/verify',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Verify a certificate: valid, revoked, expired or forged',
        description:
          'Takes what the QR code carries: the compact form `OT1.<payload>.<signature>` or a `/verify?c=` link.',
        querystring: Type.Object({ c: Type.String({ minLength: 1, maxLength: 8000 }) }),
        response: { 200: VerificationView, ...errorResponses },
      },
    },
    async (request) => verifyCertificate(db, request.query.c),
  );

  app.get(
    '/certificates/shared/:token',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'A certificate its holder shared through a time-limited link',
        params: Type.Object({ token: Type.String({ pattern: '^[A-Za-z0-9_-]{16,64}$' }) }),
        response: {
          200: Type.Object({ certificate: CertificateView, expiresAt: S }),
          410: Type.Ref('ErrorBody'),
          ...errorResponses,
        },
      },
    },
    async (request) => openShare(db, request.params.token),
  );

  app.get(
    '/certificates/types',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'The certificate catalogue: types, their fields and validity',
        response: {
          200: Type.Array(
            Type.Object({
              key: S,
              code: S,
              name: S,
              nameEn: S,
              holderKind: S,
              validityYears: Nullable(Type.Integer()),
              fields: Type.Array(Type.Object({ key: S, name: S, nameEn: S, element: S })),
            }),
          ),
          ...errorResponses,
        },
      },
    },
    async () =>
      CERTIFICATE_TYPES.map((t) => ({
        key: t.key,
        code: t.code,
        name: t.name,
        nameEn: t.nameEn,
        holderKind: t.holderKind,
        validityYears: 'years' in t.validity ? t.validity.years : null,
        fields: t.fields.map(({ key, name, nameEn, element }) => ({ key, name, nameEn, element })),
      })),
  );

  app.get(
    '/certificates/mine',
    {
      config: { roles: ['applicant'] },
      schema: {
        tags,
        summary: 'My certificates (我的证照): the signed-in person’s or enterprise’s wallet',
        response: { 200: listOf(CertificateView), ...errorResponses },
      },
    },
    async (request) => listMyCertificates(db, request.actor),
  );

  app.get(
    '/certificates',
    {
      config: { roles: [...STAFF] },
      schema: {
        tags,
        summary: 'The register of issued certificates (staff)',
        querystring: Type.Object({
          type: Type.Optional(Type.String({ maxLength: 64 })),
          holderName: Type.Optional(Type.String({ maxLength: 100 })),
          ...PageQuery,
        }),
        response: { 200: listOf(CertificateView), ...errorResponses },
      },
    },
    async (request) => listCertificates(db, request.actor, request.query),
  );

  app.get(
    '/certificates/:id',
    {
      config: { roles: ['applicant', ...STAFF] },
      schema: {
        tags,
        summary: 'One certificate (its holder, or staff: audited)',
        params: IdParams,
        response: { 200: CertificateView, ...errorResponses },
      },
    },
    async (request) => getCertificate(db, request.actor, request.params.id),
  );

  app.get(
    '/certificates/:id/pdf',
    {
      config: { roles: ['applicant', ...STAFF] },
      schema: {
        tags,
        summary: 'The certificate as PDF, with its QR code',
        params: IdParams,
        response: { 200: Binary, ...errorResponses },
      },
    },
    async (request, reply) => {
      const c = await getCertificate(db, request.actor, request.params.id);
      const base = `${request.protocol}://${request.host}`;
      const pdf = await renderCertificatePdf(c, base);
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="${c.number}.pdf"`)
        .send(pdf);
    },
  );

  app.post(
    '/certificates/:id/revoke',
    {
      config: { roles: ['reviewer', 'admin'] },
      schema: {
        tags,
        summary: 'Revoke (注销) a certificate, with the reason',
        params: IdParams,
        body: Type.Object(
          { reason: Type.String({ minLength: 1, maxLength: 500 }) },
          { additionalProperties: false },
        ),
        response: { 200: CertificateView, ...errorResponses },
      },
    },
    async (request) => revokeCertificate(db, request.actor, request.params.id, request.body.reason),
  );

  app.post(
    '/certificates/:id/shares',
    {
      config: { roles: ['applicant'], idempotent: 'secret' },
      schema: {
        tags,
        summary: 'A time-limited link that shows this certificate to anyone who has it',
        params: IdParams,
        body: Type.Object(
          { hours: Type.Integer({ minimum: 1, maximum: 720, default: 24 }) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ token: S, path: S, expiresAt: S }),
          ...errorResponses,
        },
      },
    },
    async (request) => createShare(db, request.actor, request.params.id, request.body.hours),
  );

  app.post(
    '/certificates/keys/rotate',
    {
      config: { roles: ['admin'] },
      schema: {
        tags,
        summary: 'A new signing key for a department; the old one stays published',
        body: Type.Object(
          { issuer: Type.String({ pattern: '^dept:[a-z0-9-]{2,64}$' }) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ kid: S }), ...errorResponses },
      },
    },
    async (request) => ({ kid: await keys.rotate(request.body.issuer) }),
  );

  app.get(
    '/data-sources',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Other departments’ data sets registered as sources of materials (共享数据)',
        response: {
          200: Type.Array(
            Type.Object({
              key: S,
              name: S,
              nameEn: S,
              provider: S,
              subjectKind: S,
              description: S,
            }),
          ),
          ...errorResponses,
        },
      },
    },
    async () =>
      DATA_SOURCES.map(([key, name, nameEn, provider, subjectKind, description]) => ({
        key,
        name,
        nameEn,
        provider,
        subjectKind,
        description,
      })),
  );

  app.get(
    '/zero-material/:kind/:key',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'An item’s or bundle’s zero-material rate and the uploads it saved',
        params: Type.Object({
          kind: Type.Union([Type.Literal('item'), Type.Literal('bundle')]),
          key: Type.String({ pattern: '^[a-z0-9][a-z0-9-]{1,63}$' }),
        }),
        response: { 200: ZeroMaterialView, ...errorResponses },
      },
    },
    async (request) => zeroMaterialFacts(db, request.params.kind, request.params.key),
  );

  app.get(
    '/one-id-items',
    {
      config: { public: true },
      schema: {
        tags,
        summary: '一证通办: items the resident ID alone completes (no upload)',
        response: {
          200: Type.Array(Type.Object({ key: S, name: S, nameEn: S, department: S })),
          ...errorResponses,
        },
      },
    },
    async () => oneIdItems(db),
  );
};
