/**
 * The catalogue as the staff who keep it write it: service items (事项) with the national
 * implementation-list fields, their materials and forms, and bundles (一件事). These are plain
 * data; the tables store them and the bundle compiler (rules/) turns a bundle into what an
 * applicant sees.
 */

export const ITEM_TYPES = [
  'permit', // 行政许可
  'confirmation', // 行政确认
  'adjudication', // 行政裁决
  'benefit', // 行政给付
  'reward', // 行政奖励
  'filing', // 行政备案
  'other_power', // 其他行政权力
  'public_service', // 公共服务
] as const;
export type ItemType = (typeof ITEM_TYPES)[number];

export const CHANNELS = ['web', 'mobile', 'kiosk', 'counter'] as const;
export type ChannelKey = (typeof CHANNELS)[number];

/** 就近办 scope: where an item may be handled besides the district centre. */
export const HANDLING_LEVELS = ['district', 'street', 'community'] as const;
export type HandlingLevel = (typeof HANDLING_LEVELS)[number];

export const REQUIREMENTS = ['required', 'conditional', 'optional'] as const;
export type Requirement = (typeof REQUIREMENTS)[number];

export type MaterialSource =
  | { kind: 'upload' }
  | { kind: 'certificate'; certificateType: string }
  | { kind: 'shared_data'; dataset: string };

export interface MaterialDef {
  /** The material type, shared across items ('id-card', 'lease-contract' …): a bundle asks once. */
  key: string;
  name: string;
  nameEn: string;
  requirement: Requirement;
  /** For `conditional`: a CEL expression over data elements, e.g. `premises.area_m2 > 50`. */
  condition?: string;
  /** For `conditional`: the condition in words, for the guide. */
  conditionText?: string;
  medium: 'paper' | 'electronic' | 'either';
  source: MaterialSource;
  copies: number;
  blankFormUrl?: string;
  sampleUrl?: string;
}

export interface Fee {
  name: string;
  standard: string;
  basis: string;
}

export type ItemResult =
  { kind: 'none' } | { kind: 'decision' } | { kind: 'certificate'; certificateType: string };

export type ElementType = 'string' | 'number' | 'integer' | 'boolean';

/** One field of a form. Its key is the shared data element (`applicant.name`, `premises.area_m2`). */
export interface FormProperty {
  type: ElementType;
  title: string;
  'x-title-en': string;
  format?: 'date' | 'email';
  enum?: (string | number)[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  /** UI hints. */
  'x-widget'?:
    | 'text'
    | 'textarea'
    | 'select'
    | 'radio'
    | 'switch'
    | 'date'
    | 'number'
    | 'resident-id'
    | 'uscc'
    | 'phone';
  'x-order'?: number;
  'x-help'?: string;
  /**
   * English labels of the enumerated codes ({ own: 'Owned', lease: 'Leased' }), like
   * 'x-title-en' for the title: the Chinese reading stays in 'x-help'.
   */
  'x-enum-en'?: Record<string, string>;
}

/** An item's form: a JSON Schema whose property names are data-element keys. */
export interface FormSchema {
  type: 'object';
  properties: Record<string, FormProperty>;
  required: string[];
}

export interface ItemDef {
  key: string;
  /** 基本编码 (national catalogue) and 实施编码 (this district's implementation). */
  basicCode: string;
  implementationCode: string;
  name: string;
  nameEn: string;
  type: ItemType;
  /** Department key (see the identity seed, e.g. 'market-regulation'). */
  department: string;
  legalBasis: string;
  conditions: string;
  /** Working days. A promised limit of 0 means handled on the spot (即办件). */
  statutoryDays: number;
  promisedDays: number;
  /** 到办事现场次数 and, when above 0, why a visit is needed. */
  visits: number;
  visitReason?: string;
  /** Empty: free of charge. */
  fees: Fee[];
  channels: ChannelKey[];
  handlingLevels: HandlingLevel[];
  result: ItemResult;
  materials: MaterialDef[];
  form: FormSchema;
  keywords?: string[];
}

export const AUDIENCES = ['citizen', 'enterprise'] as const;
export type Audience = (typeof AUDIENCES)[number];

export interface BundleItemRef {
  item: string;
  /** Items that must be approved first (the food-business permit after the business licence). */
  after?: string[];
  /** A CEL expression over the merged form: the item applies only when it holds. */
  when?: string;
  whenText?: string;
}

export interface BundleDef {
  key: string;
  name: string;
  nameEn: string;
  audience: Audience;
  /** Life event (citizens) or enterprise stage. */
  stage: string;
  description: string;
  /** Working days for the whole bundle. */
  promisedDays: number;
  items: BundleItemRef[];
  keywords?: string[];
}

/** Life events (citizens) and enterprise stages: how the portal lets people browse. */
export const STAGES = {
  citizen: [
    ['birth', '出生', 'Birth'],
    ['education', '教育', 'Education'],
    ['employment', '就业创业', 'Employment'],
    ['marriage', '婚育', 'Marriage and family'],
    ['housing', '住房', 'Housing'],
    ['health', '医疗健康', 'Health'],
    ['social-security', '社会保障', 'Social security'],
    ['residence', '户籍居住', 'Residence'],
    ['transport', '交通出行', 'Transport'],
    ['veterans', '退役军人', 'Veterans'],
    ['elderly', '养老', 'Old age'],
    ['disability', '助残', 'Disability'],
    ['retirement', '退休', 'Retirement'],
    ['death', '身后事', 'After a death'],
  ],
  enterprise: [
    ['opening', '开办', 'Opening'],
    ['licensing', '准营', 'Licences to operate'],
    ['construction', '投资建设', 'Investment and construction'],
    ['operating', '经营', 'Operating'],
    ['employment', '用工', 'Employing people'],
    ['innovation', '创新扶持', 'Innovation and support'],
    ['changing', '变更', 'Changes'],
    ['closing', '注销', 'Closing'],
  ],
} as const satisfies Record<Audience, readonly (readonly [string, string, string])[]>;
