import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import { assertRole, hasRole, type Actor } from '../../shared/actor.ts';
import { AppError, badRequest, notFound } from '../../shared/app-error.ts';
import { recordAudit } from '../audit/index.ts';
import type { Certificate } from './certificates.table.ts';
import { encodeCompact } from './rules/compact.ts';
import { verifyOutcome, type VerifyOutcome } from './rules/outcome.ts';
import { shanghaiToday } from './verify.service.ts';

export interface CertificateView {
  id: string;
  number: string;
  type: string;
  typeName: string;
  holderKind: 'person' | 'enterprise';
  holderName: string;
  /** Masked for a person. */
  holderId: string;
  issuerCode: string;
  issuerName: string;
  issuedOn: string;
  validFrom: string;
  validUntil: string | null;
  fields: Record<string, string | number | boolean>;
  status: Exclude<VerifyOutcome, 'forged'>;
  revokedAt: string | null;
  revokeReason: string | null;
  caseId: string | null;
  itemKey: string | null;
  /** `OT1.<payload>.<signature>`: what the QR carries. */
  compact: string;
  /** The signing key's id in the published JWK set. */
  kid: string;
}

const day = (d: string | Date | null) =>
  d === null ? null : typeof d === 'string' ? d.slice(0, 10) : shanghaiToday(d);

export function viewOf(c: Certificate, today = shanghaiToday()): CertificateView {
  const validFrom = day(c.valid_from)!;
  const validUntil = day(c.valid_until);
  return {
    id: c.id,
    number: c.number,
    type: c.type,
    typeName: c.type_name,
    holderKind: c.holder_kind,
    holderName: c.holder_name,
    holderId: c.holder_id_display,
    issuerCode: c.issuer_code,
    issuerName: c.issuer_name,
    issuedOn: day(c.issued_on)!,
    validFrom,
    validUntil,
    fields: c.fields,
    status: verifyOutcome({
      signatureOk: true,
      registered: true,
      revokedAt: c.revoked_at ? c.revoked_at.toISOString() : null,
      validFrom,
      validUntil,
      today,
    }) as CertificateView['status'],
    revokedAt: c.revoked_at ? c.revoked_at.toISOString() : null,
    revokeReason: c.revoke_reason,
    caseId: c.case_id,
    itemKey: c.item_key,
    compact: encodeCompact(c.payload_json, Buffer.from(c.signature, 'base64url')),
    kid: c.kid,
  };
}

/** The holder's own certificates (我的证照): a person's, or an enterprise account's. */
export async function listMyCertificates(db: Kysely<Database>, actor: Actor | null) {
  assertRole(actor, 'applicant');
  if (!actor.personId && !actor.enterpriseId) return { data: [], total: 0 };
  const rows = await db
    .selectFrom('certificate')
    .selectAll()
    .where((eb) =>
      actor.enterpriseId
        ? eb('holder_enterprise_id', '=', actor.enterpriseId)
        : eb('holder_person_id', '=', actor.personId!),
    )
    .orderBy('issued_on', 'desc')
    .orderBy('number', 'desc')
    .execute();
  const today = shanghaiToday();
  return { data: rows.map((r) => viewOf(r, today)), total: rows.length };
}

const STAFF = ['window_clerk', 'reviewer', 'supervisor', 'admin'] as const;

/** One certificate, for its holder or for staff; a staff read is audited. */
export async function getCertificate(db: Kysely<Database>, actor: Actor | null, id: string) {
  assertRole(actor, 'applicant', ...STAFF);
  const row = await db
    .selectFrom('certificate')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('certificate');
  const own =
    (row.holder_person_id && row.holder_person_id === actor.personId) ||
    (row.holder_enterprise_id && row.holder_enterprise_id === actor.enterpriseId);
  if (!own && !hasRole(actor, ...STAFF)) throw new AppError(403, 'forbidden');
  if (!own)
    await recordAudit(db, actor, {
      action: 'certificate.read',
      targetType: 'certificate',
      targetId: id,
      divisionCode: row.division_code,
    });
  return viewOf(row);
}

/** Staff list, by holder or type: identifiers masked as everywhere in lists. */
export async function listCertificates(
  db: Kysely<Database>,
  actor: Actor | null,
  q: { type?: string | undefined; holderName?: string | undefined; limit: number; offset: number },
) {
  assertRole(actor, ...STAFF);
  let query = db.selectFrom('certificate');
  if (q.type) query = query.where('type', '=', q.type);
  if (q.holderName) query = query.where('holder_name', 'like', `%${q.holderName}%`);
  const [rows, n] = await Promise.all([
    query.selectAll().orderBy('created_at', 'desc').limit(q.limit).offset(q.offset).execute(),
    query.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { data: rows.map((r) => viewOf(r)), total: Number(n.n) };
}

/** 注销: by the issuing department (or an admin), with a reason; the register says so at once. */
export async function revokeCertificate(
  db: Kysely<Database>,
  actor: Actor | null,
  id: string,
  reason: string,
) {
  assertRole(actor, 'reviewer', 'admin');
  if (!reason.trim()) throw badRequest('validation_required', 'reason');
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('certificate')
      .selectAll()
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    if (!row) throw notFound('certificate');
    if (!hasRole(actor, 'admin') && !actor.roles.some((r) => r.orgUnitCode === row.issuer_code))
      throw new AppError(403, 'forbidden');
    if (row.revoked_at)
      throw new AppError(409, 'certificate_revoked', { date: shanghaiToday(row.revoked_at) });
    const updated = await trx
      .updateTable('certificate')
      .set({ revoked_at: new Date(), revoke_reason: reason.trim(), revoked_by: actor.accountId })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, {
      action: 'certificate.revoke',
      targetType: 'certificate',
      targetId: id,
      before: { revokedAt: null },
      after: { revokedAt: updated.revoked_at, reason: updated.revoke_reason },
      divisionCode: row.division_code,
    });
    return viewOf(updated);
  });
}

const hashToken = (t: string) => createHash('sha256').update(t).digest('hex');

/** A link to show one certificate to someone, valid for some hours (at most 30 days). */
export async function createShare(
  db: Kysely<Database>,
  actor: Actor | null,
  id: string,
  hours: number,
) {
  const cert = await getCertificate(db, actor, id);
  if (cert.status !== 'valid')
    throw new AppError(409, 'certificate_not_shareable', { status: cert.status });
  const token = randomBytes(24).toString('base64url');
  const expiresAt = new Date(Date.now() + hours * 3_600_000);
  await db.transaction().execute(async (trx) => {
    const share = await trx
      .insertInto('certificate_share')
      .values({
        certificate_id: id,
        token_hash: hashToken(token),
        created_by: actor!.accountId,
        expires_at: expiresAt,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor!, {
      action: 'certificate.share',
      targetType: 'certificate',
      targetId: id,
      after: { share: share.id, expiresAt },
    });
  });
  return { token, path: `/verify?share=${token}`, expiresAt: expiresAt.toISOString() };
}

/** What a share link shows: the certificate as the register has it, if the link is still good. */
export async function openShare(db: Kysely<Database>, token: string) {
  const row = await db
    .selectFrom('certificate_share as s')
    .innerJoin('certificate as c', 'c.id', 's.certificate_id')
    .selectAll('c')
    .select(['s.id as share_id', 's.expires_at'])
    .where('s.token_hash', '=', hashToken(token))
    .executeTakeFirst();
  if (!row) throw notFound('share link');
  if (row.expires_at < new Date())
    throw new AppError(410, 'share_expired', { date: row.expires_at.toISOString().slice(0, 16) });
  await db
    .updateTable('certificate_share')
    .set((eb) => ({ views: eb('views', '+', 1) }))
    .where('id', '=', row.share_id)
    .execute();
  return { certificate: viewOf(row), expiresAt: row.expires_at.toISOString() };
}
