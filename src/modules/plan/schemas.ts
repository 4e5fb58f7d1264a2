import { Type, type TSchema } from '@fastify/type-provider-typebox';
import { Nullable } from '../../server/schemas.ts';
import {
  AREAS,
  DIRECTIONS,
  MAX_DEPTH,
  MILESTONES,
  NODE_KINDS,
  PLATFORM_GROUPS,
  PROGRAMMES,
  PROJECT_STATUSES,
  PROJECT_TYPES,
  ROLL_UPS,
} from './model.ts';

/** One of the given strings, typed as their union (`{ enum: [...] }` in the schema). */
export const lit = <const T extends string[]>(values: readonly [...T]) => Type.Enum(values);

export const IsoDate = Type.String({
  pattern: '^\\d{4}-\\d{2}-\\d{2}$',
  description: 'A calendar date, YYYY-MM-DD (Asia/Shanghai)',
});
const Period = Type.Object({ start: IsoDate, end: IsoDate });
const Progress = Nullable(
  Type.Number({
    description:
      '0–1 from baseline to target; null before the first report (or, for a node, with no targets)',
  }),
);
const Demo = Type.Boolean({
  description: 'Carries figures or dates that the plan article does not give: demo data',
});

export const UnitRef = Type.Object({
  code: Type.String({ description: 'Org unit code: `dept:<key>` or a division code' }),
  name: Type.String(),
  nameEn: Type.String(),
});

const LatestReport = Nullable(
  Type.Object({ value: Type.Number(), reportedOn: IsoDate, demo: Demo }),
);

const targetFields = {
  id: Type.String({ format: 'uuid' }),
  key: Type.String(),
  name: Type.String(),
  nameEn: Type.String(),
  unit: Type.String({ description: 'The unit of the figures (家, 亩, 万平方米 …)' }),
  unitEn: Type.String(),
  direction: lit(DIRECTIONS),
  baseline: Type.Number(),
  targetValue: Type.Number(),
  weight: Type.Number({ description: 'Relative to its siblings, when the parent is weighted' }),
  ownerUnit: UnitRef,
  latest: LatestReport,
  progress: Progress,
  achievement: Nullable(
    Type.Number({ description: 'The same ratio unclamped: 1.3 is 30 % beyond the target' }),
  ),
  met: Nullable(Type.Boolean()),
  demo: Demo,
};

export const TargetLeaf = Type.Object(targetFields);

const NodeRef = Type.Object({
  key: Type.String(),
  kind: lit(NODE_KINDS),
  name: Type.String(),
  nameEn: Type.String(),
});

export const TargetSummary = Type.Object({
  ...targetFields,
  plan: Type.String({ description: 'The key of the plan the target belongs to' }),
  node: NodeRef,
  period: Period,
  source: Nullable(Type.String({ description: 'What the plan article says of this figure' })),
});

export const ReportView = Type.Object({
  id: Type.String({ format: 'uuid' }),
  value: Type.Number(),
  reportedOn: IsoDate,
  evidence: Nullable(Type.String()),
  evidenceUrl: Nullable(Type.String()),
  reportedBy: Type.String({ description: 'Username of the reporter (`system` for seeded data)' }),
  reportedByUnit: Nullable(UnitRef),
  via: lit(['api', 'import', 'seed'] as const),
  demo: Demo,
  createdAt: Type.String({ format: 'date-time' }),
});

export const TargetDetail = Type.Object({
  ...TargetSummary.properties,
  version: Type.Integer(),
  ancestors: Type.Array(Type.Object({ ...NodeRef.properties, progress: Progress }), {
    description: 'The nodes above the target, the plan first, each with its rolled-up progress',
  }),
  reports: Type.Array(ReportView, { description: 'Newest first' }),
});

export const ReportInput = Type.Object(
  {
    value: Type.Number({ description: 'The figure as of `reportedOn`, in the target’s unit' }),
    reportedOn: IsoDate,
    evidence: Type.Optional(
      Nullable(Type.String({ maxLength: 2000, description: 'What the figure rests on' })),
    ),
    evidenceUrl: Type.Optional(
      Nullable(
        Type.String({ maxLength: 500, format: 'uri', pattern: '^https?://', description: 'Link' }),
      ),
    ),
  },
  { additionalProperties: false },
);

/** A node of the goal tree, drawn to MAX_DEPTH levels below the plan. */
function nodeSchema(depth: number): TSchema {
  return Type.Object({
    key: Type.String(),
    kind: lit(NODE_KINDS),
    name: Type.String(),
    nameEn: Type.String(),
    rollUp: lit(ROLL_UPS),
    weight: Type.Number(),
    progress: Progress,
    targetCount: Type.Integer({ description: 'Targets under the node' }),
    reportedCount: Type.Integer({ description: 'Of those, how many have a report' }),
    children:
      depth > 0 ? Type.Array(nodeSchema(depth - 1)) : Type.Array(Type.Object({}), { maxItems: 0 }),
    targets: Type.Array(TargetLeaf, { description: 'The targets directly under this node' }),
  });
}

export const PlanView = Type.Object({
  ...(nodeSchema(MAX_DEPTH) as ReturnType<typeof Type.Object>).properties,
  period: Period,
  demo: Demo,
  plans: Type.Array(
    Type.Object({ key: Type.String(), name: Type.String(), nameEn: Type.String(), period: Period }),
    { description: 'Every plan there is, newest first' },
  ),
});

const MilestoneView = Type.Object({
  key: lit(MILESTONES),
  name: Type.String(),
  nameEn: Type.String(),
  plannedOn: Nullable(IsoDate),
  actualOn: Nullable(IsoDate),
  state: lit(['done', 'done-late', 'overdue', 'pending', 'unplanned'] as const),
  slipDays: Type.Integer({ description: 'Calendar days late (0 when not slipping)' }),
  warning: Type.Boolean({
    description: 'Slipping: reached after the planned date, or planned date passed unreached',
  }),
  note: Nullable(Type.String()),
  demo: Demo,
  updatedBy: Nullable(Type.String()),
  updatedAt: Type.String({ format: 'date-time' }),
});

const Money = Nullable(Type.Number({ description: '万元 (10,000 yuan)' }));

export const ProjectSummary = Type.Object({
  id: Type.String({ format: 'uuid' }),
  key: Type.String(),
  name: Type.String(),
  nameEn: Type.String(),
  programmes: Type.Array(lit(PROGRAMMES)),
  area: lit(AREAS),
  areaName: Type.String({ description: '北强 / 中兴 / 南启' }),
  platform: Nullable(
    Type.Object({
      key: Type.String(),
      name: Type.String(),
      nameEn: Type.String(),
      group: Nullable(lit(PLATFORM_GROUPS)),
      groupName: Nullable(Type.String()),
    }),
  ),
  type: lit(PROJECT_TYPES),
  owner: Type.String({ description: 'The builder or investor (业主单位)' }),
  ownerUnit: UnitRef,
  year: Type.Integer({ description: 'The plan year the annual figures are for' }),
  investmentUnit: Type.Literal('万元'),
  totalInvestment: Money,
  annualInvestmentPlan: Money,
  annualInvestmentDone: Money,
  landArea: Nullable(Type.Number({ description: '亩 (mu)' })),
  floorArea: Nullable(Type.Number({ description: 'm²' })),
  status: lit(PROJECT_STATUSES),
  warning: Type.Boolean({ description: 'Some milestone is slipping' }),
  slipDays: Type.Integer({ description: 'The worst slip, in calendar days' }),
  nextMilestone: Nullable(Type.Object({ key: lit(MILESTONES), plannedOn: Nullable(IsoDate) })),
  milestones: Type.Array(MilestoneView),
  demo: Demo,
});

export const ProjectDetail = Type.Object({
  ...ProjectSummary.properties,
  description: Nullable(Type.String()),
  source: Nullable(Type.String({ description: 'What the plan article says of this project' })),
  version: Type.Integer(),
  updatedAt: Type.String({ format: 'date-time' }),
  updatedBy: Nullable(Type.String()),
  mayRecord: Type.Boolean({ description: 'Whether the caller may record milestones' }),
});

export const MilestoneInput = Type.Object(
  {
    actualOn: Nullable(IsoDate),
    note: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
    version: Type.Integer({
      minimum: 1,
      description:
        'The project version you saw (required: two departments recording at once must not overwrite each other silently); a concurrent change answers 409',
    }),
  },
  { additionalProperties: false },
);

export const ImportResult = Type.Object({
  rows: Type.Integer({ description: 'Rows read' }),
  created: Type.Integer({ description: 'New progress reports' }),
  unchanged: Type.Integer({ description: 'Rows whose report is already there' }),
  skipped: Type.Integer({ description: 'Rows without a value' }),
});
