import type { Generated, Selectable } from 'kysely';
import type { CertificatePayload } from './rules/compact.ts';

/** An issuing department's Ed25519 key. Old keys are kept (retired) for what they signed. */
export interface SigningKeyTable {
  /** RFC 7638 thumbprint of the public JWK. */
  kid: string;
  /** The issuing org unit's code (`dept:market-regulation`). */
  issuer_code: string;
  public_jwk: { kty: 'OKP'; crv: 'Ed25519'; x: string };
  /** The PKCS#8 private key, AES-256-GCM under the master key: `v1.<iv>.<tag>.<ciphertext>`. */
  private_key_enc: string;
  created_at: Generated<Date>;
  retired_at: Date | null;
}

/** 电子证照: one issued certificate. */
export interface CertificateTable {
  id: Generated<string>;
  /** The identifier (证照标识), e.g. YYZZ-330106-2026-0000042-63. */
  number: string;
  type: string;
  type_name: string;
  holder_kind: 'person' | 'enterprise';
  holder_person_id: string | null;
  holder_enterprise_id: string | null;
  holder_name: string;
  /** The payload's holder id: a USCC in full, a resident ID masked. */
  holder_id_display: string;
  issuer_code: string;
  issuer_name: string;
  issued_on: string;
  valid_from: string;
  valid_until: string | null;
  fields: Record<string, string | number | boolean>;
  /** The canonical JSON exactly as signed. */
  payload_json: string;
  kid: string;
  signature: string;
  /** The case and item that issued it (null for certificates loaded from elsewhere). */
  case_id: string | null;
  item_key: string | null;
  revoked_at: Date | null;
  revoke_reason: string | null;
  revoked_by: string | null;
  division_code: string;
  created_at: Generated<Date>;
}
export type Certificate = Selectable<CertificateTable> & { payload?: CertificatePayload };

/** A time-limited link a holder made to show one certificate to someone. */
export interface CertificateShareTable {
  id: Generated<string>;
  certificate_id: string;
  /** sha256 of the token: the token itself is shown once and never stored. */
  token_hash: string;
  created_by: string;
  expires_at: Date;
  created_at: Generated<Date>;
  views: Generated<number>;
}

/** Another department's data set registered as a source of materials (户籍, 社保, 婚姻登记 …). */
export interface DataSourceTable {
  key: string;
  name: string;
  name_en: string;
  /** The providing department's key. */
  provider: string;
  description: string;
  subject_kind: 'person' | 'enterprise';
}

export interface DataRecordTable {
  id: Generated<string>;
  source_key: string;
  person_id: string | null;
  enterprise_id: string | null;
  data: Record<string, unknown>;
  updated_at: Generated<Date>;
}

/** Every query of a data source, with its purpose: who asked, about whom, for what. */
export interface DataQueryTable {
  id: Generated<number>;
  source_key: string;
  person_id: string | null;
  enterprise_id: string | null;
  purpose: string;
  case_id: string | null;
  actor_id: string | null;
  actor_label: string;
  found: boolean;
  at: Generated<Date>;
}

export interface CertificatesTables {
  signing_key: SigningKeyTable;
  certificate: CertificateTable;
  certificate_share: CertificateShareTable;
  data_source: DataSourceTable;
  data_record: DataRecordTable;
  data_query: DataQueryTable;
}
