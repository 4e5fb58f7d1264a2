import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { Actor } from '../../shared/actor.ts';
import { badRequest, notFound } from '../../shared/app-error.ts';
import { recordAudit } from '../audit/index.ts';
import { orgUnitsByCode } from '../identity/index.ts';
import { actingUnit, assertMayActFor, assertStaff, ownedUnits, seesAll } from './access.ts';
import { DISTRICT_CODE, MAX_DEPTH, type NodeKind } from './model.ts';
import type { PlanNodeTable, PlanReportTable, PlanTargetTable } from './plan.table.ts';
import { flattenRolledUp, rollUp, type RolledUp, type RollUpNode } from './rules/roll-up.ts';
import { targetProgress } from './rules/target-progress.ts';
import { isCalendarDate } from './today.ts';

type NodeRow = Selectable<PlanNodeTable>;
type TargetRow = Selectable<PlanTargetTable>;
type ReportRow = Selectable<PlanReportTable>;

export interface UnitView {
  code: string;
  name: string;
  nameEn: string;
}

/** Names of org units by code (a code the org tree lacks shows as itself). */
export async function unitViews(
  db: Kysely<Database>,
  codes: readonly string[],
): Promise<(code: string) => UnitView> {
  const units = await orgUnitsByCode(db, codes);
  return (code) => {
    const u = units.get(code);
    return { code, name: u?.name ?? code, nameEn: u?.nameEn ?? code };
  };
}

/** The latest report of each target: the newest `reported_on`, then the newest entry. */
async function latestReports(
  db: Kysely<Database>,
  targetIds: readonly string[],
): Promise<Map<string, ReportRow>> {
  if (!targetIds.length) return new Map();
  const rows = await db
    .selectFrom('plan_report')
    .distinctOn('target_id')
    .selectAll()
    .where('target_id', 'in', [...targetIds])
    .orderBy('target_id')
    .orderBy('reported_on', 'desc')
    .orderBy('created_at', 'desc')
    .execute();
  return new Map(rows.map((r) => [r.target_id, r]));
}

function progressOf(t: TargetRow, latest: ReportRow | undefined) {
  return targetProgress({
    direction: t.direction,
    baseline: t.baseline,
    target: t.target_value,
    latest: latest ? latest.value : null,
  });
}

const latestView = (r: ReportRow | undefined) =>
  r ? { value: r.value, reportedOn: r.reported_on, demo: r.demo } : null;

function targetLeaf(t: TargetRow, latest: ReportRow | undefined, unit: (c: string) => UnitView) {
  return {
    id: t.id,
    key: t.key,
    name: t.name,
    nameEn: t.name_en,
    unit: t.unit,
    unitEn: t.unit_en,
    direction: t.direction,
    baseline: t.baseline,
    targetValue: t.target_value,
    weight: t.weight,
    ownerUnit: unit(t.owner_unit),
    latest: latestView(latest),
    ...progressOf(t, latest),
    demo: t.demo,
  };
}
type TargetLeaf = ReturnType<typeof targetLeaf>;

/** One plan loaded whole: its nodes, its targets with their latest reports, rolled up. */
interface LoadedPlan {
  root: NodeRow;
  nodes: NodeRow[];
  targets: TargetRow[];
  latest: Map<string, ReportRow>;
  rolled: Map<string, RolledUp>;
}

const targetNodeKey = (t: TargetRow) => `target:${t.key}`;

async function loadPlan(db: Kysely<Database>, planKey: string): Promise<LoadedPlan | null> {
  const nodes = await db
    .selectFrom('plan_node')
    .selectAll()
    .where('plan_key', '=', planKey)
    .orderBy('sort_order')
    .orderBy('key')
    .execute();
  const root = nodes.find((n) => n.parent_id === null);
  if (!root) return null;
  const targets = await db
    .selectFrom('plan_target')
    .selectAll()
    .where('plan_key', '=', planKey)
    .orderBy('sort_order')
    .orderBy('key')
    .execute();
  const latest = await latestReports(
    db,
    targets.map((t) => t.id),
  );
  const build = (n: NodeRow): RollUpNode => ({
    key: n.key,
    weight: n.weight,
    rollUp: n.roll_up,
    children: [
      ...nodes.filter((c) => c.parent_id === n.id).map(build),
      ...targets
        .filter((t) => t.node_id === n.id)
        .map((t) => ({
          key: targetNodeKey(t),
          weight: t.weight,
          progress: progressOf(t, latest.get(t.id)).progress,
        })),
    ],
  });
  const rolled = flattenRolledUp(rollUp(build(root)));
  return { root, nodes, targets, latest, rolled };
}

/** The plans there are, newest period first. */
async function planList(db: Kysely<Database>) {
  const roots = await db
    .selectFrom('plan_node')
    .select(['key', 'name', 'name_en', 'period_start', 'period_end'])
    .where('parent_id', 'is', null)
    .orderBy('period_start', 'desc')
    .orderBy('key')
    .execute();
  return roots.map((r) => ({
    key: r.key,
    name: r.name,
    nameEn: r.name_en,
    period: { start: r.period_start, end: r.period_end },
  }));
}

export interface PlanNodeView {
  key: string;
  kind: NodeKind;
  name: string;
  nameEn: string;
  rollUp: 'weighted' | 'average';
  weight: number;
  progress: number | null;
  targetCount: number;
  reportedCount: number;
  children: PlanNodeView[];
  targets: TargetLeaf[];
}

/**
 * The goal tree of one plan (the newest by default) with the progress rolled up to every node.
 * Overseers see it whole. Other staff see the branches that hold their units' targets, with
 * each node's progress as the district sees it (rolled up over all its targets).
 */
export async function getPlan(db: Kysely<Database>, actor: Actor | null, key?: string) {
  assertStaff(actor);
  const plans = await planList(db);
  const planKey = key ?? plans[0]?.key;
  const loaded = planKey ? await loadPlan(db, planKey) : null;
  if (!loaded) throw notFound(`plan ${key ?? ''}`.trim());
  const { root, nodes, targets, latest, rolled } = loaded;
  const owners = [...new Set(targets.map((t) => t.owner_unit))];
  const [visible, unit] = await Promise.all([ownedUnits(db, actor, owners), unitViews(db, owners)]);
  const shown = (t: TargetRow) => visible === null || visible.has(t.owner_unit);

  const view = (n: NodeRow, depth: number): PlanNodeView | null => {
    const r = rolled.get(n.key)!;
    const children =
      depth < MAX_DEPTH
        ? nodes
            .filter((c) => c.parent_id === n.id)
            .map((c) => view(c, depth + 1))
            .filter((c): c is PlanNodeView => c !== null)
        : [];
    const own = targets
      .filter((t) => t.node_id === n.id && shown(t))
      .map((t) => targetLeaf(t, latest.get(t.id), unit));
    if (depth > 0 && !children.length && !own.length && visible !== null) return null;
    return {
      key: n.key,
      kind: n.kind,
      name: n.name,
      nameEn: n.name_en,
      rollUp: n.roll_up,
      weight: n.weight,
      progress: r.progress,
      targetCount: r.targets,
      reportedCount: r.reported,
      children,
      targets: own,
    };
  };
  const tree = view(root, 0)!;
  return {
    ...tree,
    period: { start: root.period_start, end: root.period_end },
    demo: targets.some((t) => t.demo || latest.get(t.id)?.demo === true),
    plans,
  };
}

// ---- targets ------------------------------------------------------------------------------

export interface TargetQuery {
  plan?: string | undefined;
  node?: string | undefined;
  owner?: string | undefined;
  q?: string | undefined;
  limit: number;
  offset: number;
}

/** The owning units whose targets the actor may read; null: all. */
async function visibleTargetOwners(db: Kysely<Database>, actor: Actor) {
  if (seesAll(actor)) return null;
  const owners = await db.selectFrom('plan_target').select('owner_unit').distinct().execute();
  return ownedUnits(
    db,
    actor,
    owners.map((o) => o.owner_unit),
  );
}

export async function listTargets(db: Kysely<Database>, actor: Actor | null, q: TargetQuery) {
  assertStaff(actor);
  const visible = await visibleTargetOwners(db, actor);
  if (visible !== null && !visible.size) return { data: [], total: 0 };
  let query = db.selectFrom('plan_target as t').innerJoin('plan_node as n', 'n.id', 't.node_id');
  if (visible !== null) query = query.where('t.owner_unit', 'in', [...visible]);
  if (q.plan) query = query.where('t.plan_key', '=', q.plan);
  if (q.node) query = query.where('n.key', '=', q.node);
  if (q.owner) query = query.where('t.owner_unit', '=', q.owner);
  if (q.q)
    query = query.where((eb) =>
      eb.or([eb('t.name', 'ilike', `%${q.q}%`), eb('t.name_en', 'ilike', `%${q.q}%`)]),
    );
  const [rows, count] = await Promise.all([
    query
      .selectAll('t')
      .select([
        'n.key as node_key',
        'n.kind as node_kind',
        'n.name as node_name',
        'n.name_en as node_name_en',
      ])
      .orderBy('t.plan_key', 'desc')
      .orderBy('n.sort_order')
      .orderBy('t.sort_order')
      .orderBy('t.key')
      .limit(q.limit)
      .offset(q.offset)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const [latest, unit] = await Promise.all([
    latestReports(
      db,
      rows.map((r) => r.id),
    ),
    unitViews(
      db,
      rows.map((r) => r.owner_unit),
    ),
  ]);
  return {
    total: Number(count.n),
    data: rows.map((r) => targetSummary(r, latest.get(r.id), unit)),
  };
}

type TargetWithNode = TargetRow & {
  node_key: string;
  node_kind: NodeKind;
  node_name: string;
  node_name_en: string;
};

function targetSummary(
  r: TargetWithNode,
  latest: ReportRow | undefined,
  unit: (c: string) => UnitView,
) {
  return {
    ...targetLeaf(r, latest, unit),
    plan: r.plan_key,
    node: { key: r.node_key, kind: r.node_kind, name: r.node_name, nameEn: r.node_name_en },
    period: { start: r.period_start, end: r.period_end },
    source: r.source,
  };
}

async function targetRow(db: Kysely<Database>, id: string): Promise<TargetWithNode> {
  const row = await db
    .selectFrom('plan_target as t')
    .innerJoin('plan_node as n', 'n.id', 't.node_id')
    .selectAll('t')
    .select([
      'n.key as node_key',
      'n.kind as node_kind',
      'n.name as node_name',
      'n.name_en as node_name_en',
    ])
    .where('t.id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('target');
  return row;
}

/** One target with all its reports (newest first) and the progress of every node above it. */
export async function getTarget(db: Kysely<Database>, actor: Actor | null, id: string) {
  assertStaff(actor);
  const t = await targetRow(db, id);
  await assertMayActFor(db, actor, t.owner_unit);
  const reports = await db
    .selectFrom('plan_report')
    .selectAll()
    .where('target_id', '=', id)
    .orderBy('reported_on', 'desc')
    .orderBy('created_at', 'desc')
    .execute();
  const loaded = (await loadPlan(db, t.plan_key))!;
  const byId = new Map(loaded.nodes.map((n) => [n.id, n]));
  const ancestors: { key: string; kind: NodeKind; name: string; nameEn: string }[] = [];
  for (let n = byId.get(t.node_id); n; n = n.parent_id ? byId.get(n.parent_id) : undefined)
    ancestors.unshift({ key: n.key, kind: n.kind, name: n.name, nameEn: n.name_en });
  const unit = await unitViews(db, [
    t.owner_unit,
    ...reports.map((r) => r.reported_by_unit).filter((c): c is string => c !== null),
  ]);
  return {
    ...targetSummary(t, reports[0], unit),
    version: t.version,
    ancestors: ancestors.map((a) => ({ ...a, progress: loaded.rolled.get(a.key)!.progress })),
    reports: reports.map((r) => ({
      id: r.id,
      value: r.value,
      reportedOn: r.reported_on,
      evidence: r.evidence,
      evidenceUrl: r.evidence_url,
      reportedBy: r.reported_by,
      reportedByUnit: r.reported_by_unit ? unit(r.reported_by_unit) : null,
      via: r.via,
      demo: r.demo,
      createdAt: new Date(r.created_at).toISOString(),
    })),
  };
}

export interface ReportInput {
  value: number;
  reportedOn: string;
  evidence?: string | null | undefined;
  evidenceUrl?: string | null | undefined;
}

/** Why a report's date is refused, if it is: not a date, in the future, or before the period. */
export function reportDateProblem(
  reportedOn: string,
  periodStart: string,
  today: string,
):
  | { code: 'date_invalid' }
  | { code: 'validation_maximum' | 'validation_minimum'; limit: string }
  | null {
  if (!isCalendarDate(reportedOn)) return { code: 'date_invalid' };
  if (reportedOn > today) return { code: 'validation_maximum', limit: today };
  if (reportedOn < periodStart) return { code: 'validation_minimum', limit: periodStart };
  return null;
}

/**
 * A department reports progress on one of its targets (overseers on any). The report is kept
 * whole (reports are never edited); the latest by date is what counts, so the target and every
 * node above it move at once. Returns the target as it stands now.
 */
export async function reportProgress(
  db: Kysely<Database>,
  actor: Actor | null,
  id: string,
  input: ReportInput,
  today: string,
) {
  assertStaff(actor);
  const t = await targetRow(db, id);
  await assertMayActFor(db, actor, t.owner_unit);
  const dateProblem = reportDateProblem(input.reportedOn, t.period_start, today);
  if (dateProblem)
    throw badRequest(
      dateProblem.code,
      'reportedOn',
      'limit' in dateProblem ? { limit: dateProblem.limit } : {},
    );
  if (!Number.isFinite(input.value))
    throw badRequest('validation_type', 'value', { type: 'number' });
  const unit = await actingUnit(db, actor, t.owner_unit);
  await db.transaction().execute(async (trx) => {
    const report = await trx
      .insertInto('plan_report')
      .values({
        target_id: id,
        value: input.value,
        reported_on: input.reportedOn,
        evidence: input.evidence?.trim() || null,
        evidence_url: input.evidenceUrl?.trim() || null,
        reported_by_account: actor.kind === 'system' ? null : actor.accountId,
        reported_by: actor.username,
        reported_by_unit: unit,
        via: 'api',
        demo: false,
        division_code: DISTRICT_CODE,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .updateTable('plan_target')
      .set((eb) => ({ version: eb('version', '+', 1) }))
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, actor, {
      action: 'plan.report.create',
      targetType: 'plan_target',
      targetId: id,
      after: { report: report.id, ...input },
      divisionCode: DISTRICT_CODE,
    });
  });
  return getTarget(db, actor, id);
}
