import type { Generated } from 'kysely';

/** A self-service kiosk (自助终端) at a service point, authenticated by a key of its own. */
export interface KioskDeviceTable {
  id: Generated<string>;
  name: string;
  /** The catalogue's service point where it stands. */
  service_point_key: string;
  division_code: string;
  /** sha256 of the key: the key itself is shown once, when the kiosk is registered. */
  key_hash: string;
  /** A kiosk session ends after this many seconds without activity. */
  idle_seconds: Generated<number>;
  enabled: Generated<boolean>;
  created_at: Generated<Date>;
}

/**
 * A card read waiting for its kiosk's page to take it up: a one-time sign-in token, or a refused
 * card (expired, unreadable) whose plain message the page shows once.
 */
export interface KioskSignInTable {
  /** sha256 of the token. */
  id: string;
  device_id: string;
  /** Null for a refused card. */
  account_id: string | null;
  /** Why the card was refused: the error the reader got. */
  problem: { code: string; params: Record<string, string | number>; field: string | null } | null;
  created_at: Generated<Date>;
  expires_at: Date;
  used_at: Date | null;
}

export interface KioskTables {
  kiosk_device: KioskDeviceTable;
  kiosk_sign_in: KioskSignInTable;
}
