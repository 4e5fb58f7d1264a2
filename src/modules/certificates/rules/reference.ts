import { createHash } from 'node:crypto';
import { strictBase64Url } from './compact.ts';

/**
 * A QR code holds at most 2,331 bytes (level M), and one past ~1,200 is too dense to scan from
 * paper. The signed form of a certificate with a long business scope is larger than that, so its
 * QR carries a reference instead: `OTR1.<number>.<digest>`, the certificate's number and the first
 * 16 bytes of the SHA-256 of its signed text. The verify page looks the number up in the register
 * and checks the digest; the PDF's Keywords still carry the full signed form for offline checks.
 */
export const REFERENCE_PREFIX = 'OTR1';

/** The longest signed form a QR code carries as it is. */
export const QR_COMPACT_MAX = 1200;

export interface CertificateReference {
  number: string;
  digest: string;
}

export function digestOf(signedText: string): string {
  return createHash('sha256')
    .update(signedText, 'utf8')
    .digest()
    .subarray(0, 16)
    .toString('base64url');
}

/** The reference to a compact form `OT1.<payload>.<signature>`; null when it is malformed. */
export function referenceTo(compact: string): string | null {
  const payload = strictBase64Url(compact.split('.')[1] ?? '');
  if (!payload) return null;
  const signedText = payload.toString('utf8');
  let number: unknown;
  try {
    number = (JSON.parse(signedText) as { id?: unknown }).id;
  } catch {
    return null;
  }
  if (typeof number !== 'string' || !number) return null;
  const encoded = Buffer.from(number, 'utf8').toString('base64url');
  return `${REFERENCE_PREFIX}.${encoded}.${digestOf(signedText)}`;
}

/** What the QR code carries: the signed form when it fits, else the reference. */
export function qrContent(compact: string): string {
  return compact.length <= QR_COMPACT_MAX ? compact : (referenceTo(compact) ?? compact);
}

export function decodeReference(text: string): CertificateReference | null {
  const parts = text.split('.');
  if (parts.length !== 3 || parts[0] !== REFERENCE_PREFIX) return null;
  const number = strictBase64Url(parts[1]!);
  const digest = strictBase64Url(parts[2]!);
  if (!number || !digest || digest.length !== 16) return null;
  const decoded = number.toString('utf8');
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  if (!decoded || /[\u0000-\u001f]/.test(decoded)) return null;
  return { number: decoded, digest: parts[2]! };
}

/** Whether a reference names this signed text (the register's copy). */
export function referenceMatches(ref: CertificateReference, signedText: string): boolean {
  return digestOf(signedText) === ref.digest;
}
