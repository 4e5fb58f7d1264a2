import type { Generated, Selectable } from 'kysely';

export const ROLES = [
  'applicant',
  'window_clerk',
  'reviewer',
  'supervisor',
  'cadre',
  'admin',
  'leader',
] as const;
export type Role = (typeof ROLES)[number];

export const ACCOUNT_KINDS = ['staff', 'person', 'enterprise'] as const;
export type AccountKind = (typeof ACCOUNT_KINDS)[number];

/** Anyone who signs in: staff, or a person / enterprise applying for services. */
export interface AccountTable {
  id: Generated<string>;
  username: string;
  password_hash: string;
  display_name: string;
  kind: AccountKind;
  /** Staff: the unit they work in. */
  org_unit_id: string | null;
  person_id: string | null;
  enterprise_id: string | null;
  division_code: string;
  locale: Generated<string>;
  elder_mode: Generated<boolean>;
  disabled_at: Date | null;
  created_at: Generated<Date>;
}
export type Account = Selectable<AccountTable>;

/** A role held within an org unit (and, by the tree, the units below it). */
export interface RoleGrantTable {
  account_id: string;
  role: Role;
  org_unit_id: string;
  created_at: Generated<Date>;
}

export interface SessionTable {
  /** sha256 of the cookie token: a leaked table does not yield usable cookies. */
  id: string;
  account_id: string;
  csrf_token: string;
  created_at: Generated<Date>;
  expires_at: Date;
  last_seen_at: Generated<Date>;
  ip: string | null;
  user_agent: string | null;
  /** Ends the session after this many seconds without a request (kiosk sessions); null: none. */
  idle_seconds: Generated<number | null>;
  /** Fixes the channel a session acts on (a kiosk session is always `kiosk`); null: per request. */
  channel: Generated<string | null>;
}

export interface LoginAttemptTable {
  id: Generated<number>;
  username: string;
  ip: string;
  succeeded: boolean;
  at: Generated<Date>;
}
