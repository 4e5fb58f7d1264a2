import { Type, type TSchema } from '@fastify/type-provider-typebox';
import { Nullable } from '../../server/schemas.ts';
import { PLAN_DEFINITIONS, SERVICE_DEFINITIONS } from './definitions.ts';

const IsoDate = Type.String({
  pattern: '^\\d{4}-\\d{2}-\\d{2}$',
  description: 'A calendar date, YYYY-MM-DD (Asia/Shanghai)',
});
const Rate = Nullable(Type.Number({ description: '0–1; null when there is nothing to divide by' }));
const Int = Type.Integer({ minimum: 0 });
const Named = Type.Object({ code: Type.String(), name: Type.String(), nameEn: Type.String() });

export const Definition = Type.Object({
  name: Type.String(),
  nameEn: Type.String(),
  definition: Type.String({ description: 'What the figure means (zh-CN)' }),
  definitionEn: Type.String({ description: 'What the figure means (en-US)' }),
});
const definitionsOf = (keys: string[]) =>
  Type.Object(Object.fromEntries(keys.map((k) => [k, Definition])) as Record<string, TSchema>);

export const Figure = Type.Object({
  key: Type.String(),
  value: Nullable(Type.Number()),
  name: Type.String(),
  nameEn: Type.String(),
  definition: Type.String(),
  definitionEn: Type.String(),
  demo: Type.Optional(
    Type.Boolean({ description: 'Demo data: the plan article does not give it' }),
  ),
  reason: Type.Optional(
    Type.Literal('not_measured', { description: 'Why the value is null: not yet measured' }),
  ),
});

const Counts = {
  submitted: Int,
  accepted: Int,
  declined: Int,
  withdrawn: Int,
  completed: Int,
  completedOnTime: Int,
  overdue: Int,
  closed: Int,
  closedZeroTrip: Int,
  trips: Int,
  ratings: Int,
  badRatings: Int,
  stars: Int,
  onTimeRate: Rate,
  zeroTripRate: Rate,
  satisfaction: Rate,
  badRate: Rate,
};

export const ServicesQuery = Type.Object({
  from: Type.Optional(IsoDate),
  to: Type.Optional(IsoDate),
  street: Type.Optional(
    Type.String({
      maxLength: 32,
      description: "A street's or town's division code; empty for cases with no street",
    }),
  ),
  subject: Type.Optional(
    Type.String({
      pattern: '^(bundle|item):[a-z0-9-]+$',
      description: '`bundle:<key>` or `item:<key>`',
    }),
  ),
});

export const ServicesView = Type.Object({
  period: Type.Object({ from: IsoDate, to: IsoDate, days: Int }),
  filter: Type.Object({ street: Nullable(Type.String()), subject: Nullable(Type.String()) }),
  figures: Type.Array(Figure),
  totals: Type.Object(Counts),
  byDay: Type.Array(Type.Object({ day: IsoDate, submitted: Int, accepted: Int, completed: Int })),
  byChannel: Type.Array(Type.Object({ channel: Type.String(), ...Counts })),
  byStreet: Type.Array(Type.Object({ street: Named, ...Counts })),
  bySubject: Type.Array(Type.Object({ subject: Named, ...Counts })),
  byDepartment: Type.Array(
    Type.Object({
      department: Named,
      ratings: Int,
      badRatings: Int,
      stars: Int,
      satisfaction: Rate,
      badRate: Rate,
    }),
  ),
  overdue: Type.Object({
    total: Int,
    data: Type.Array(
      Type.Object({
        id: Type.String({ format: 'uuid' }),
        number: Nullable(Type.String()),
        title: Type.String(),
        subject: Type.String(),
        state: Type.String(),
        channel: Type.String(),
        street: Named,
        promisedDue: Nullable(IsoDate),
        daysOverdue: Int,
      }),
    ),
  }),
  zeroMaterial: Type.Object({
    materials: Int,
    attachable: Int,
    rate: Nullable(Type.Number()),
  }),
  definitions: definitionsOf(Object.keys(SERVICE_DEFINITIONS)),
});

export const PlanQuery = Type.Object({
  plan: Type.Optional(Type.String({ pattern: '^[a-z0-9][a-z0-9.-]{1,63}$' })),
});

const Target = Type.Object({
  key: Type.String(),
  name: Type.String(),
  nameEn: Type.String(),
  unit: Type.String(),
  unitEn: Type.String(),
  direction: Type.String(),
  baseline: Type.Number(),
  targetValue: Type.Number(),
  latest: Nullable(Type.Number()),
  reportedOn: Nullable(IsoDate),
  progress: Rate,
  met: Nullable(Type.Boolean()),
  demo: Type.Boolean(),
  ownerUnit: Named,
});

const nodeFields = {
  key: Type.String(),
  kind: Type.String(),
  name: Type.String(),
  nameEn: Type.String(),
  progress: Rate,
  targetCount: Int,
  reportedCount: Int,
  metCount: Int,
  demo: Type.Boolean(),
  targets: Type.Array(Target),
};
// The API draws three levels below the plan: plan → campaign/focus → group → group.
const Level3 = Type.Object({ ...nodeFields, children: Type.Array(Type.Object({})) });
const Level2 = Type.Object({ ...nodeFields, children: Type.Array(Level3) });
const Level1 = Type.Object({ ...nodeFields, children: Type.Array(Level2) });
const Tree = Type.Object({ ...nodeFields, children: Type.Array(Level1) });

const statusCounts = Type.Object({
  preparing: Int,
  'under-construction': Int,
  completed: Int,
  'in-use': Int,
});

export const PlanBrainView = Type.Object({
  plan: Type.Object({
    key: Type.String(),
    name: Type.String(),
    nameEn: Type.String(),
    period: Type.Object({ start: IsoDate, end: IsoDate }),
    demo: Type.Boolean(),
  }),
  plans: Type.Array(
    Type.Object({
      key: Type.String(),
      name: Type.String(),
      nameEn: Type.String(),
      period: Type.Object({ start: IsoDate, end: IsoDate }),
    }),
  ),
  figures: Type.Array(Figure),
  targetCount: Int,
  tree: Tree,
  projects: Type.Object({
    investmentUnit: Type.String(),
    total: Int,
    totalInvestment: Type.Number(),
    annualInvestmentPlan: Type.Number(),
    annualInvestmentDone: Type.Number(),
    byArea: Type.Array(
      Type.Object({
        area: Type.String(),
        name: Type.String(),
        nameEn: Type.String(),
        projects: Int,
        byStatus: statusCounts,
        totalInvestment: Type.Number(),
        annualInvestmentPlan: Type.Number(),
        annualInvestmentDone: Type.Number(),
        slipping: Int,
        demo: Type.Boolean(),
      }),
    ),
    list: Type.Array(
      Type.Object({
        id: Type.String({ format: 'uuid' }),
        key: Type.String(),
        name: Type.String(),
        nameEn: Type.String(),
        area: Type.String(),
        status: Type.String(),
        platform: Nullable(Type.Object({ key: Type.String(), name: Type.String() })),
        totalInvestment: Nullable(Type.Number()),
        annualInvestmentPlan: Nullable(Type.Number()),
        annualInvestmentDone: Nullable(Type.Number()),
        warning: Type.Boolean(),
        slipDays: Int,
        demo: Type.Boolean(),
      }),
    ),
  }),
  slippage: Type.Array(
    Type.Object({
      project: Type.Object({
        id: Type.String({ format: 'uuid' }),
        key: Type.String(),
        name: Type.String(),
        nameEn: Type.String(),
        area: Type.String(),
      }),
      milestone: Type.String(),
      name: Type.String(),
      nameEn: Type.String(),
      plannedOn: Nullable(IsoDate),
      actualOn: Nullable(IsoDate),
      state: Type.String(),
      slipDays: Int,
      demo: Type.Boolean(),
    }),
  ),
  definitions: definitionsOf(Object.keys(PLAN_DEFINITIONS)),
});

export const ReportQuery = Type.Object({
  month: Type.String({
    pattern: '^\\d{4}-(0[1-9]|1[0-2])$',
    description: 'The month reported on, YYYY-MM',
  }),
  plan: Type.Optional(Type.String({ pattern: '^[a-z0-9][a-z0-9.-]{1,63}$' })),
});
