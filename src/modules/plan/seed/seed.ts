import type { Kysely } from 'kysely';
import type { Database } from '../../../db/database.ts';
import { SYSTEM_ACTOR } from '../../../shared/actor.ts';
import { recordAudit } from '../../audit/index.ts';
import { orgUnitsByCode } from '../../identity/index.ts';
import { DISTRICT_CODE, MILESTONES, PLATFORM_KEYS, type MilestoneKey } from '../model.ts';
import { projectStatus } from '../rules/milestones.ts';
import { targetFiguresProblem } from '../rules/target-progress.ts';
import { PLANS } from './data/plans.ts';
import { PROJECTS } from './data/projects.ts';

/** Everything the seed data must get right before a row is written. */
async function checkSeed(db: Kysely<Database>) {
  const problems: string[] = [];
  const owners = [
    ...PLANS.flatMap((p) => p.nodes.flatMap((n) => n.targets.map((t) => t.owner))),
    ...PROJECTS.map((p) => p.ownerUnit),
  ];
  const units = await orgUnitsByCode(db, owners);
  for (const o of new Set(owners)) if (!units.has(o)) problems.push(`unknown org unit ${o}`);
  const keys = new Set<string>();
  for (const plan of PLANS)
    for (const node of plan.nodes)
      for (const t of node.targets) {
        if (keys.has(t.key)) problems.push(`duplicate target ${t.key}`);
        keys.add(t.key);
        if (
          targetFiguresProblem({ direction: t.direction, baseline: t.baseline, target: t.target })
        )
          problems.push(`target ${t.key}: target value on the wrong side of the baseline`);
      }
  for (const p of PROJECTS)
    if (p.platform && !PLATFORM_KEYS.includes(p.platform))
      problems.push(`project ${p.key}: unknown platform ${p.platform}`);
  if (problems.length) throw new Error(`plan seed: ${problems.join('; ')}`);
}

/**
 * The plan's goal trees (2020 plan and the 2019 review), their targets with the reports, and the
 * major projects with their milestones. Adds what is missing: a target that already exists keeps
 * its reports, a project its milestones.
 */
export async function seedPlan(db: Kysely<Database>, progress: (msg: string) => void = () => {}) {
  await checkSeed(db);
  await db.transaction().execute(async (trx) => {
    let targets = 0;
    let reports = 0;
    for (const plan of PLANS) {
      const period = { period_start: plan.periodStart, period_end: plan.periodEnd };
      const nodeId = async (
        key: string,
        values: Omit<Database['plan_node'], 'id' | 'key' | 'plan_key' | 'division_code'>,
      ) => {
        await trx
          .insertInto('plan_node')
          .values({ key, plan_key: plan.key, division_code: DISTRICT_CODE, ...values })
          .onConflict((oc) => oc.column('key').doNothing())
          .execute();
        return (
          await trx
            .selectFrom('plan_node')
            .select('id')
            .where('key', '=', key)
            .executeTakeFirstOrThrow()
        ).id;
      };
      const root = await nodeId(plan.key, {
        parent_id: null,
        kind: 'plan',
        name: plan.name,
        name_en: plan.nameEn,
        roll_up: plan.rollUp,
        weight: 1,
        sort_order: 0,
        ...period,
      });
      for (const [i, node] of plan.nodes.entries()) {
        const id = await nodeId(node.key, {
          parent_id: root,
          kind: node.kind,
          name: node.name,
          name_en: node.nameEn,
          roll_up: node.rollUp,
          weight: node.weight ?? 1,
          sort_order: i,
          ...period,
        });
        for (const [j, t] of node.targets.entries()) {
          const inserted = await trx
            .insertInto('plan_target')
            .values({
              key: t.key,
              node_id: id,
              plan_key: plan.key,
              name: t.name,
              name_en: t.nameEn,
              unit: t.unit,
              unit_en: t.unitEn,
              direction: t.direction,
              baseline: t.baseline,
              target_value: t.target,
              weight: t.weight ?? 1,
              owner_unit: t.owner,
              source: t.source,
              demo: t.demo,
              sort_order: j,
              division_code: DISTRICT_CODE,
              ...period,
            })
            .onConflict((oc) => oc.column('key').doNothing())
            .returning('id')
            .executeTakeFirst();
          if (!inserted) continue;
          targets++;
          if (!t.reports.length) continue;
          await trx
            .insertInto('plan_report')
            .values(
              t.reports.map((r) => ({
                target_id: inserted.id,
                value: r.value,
                reported_on: r.on,
                evidence: r.evidence,
                evidence_url: null,
                reported_by_account: null,
                reported_by: SYSTEM_ACTOR.username,
                reported_by_unit: t.owner,
                via: 'seed' as const,
                demo: r.demo,
                division_code: DISTRICT_CODE,
              })),
            )
            .execute();
          reports += t.reports.length;
        }
      }
    }
    progress(`plan: ${PLANS.length} plans, ${targets} targets, ${reports} progress reports`);

    let projects = 0;
    for (const [i, p] of PROJECTS.entries()) {
      const dates = MILESTONES.flatMap((key) => {
        const d = p.milestones[key];
        return d ? [{ key, plannedOn: d[0], actualOn: d[1] }] : [];
      });
      const inserted = await trx
        .insertInto('plan_project')
        .values({
          key: p.key,
          name: p.name,
          name_en: p.nameEn,
          programmes: p.programmes,
          area: p.area,
          platform: p.platform,
          type: p.type,
          owner: p.owner,
          owner_unit: p.ownerUnit,
          total_investment: p.totalInvestment,
          annual_investment_plan: p.annualInvestmentPlan,
          annual_investment_done: p.annualInvestmentDone,
          land_area: p.landArea,
          floor_area: p.floorArea,
          year: 2020,
          status: projectStatus(dates),
          description: p.description,
          source: p.source,
          demo: true,
          sort_order: i,
          updated_by: SYSTEM_ACTOR.username,
          division_code: DISTRICT_CODE,
        })
        .onConflict((oc) => oc.column('key').doNothing())
        .returning('id')
        .executeTakeFirst();
      if (!inserted) continue;
      projects++;
      if (!dates.length) continue;
      await trx
        .insertInto('plan_milestone')
        .values(
          dates.map((d) => ({
            project_id: inserted.id,
            key: d.key as MilestoneKey,
            planned_on: d.plannedOn,
            actual_on: d.actualOn,
            note: null,
            demo: true,
            updated_by: SYSTEM_ACTOR.username,
          })),
        )
        .execute();
    }
    progress(`plan: ${projects} projects`);
    await recordAudit(trx, SYSTEM_ACTOR, {
      action: 'seed.plan',
      targetType: 'plan',
      targetId: 'all',
      divisionCode: DISTRICT_CODE,
    });
  });
}
