import { Type } from '@fastify/type-provider-typebox';
import { Nullable } from '../../server/schemas.ts';
import { AUDIENCES, CHANNELS, HANDLING_LEVELS, ITEM_TYPES, REQUIREMENTS } from './model.ts';

const lit = <T extends string>(values: readonly T[]) =>
  Type.Union(values.map((v) => Type.Literal(v)));
const Key = Type.String({ pattern: '^[a-z0-9][a-z0-9-]{1,63}$', description: 'kebab-case key' });
const ElementKey = Type.String({ pattern: '^[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+$' });
const Days = Type.Integer({ minimum: 0, maximum: 365 });

export const MaterialSchema = Type.Object(
  {
    key: Key,
    name: Type.String({ minLength: 1, maxLength: 100 }),
    nameEn: Type.String({ minLength: 1, maxLength: 200 }),
    requirement: lit(REQUIREMENTS),
    condition: Type.Optional(Type.String({ maxLength: 300 })),
    conditionText: Type.Optional(Type.String({ maxLength: 300 })),
    medium: lit(['paper', 'electronic', 'either'] as const),
    source: Type.Union([
      Type.Object({ kind: Type.Literal('upload') }, { additionalProperties: false }),
      Type.Object(
        { kind: Type.Literal('certificate'), certificateType: Key },
        { additionalProperties: false },
      ),
      Type.Object(
        { kind: Type.Literal('shared_data'), dataset: Key },
        { additionalProperties: false },
      ),
    ]),
    copies: Type.Integer({ minimum: 0, maximum: 20 }),
    blankFormUrl: Type.Optional(Type.String({ maxLength: 300 })),
    sampleUrl: Type.Optional(Type.String({ maxLength: 300 })),
  },
  { additionalProperties: false },
);

const FormProperty = Type.Object(
  {
    type: lit(['string', 'number', 'integer', 'boolean'] as const),
    title: Type.String({ minLength: 1, maxLength: 100 }),
    'x-title-en': Type.String({ minLength: 1, maxLength: 200 }),
    format: Type.Optional(lit(['date', 'email'] as const)),
    enum: Type.Optional(Type.Array(Type.Union([Type.String(), Type.Number()]), { maxItems: 50 })),
    minimum: Type.Optional(Type.Number()),
    maximum: Type.Optional(Type.Number()),
    minLength: Type.Optional(Type.Integer({ minimum: 0 })),
    maxLength: Type.Optional(Type.Integer({ minimum: 0 })),
    pattern: Type.Optional(Type.String({ maxLength: 200 })),
    'x-widget': Type.Optional(Type.String({ maxLength: 30 })),
    'x-order': Type.Optional(Type.Integer()),
    'x-help': Type.Optional(Type.String({ maxLength: 300 })),
    'x-enum-en': Type.Optional(
      Type.Record(Type.String(), Type.String({ minLength: 1, maxLength: 200 }), {
        maxProperties: 50,
        description: 'English label of each enumerated code',
      }),
    ),
  },
  { additionalProperties: false },
);

export const FormSchemaSchema = Type.Object(
  {
    type: Type.Literal('object'),
    properties: Type.Record(ElementKey, FormProperty),
    required: Type.Array(ElementKey),
  },
  { additionalProperties: false },
);

const itemFields = {
  basicCode: Type.String({ minLength: 1, maxLength: 40 }),
  implementationCode: Type.String({ minLength: 1, maxLength: 60 }),
  name: Type.String({ minLength: 1, maxLength: 100 }),
  nameEn: Type.String({ minLength: 1, maxLength: 200 }),
  type: lit(ITEM_TYPES),
  department: Key,
  legalBasis: Type.String({ maxLength: 2000 }),
  conditions: Type.String({ maxLength: 2000 }),
  statutoryDays: Days,
  promisedDays: Days,
  visits: Type.Integer({ minimum: 0, maximum: 5 }),
  visitReason: Type.Optional(Type.String({ maxLength: 300 })),
  fees: Type.Array(
    Type.Object(
      {
        name: Type.String({ minLength: 1, maxLength: 100 }),
        standard: Type.String({ minLength: 1, maxLength: 200 }),
        basis: Type.String({ maxLength: 300 }),
      },
      { additionalProperties: false },
    ),
    { maxItems: 20 },
  ),
  channels: Type.Array(lit(CHANNELS), { minItems: 1, uniqueItems: true }),
  handlingLevels: Type.Array(lit(HANDLING_LEVELS), { minItems: 1, uniqueItems: true }),
  result: Type.Union([
    Type.Object({ kind: Type.Literal('none') }, { additionalProperties: false }),
    Type.Object({ kind: Type.Literal('decision') }, { additionalProperties: false }),
    Type.Object(
      { kind: Type.Literal('certificate'), certificateType: Key },
      { additionalProperties: false },
    ),
  ]),
  materials: Type.Array(MaterialSchema, { maxItems: 60 }),
  form: FormSchemaSchema,
  keywords: Type.Optional(
    Type.Array(Type.String({ minLength: 1, maxLength: 30 }), { maxItems: 30 }),
  ),
};

/** An item as written by its keepers (PUT body: the key comes from the path). */
export const ItemInput = Type.Object(itemFields, { additionalProperties: false });
export const ItemDefSchema = Type.Object(
  { key: Key, ...itemFields },
  { additionalProperties: false },
);

const DepartmentRef = Type.Object({
  key: Type.String(),
  name: Type.String(),
  nameEn: Type.String(),
});

export const ItemView = Type.Object({
  key: Type.String(),
  ...itemFields,
  department: DepartmentRef,
  updatedAt: Type.String({ format: 'date-time' }),
  version: Type.Integer(),
});

export const ItemSummary = Type.Object({
  key: Type.String(),
  name: Type.String(),
  nameEn: Type.String(),
  type: Type.String(),
  department: DepartmentRef,
  statutoryDays: Type.Integer(),
  promisedDays: Type.Integer(),
  visits: Type.Integer(),
  handlingLevels: Type.Array(Type.String()),
  channels: Type.Array(Type.String()),
});

const BundleItemRef = Type.Object(
  {
    item: Key,
    after: Type.Optional(Type.Array(Key, { maxItems: 30 })),
    when: Type.Optional(Type.String({ maxLength: 300 })),
    whenText: Type.Optional(Type.String({ maxLength: 300 })),
  },
  { additionalProperties: false },
);

const bundleFields = {
  name: Type.String({ minLength: 1, maxLength: 100 }),
  nameEn: Type.String({ minLength: 1, maxLength: 200 }),
  audience: lit(AUDIENCES),
  stage: Type.String({ minLength: 1, maxLength: 40 }),
  description: Type.String({ maxLength: 2000 }),
  promisedDays: Days,
  items: Type.Array(BundleItemRef, { maxItems: 40 }),
  keywords: Type.Optional(
    Type.Array(Type.String({ minLength: 1, maxLength: 30 }), { maxItems: 30 }),
  ),
};

export const BundleInput = Type.Object(bundleFields, { additionalProperties: false });
export const BundleDefSchema = Type.Object(
  { key: Key, ...bundleFields },
  { additionalProperties: false },
);

export const BundleSummary = Type.Object({
  key: Type.String(),
  name: Type.String(),
  nameEn: Type.String(),
  audience: Type.String(),
  stage: Type.String(),
  promisedDays: Type.Integer(),
  itemCount: Type.Integer(),
});

export const BundleView = Type.Object({
  key: Type.String(),
  ...bundleFields,
  items: Type.Array(
    Type.Object({
      item: Type.String(),
      after: Type.Optional(Type.Array(Type.String())),
      when: Type.Optional(Type.String()),
      whenText: Type.Optional(Type.String()),
      name: Type.String(),
      nameEn: Type.String(),
      department: DepartmentRef,
      promisedDays: Type.Integer(),
    }),
  ),
  updatedAt: Type.String({ format: 'date-time' }),
  version: Type.Integer(),
});

const MergedMaterial = Type.Object({
  key: Type.String(),
  name: Type.String(),
  nameEn: Type.String(),
  requirement: Type.String(),
  condition: Type.Optional(Type.String()),
  conditionText: Type.Optional(Type.String()),
  medium: Type.String(),
  source: Type.Object({
    kind: Type.String(),
    certificateType: Type.Optional(Type.String()),
    dataset: Type.Optional(Type.String()),
  }),
  copies: Type.Integer(),
  blankFormUrl: Type.Optional(Type.String()),
  sampleUrl: Type.Optional(Type.String()),
  items: Type.Array(Type.String()),
  producedBy: Type.Optional(
    Type.String({
      description: 'The bundle item that issues this certificate on the way: never asked for',
    }),
  ),
});

export const CompiledView = Type.Object({
  form: FormSchemaSchema,
  materials: Type.Array(MergedMaterial),
  criticalPath: Type.Object({ days: Type.Integer(), items: Type.Array(Type.String()) }),
  trips: Type.Integer(),
  graph: Type.Object({
    nodes: Type.Array(
      Type.Object({
        item: Type.String(),
        layer: Type.Integer(),
        when: Type.Optional(Type.String()),
      }),
    ),
    edges: Type.Array(Type.Object({ from: Type.String(), to: Type.String() })),
  }),
});

export const CompileOutcome = Type.Object({
  ok: Type.Boolean(),
  problems: Type.Array(
    Type.Object({ code: Type.String(), field: Type.String(), message: Type.String() }),
  ),
  compiled: Nullable(CompiledView),
});

export const ServicePointView = Type.Object({
  key: Type.String(),
  name: Type.String(),
  nameEn: Type.String(),
  level: Type.String(),
  streetCode: Nullable(Type.String()),
  communityCode: Nullable(Type.String()),
  address: Type.String(),
  openingHours: Type.String(),
  windows: Type.Array(Type.Object({ number: Type.String(), name: Type.String() })),
  distanceRank: Type.Optional(
    Type.Integer({
      description: '0 = in the community, 1 = the street centre, 2 = the district centre',
    }),
  ),
});

export const SearchHit = Type.Object({
  kind: lit(['item', 'bundle'] as const),
  key: Type.String(),
  name: Type.String(),
  nameEn: Type.String(),
  audience: Type.Optional(Type.String()),
  department: Type.Optional(DepartmentRef),
});
