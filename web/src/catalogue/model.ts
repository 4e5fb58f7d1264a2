// The catalogue as the API returns it. The constants mirror src/modules/catalogue/model.ts: the web
// build never imports server code (as with auth/roles.ts), so a new stage or type needs adding here
// and, for its label, in both i18n dictionaries.

export const ITEM_TYPES = [
  'permit',
  'confirmation',
  'adjudication',
  'benefit',
  'reward',
  'filing',
  'other_power',
  'public_service',
] as const;
export type ItemType = (typeof ITEM_TYPES)[number];

export const CHANNELS = ['web', 'mobile', 'kiosk', 'counter'] as const;
export type ChannelKey = (typeof CHANNELS)[number];

export const HANDLING_LEVELS = ['district', 'street', 'community'] as const;
export type HandlingLevel = (typeof HANDLING_LEVELS)[number];

export const REQUIREMENTS = ['required', 'conditional', 'optional'] as const;
export type Requirement = (typeof REQUIREMENTS)[number];

export const MEDIA = ['paper', 'electronic', 'either'] as const;
export type Medium = (typeof MEDIA)[number];

export const AUDIENCES = ['citizen', 'enterprise'] as const;
export type Audience = (typeof AUDIENCES)[number];

/** Life events (citizens) and enterprise stages, in the order the portal shows them. */
export const STAGES = {
  citizen: [
    'birth',
    'education',
    'employment',
    'marriage',
    'housing',
    'health',
    'social-security',
    'residence',
    'transport',
    'veterans',
    'elderly',
    'disability',
    'retirement',
    'death',
  ],
  enterprise: [
    'opening',
    'licensing',
    'construction',
    'operating',
    'employment',
    'innovation',
    'changing',
    'closing',
  ],
} as const;

export interface Named {
  name: string;
  nameEn: string;
}

export interface DepartmentRef extends Named {
  key: string;
}

export interface List<T> {
  data: T[];
  total: number;
}

export type MaterialSource =
  | { kind: 'upload' }
  | { kind: 'certificate'; certificateType: string }
  | { kind: 'shared_data'; dataset: string };

export interface MaterialDef extends Named {
  key: string;
  requirement: Requirement;
  condition?: string;
  conditionText?: string;
  medium: Medium;
  source: MaterialSource;
  copies: number;
  blankFormUrl?: string;
  sampleUrl?: string;
}

/** A bundle's material: one per material type, with the items that ask for it. */
export interface MergedMaterial extends MaterialDef {
  items: string[];
  /** A certificate that an item of the same bundle issues on the way: never asked for. */
  producedBy?: string;
}

export interface Fee {
  name: string;
  standard: string;
  basis: string;
}

/** Opaque to the UI, which only carries it back on save. */
export type FormSchema = {
  type: 'object';
  properties: Record<string, unknown>;
  required: string[];
};

export interface ItemDef extends Named {
  key: string;
  basicCode: string;
  implementationCode: string;
  type: ItemType;
  department: string;
  legalBasis: string;
  conditions: string;
  statutoryDays: number;
  promisedDays: number;
  visits: number;
  visitReason?: string;
  fees: Fee[];
  channels: ChannelKey[];
  handlingLevels: HandlingLevel[];
  result: { kind: 'none' | 'decision' } | { kind: 'certificate'; certificateType: string };
  materials: MaterialDef[];
  form: FormSchema;
  keywords?: string[];
}

/** GET /items/:key: the department comes back as an object, but goes out as its key. */
export interface ItemView extends Omit<ItemDef, 'department'> {
  department: DepartmentRef;
  updatedAt: string;
  version?: number;
}

export interface ItemSummary extends Named {
  key: string;
  type: string;
  department: DepartmentRef;
  statutoryDays: number;
  promisedDays: number;
  visits: number;
  handlingLevels: string[];
  channels: string[];
}

export interface BundleItemRef {
  item: string;
  after?: string[];
  when?: string;
  whenText?: string;
}

export interface BundleDef extends Named {
  key: string;
  audience: Audience;
  stage: string;
  description: string;
  promisedDays: number;
  items: BundleItemRef[];
  keywords?: string[];
}

export interface BundleView extends Omit<BundleDef, 'items'> {
  items: (BundleItemRef & Named & { department: DepartmentRef; promisedDays: number })[];
  updatedAt: string;
  version?: number;
}

export interface BundleSummary extends Named {
  key: string;
  audience: Audience;
  stage: string;
  promisedDays: number;
  itemCount: number;
}

export interface BundleGraph {
  nodes: { item: string; layer: number; when?: string }[];
  edges: { from: string; to: string }[];
}

export interface CompiledBundle {
  form: FormSchema;
  materials: MergedMaterial[];
  criticalPath: { days: number; items: string[] };
  trips: number;
  graph: BundleGraph;
}

export interface CompileOutcome {
  ok: boolean;
  problems: { code: string; field: string; message: string }[];
  compiled: CompiledBundle | null;
}

export interface SearchHit extends Named {
  kind: 'item' | 'bundle';
  key: string;
  audience?: Audience;
  department?: DepartmentRef;
}

export interface ServicePoint extends Named {
  key: string;
  level: string;
  address: string;
  openingHours: string;
  streetCode?: string | null;
  distanceRank?: number;
}

export const guidePath = (kind: 'item' | 'bundle', key: string) =>
  `/guide/${kind}/${encodeURIComponent(key)}`;
