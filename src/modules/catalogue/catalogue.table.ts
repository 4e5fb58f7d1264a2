import type { Generated } from 'kysely';
import type { Audience, BundleDef, ItemDef, ItemType } from './model.ts';

/** A service item: the definition is the source of truth; the columns serve queries. */
export interface CatalogueItemTable {
  key: string;
  name: string;
  name_en: string;
  type: ItemType;
  department_key: string;
  statutory_days: number;
  promised_days: number;
  visits: number;
  handling_levels: string[];
  channels: string[];
  definition: ItemDef;
  /** Name, English name, keywords: what search matches against. */
  search_text: string;
  version: Generated<number>;
  updated_at: Generated<Date>;
  updated_by: string | null;
  division_code: string;
}

export interface CatalogueBundleTable {
  key: string;
  name: string;
  name_en: string;
  audience: Audience;
  stage: string;
  promised_days: number;
  definition: BundleDef;
  search_text: string;
  version: Generated<number>;
  updated_at: Generated<Date>;
  updated_by: string | null;
  division_code: string;
}

export interface ServicePointTable {
  key: string;
  name: string;
  name_en: string;
  level: 'district' | 'street' | 'community';
  street_code: string | null;
  community_code: string | null;
  address: string;
  opening_hours: string;
  windows: { number: string; name: string }[];
  sort_order: number;
  division_code: string;
}

/** Everyday words mapped to what the catalogue calls it (开饭店 → 开餐饮店). */
export interface SearchSynonymTable {
  term: string;
  target: string;
}

/** Raised by every statement that writes the table: what a cached copy is checked against. */
export interface CatalogueGenerationTable {
  table_name: 'catalogue_item' | 'catalogue_bundle';
  generation: number;
}

export interface CatalogueTables {
  catalogue_generation: CatalogueGenerationTable;
  catalogue_item: CatalogueItemTable;
  catalogue_bundle: CatalogueBundleTable;
  service_point: ServicePointTable;
  search_synonym: SearchSynonymTable;
}
