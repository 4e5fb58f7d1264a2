/** What a verifier answers: the four outcomes of the issue, in order of precedence. */
export type VerifyOutcome = 'valid' | 'revoked' | 'expired' | 'forged';

export interface VerifyFacts {
  /** The signature checks out against a published key that the payload names. */
  signatureOk: boolean;
  /** The certificate is on the register (online checks only). */
  registered: boolean;
  revokedAt: string | null;
  validFrom: string;
  validUntil: string | null;
  /** Today in Asia/Shanghai, YYYY-MM-DD. */
  today: string;
}

/**
 * A bad signature or an unknown certificate is forged, whatever else it says; then revocation
 * wins over expiry (a revoked certificate stays revoked after its end date). A certificate is
 * valid through its last day.
 */
export function verifyOutcome(f: VerifyFacts): VerifyOutcome {
  if (!f.signatureOk || !f.registered) return 'forged';
  if (f.revokedAt) return 'revoked';
  if (f.today < f.validFrom) return 'expired';
  if (f.validUntil !== null && f.today > f.validUntil) return 'expired';
  return 'valid';
}

/** Whether a certificate may be attached to a new application today. */
export function attachable(f: Omit<VerifyFacts, 'signatureOk' | 'registered'>): boolean {
  return verifyOutcome({ ...f, signatureOk: true, registered: true }) === 'valid';
}
