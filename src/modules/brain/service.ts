import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import { assertRole, type Actor } from '../../shared/actor.ts';
import { badRequest } from '../../shared/app-error.ts';
import { serviceKpis } from '../cases/index.ts';
import { catalogueNames } from '../catalogue/index.ts';
import { catalogueZeroMaterial } from '../certificates/index.ts';
import type { Role } from '../identity/index.ts';
import {
  AREA_NAMES,
  AREAS,
  getPlan,
  INVESTMENT_UNIT,
  listProjects,
  PROJECT_STATUSES,
  type Area,
} from '../plan/index.ts';
import { PLAN_DEFINITIONS, SERVICE_DEFINITIONS } from './definitions.ts';

/** Who reads the city brain: the district's leaders, supervisors and administrators. */
export const BRAIN_ROLES: Role[] = ['leader', 'supervisor', 'admin'];

const shanghaiDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});
/** Today in Asia/Shanghai, YYYY-MM-DD. */
export const shanghaiToday = (at: Date = new Date()) => shanghaiDate.format(at);

const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
/** The schema checks the shape only; 2026-13-01 has it and is no day. */
const isDay = (day: string) => {
  const at = Date.parse(`${day}T00:00:00Z`);
  return !Number.isNaN(at) && new Date(at).toISOString().slice(0, 10) === day;
};

export interface ServicesQuery {
  from?: string | undefined;
  to?: string | undefined;
  street?: string | undefined;
  subject?: string | undefined;
}

/** The services panel: figures over a period (the last 30 days by default), with definitions. */
export async function brainServices(
  db: Kysely<Database>,
  actor: Actor | null,
  q: ServicesQuery,
  today = shanghaiToday(),
) {
  assertRole(actor, ...BRAIN_ROLES);
  const to = q.to ?? today;
  if (!isDay(to)) throw badRequest('date_invalid', 'to');
  const from = q.from ?? addDays(to, -29);
  // One look at the catalogue serves both: the KPI set's names and the zero-material rate.
  const catalogue = catalogueNames(db);
  const [k, zeroMaterial] = await Promise.all([
    serviceKpis(db, { from, to, street: q.street, subject: q.subject }, today, catalogue),
    catalogue.then((c) => catalogueZeroMaterial(db, c.items)),
  ]);
  const t = k.totals;
  const figure = (key: keyof typeof SERVICE_DEFINITIONS, value: number | null) => ({
    key,
    value,
    ...SERVICE_DEFINITIONS[key],
  });
  return {
    ...k,
    zeroMaterial,
    figures: [
      figure('submitted', t.submitted),
      figure('accepted', t.accepted),
      figure('completed', t.completed),
      figure('onTimeRate', t.onTimeRate),
      figure('zeroTripRate', t.zeroTripRate),
      figure('satisfaction', t.satisfaction),
      figure('badRate', t.badRate),
      figure('overdue', t.overdue),
      figure('openOverdue', k.overdue.total),
      figure('zeroMaterialRate', zeroMaterial.rate),
    ],
    definitions: SERVICE_DEFINITIONS,
  };
}

interface TreeNode {
  key: string;
  kind: string;
  name: string;
  nameEn: string;
  progress: number | null;
  targetCount: number;
  reportedCount: number;
  children: TreeNode[];
  targets: {
    key: string;
    name: string;
    nameEn: string;
    unit: string;
    unitEn: string;
    direction: string;
    baseline: number;
    targetValue: number;
    latest: { value: number; reportedOn: string; demo: boolean } | null;
    progress: number | null;
    met: boolean | null;
    demo: boolean;
    ownerUnit: { code: string; name: string; nameEn: string };
  }[];
}

export interface BrainNode {
  key: string;
  kind: string;
  name: string;
  nameEn: string;
  progress: number | null;
  targetCount: number;
  reportedCount: number;
  metCount: number;
  demo: boolean;
  children: BrainNode[];
  targets: (Omit<TreeNode['targets'][number], 'latest'> & {
    latest: number | null;
    reportedOn: string | null;
  })[];
}

function brainNode(n: TreeNode): BrainNode {
  const children = n.children.map(brainNode);
  const targets = n.targets.map((t) => ({
    key: t.key,
    name: t.name,
    nameEn: t.nameEn,
    unit: t.unit,
    unitEn: t.unitEn,
    direction: t.direction,
    baseline: t.baseline,
    targetValue: t.targetValue,
    latest: t.latest?.value ?? null,
    reportedOn: t.latest?.reportedOn ?? null,
    progress: t.progress,
    met: t.met,
    // A target is demo when its definition or its latest report is.
    demo: t.demo || t.latest?.demo === true,
    ownerUnit: t.ownerUnit,
  }));
  return {
    key: n.key,
    kind: n.kind,
    name: n.name,
    nameEn: n.nameEn,
    progress: n.progress,
    targetCount: n.targetCount,
    reportedCount: n.reportedCount,
    metCount: targets.filter((t) => t.met).length + children.reduce((s, c) => s + c.metCount, 0),
    demo: targets.some((t) => t.demo) || children.some((c) => c.demo),
    children,
    targets,
  };
}

/**
 * The plan panel: the goal tree with progress (campaign → focus → target), the projects by
 * area and status, investment against plan and milestone slippage; demo figures flagged.
 */
export async function brainPlan(
  db: Kysely<Database>,
  actor: Actor | null,
  q: { plan?: string | undefined },
  today = shanghaiToday(),
) {
  assertRole(actor, ...BRAIN_ROLES);
  const plan = await getPlan(db, actor, q.plan);
  const root = brainNode(plan);
  const projects: Awaited<ReturnType<typeof listProjects>>['data'] = [];
  for (let offset = 0; ; offset += 200) {
    const page = await listProjects(db, actor, { limit: 200, offset }, today);
    projects.push(...page.data);
    if (projects.length >= page.total || !page.data.length) break;
  }
  const byArea = AREAS.map((area: Area) => {
    const mine = projects.filter((p) => p.area === area);
    const sum = (f: (p: (typeof mine)[number]) => number | null) =>
      mine.reduce((s, p) => s + (f(p) ?? 0), 0);
    return {
      area,
      ...AREA_NAMES[area],
      projects: mine.length,
      byStatus: Object.fromEntries(
        PROJECT_STATUSES.map((s) => [s, mine.filter((p) => p.status === s).length]),
      ) as Record<(typeof PROJECT_STATUSES)[number], number>,
      totalInvestment: sum((p) => p.totalInvestment),
      annualInvestmentPlan: sum((p) => p.annualInvestmentPlan),
      annualInvestmentDone: sum((p) => p.annualInvestmentDone),
      slipping: mine.filter((p) => p.warning).length,
      demo: mine.some((p) => p.demo),
    };
  });
  const slippage = projects
    .flatMap((p) =>
      p.milestones
        .filter((m) => m.warning)
        .map((m) => ({
          project: { id: p.id, key: p.key, name: p.name, nameEn: p.nameEn, area: p.area },
          milestone: m.key,
          name: m.name,
          nameEn: m.nameEn,
          plannedOn: m.plannedOn,
          actualOn: m.actualOn,
          state: m.state,
          slipDays: m.slipDays,
          demo: m.demo,
        })),
    )
    .sort((a, b) => b.slipDays - a.slipDays);
  const plan_ = sumInvestment(byArea);
  const allTargets = flatTargets(root);
  const figure = (key: keyof typeof PLAN_DEFINITIONS, value: number | null, demo: boolean) => ({
    key,
    value,
    demo,
    ...PLAN_DEFINITIONS[key],
  });
  return {
    plan: {
      key: plan.key,
      name: plan.name,
      nameEn: plan.nameEn,
      period: plan.period,
      demo: plan.demo,
    },
    plans: plan.plans,
    figures: [
      figure('planProgress', root.progress, root.demo),
      figure(
        'targetsMet',
        allTargets.filter((t) => t.met).length,
        allTargets.some((t) => t.met && t.demo),
      ),
      figure(
        'targetsReported',
        root.reportedCount,
        allTargets.some((t) => t.demo),
      ),
      figure('projects', projects.length, false),
      figure(
        'investment',
        plan_.annualInvestmentPlan ? plan_.annualInvestmentDone / plan_.annualInvestmentPlan : null,
        byArea.some((a) => a.demo),
      ),
      figure(
        'slippage',
        slippage.length,
        slippage.some((s) => s.demo),
      ),
    ],
    targetCount: root.targetCount,
    tree: root,
    projects: {
      investmentUnit: INVESTMENT_UNIT,
      total: projects.length,
      ...plan_,
      byArea,
      list: projects.map((p) => ({
        id: p.id,
        key: p.key,
        name: p.name,
        nameEn: p.nameEn,
        area: p.area,
        status: p.status,
        platform: p.platform ? { key: p.platform.key, name: p.platform.name } : null,
        totalInvestment: p.totalInvestment,
        annualInvestmentPlan: p.annualInvestmentPlan,
        annualInvestmentDone: p.annualInvestmentDone,
        warning: p.warning,
        slipDays: p.slipDays,
        demo: p.demo,
      })),
    },
    slippage,
    definitions: PLAN_DEFINITIONS,
  };
}

export type BrainPlan = Awaited<ReturnType<typeof brainPlan>>;
export type BrainServices = Awaited<ReturnType<typeof brainServices>>;

function sumInvestment(
  areas: { totalInvestment: number; annualInvestmentPlan: number; annualInvestmentDone: number }[],
) {
  return {
    totalInvestment: areas.reduce((s, a) => s + a.totalInvestment, 0),
    annualInvestmentPlan: areas.reduce((s, a) => s + a.annualInvestmentPlan, 0),
    annualInvestmentDone: areas.reduce((s, a) => s + a.annualInvestmentDone, 0),
  };
}

function flatTargets(n: BrainNode): BrainNode['targets'] {
  return [...n.targets, ...n.children.flatMap(flatTargets)];
}
