import type { Generated, Selectable } from 'kysely';

/** 自然人: a citizen known by resident ID. */
export interface PersonTable {
  id: Generated<string>;
  resident_id: string;
  name: string;
  phone: string | null;
  /** Home street or town (org unit), used by routing rules such as "the applicant's street". */
  street_id: string | null;
  division_code: string;
  address: string | null;
  created_at: Generated<Date>;
}
export type Person = Selectable<PersonTable>;

/** 法人/企业: known by unified social credit code. */
export interface EnterpriseTable {
  id: Generated<string>;
  uscc: string;
  name: string;
  legal_representative: string;
  street_id: string | null;
  division_code: string;
  address: string | null;
  created_at: Generated<Date>;
}
export type Enterprise = Selectable<EnterpriseTable>;
