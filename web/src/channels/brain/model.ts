// The city brain's API answers (see src/modules/brain/schemas.ts).

export interface Named {
  code: string;
  name: string;
  nameEn: string;
}

export interface Definition {
  name: string;
  nameEn: string;
  definition: string;
  definitionEn: string;
}

export interface Figure extends Definition {
  key: string;
  value: number | null;
  demo?: boolean;
  reason?: 'not_measured';
}

export interface Counts {
  submitted: number;
  accepted: number;
  declined: number;
  withdrawn: number;
  completed: number;
  completedOnTime: number;
  overdue: number;
  closed: number;
  closedZeroTrip: number;
  trips: number;
  ratings: number;
  badRatings: number;
  stars: number;
  onTimeRate: number | null;
  zeroTripRate: number | null;
  satisfaction: number | null;
  badRate: number | null;
}

export interface ServicesView {
  period: { from: string; to: string; days: number };
  filter: { street: string | null; subject: string | null };
  figures: Figure[];
  totals: Counts;
  byDay: { day: string; submitted: number; accepted: number; completed: number }[];
  byChannel: (Counts & { channel: string })[];
  byStreet: (Counts & { street: Named })[];
  bySubject: (Counts & { subject: Named })[];
  byDepartment: {
    department: Named;
    ratings: number;
    badRatings: number;
    stars: number;
    satisfaction: number | null;
    badRate: number | null;
  }[];
  overdue: {
    total: number;
    data: {
      id: string;
      number: string | null;
      title: string;
      subject: string;
      state: string;
      channel: string;
      street: Named;
      promisedDue: string | null;
      daysOverdue: number;
    }[];
  };
  definitions: Record<string, Definition>;
}

export interface Target {
  key: string;
  name: string;
  nameEn: string;
  unit: string;
  unitEn: string;
  direction: string;
  baseline: number;
  targetValue: number;
  latest: number | null;
  reportedOn: string | null;
  progress: number | null;
  met: boolean | null;
  demo: boolean;
  ownerUnit: Named;
}

export interface PlanNode {
  key: string;
  kind: string;
  name: string;
  nameEn: string;
  progress: number | null;
  targetCount: number;
  reportedCount: number;
  metCount: number;
  demo: boolean;
  children: PlanNode[];
  targets: Target[];
}

export const STATUSES = ['preparing', 'under-construction', 'completed', 'in-use'] as const;
export type Status = (typeof STATUSES)[number];

export interface PlanView {
  plan: {
    key: string;
    name: string;
    nameEn: string;
    period: { start: string; end: string };
    demo: boolean;
  };
  plans: { key: string; name: string; nameEn: string }[];
  figures: Figure[];
  targetCount: number;
  tree: PlanNode;
  projects: {
    investmentUnit: string;
    total: number;
    totalInvestment: number;
    annualInvestmentPlan: number;
    annualInvestmentDone: number;
    byArea: {
      area: string;
      name: string;
      nameEn: string;
      projects: number;
      byStatus: Record<Status, number>;
      totalInvestment: number;
      annualInvestmentPlan: number;
      annualInvestmentDone: number;
      slipping: number;
      demo: boolean;
    }[];
    list: {
      id: string;
      key: string;
      name: string;
      nameEn: string;
      area: string;
      status: string;
      platform: { key: string; name: string } | null;
      totalInvestment: number | null;
      annualInvestmentPlan: number | null;
      annualInvestmentDone: number | null;
      warning: boolean;
      slipDays: number;
      demo: boolean;
    }[];
  };
  slippage: {
    project: { id: string; key: string; name: string; nameEn: string; area: string };
    milestone: string;
    name: string;
    nameEn: string;
    plannedOn: string | null;
    actualOn: string | null;
    state: string;
    slipDays: number;
    demo: boolean;
  }[];
  definitions: Record<string, Definition>;
}
