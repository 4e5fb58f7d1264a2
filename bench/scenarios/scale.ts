import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { openDatabase } from '../../src/db/connect.ts';
import type { Database } from '../../src/db/database.ts';
import { listCases, listMyTasks } from '../../src/modules/cases/queries.ts';
import { departmentDirectory } from '../../src/modules/identity/index.ts';
import {
  actorFor,
  BENCH_BUNDLE,
  castFor,
  engineDeps,
  engineLoad,
  runApplication,
} from '../lib/onetrip.ts';
import { log, median, round, sig } from '../lib/stats.ts';
import type { Context, ScenarioResult } from '../lib/types.ts';

/** Share of the generated cases still in review, their three reviews open. */
const OPEN_SHARE = 0.02;

/**
 * Clones one real closed application (made by the engine) `count` times in one statement per
 * batch (INSERT … SELECT over generate_series, server-side: the bulk load COPY would do), with
 * its five tasks; OPEN_SHARE of them are left in review, their reviews open in departments
 * spread over the whole directory. No timeline, audit or outbox rows are generated.
 */
async function grow(db: Kysely<Database>, templateId: string, from: number, to: number) {
  const depts = [...(await departmentDirectory(db)).keys()].map((k) => `dept:${k}`);
  const batch = 100_000;
  for (let lo = from; lo < to; lo += batch) {
    const hi = Math.min(to, lo + batch);
    await sql`
      with src as (
        select gen_random_uuid() as id, g,
               (g % ${Math.round(1 / OPEN_SHARE)} = 0) as open,
               now() - make_interval(mins => g) as at
          from generate_series(${lo + 1}::int, ${hi}::int) g
      ),
      ins as (
        insert into cases (id, number, kind, definition_id, subject, title, state, outcome,
          applicant_account_id, applicant_person_id, applicant_enterprise_id, applicant_name,
          applicant_street_code, requester_unit, target_unit, intake_unit, parent_case_id,
          form_data, materials, channel, submitted_at, accepted_on, promised_due, statutory_due,
          due_provisional, sla, paused_days, paused_since, decided_at, closed_at, delivery,
          correction, version, division_code, created_at, updated_at)
        select src.id, 'BENCH-' || lpad(src.g::text, 9, '0'), t.kind, t.definition_id, t.subject,
          t.title, case when src.open then 'in_review' else 'closed' end,
          case when src.open then null else t.outcome end,
          t.applicant_account_id, t.applicant_person_id, t.applicant_enterprise_id,
          t.applicant_name, t.applicant_street_code, t.requester_unit, t.target_unit,
          t.intake_unit, null, t.form_data, t.materials, t.channel, src.at, src.at::date,
          t.promised_due, t.statutory_due, t.due_provisional,
          case when src.open then 'green' else null end, 0, null,
          case when src.open then null else src.at end,
          case when src.open then null else src.at end,
          case when src.open then null else t.delivery end, null, t.version, t.division_code,
          src.at, src.at
        from src cross join (select * from cases where id = ${templateId}) t
        returning id, state, created_at
      )
      insert into task (case_id, step_key, name, item_key, owner_unit, role, state, opened_on,
        limit_days, due, due_provisional, sla, paused_days, decision, decided_by, decided_at,
        version, division_code, updated_at)
      select ins.id, tk.step_key, tk.name, tk.item_key,
        case when ins.state = 'in_review' and tk.step_key like 'review:%'
             then (${depts}::text[])[1 + (abs(hashtext(ins.id::text || tk.step_key)) % ${depts.length})]
             else tk.owner_unit end,
        tk.role,
        case when ins.state = 'closed' then 'done'
             when tk.step_key = 'intake' then 'done'
             when tk.step_key = 'delivery' then 'waiting'
             else 'open' end,
        ins.created_at::date, tk.limit_days,
        case when ins.state = 'in_review' and tk.step_key like 'review:%'
             then (ins.created_at + make_interval(days => 3 + (abs(hashtext(ins.id::text)) % 20)))::date
             else tk.due end,
        false,
        case when ins.state = 'in_review' and tk.step_key like 'review:%' then 'green' else null end,
        0,
        case when ins.state = 'closed' or tk.step_key = 'intake' then tk.decision else null end,
        tk.decided_by, tk.decided_at, tk.version, tk.division_code, ins.created_at
      from ins cross join (select * from task where case_id = ${templateId}) tk
    `.execute(db);
    log(`P3: ${hi.toLocaleString('en')} cases`);
  }
  // Vacuumed and analysed now, so that autovacuum does not run during the measurement.
  await sql`vacuum (analyze) cases, task`.execute(db);
}

async function timed(n: number, fn: () => Promise<unknown>): Promise<number> {
  const ms: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn();
    ms.push(performance.now() - t);
  }
  return median(ms);
}

export async function scaleScenarios(ctx: Context): Promise<ScenarioResult[]> {
  const [small, large] = ctx.quick ? [5_000, 25_000] : [100_000, 1_000_000];
  const db = await ctx.scratch.create('scale', (await ctx.template()).name);
  const handle = await openDatabase({ databaseUrl: db.url, poolSize: ctx.workers });
  try {
    const cast = await castFor(handle.db);
    const deps = engineDeps(handle.db);
    await runApplication(deps, cast);
    const template = await handle.db
      .selectFrom('cases')
      .select('id')
      .where('state', '=', 'closed')
      .where('subject', '=', `bundle:${BENCH_BUNDLE}`)
      .orderBy('created_at', 'desc')
      .executeTakeFirstOrThrow();
    const clerk = await actorFor(handle.db, { username: 'clerk' }, 'counter');
    const reviewer = await actorFor(handle.db, { username: 'reviewer-market' }, 'web');
    const seconds = ctx.quick ? 2 : 8;
    const measure = async () => {
      const tasks: number[] = [];
      for (let r = 0; r < ctx.runs; r++)
        tasks.push((await engineLoad(deps, cast, ctx.workers, seconds)).tasksPerSecond);
      const q = { limit: 20, offset: 0 };
      return {
        tasks,
        queueMs: await timed(15, () => listMyTasks(handle.db, reviewer, q)),
        caseListMs: await timed(15, () => listCases(handle.db, clerk, q)),
      };
    };
    const t0 = performance.now();
    await grow(handle.db, template.id, 0, small);
    const smallLoad = (performance.now() - t0) / 1000;
    await engineLoad(deps, cast, ctx.workers, 1);
    const atSmall = await measure();
    log(`P3 at ${small.toLocaleString('en')}: ${median(atSmall.tasks).toFixed(1)} tasks/s`);
    const t1 = performance.now();
    await grow(handle.db, template.id, small, large);
    const largeLoad = (performance.now() - t1) / 1000;
    const atLarge = await measure();
    log(`P3 at ${large.toLocaleString('en')}: ${median(atLarge.tasks).toFixed(1)} tasks/s`);
    const label = (n: number) => (n >= 1e6 ? `${n / 1e6}M` : `${n / 1e3}k`);
    const details = {
      cases: { small, large },
      generated: `INSERT … SELECT generate_series (server-side bulk load), ${OPEN_SHARE * 100} % left in review`,
      loadSeconds: { small: round(smallLoad, 1), large: round(largeLoad, 1) },
      note: 'only this small version of P3: no timeline/audit rows generated',
    };
    const entry = (
      id: string,
      name: string,
      unit: string,
      big: number[],
      little: number[],
      extra: Record<string, unknown> = {},
    ): ScenarioResult => {
      const value = median(big);
      const baseline = median(little);
      return {
        id,
        name,
        value: sig(value),
        unit,
        baseline: sig(baseline),
        baselineUnit: unit,
        baselineWhat: `the same at ${label(small)} cases, same database, same run`,
        ratio: sig(value / baseline),
        goal: 'none set (flat = ratio ≈ 1)',
        met: null,
        runs: { value: big.map((v) => sig(v)), baseline: little.map((v) => sig(v)) },
        details: { ...details, ...extra },
      };
    };
    return [
      entry(
        'P3',
        `Scale: P1 engine at ${label(large)} cases vs at ${label(small)}`,
        'tasks/s',
        atLarge.tasks,
        atSmall.tasks,
      ),
      entry(
        'P3-queue',
        `Scale: a reviewer's queue (listMyTasks, 20 rows + total) at ${label(large)} vs ${label(small)} cases`,
        'ms',
        [atLarge.queueMs],
        [atSmall.queueMs],
        { medianOf: 15 },
      ),
      entry(
        'P3-list',
        `Scale: the window's case list (listCases, 20 rows + total) at ${label(large)} vs ${label(small)} cases`,
        'ms',
        [atLarge.caseListMs],
        [atSmall.caseListMs],
        { medianOf: 15 },
      ),
    ];
  } finally {
    await handle.close();
    await ctx.scratch.drop(db.name);
  }
}
