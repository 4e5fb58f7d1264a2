import type { Generated } from 'kysely';
import type {
  Area,
  Direction,
  MilestoneKey,
  NodeKind,
  Programme,
  ProjectStatus,
  ProjectType,
  RollUpMethod,
} from './model.ts';

/** A node of the goal tree above the targets: the plan itself, a campaign, a focus. */
export interface PlanNodeTable {
  id: Generated<string>;
  /** Stable key, unique across plans (`xihu-2020`, `xihu-2020.enterprise-service`). */
  key: string;
  /** The root node of the plan this node belongs to (itself for a root). */
  plan_key: string;
  parent_id: string | null;
  kind: NodeKind;
  name: string;
  name_en: string;
  /** How this node combines its children. */
  roll_up: RollUpMethod;
  /** Relative to its siblings, when the parent is `weighted`. */
  weight: number;
  period_start: string;
  period_end: string;
  sort_order: number;
  division_code: string;
}

/** A measurable goal (目标/指标) under a node. */
export interface PlanTargetTable {
  id: Generated<string>;
  key: string;
  node_id: string;
  plan_key: string;
  name: string;
  name_en: string;
  unit: string;
  unit_en: string;
  direction: Direction;
  baseline: number;
  target_value: number;
  weight: number;
  /** The org unit that owns the target and reports on it (`dept:science-technology`). */
  owner_unit: string;
  period_start: string;
  period_end: string;
  /** Where the figures come from (the article's words), for the screen. */
  source: string | null;
  /** The baseline or target value is not the article's: demo data. */
  demo: boolean;
  sort_order: number;
  version: Generated<number>;
  division_code: string;
}

/** One progress report on a target: append-only, the latest by `reported_on` counts. */
export interface PlanReportTable {
  id: Generated<string>;
  target_id: string;
  value: number;
  /** The date the value is as of. */
  reported_on: string;
  evidence: string | null;
  evidence_url: string | null;
  reported_by_account: string | null;
  reported_by: string;
  /** The org unit the reporter acted for. */
  reported_by_unit: string | null;
  via: 'api' | 'import' | 'seed';
  /** A figure the article does not give: demo data. */
  demo: boolean;
  created_at: Generated<Date>;
  division_code: string;
}

/** A major project (重点项目): 百个项目, 152工程, 楼宇改造. Investment in 万元. */
export interface PlanProjectTable {
  id: Generated<string>;
  key: string;
  name: string;
  name_en: string;
  programmes: Programme[];
  area: Area;
  platform: string | null;
  type: ProjectType;
  /** The builder or investor (业主单位). */
  owner: string;
  /** The org unit responsible for the project in the district. */
  owner_unit: string;
  total_investment: number | null;
  annual_investment_plan: number | null;
  annual_investment_done: number | null;
  /** 亩 */
  land_area: number | null;
  /** m² */
  floor_area: number | null;
  year: number;
  /** Derived from the milestones on every change. */
  status: ProjectStatus;
  description: string | null;
  source: string | null;
  /** Any figure or date on the project the article does not give: demo data. */
  demo: boolean;
  sort_order: number;
  version: Generated<number>;
  updated_at: Generated<Date>;
  updated_by: string | null;
  division_code: string;
}

export interface PlanMilestoneTable {
  project_id: string;
  key: MilestoneKey;
  planned_on: string | null;
  actual_on: string | null;
  note: string | null;
  /** The dates are not the article's: demo data (cleared when someone records a real date). */
  demo: boolean;
  updated_at: Generated<Date>;
  updated_by: string | null;
}

export interface PlanTables {
  plan_node: PlanNodeTable;
  plan_target: PlanTargetTable;
  plan_report: PlanReportTable;
  plan_project: PlanProjectTable;
  plan_milestone: PlanMilestoneTable;
}
