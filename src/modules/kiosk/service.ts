import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import { assertRole, SYSTEM_ACTOR, type Actor } from '../../shared/actor.ts';
import { AppError, badRequest, notFound } from '../../shared/app-error.ts';
import { maskResidentId } from '../../shared/mask.ts';
import { recordAudit } from '../audit/index.ts';
import { listServicePoints, servicePointByKey } from '../catalogue/index.ts';
import {
  cardHolder,
  checkResidentId,
  listOrgUnits,
  startKioskSession,
  type CardHolder,
  type SessionInfo,
} from '../identity/index.ts';
import type { KioskSignInTable } from './kiosk.table.ts';
import { checkCard, type CardCheck, type CardRead } from './rules/card.ts';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** How long a card read waits for its kiosk's page to take it up. */
export const SIGN_IN_WAIT_SECONDS = 60;
/** A kiosk session ends at the latest after this, however active. */
export const KIOSK_SESSION_MAX_MINUTES = 30;
export const DEFAULT_IDLE_SECONDS = 60;

export interface Device {
  id: string;
  name: string;
  servicePointKey: string;
  divisionCode: string;
  idleSeconds: number;
}

/** The kiosk a request comes from, by its key (header `X-Kiosk-Key`); 401 for no or a wrong key. */
export async function deviceByKey(db: Kysely<Database>, key: string | undefined): Promise<Device> {
  if (!key || key.length < 16 || key.length > 200) throw new AppError(401, 'kiosk_key_invalid');
  const row = await db
    .selectFrom('kiosk_device')
    .select(['id', 'name', 'service_point_key', 'division_code', 'idle_seconds', 'enabled'])
    .where('key_hash', '=', sha256(key))
    .executeTakeFirst();
  if (!row || !row.enabled) throw new AppError(401, 'kiosk_key_invalid');
  return {
    id: row.id,
    name: row.name,
    servicePointKey: row.service_point_key,
    divisionCode: row.division_code,
    idleSeconds: row.idle_seconds,
  };
}

/** The kiosk as the audit trail names it: no account, labelled by the device. */
function kioskActor(device: Device, requestId: string | null): Actor {
  return { ...SYSTEM_ACTOR, username: `kiosk:${device.name}`, requestId, channel: 'kiosk' };
}

export interface PendingSignIn {
  token: string;
  expiresAt: Date;
  holder: { name: string; residentId: string };
}

/** A newer card on the same kiosk replaces one that was never taken up. */
async function replacePending(
  db: Kysely<Database>,
  device: Device,
  row: Pick<KioskSignInTable, 'id' | 'account_id' | 'problem' | 'expires_at'>,
) {
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('kiosk_sign_in')
      .set({ used_at: new Date() })
      .where('device_id', '=', device.id)
      .where('used_at', 'is', null)
      .execute();
    await trx
      .insertInto('kiosk_sign_in')
      .values({
        ...row,
        problem: row.problem ? JSON.stringify(row.problem) : null,
        device_id: device.id,
        used_at: null,
      } as never)
      .execute();
  });
}

async function pendingSignIn(
  db: Kysely<Database>,
  device: Device,
  holder: CardHolder,
  residentId: string,
): Promise<PendingSignIn> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + SIGN_IN_WAIT_SECONDS * 1000);
  await replacePending(db, device, {
    id: sha256(token),
    account_id: holder.accountId,
    problem: null,
    expires_at: expiresAt,
  });
  return {
    token,
    expiresAt,
    holder: { name: holder.name, residentId: maskResidentId(residentId) },
  };
}

function cardError(check: Exclude<CardCheck, { ok: true }>): AppError {
  switch (check.problem) {
    case 'missing':
      return badRequest('validation_required', check.field);
    case 'date_invalid':
      return badRequest('card_date_invalid', check.field);
    case 'before_valid_from':
      return badRequest('card_dates_inverted', check.field);
    case 'not_yet_valid':
      return badRequest('card_not_yet_valid', check.field, { date: check.date });
    case 'expired':
      return badRequest('card_expired', check.field, { date: check.date });
    default:
      return badRequest(`resident_id_${check.problem}`, check.field);
  }
}

/**
 * A card read by the kiosk's reader: the check digit, the validity dates against today's date
 * in China, then the holder (registered from the card if not yet on file). Answers a one-time
 * token that the kiosk's page exchanges for a session.
 */
export async function acceptCardRead(
  db: Kysely<Database>,
  device: Device,
  card: CardRead,
  requestId: string | null,
  now: Date = new Date(),
): Promise<PendingSignIn> {
  const check = checkCard(card, now);
  if (!check.ok) {
    const error = cardError(check);
    // The person at the kiosk sees why, on the kiosk's screen: the reader only gets the 400.
    await replacePending(db, device, {
      id: sha256(randomBytes(32).toString('base64url')),
      account_id: null,
      problem: { code: error.code, params: error.params, field: error.field ?? null },
      expires_at: new Date(Date.now() + SIGN_IN_WAIT_SECONDS * 1000),
    });
    throw error;
  }
  const holder = await cardHolder(db, kioskActor(device, requestId), {
    residentId: check.residentId,
    name: check.name,
  });
  return pendingSignIn(db, device, holder!, check.residentId);
}

/**
 * A keyboard-wedge read: the reader types only the number. There are no validity dates and no
 * name to check, so only a person already on file can sign in this way.
 */
export async function acceptWedgeRead(
  db: Kysely<Database>,
  device: Device,
  residentId: string,
  requestId: string | null,
): Promise<PendingSignIn> {
  const check = checkResidentId(residentId);
  if (!check.ok) throw badRequest(`resident_id_${check.problem}`, 'residentId');
  const holder = await cardHolder(db, kioskActor(device, requestId), {
    residentId: check.value,
    name: null,
  });
  if (!holder) throw new AppError(404, 'kiosk_person_unknown', {}, 'residentId');
  return pendingSignIn(db, device, holder, check.value);
}

/**
 * The kiosk's page takes up the newest card read waiting for it (or the one its token names),
 * once: the sign-in becomes a session of the holder on the kiosk channel with the device's idle
 * limit. Null when nothing is waiting.
 */
export type Claimed =
  | { status: 'signed_in'; session: SessionInfo }
  | { status: 'refused'; problem: NonNullable<KioskSignInTable['problem']> };

export async function claimSignIn(
  db: Kysely<Database>,
  device: Device,
  client: { token?: string | undefined; ip: string; userAgent: string | null },
  requestId: string | null,
): Promise<Claimed | null> {
  const claimed = await db
    .updateTable('kiosk_sign_in')
    .set({ used_at: new Date() })
    .where('id', '=', (eb) => {
      let q = eb
        .selectFrom('kiosk_sign_in')
        .select('id')
        .where('device_id', '=', device.id)
        .where('used_at', 'is', null)
        .where('expires_at', '>', new Date());
      if (client.token) q = q.where('id', '=', sha256(client.token));
      return q.orderBy('created_at', 'desc').limit(1);
    })
    .where('used_at', 'is', null)
    .returning(['account_id', 'problem'])
    .executeTakeFirst();
  if (!claimed) return null;
  if (!claimed.account_id) return { status: 'refused', problem: claimed.problem! };
  const session = await startKioskSession(db, {
    accountId: claimed.account_id,
    idleSeconds: device.idleSeconds,
    ttlMinutes: KIOSK_SESSION_MAX_MINUTES,
    ip: client.ip,
    userAgent: client.userAgent,
    by: kioskActor(device, requestId),
  });
  return { status: 'signed_in', session };
}

export interface NewDevice {
  name: string;
  servicePointKey: string;
  idleSeconds?: number | undefined;
}

async function divisionOf(db: Kysely<Database>, servicePointKey: string): Promise<string> {
  const point = await servicePointByKey(db, servicePointKey);
  if (!point) throw notFound(`service point ${servicePointKey}`);
  if (point.streetCode) return point.streetCode;
  const district = await listOrgUnits(db, { kind: 'district', limit: 1, offset: 0 });
  return district.data[0]?.divisionCode ?? '';
}

/** Registers a kiosk; its key is answered this once and stored only as a hash. */
export async function registerDevice(
  db: Kysely<Database>,
  actor: Actor | null,
  input: NewDevice,
): Promise<Device & { key: string }> {
  assertRole(actor, 'admin');
  const key = `kiosk_${randomBytes(32).toString('base64url')}`;
  const divisionCode = await divisionOf(db, input.servicePointKey);
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('kiosk_device')
      .values({
        name: input.name,
        service_point_key: input.servicePointKey,
        division_code: divisionCode,
        key_hash: sha256(key),
        idle_seconds: input.idleSeconds ?? DEFAULT_IDLE_SECONDS,
      })
      .returning(['id', 'idle_seconds'])
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, {
      action: 'kiosk.register',
      targetType: 'kiosk_device',
      targetId: row.id,
      after: { name: input.name, servicePointKey: input.servicePointKey },
      divisionCode,
    });
    return {
      id: row.id,
      name: input.name,
      servicePointKey: input.servicePointKey,
      divisionCode,
      idleSeconds: row.idle_seconds,
      key,
    };
  });
}

export async function listDevices(db: Kysely<Database>, actor: Actor | null) {
  assertRole(actor, 'admin', 'supervisor');
  const rows = await db
    .selectFrom('kiosk_device')
    .select(['id', 'name', 'service_point_key', 'division_code', 'idle_seconds', 'enabled'])
    .orderBy('name')
    .execute();
  return {
    data: rows.map((r) => ({
      id: r.id,
      name: r.name,
      servicePointKey: r.service_point_key,
      divisionCode: r.division_code,
      idleSeconds: r.idle_seconds,
      enabled: r.enabled,
    })),
    total: rows.length,
  };
}

/** The documented demo key of the demo kiosk at a service point (see the README). */
export const demoKioskKey = (servicePointKey: string) => `demo-kiosk-${servicePointKey}`;

/** One demo kiosk at every street service point, with a documented key. */
export async function seedKiosks(
  db: Kysely<Database>,
  progress: (msg: string) => void,
): Promise<void> {
  const points = await listServicePoints(db, { level: 'street', limit: 100, offset: 0 });
  for (const p of points.data) {
    await db
      .insertInto('kiosk_device')
      .values({
        name: `${p.name} 自助终端 1`,
        service_point_key: p.key,
        division_code: p.streetCode ?? '',
        key_hash: sha256(demoKioskKey(p.key)),
      })
      .onConflict((oc) => oc.column('key_hash').doNothing())
      .execute();
  }
  progress(`kiosks: ${points.data.length} demo kiosks, one per street service point`);
}
