import type { Generated, Selectable } from 'kysely';

export interface AuditEntryTable {
  id: Generated<number>;
  at: Generated<Date>;
  actor_id: string | null;
  /** What the actor was at the time (username or 'system'), kept even if the account goes. */
  actor_label: string;
  action: string;
  target_type: string;
  target_id: string;
  request_id: string | null;
  /** sha256 of the canonical JSON of the target before / after the change. */
  before_digest: string | null;
  after_digest: string | null;
  division_code: string | null;
}
export type AuditEntry = Selectable<AuditEntryTable>;

export interface AuditTables {
  audit_entry: AuditEntryTable;
}
