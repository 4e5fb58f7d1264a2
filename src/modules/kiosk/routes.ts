import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import { AppError } from '../../shared/app-error.ts';
import { renderMessage, type MessageCode } from '../../shared/messages.ts';
import { errorResponses, listOf, Nullable } from '../../server/schemas.ts';
import { notAvailable, type FaceVerifier } from './face.ts';
import {
  acceptCardRead,
  acceptWedgeRead,
  claimSignIn,
  deviceByKey,
  listDevices,
  registerDevice,
} from './service.ts';

export interface KioskRouteOptions {
  db: Kysely<Database>;
  sessionCookie: string;
  secureCookies: boolean;
  /** The face verification provider; none by default. */
  faceVerifier?: FaceVerifier;
}

const tags = ['kiosk'];
const KeyHeader = Type.Object({
  'x-kiosk-key': Type.Optional(
    Type.String({ description: 'The kiosk’s own key, shown once when it was registered' }),
  ),
});
const Pending = Type.Object({
  token: Type.String({ description: 'One-time: the kiosk page exchanges it for a session' }),
  expiresAt: Type.String({ format: 'date-time' }),
  holder: Type.Object({
    name: Type.String(),
    residentId: Type.String({ description: 'Masked: region and last four only' }),
  }),
});
const DeviceView = Type.Object({
  id: Type.String(),
  name: Type.String(),
  servicePointKey: Type.String(),
  divisionCode: Type.String(),
  idleSeconds: Type.Integer(),
});
const ErrorRef = Type.Ref('ErrorBody');

const keyOf = (request: FastifyRequest) => {
  const key = request.headers['x-kiosk-key'];
  return typeof key === 'string' ? key : undefined;
};

/**
 * The self-service kiosk (自助终端). The card reader and the kiosk page authenticate with the
 * kiosk's key, not a user session; the page then holds the card holder's session.
 */
export const kioskRoutes: FastifyPluginAsyncTypebox<KioskRouteOptions> = async (app, opts) => {
  const { db } = opts;
  const face = opts.faceVerifier ?? notAvailable;

  app.get(
    '/kiosk/device',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'The kiosk this key belongs to (the kiosk’s set-up page checks its key)',
        headers: KeyHeader,
        response: { 200: DeviceView, ...errorResponses },
      },
    },
    async (request) => {
      const d = await deviceByKey(db, keyOf(request));
      return {
        id: d.id,
        name: d.name,
        servicePointKey: d.servicePointKey,
        divisionCode: d.divisionCode,
        idleSeconds: d.idleSeconds,
      };
    },
  );

  app.post(
    '/kiosk/card-reads',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'A resident ID card read by the kiosk’s reader (刷证): checked, then waiting',
        description:
          'Checks the GB 11643 check digit and the validity dates against today in China; 400 names the field. The holder is registered from the card if not yet on file.',
        headers: KeyHeader,
        body: Type.Object(
          {
            name: Type.String({ maxLength: 50 }),
            residentId: Type.String({ maxLength: 32 }),
            validFrom: Type.String({ maxLength: 20, description: 'YYYYMMDD or YYYY-MM-DD' }),
            validTo: Type.String({ maxLength: 20, description: 'YYYYMMDD, YYYY-MM-DD or 长期' }),
          },
          { additionalProperties: false },
        ),
        response: { 201: Pending, ...errorResponses },
      },
    },
    async (request, reply) => {
      const device = await deviceByKey(db, keyOf(request));
      const pending = await acceptCardRead(db, device, request.body, request.id);
      return reply.status(201).send({ ...pending, expiresAt: pending.expiresAt.toISOString() });
    },
  );

  app.post(
    '/kiosk/wedge-reads',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'An ID number typed by a keyboard-wedge reader: number only, person on file only',
        description:
          'A wedge reader carries no validity dates and no name: only the check digit is checked, and only a person already on file can sign in.',
        headers: KeyHeader,
        body: Type.Object(
          { residentId: Type.String({ maxLength: 32 }) },
          { additionalProperties: false },
        ),
        response: { 201: Pending, ...errorResponses },
      },
    },
    async (request, reply) => {
      const device = await deviceByKey(db, keyOf(request));
      const pending = await acceptWedgeRead(db, device, request.body.residentId, request.id);
      return reply.status(201).send({ ...pending, expiresAt: pending.expiresAt.toISOString() });
    },
  );

  app.post(
    '/kiosk/sessions',
    {
      config: { public: true, idempotent: false },
      schema: {
        tags,
        summary: 'The kiosk page takes up the card read waiting for it: a kiosk session',
        description:
          '200 with the session cookie set, 200 `refused` with the plain reason when the card was refused (expired, unreadable), or 204 when no card read is waiting. The session acts on the kiosk channel and ends after the kiosk’s idle limit (60 s by default).',
        headers: KeyHeader,
        body: Type.Optional(
          Type.Object(
            { token: Type.Optional(Type.String({ maxLength: 100 })) },
            { additionalProperties: false },
          ),
        ),
        response: {
          200: Type.Union([
            Type.Object({
              status: Type.Literal('signed_in'),
              csrfToken: Type.String(),
              expiresAt: Type.String({ format: 'date-time' }),
              idleSeconds: Type.Integer(),
            }),
            Type.Object({
              status: Type.Literal('refused'),
              code: Type.String(),
              message: Type.String({ description: 'Why the card was refused, for the screen' }),
              field: Nullable(Type.String()),
            }),
          ]),
          204: Type.Null(),
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const device = await deviceByKey(db, keyOf(request));
      const claimed = await claimSignIn(
        db,
        device,
        {
          token: request.body?.token,
          ip: request.ip,
          userAgent: request.headers['user-agent'] ?? null,
        },
        request.id,
      );
      if (!claimed) return reply.status(204).send(null);
      if (claimed.status === 'refused') {
        const { code, params, field } = claimed.problem;
        return {
          status: 'refused' as const,
          code,
          message: renderMessage(code as MessageCode, request.locale, params),
          field,
        };
      }
      const { session } = claimed;
      reply.setCookie(opts.sessionCookie, session.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'strict',
        secure: opts.secureCookies,
      });
      return {
        status: 'signed_in' as const,
        csrfToken: session.csrfToken,
        expiresAt: session.expiresAt.toISOString(),
        idleSeconds: device.idleSeconds,
      };
    },
  );

  app.post(
    '/kiosk/face-verifications',
    {
      config: { public: true, idempotent: false },
      schema: {
        tags,
        summary: 'Face verification (刷脸) through the deployment’s provider',
        description: 'This deployment has no provider: the answer is 501.',
        headers: KeyHeader,
        body: Type.Object(
          {
            residentId: Type.String({ maxLength: 32 }),
            image: Type.String({ maxLength: 700_000 }),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            status: Type.Union([Type.Literal('matched'), Type.Literal('not_matched')]),
            score: Type.Number(),
          }),
          501: ErrorRef,
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const device = await deviceByKey(db, keyOf(request));
      const result = await face.verify({ deviceId: device.id, ...request.body });
      if (result.status === 'unavailable') {
        throw new AppError(501, 'face_verification_unavailable');
      }
      return result;
    },
  );

  app.get(
    '/kiosk/devices',
    {
      config: { roles: ['admin', 'supervisor'] },
      schema: {
        tags,
        summary: 'The registered kiosks',
        response: {
          200: listOf(Type.Object({ ...DeviceView.properties, enabled: Type.Boolean() })),
          ...errorResponses,
        },
      },
    },
    async (request) => listDevices(db, request.actor),
  );

  app.post(
    '/kiosk/devices',
    {
      config: { roles: ['admin'], idempotent: 'secret' },
      schema: {
        tags,
        summary: 'Register a kiosk: its key is in this answer only',
        body: Type.Object(
          {
            name: Type.String({ minLength: 1, maxLength: 100 }),
            servicePointKey: Type.String({ maxLength: 64 }),
            idleSeconds: Type.Optional(Type.Integer({ minimum: 5, maximum: 3600 })),
          },
          { additionalProperties: false },
        ),
        response: {
          201: Type.Object({ ...DeviceView.properties, key: Type.String() }),
          ...errorResponses,
        },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await registerDevice(db, request.actor, request.body)),
  );
};
