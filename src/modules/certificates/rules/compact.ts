import canonicalize from 'canonicalize';

/** The version prefix of the compact form: `OT1.<payload>.<signature>`. */
export const COMPACT_PREFIX = 'OT1';

/**
 * What a certificate says, as it is signed. The keys follow the metadata of GB/T 36901–36906
 * (catalogue entry, identifier, holder, issuer, validity) in plain English; `kid` names the
 * issuing department's key in the published JWK set.
 */
export interface CertificatePayload {
  v: 1;
  kid: string;
  /** The certificate's unique identifier (see identifier.ts). */
  id: string;
  /** Catalogue entry: the certificate type's key and name. */
  type: string;
  typeName: string;
  holder: {
    kind: 'person' | 'enterprise';
    name: string;
    /** A USCC in full; a resident ID masked (the QR never carries a full resident ID). */
    id: string;
  };
  issuer: { code: string; name: string };
  issuedOn: string;
  validFrom: string;
  /** null: long-term (长期). */
  validUntil: string | null;
  fields: Record<string, string | number | boolean>;
}

/** RFC 8785 canonical JSON: sorted keys, no white space, one spelling per number. */
export function canonicalJson(payload: CertificatePayload): string {
  const text = canonicalize(payload);
  if (text === undefined) throw new Error('payload is not JSON');
  return text;
}

const B64URL = /^[A-Za-z0-9_-]+$/;

/**
 * base64url without padding, decoded strictly: a string that does not re-encode to itself (a
 * changed unused bit in the last character, a stray character) is refused, so that no two
 * strings decode to the same bytes.
 */
export function strictBase64Url(text: string): Buffer | null {
  if (!B64URL.test(text) || text.length % 4 === 1) return null;
  const bytes = Buffer.from(text, 'base64url');
  return bytes.toString('base64url') === text ? bytes : null;
}

export function encodeCompact(canonical: string, signature: Uint8Array): string {
  return [
    COMPACT_PREFIX,
    Buffer.from(canonical, 'utf8').toString('base64url'),
    Buffer.from(signature).toString('base64url'),
  ].join('.');
}

export interface DecodedCompact {
  compact: string;
  /** The exact bytes that were signed. */
  signed: Buffer;
  signature: Buffer;
  payload: CertificatePayload;
}

// The signed form `OT1.…` or, from a QR code too small for it, a reference `OTR1.…`.
const COMPACT_IN_TEXT = /OTR?1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+/;

/**
 * Finds the compact form (or a reference) in what a QR scanner or a file gives: the bare form or a
 * /verify?c= link.
 */
export function findCompact(text: string): string | null {
  const trimmed = text.trim();
  try {
    const url = new URL(trimmed);
    const c = url.searchParams.get('c');
    if (c) return c;
  } catch {
    // not a URL
  }
  return COMPACT_IN_TEXT.exec(trimmed)?.[0] ?? null;
}

/**
 * Splits and decodes the compact form. Anything malformed answers null: the caller reports it
 * as forged. The signature is not checked here.
 */
export function decodeCompact(compact: string): DecodedCompact | null {
  const parts = compact.split('.');
  if (parts.length !== 3 || parts[0] !== COMPACT_PREFIX) return null;
  const signed = strictBase64Url(parts[1]!);
  const signature = strictBase64Url(parts[2]!);
  if (!signed || !signature || signature.length !== 64) return null;
  let payload: unknown;
  try {
    payload = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(signed));
  } catch {
    return null;
  }
  if (!isPayload(payload)) return null;
  // Only the canonical spelling is accepted: one certificate, one byte string.
  if (canonicalJson(payload) !== signed.toString('utf8')) return null;
  return { compact, signed, signature, payload };
}

function isPayload(p: unknown): p is CertificatePayload {
  if (!p || typeof p !== 'object') return false;
  const o = p as Record<string, unknown>;
  const holder = o.holder as Record<string, unknown> | undefined;
  const issuer = o.issuer as Record<string, unknown> | undefined;
  return (
    o.v === 1 &&
    typeof o.kid === 'string' &&
    typeof o.id === 'string' &&
    typeof o.type === 'string' &&
    typeof o.typeName === 'string' &&
    typeof holder?.name === 'string' &&
    (holder.kind === 'person' || holder.kind === 'enterprise') &&
    typeof holder.id === 'string' &&
    typeof issuer?.code === 'string' &&
    typeof issuer.name === 'string' &&
    typeof o.issuedOn === 'string' &&
    typeof o.validFrom === 'string' &&
    (o.validUntil === null || typeof o.validUntil === 'string') &&
    typeof o.fields === 'object' &&
    o.fields !== null
  );
}
