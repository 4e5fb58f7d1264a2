import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import stringify from 'safe-stable-stringify';
import type { Database } from '../../db/database.ts';
import type { Actor } from '../../shared/actor.ts';
import { assertRole } from '../../shared/actor.ts';

/** Key order must not change a digest, so the JSON is canonical (sorted keys). */
export function auditDigest(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  return createHash('sha256')
    .update(stringify(value) ?? '')
    .digest('hex');
}

export interface AuditInput {
  action: string;
  targetType: string;
  targetId: string;
  before?: unknown;
  after?: unknown;
  divisionCode?: string | null;
}

/**
 * Called with the transaction that makes the change, so the change and its audit row
 * commit together or not at all.
 */
export async function recordAudit(
  trx: Kysely<Database>,
  actor: Actor,
  input: AuditInput,
): Promise<void> {
  await trx.insertInto('audit_entry').values(auditRow(actor, input)).execute();
}

/**
 * The row `recordAudit` writes, for a caller that folds it into a statement of its own (one
 * round trip for a change, its audit row and its event) — still in the same transaction.
 */
export function auditRow(actor: Actor, input: AuditInput) {
  return {
    actor_id: actor.kind === 'system' ? null : actor.accountId,
    actor_label: actor.username,
    action: input.action,
    target_type: input.targetType,
    target_id: input.targetId,
    request_id: actor.requestId,
    before_digest: auditDigest(input.before),
    after_digest: auditDigest(input.after),
    division_code: input.divisionCode ?? null,
  };
}

export interface AuditQuery {
  targetType?: string | undefined;
  targetId?: string | undefined;
  action?: string | undefined;
  limit: number;
  offset: number;
}

export async function listAuditEntries(db: Kysely<Database>, actor: Actor | null, q: AuditQuery) {
  assertRole(actor, 'admin', 'supervisor');
  let query = db.selectFrom('audit_entry');
  if (q.targetType) query = query.where('target_type', '=', q.targetType);
  if (q.targetId) query = query.where('target_id', '=', q.targetId);
  if (q.action) query = query.where('action', '=', q.action);
  const [rows, count] = await Promise.all([
    query.selectAll().orderBy('id', 'desc').limit(q.limit).offset(q.offset).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { data: rows, total: Number(count.n) };
}
