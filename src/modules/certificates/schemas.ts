import { Type } from '@fastify/type-provider-typebox';
import { Nullable } from '../../server/schemas.ts';

const S = Type.String();
const Scalar = Type.Union([Type.String(), Type.Number(), Type.Boolean()]);
const Status = Type.Union([
  Type.Literal('valid'),
  Type.Literal('revoked'),
  Type.Literal('expired'),
]);

export const CertificateView = Type.Object({
  id: S,
  number: Type.String({ description: '证照标识, e.g. YYZZ-330106-2026-0000042-63' }),
  type: S,
  typeName: S,
  holderKind: Type.Union([Type.Literal('person'), Type.Literal('enterprise')]),
  holderName: S,
  holderId: Type.String({ description: 'USCC in full; resident ID masked' }),
  issuerCode: S,
  issuerName: S,
  issuedOn: S,
  validFrom: S,
  validUntil: Nullable(Type.String({ description: 'null: long-term (长期)' })),
  fields: Type.Record(Type.String(), Scalar),
  status: Status,
  revokedAt: Nullable(S),
  revokeReason: Nullable(S),
  caseId: Nullable(S),
  itemKey: Nullable(S),
  compact: Type.String({
    description: 'OT1.<base64url canonical payload>.<base64url Ed25519 signature>',
  }),
  kid: S,
});

export const Payload = Type.Object({
  v: Type.Literal(1),
  kid: S,
  id: S,
  type: S,
  typeName: S,
  holder: Type.Object({
    kind: Type.Union([Type.Literal('person'), Type.Literal('enterprise')]),
    name: S,
    id: S,
  }),
  issuer: Type.Object({ code: S, name: S }),
  issuedOn: S,
  validFrom: S,
  validUntil: Nullable(S),
  fields: Type.Record(Type.String(), Scalar),
});

export const VerificationView = Type.Object({
  outcome: Type.Union(
    [
      Type.Literal('valid'),
      Type.Literal('revoked'),
      Type.Literal('expired'),
      Type.Literal('forged'),
    ],
    { description: 'valid, revoked, expired or forged' },
  ),
  reason: Nullable(
    Type.String({
      description: 'Why forged: malformed, unknown_key, bad_signature, not_registered',
    }),
  ),
  certificate: Nullable(Payload),
  revokedAt: Nullable(S),
  revokeReason: Nullable(S),
});

export const Jwks = Type.Object({
  keys: Type.Array(
    Type.Object({
      kty: Type.Literal('OKP'),
      crv: Type.Literal('Ed25519'),
      x: S,
      kid: S,
      use: Type.Literal('sig'),
      alg: Type.Literal('EdDSA'),
      issuer: S,
      retired: Type.Boolean(),
    }),
  ),
});

const MaterialSource = Type.Object({
  kind: S,
  certificateType: Type.Optional(S),
  dataset: Type.Optional(S),
});

export const ZeroMaterialView = Type.Object({
  subject: S,
  materials: Type.Integer(),
  fromCertificates: Type.Integer(),
  fromDatasets: Type.Integer(),
  uploads: Type.Integer(),
  rate: Type.Number({ minimum: 0, maximum: 1 }),
  oneId: Type.Boolean({ description: '一证通办: the resident ID alone completes it' }),
  applications: Type.Integer(),
  uploadsSaved: Type.Integer(),
  list: Type.Array(Type.Object({ key: S, name: S, source: MaterialSource, requirement: S })),
});
