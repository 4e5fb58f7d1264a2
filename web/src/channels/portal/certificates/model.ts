/** An e-certificate as the API gives it (GET /api/v1/certificates/mine, /certificates/:id). */
export interface Certificate {
  id: string;
  number: string;
  type: string;
  typeName: string;
  holderKind: 'person' | 'enterprise';
  holderName: string;
  holderId: string;
  issuerCode: string;
  issuerName: string;
  issuedOn: string;
  validFrom: string;
  validUntil: string | null;
  fields: Record<string, string | number | boolean>;
  status: 'valid' | 'revoked' | 'expired';
  revokedAt: string | null;
  revokeReason: string | null;
  caseId: string | null;
  itemKey: string | null;
  compact: string;
  kid: string;
}

export type Outcome = 'valid' | 'revoked' | 'expired' | 'forged';

/** What the QR code says, as signed. */
export interface Payload {
  id: string;
  type: string;
  typeName: string;
  holder: { kind: 'person' | 'enterprise'; name: string; id: string };
  issuer: { code: string; name: string };
  issuedOn: string;
  validFrom: string;
  validUntil: string | null;
  fields: Record<string, string | number | boolean>;
}

export interface Verification {
  outcome: Outcome;
  reason: string | null;
  certificate: Payload | null;
  revokedAt: string | null;
  revokeReason: string | null;
}

export const STATUS_COLOR: Record<Outcome, string> = {
  valid: 'success',
  revoked: 'error',
  expired: 'warning',
  forged: 'error',
};

/** A timestamp as a date in Asia/Shanghai. */
export const shanghaiDate = (iso: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(iso));

export const shanghaiTime = (iso: string) =>
  new Intl.DateTimeFormat('zh-CN', {
    timeZone: 'Asia/Shanghai',
    dateStyle: 'short',
    timeStyle: 'short',
  }).format(new Date(iso));
