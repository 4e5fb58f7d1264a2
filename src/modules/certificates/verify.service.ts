import { verify as edVerify } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import { publicKeyOf, publicKeySet, type PublicJwk } from './keys.service.ts';
import {
  canonicalJson,
  decodeCompact,
  encodeCompact,
  findCompact,
  type CertificatePayload,
} from './rules/compact.ts';
import { decodeReference, referenceMatches } from './rules/reference.ts';
import { verifyOutcome, type VerifyOutcome } from './rules/outcome.ts';

export interface Verification {
  outcome: VerifyOutcome;
  /** Why it is forged (malformed, unknown_key, bad_signature, not_registered), or null. */
  reason: string | null;
  /** What the certificate says; only when the signature holds. */
  certificate: CertificatePayload | null;
  revokedAt: string | null;
  revokeReason: string | null;
}

/** The signature alone, against a key set: what anyone can do offline with the published keys. */
export function checkSignature(
  text: string,
  jwks: { keys: Pick<PublicJwk, 'kid' | 'x'>[] },
): { ok: true; payload: CertificatePayload } | { ok: false; reason: string } {
  const compact = findCompact(text);
  const decoded = compact ? decodeCompact(compact) : null;
  if (!decoded) return { ok: false, reason: 'malformed' };
  const jwk = jwks.keys.find((k) => k.kid === decoded.payload.kid);
  if (!jwk) return { ok: false, reason: 'unknown_key' };
  const ok = edVerify(null, decoded.signed, publicKeyOf(jwk), decoded.signature);
  return ok ? { ok: true, payload: decoded.payload } : { ok: false, reason: 'bad_signature' };
}

// Made once: building an Intl.DateTimeFormat costs far more than formatting with one, and a
// new application asks for today's date once per material it may attach.
const shanghaiDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' });

export const shanghaiToday = (now: Date = new Date()) => shanghaiDate.format(now);

/**
 * The full check: the signature against the published keys, then the register (revocation) and
 * the dates. A validly signed payload that is not on the register, or that differs from it, is
 * forged too.
 */
export async function verifyCertificate(
  db: Kysely<Database>,
  text: string,
  today: string = shanghaiToday(),
): Promise<Verification> {
  const ref = decodeReference(findCompact(text) ?? '');
  if (ref) {
    // A reference is only as good as the register's copy it names; that copy is checked in full.
    const row = await db
      .selectFrom('certificate')
      .select(['payload_json', 'signature'])
      .where('number', '=', ref.number)
      .executeTakeFirst();
    if (!row || !referenceMatches(ref, row.payload_json)) return forged('not_registered');
    text = encodeCompact(row.payload_json, Buffer.from(row.signature, 'base64url'));
  }
  const sig = checkSignature(text, await publicKeySet(db));
  if (!sig.ok) return forged(sig.reason);
  const p = sig.payload;
  const row = await db
    .selectFrom('certificate')
    .select(['payload_json', 'revoked_at', 'revoke_reason', 'valid_from', 'valid_until'])
    .where('number', '=', p.id)
    .executeTakeFirst();
  // The register holds the exact signed text: a payload signed but never issued is not on it.
  const registered = row?.payload_json === canonicalJson(p);
  const outcome = verifyOutcome({
    signatureOk: true,
    registered,
    revokedAt: row?.revoked_at ? row.revoked_at.toISOString() : null,
    validFrom: p.validFrom,
    validUntil: p.validUntil,
    today,
  });
  return {
    outcome,
    reason: registered ? null : 'not_registered',
    certificate: p,
    revokedAt: row?.revoked_at?.toISOString() ?? null,
    revokeReason: row?.revoke_reason ?? null,
  };
}

function forged(reason: string): Verification {
  return { outcome: 'forged', reason, certificate: null, revokedAt: null, revokeReason: null };
}
