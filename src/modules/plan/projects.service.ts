import { sql, type Kysely, type Selectable } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { Actor } from '../../shared/actor.ts';
import { AppError, badRequest, notFound } from '../../shared/app-error.ts';
import { recordAudit } from '../audit/index.ts';
import { assertMayActFor, assertStaff, mayActFor, ownedUnits, seesAll } from './access.ts';
import {
  AREA_NAMES,
  DISTRICT_CODE,
  INVESTMENT_UNIT,
  MILESTONE_NAMES,
  MILESTONES,
  PLATFORM_GROUP_NAMES,
  PLATFORMS,
  type Area,
  type MilestoneKey,
  type Programme,
  type ProjectStatus,
  type ProjectType,
} from './model.ts';
import type { PlanMilestoneTable, PlanProjectTable } from './plan.table.ts';
import { actualDateOutOfOrder, checkMilestone, projectStatus } from './rules/milestones.ts';
import { unitViews, type UnitView } from './targets.service.ts';
import { isCalendarDate } from './today.ts';

type ProjectRow = Selectable<PlanProjectTable>;
type MilestoneRow = Selectable<PlanMilestoneTable>;

const platformView = (key: string | null) => {
  const p = key ? PLATFORMS.find((x) => x.key === key) : undefined;
  if (!key) return null;
  if (!p) return { key, name: key, nameEn: key, group: null, groupName: null };
  return {
    key,
    name: p.name,
    nameEn: p.nameEn,
    group: p.group,
    groupName: PLATFORM_GROUP_NAMES[p.group].name,
  };
};

function milestoneViews(rows: MilestoneRow[], today: string) {
  return MILESTONES.flatMap((key) => {
    const m = rows.find((r) => r.key === key);
    if (!m) return [];
    const check = checkMilestone({ key, plannedOn: m.planned_on, actualOn: m.actual_on }, today);
    return [
      {
        key,
        ...MILESTONE_NAMES[key],
        plannedOn: m.planned_on,
        actualOn: m.actual_on,
        state: check.state,
        slipDays: check.slipDays,
        warning: check.warning,
        note: m.note,
        demo: m.demo,
        updatedBy: m.updated_by,
        updatedAt: new Date(m.updated_at).toISOString(),
      },
    ];
  });
}

function projectView(
  p: ProjectRow,
  milestones: MilestoneRow[],
  unit: (code: string) => UnitView,
  today: string,
) {
  const ms = milestoneViews(milestones, today);
  const slipping = ms.filter((m) => m.warning);
  const next = ms.find((m) => !m.actualOn);
  return {
    id: p.id,
    key: p.key,
    name: p.name,
    nameEn: p.name_en,
    programmes: p.programmes,
    area: p.area,
    areaName: AREA_NAMES[p.area].name,
    platform: platformView(p.platform),
    type: p.type,
    owner: p.owner,
    ownerUnit: unit(p.owner_unit),
    year: p.year,
    investmentUnit: INVESTMENT_UNIT,
    totalInvestment: p.total_investment,
    annualInvestmentPlan: p.annual_investment_plan,
    annualInvestmentDone: p.annual_investment_done,
    landArea: p.land_area,
    floorArea: p.floor_area,
    status: p.status,
    warning: slipping.length > 0,
    slipDays: Math.max(0, ...slipping.map((m) => m.slipDays)),
    nextMilestone: next ? { key: next.key, plannedOn: next.plannedOn } : null,
    milestones: ms,
    demo: p.demo,
  };
}

async function milestonesOf(db: Kysely<Database>, ids: readonly string[]) {
  if (!ids.length) return new Map<string, MilestoneRow[]>();
  const rows = await db
    .selectFrom('plan_milestone')
    .selectAll()
    .where('project_id', 'in', [...ids])
    .execute();
  const by = new Map<string, MilestoneRow[]>();
  for (const r of rows) by.set(r.project_id, [...(by.get(r.project_id) ?? []), r]);
  return by;
}

export interface ProjectQuery {
  area?: Area | undefined;
  status?: ProjectStatus | undefined;
  platform?: string | undefined;
  programme?: Programme | undefined;
  type?: ProjectType | undefined;
  slipping?: boolean | undefined;
  q?: string | undefined;
  limit: number;
  offset: number;
}

async function visibleProjectOwners(db: Kysely<Database>, actor: Actor) {
  if (seesAll(actor)) return null;
  const owners = await db.selectFrom('plan_project').select('owner_unit').distinct().execute();
  return ownedUnits(
    db,
    actor,
    owners.map((o) => o.owner_unit),
  );
}

export async function listProjects(
  db: Kysely<Database>,
  actor: Actor | null,
  q: ProjectQuery,
  today: string,
) {
  assertStaff(actor);
  const visible = await visibleProjectOwners(db, actor);
  if (visible !== null && !visible.size) return { data: [], total: 0 };
  let query = db.selectFrom('plan_project as p');
  if (visible !== null) query = query.where('p.owner_unit', 'in', [...visible]);
  if (q.area) query = query.where('p.area', '=', q.area);
  if (q.status) query = query.where('p.status', '=', q.status);
  if (q.platform) query = query.where('p.platform', '=', q.platform);
  if (q.type) query = query.where('p.type', '=', q.type);
  if (q.programme)
    query = query.where((eb) => eb(eb.val(q.programme!), '=', eb.fn.any('p.programmes')));
  if (q.q)
    query = query.where((eb) =>
      eb.or([eb('p.name', 'ilike', `%${q.q}%`), eb('p.name_en', 'ilike', `%${q.q}%`)]),
    );
  if (q.slipping !== undefined) {
    // The same test as rules/milestones.ts checkMilestone, in SQL so that it pages.
    const slips = sql<boolean>`exists (
      select 1 from plan_milestone m where m.project_id = p.id and (
        (m.actual_on is not null and m.planned_on is not null and m.actual_on > m.planned_on)
        or (m.actual_on is null and m.planned_on < ${today}::date)))`;
    query = query.where(q.slipping ? slips : sql<boolean>`not ${slips}`);
  }
  const [rows, count] = await Promise.all([
    query
      .selectAll('p')
      .orderBy('p.sort_order')
      .orderBy('p.key')
      .limit(q.limit)
      .offset(q.offset)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const [milestones, unit] = await Promise.all([
    milestonesOf(
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
    data: rows.map((p) => projectView(p, milestones.get(p.id) ?? [], unit, today)),
  };
}

async function projectRow(db: Kysely<Database>, id: string) {
  const row = await db
    .selectFrom('plan_project')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('project');
  return row;
}

export async function getProject(
  db: Kysely<Database>,
  actor: Actor | null,
  id: string,
  today: string,
) {
  assertStaff(actor);
  const p = await projectRow(db, id);
  await assertMayActFor(db, actor, p.owner_unit);
  const [milestones, unit] = await Promise.all([
    milestonesOf(db, [id]),
    unitViews(db, [p.owner_unit]),
  ]);
  return {
    ...projectView(p, milestones.get(id) ?? [], unit, today),
    description: p.description,
    source: p.source,
    version: p.version,
    updatedAt: new Date(p.updated_at).toISOString(),
    updatedBy: p.updated_by,
    mayRecord: await mayActFor(db, actor, p.owner_unit),
  };
}

export interface MilestoneInput {
  /** The date the milestone was reached; null clears a date recorded by mistake. */
  actualOn: string | null;
  note?: string | null | undefined;
  /** The project version the caller saw: a concurrent change answers 409. */
  version: number;
}

/**
 * Records when a project reached a milestone. The date may not lie in the future nor break the
 * milestones' order; the project's status follows from the milestones reached. A recorded date
 * is a real one: the milestone stops being demo data.
 */
export async function recordMilestone(
  db: Kysely<Database>,
  actor: Actor | null,
  id: string,
  key: MilestoneKey,
  input: MilestoneInput,
  today: string,
) {
  assertStaff(actor);
  const p = await projectRow(db, id);
  await assertMayActFor(db, actor, p.owner_unit);
  const { actualOn } = input;
  if (actualOn !== null) {
    if (!isCalendarDate(actualOn)) throw badRequest('date_invalid', 'actualOn');
    if (actualOn > today) throw badRequest('validation_maximum', 'actualOn', { limit: today });
  }
  await db.transaction().execute(async (trx) => {
    const locked = await trx
      .selectFrom('plan_project')
      .select(['version'])
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (input.version !== locked.version)
      throw new AppError(409, 'version_conflict', {
        what: 'project',
        expected: input.version,
        current: locked.version,
      });
    const rows = await trx
      .selectFrom('plan_milestone')
      .selectAll()
      .where('project_id', '=', id)
      .execute();
    const dates = rows.map((r) => ({ key: r.key, plannedOn: r.planned_on, actualOn: r.actual_on }));
    if (actualOn !== null) {
      const order = actualDateOutOfOrder(dates, key, actualOn);
      if (order)
        throw badRequest(`validation_${order.bound}`, 'actualOn', {
          limit: `${order.limit} (${MILESTONE_NAMES[order.other].name} ${order.other})`,
        });
    }
    const before = rows.find((r) => r.key === key);
    const note = input.note === undefined ? (before?.note ?? null) : input.note?.trim() || null;
    await trx
      .insertInto('plan_milestone')
      .values({
        project_id: id,
        key,
        planned_on: null,
        actual_on: actualOn,
        note,
        demo: false,
        updated_by: actor.username,
      })
      .onConflict((oc) =>
        oc.columns(['project_id', 'key']).doUpdateSet({
          actual_on: actualOn,
          note,
          demo: false,
          updated_by: actor.username,
          updated_at: new Date(),
        }),
      )
      .execute();
    const after = [
      ...dates.filter((d) => d.key !== key),
      { key, plannedOn: before?.planned_on ?? null, actualOn },
    ];
    await trx
      .updateTable('plan_project')
      .set((eb) => ({
        status: projectStatus(after),
        version: eb('version', '+', 1),
        updated_at: new Date(),
        updated_by: actor.username,
      }))
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, actor, {
      action: 'plan.milestone.record',
      targetType: 'plan_project',
      targetId: id,
      before: before ? { key, actualOn: before.actual_on, note: before.note } : undefined,
      after: { key, actualOn, note },
      divisionCode: DISTRICT_CODE,
    });
  });
  return getProject(db, actor, id, today);
}
