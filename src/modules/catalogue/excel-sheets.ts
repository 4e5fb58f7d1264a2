/** The columns of each sheet of the implementation-list workbook, and how a cell is read. */
export interface ColumnSpec {
  key: string;
  required?: boolean;
  width?: number;
  parse?: (raw: unknown) => unknown;
  /** The value of an empty cell, for columns whose value may be empty but not absent. */
  blank?: unknown;
}

const text = (raw: unknown) => String(raw).trim();
const int = (raw: unknown) => {
  const n = typeof raw === 'number' ? raw : Number(String(raw).trim());
  return Number.isInteger(n) ? n : new Error('integer');
};
const csv = (raw: unknown) =>
  String(raw)
    .split(/[,，、]/)
    .map((s) => s.trim())
    .filter(Boolean);
const json = (raw: unknown) => {
  try {
    return JSON.parse(String(raw));
  } catch {
    return new Error('JSON');
  }
};
const tagged = (name: string, field: string) => (raw: unknown) => {
  const [kind, value] = String(raw).trim().split(':');
  return value ? { kind, [field]: value } : { kind };
};

export const SHEETS = {
  items: {
    columns: [
      { key: 'key', required: true, width: 30, parse: text },
      { key: 'basicCode', required: true, parse: text },
      { key: 'implementationCode', required: true, parse: text },
      { key: 'name', required: true, width: 30, parse: text },
      { key: 'nameEn', required: true, width: 30, parse: text },
      { key: 'type', required: true, parse: text },
      { key: 'department', required: true, parse: text },
      { key: 'legalBasis', parse: text },
      { key: 'conditions', parse: text },
      { key: 'statutoryDays', required: true, parse: int },
      { key: 'promisedDays', required: true, parse: int },
      { key: 'visits', required: true, parse: int },
      { key: 'visitReason', parse: text },
      { key: 'channels', required: true, parse: csv },
      { key: 'handlingLevels', required: true, parse: csv },
      { key: 'result', required: true, parse: tagged('result', 'certificateType') },
      { key: 'keywords', parse: csv },
      { key: 'form', required: true, width: 40, parse: json },
    ],
  },
  materials: {
    columns: [
      { key: 'item', required: true, width: 30, parse: text },
      { key: 'key', required: true, width: 24, parse: text },
      { key: 'name', required: true, width: 30, parse: text },
      { key: 'nameEn', required: true, width: 30, parse: text },
      { key: 'requirement', required: true, parse: text },
      { key: 'condition', parse: text },
      { key: 'conditionText', parse: text },
      { key: 'medium', required: true, parse: text },
      {
        key: 'source',
        required: true,
        width: 30,
        parse: (raw: unknown) => {
          const [kind, value] = String(raw).trim().split(':');
          if (kind === 'certificate') return { kind, certificateType: value };
          if (kind === 'shared_data') return { kind, dataset: value };
          return { kind };
        },
      },
      { key: 'copies', required: true, parse: int },
      { key: 'blankFormUrl', parse: text },
      { key: 'sampleUrl', parse: text },
    ],
  },
  fees: {
    columns: [
      { key: 'item', required: true, width: 30, parse: text },
      { key: 'name', required: true, parse: text },
      { key: 'standard', required: true, parse: text },
      { key: 'basis', parse: text },
    ],
  },
  service_points: {
    columns: [
      { key: 'key', required: true, width: 24, parse: text },
      { key: 'name', required: true, width: 30, parse: text },
      { key: 'nameEn', required: true, width: 30, parse: text },
      { key: 'level', required: true, parse: text },
      { key: 'streetCode', parse: text },
      { key: 'communityCode', parse: text },
      { key: 'address', required: true, width: 40, parse: text },
      { key: 'openingHours', required: true, width: 40, parse: text },
      { key: 'windows', required: true, width: 40, parse: json },
      { key: 'sortOrder', parse: int },
    ],
  },
  bundles: {
    columns: [
      { key: 'key', required: true, width: 30, parse: text },
      { key: 'name', required: true, width: 24, parse: text },
      { key: 'nameEn', required: true, width: 30, parse: text },
      { key: 'audience', required: true, parse: text },
      { key: 'stage', required: true, parse: text },
      { key: 'description', parse: text, blank: '' },
      { key: 'promisedDays', required: true, parse: int },
      { key: 'keywords', parse: csv },
    ],
  },
  bundle_items: {
    columns: [
      { key: 'bundle', required: true, width: 30, parse: text },
      { key: 'item', required: true, width: 30, parse: text },
      { key: 'after', parse: csv },
      { key: 'when', width: 30, parse: text },
      { key: 'whenText', width: 30, parse: text },
    ],
  },
} satisfies Record<string, { columns: ColumnSpec[] }>;

export type SheetName = keyof typeof SHEETS;
