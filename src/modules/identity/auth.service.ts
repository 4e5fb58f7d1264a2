import { createHash, randomBytes } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { Actor, Channel } from '../../shared/actor.ts';
import { AppError } from '../../shared/app-error.ts';
import { recordAudit } from '../audit/index.ts';
import { verifyPassword } from './passwords.ts';
import { DEFAULT_THROTTLE, loginThrottle } from './rules/login-throttle.ts';
import type { Role } from './tables/account.table.ts';

const tokenDigest = (token: string) => createHash('sha256').update(token).digest('hex');

export interface LoginInput {
  username: string;
  password: string;
  ip: string;
  userAgent: string | null;
  requestId: string | null;
  sessionTtlHours: number;
}

export interface SessionInfo {
  token: string;
  csrfToken: string;
  expiresAt: Date;
  accountId: string;
}

async function recentFailures(db: Kysely<Database>, username: string, ip: string, now: Date) {
  const since = new Date(now.getTime() - DEFAULT_THROTTLE.windowMinutes * 60_000);
  const lastSuccess = db
    .selectFrom('login_attempt')
    .select((eb) => eb.fn.max('at').as('at'))
    .where(sql<string>`lower(username)`, '=', username.toLowerCase())
    .where('succeeded', '=', true);
  const byUser = await db
    .selectFrom('login_attempt')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.min('at').as('oldest')])
    .where(sql<string>`lower(username)`, '=', username.toLowerCase())
    .where('succeeded', '=', false)
    .where('at', '>', since)
    .where((eb) => eb.or([eb(lastSuccess, 'is', null), eb('at', '>', lastSuccess)]))
    .executeTakeFirstOrThrow();
  const byIp = await db
    .selectFrom('login_attempt')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.min('at').as('oldest')])
    .where('ip', '=', ip)
    .where('succeeded', '=', false)
    .where('at', '>', since)
    .executeTakeFirstOrThrow();
  const oldest = [byUser.oldest, byIp.oldest].filter(Boolean).map((d) => new Date(d as Date));
  return {
    usernameFailures: Number(byUser.n),
    ipFailures: Number(byIp.n),
    oldestFailureAt: oldest.length ? new Date(Math.min(...oldest.map((d) => d.getTime()))) : null,
  };
}

/** Password sign-in. Every outcome is recorded so the throttle sees it. */
export async function login(db: Kysely<Database>, input: LoginInput): Promise<SessionInfo> {
  const now = new Date();
  const verdict = loginThrottle(await recentFailures(db, input.username, input.ip, now), now);
  if (!verdict.allowed) {
    throw new AppError(429, 'login_throttled', { minutes: verdict.retryAfterMinutes });
  }
  const account = await db
    .selectFrom('account')
    .select(['id', 'username', 'kind', 'password_hash', 'disabled_at', 'division_code'])
    .where(sql<string>`lower(username)`, '=', input.username.toLowerCase())
    .executeTakeFirst();
  const ok =
    (await verifyPassword(account?.password_hash ?? null, input.password)) && !account?.disabled_at;
  if (!ok || !account) {
    await db
      .insertInto('login_attempt')
      .values({ username: input.username, ip: input.ip, succeeded: false })
      .execute();
    throw new AppError(401, 'login_failed');
  }
  const session = await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('login_attempt')
      .values({ username: input.username, ip: input.ip, succeeded: true })
      .execute();
    const opened = await openSession(trx, account.id, {
      expiresAt: new Date(now.getTime() + input.sessionTtlHours * 3600_000),
      ip: input.ip,
      userAgent: input.userAgent,
    });
    const self: Actor = {
      accountId: account.id,
      username: account.username,
      kind: account.kind,
      orgUnitId: null,
      personId: null,
      enterpriseId: null,
      roles: [],
      requestId: input.requestId,
      channel: 'web',
    };
    await recordAudit(trx, self, {
      action: 'auth.login',
      targetType: 'account',
      targetId: account.id,
      divisionCode: account.division_code,
    });
    return opened;
  });
  return { ...session, accountId: account.id };
}

export async function logout(db: Kysely<Database>, actor: Actor, token: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('session').where('id', '=', tokenDigest(token)).execute();
    await recordAudit(trx, actor, {
      action: 'auth.logout',
      targetType: 'account',
      targetId: actor.accountId,
    });
  });
}

export interface ResolvedSession {
  actor: Actor;
  csrfToken: string;
}

/** Turns a session cookie into an actor; an expired or unknown token yields null. */
export async function resolveSession(
  db: Kysely<Database>,
  token: string,
  requestId: string | null,
  channel: Channel,
): Promise<ResolvedSession | null> {
  const row = await db
    .selectFrom('session as s')
    .innerJoin('account as a', 'a.id', 's.account_id')
    .select([
      's.csrf_token',
      's.last_seen_at',
      's.idle_seconds',
      's.channel',
      'a.id',
      'a.username',
      'a.kind',
      'a.org_unit_id',
      'a.person_id',
      'a.enterprise_id',
      'a.disabled_at',
    ])
    .select((eb) =>
      eb
        .selectFrom('role_grant as g')
        .innerJoin('org_unit as u', 'u.id', 'g.org_unit_id')
        .whereRef('g.account_id', '=', 'a.id')
        .select(
          sql<
            { role: Role; orgUnitId: string; orgUnitCode: string }[]
          >`coalesce(json_agg(json_build_object('role', g.role, 'orgUnitId', g.org_unit_id, 'orgUnitCode', u.code)), '[]')`.as(
            'roles',
          ),
        )
        .as('roles'),
    )
    .where('s.id', '=', tokenDigest(token))
    .where('s.expires_at', '>', new Date())
    .where((eb) =>
      eb.or([
        eb('s.idle_seconds', 'is', null),
        eb(sql<Date>`s.last_seen_at + s.idle_seconds * interval '1 second'`, '>', new Date()),
      ]),
    )
    .executeTakeFirst();
  if (!row || row.disabled_at) return null;
  // Touch at most once a minute: a write per request would double the cost of every read. A
  // session with an idle limit (a kiosk's) is touched on every request, since that is its clock.
  if (row.idle_seconds !== null || Date.now() - new Date(row.last_seen_at).getTime() > 60_000) {
    await db
      .updateTable('session')
      .set({ last_seen_at: new Date() })
      .where('id', '=', tokenDigest(token))
      .execute();
  }
  return {
    csrfToken: row.csrf_token,
    actor: {
      accountId: row.id,
      username: row.username,
      kind: row.kind,
      orgUnitId: row.org_unit_id,
      personId: row.person_id,
      enterpriseId: row.enterprise_id,
      roles: row.roles ?? [],
      requestId,
      channel: (row.channel as Channel | null) ?? channel,
    },
  };
}

export interface KioskSessionInput {
  accountId: string;
  /** The session ends after this many seconds without a request. */
  idleSeconds: number;
  /** And in any case after this many minutes. */
  ttlMinutes: number;
  ip: string;
  userAgent: string | null;
  /** Who let the person in, for the audit trail (the kiosk device). */
  by: Actor;
}

/**
 * A session for a person identified at a self-service kiosk by their ID card (刷证): no
 * password, the kiosk channel fixed, and an idle limit after which it is gone.
 */
export async function startKioskSession(
  db: Kysely<Database>,
  input: KioskSessionInput,
): Promise<SessionInfo> {
  const session = await db.transaction().execute(async (trx) => {
    const account = await trx
      .selectFrom('account')
      .select(['id', 'division_code', 'disabled_at'])
      .where('id', '=', input.accountId)
      .executeTakeFirst();
    if (!account || account.disabled_at) throw new AppError(401, 'unauthenticated');
    const opened = await openSession(trx, account.id, {
      expiresAt: new Date(Date.now() + input.ttlMinutes * 60_000),
      ip: input.ip,
      userAgent: input.userAgent,
      idleSeconds: input.idleSeconds,
      channel: 'kiosk',
    });
    await recordAudit(trx, input.by, {
      action: 'auth.kiosk_login',
      targetType: 'account',
      targetId: account.id,
      divisionCode: account.division_code,
    });
    return opened;
  });
  return { ...session, accountId: input.accountId };
}

/** The session row; the cookie carries the token, the table only its digest. */
async function openSession(
  trx: Transaction<Database>,
  accountId: string,
  options: {
    expiresAt: Date;
    ip: string;
    userAgent: string | null;
    idleSeconds?: number;
    channel?: 'kiosk';
  },
): Promise<Pick<SessionInfo, 'token' | 'csrfToken' | 'expiresAt'>> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  await trx
    .insertInto('session')
    .values({
      id: tokenDigest(token),
      account_id: accountId,
      csrf_token: csrfToken,
      expires_at: options.expiresAt,
      ip: options.ip,
      user_agent: options.userAgent,
      ...(options.idleSeconds !== undefined && { idle_seconds: options.idleSeconds }),
      ...(options.channel && { channel: options.channel }),
    })
    .execute();
  return { token, csrfToken, expiresAt: options.expiresAt };
}

/** Housekeeping for the scheduler: expired sessions and old sign-in attempts. */
export async function purgeExpiredSessions(db: Kysely<Database>): Promise<number> {
  const now = new Date();
  const r = await db
    .deleteFrom('session')
    .where((eb) =>
      eb.or([
        eb('expires_at', '<', now),
        eb(sql<Date>`last_seen_at + idle_seconds * interval '1 second'`, '<', now),
      ]),
    )
    .executeTakeFirst();
  await db
    .deleteFrom('login_attempt')
    .where('at', '<', new Date(Date.now() - 24 * 3600_000))
    .execute();
  return Number(r.numDeletedRows);
}
