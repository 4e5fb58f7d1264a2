import type { Role } from '../modules/identity/tables/account.table.ts';
import { AppError } from './app-error.ts';

export type Channel = 'web' | 'mobile' | 'kiosk' | 'counter' | 'system';

/** Who is acting, as every service function receives it (never the HTTP request itself). */
export interface Actor {
  accountId: string;
  username: string;
  kind: 'staff' | 'person' | 'enterprise' | 'system';
  orgUnitId: string | null;
  personId: string | null;
  enterpriseId: string | null;
  /** Each role with the unit it is held in (id and stable code, e.g. `dept:health`). */
  roles: readonly { role: Role; orgUnitId: string; orgUnitCode: string }[];
  requestId: string | null;
  channel: Channel;
}

export const SYSTEM_ACTOR: Actor = {
  accountId: '00000000-0000-0000-0000-000000000000',
  username: 'system',
  kind: 'system',
  orgUnitId: null,
  personId: null,
  enterpriseId: null,
  roles: [],
  requestId: null,
  channel: 'system',
};

export function hasRole(actor: Actor, ...roles: Role[]): boolean {
  return actor.kind === 'system' || actor.roles.some((r) => roles.includes(r.role));
}

/** The check at the top of every service method (the route declares the same roles). */
export function assertRole(actor: Actor | null, ...roles: Role[]): asserts actor is Actor {
  if (!actor) throw new AppError(401, 'unauthenticated');
  if (!hasRole(actor, ...roles)) throw new AppError(403, 'forbidden');
}
