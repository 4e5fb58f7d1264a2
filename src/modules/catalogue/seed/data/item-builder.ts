/**
 * Builds the seed's ItemDefs from compact rows, one department at a time.
 *
 * Codes are illustrative, NOT the official ones of the national or Zhejiang catalogue. They are
 * shaped like them: the basic code (基本编码) is the two-digit item-type code, a three-digit
 * department number, a four-digit sequence and a three-digit sub-item part (twelve digits); the
 * implementation code (实施编码) prefixes the district's division code 330106. The sequence is
 * the row's place in its department's list, so new rows go at the end of that list.
 */
import type {
  ChannelKey,
  Fee,
  HandlingLevel,
  ItemDef,
  ItemResult,
  ItemType,
  MaterialDef,
} from '../../model.ts';
import { form } from './elements.ts';

/** Item-type codes as in the national catalogue's coding rules (行政备案 given 11 here). */
const TYPE_CODES: Record<ItemType, string> = {
  permit: '01',
  benefit: '05',
  confirmation: '07',
  reward: '08',
  adjudication: '09',
  other_power: '10',
  filing: '11',
  public_service: '20',
};

const CHANNEL_LETTERS: Record<string, ChannelKey> = {
  w: 'web',
  m: 'mobile',
  k: 'kiosk',
  c: 'counter',
};
const LEVEL_LETTERS: Record<string, HandlingLevel> = { d: 'district', s: 'street', c: 'community' };

export interface ItemRow {
  key: string;
  name: string;
  nameEn: string;
  type: ItemType;
  /** [statutory, promised] working days; promised 0 = handled on the spot (即办件). */
  days: [number, number];
  /** On-site visits and why; omitted = 0 (全程网办 or 0 trips with delivery). */
  visits?: [number, string];
  fees?: Fee[];
  /** Letters: w web, m mobile (浙里办), k kiosk, c counter. Default 'wmc'. */
  channels?: string;
  /** Letters: d district centre, s street centre, c community point. Default 'ds'. */
  levels?: string;
  /** 'none', 'decision', or the certificate type issued. */
  result: string;
  basis: string;
  conditions: string;
  materials: MaterialDef[];
  /** Data-element keys in form order; a leading '?' marks an optional one. */
  form: string[];
  keywords?: string[];
}

function letters<T>(spec: string, table: Record<string, T>, what: string): T[] {
  return [...spec].map((l) => {
    const v = table[l];
    if (v === undefined) throw new Error(`unknown ${what} letter ${l}`);
    return v;
  });
}

function resultOf(spec: string): ItemResult {
  if (spec === 'none' || spec === 'decision') return { kind: spec };
  return { kind: 'certificate', certificateType: spec };
}

export function department(dept: string, number: string, rows: ItemRow[]): ItemDef[] {
  return rows.map((row, i) => {
    const [statutoryDays, promisedDays] = row.days;
    if (promisedDays > statutoryDays) throw new Error(`${row.key}: promised exceeds statutory`);
    const [visits, visitReason] = row.visits ?? [0, undefined];
    if (visits > 0 && !visitReason) throw new Error(`${row.key}: a visit needs its reason`);
    const basicCode = `${TYPE_CODES[row.type]}${number}${String(i + 1).padStart(4, '0')}000`;
    const keys = row.form.map((k) => k.replace(/^\?/, ''));
    const required = row.form.filter((k) => !k.startsWith('?'));
    const def: ItemDef = {
      key: row.key,
      basicCode,
      implementationCode: `330106${basicCode}`,
      name: row.name,
      nameEn: row.nameEn,
      type: row.type,
      department: dept,
      legalBasis: row.basis,
      conditions: row.conditions,
      statutoryDays,
      promisedDays,
      visits,
      ...(visitReason ? { visitReason } : {}),
      fees: row.fees ?? [],
      channels: letters(row.channels ?? 'wmc', CHANNEL_LETTERS, 'channel'),
      handlingLevels: letters(row.levels ?? 'ds', LEVEL_LETTERS, 'level'),
      result: resultOf(row.result),
      // The generic application form links to this item's own blank form.
      materials: row.materials.map((m) =>
        m.key === 'application-form' && !m.blankFormUrl
          ? { ...m, blankFormUrl: `/forms/${row.key}.pdf` }
          : m,
      ),
      form: form(keys, required),
    };
    if (row.keywords?.length) def.keywords = row.keywords;
    return def;
  });
}
