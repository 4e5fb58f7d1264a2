import type { Generated, Selectable } from 'kysely';

export const ORG_UNIT_KINDS = [
  'district',
  'department',
  'subdistrict',
  'town',
  'community',
  'village',
  'grid',
] as const;
export type OrgUnitKind = (typeof ORG_UNIT_KINDS)[number];

export interface OrgUnitTable {
  id: Generated<string>;
  parent_id: string | null;
  kind: OrgUnitKind;
  /** Stable key: the division code for places, `dept:<key>` for departments, `grid:<…>` for grids. */
  code: string;
  /** The region the unit belongs to (6/9/12-digit GB/T 2260 code); the distribution key. */
  division_code: string;
  name: string;
  name_en: string;
  short_name: string | null;
  sort_order: Generated<number>;
  created_at: Generated<Date>;
}
export type OrgUnit = Selectable<OrgUnitTable>;
