import type { Generated } from 'kysely';

export interface IdempotencyKeyTable {
  /** Who sent it (account id or 'anonymous'): one client's key never replays another's answer. */
  scope: string;
  key: string;
  /** Method, path and body digest: the same key with a different request is refused. */
  fingerprint: string;
  state: 'pending' | 'done';
  status_code: number | null;
  response: unknown;
  created_at: Generated<Date>;
}

export interface IdempotencyTables {
  idempotency_key: IdempotencyKeyTable;
}
