import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import pg from 'pg';
import { openDatabase } from '../../src/db/connect.ts';
import type { Database } from '../../src/db/database.ts';
import { brainServices } from '../../src/modules/brain/index.ts';
import { listCases, listMyTasks } from '../../src/modules/cases/queries.ts';
import { streetDirectory } from '../../src/modules/identity/index.ts';
import { generate, loadTemplates, Reservoir, type GenerateResult } from '../lib/generate.ts';
import { actorFor, castFor, engineDeps, engineLoad } from '../lib/onetrip.ts';
import { log, median, round, sig } from '../lib/stats.ts';
import type { Context, ScenarioResult } from '../lib/types.ts';

/** The small database is the district's first DAYS_AT_SMALL days: it sets the daily intake. */
const DAYS_AT_SMALL = 40;
/** Goals of the scenario: p95 at the large size ≤ 1.5 × at the small one, and ≤ 5 × a PK lookup's. */
const SCALE_GOAL = 1.5;
const PK_GOAL = 5;

const label = (n: number) =>
  n >= 1e6 ? `${round(n / 1e6, 2)}M` : n >= 1e3 ? `${round(n / 1e3, 1)}k` : String(n);

function percentile(values: readonly number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  if (!s.length) return Number.NaN;
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
}

/** A progress bar on stderr (redrawn in place on a terminal, a line every 10 % otherwise). */
function progressBar(what: string, total: number, first: number) {
  const t0 = performance.now();
  const tty = process.stderr.isTTY;
  let lastStep = -1;
  return (done: number, rows: number) => {
    const share = total > first ? (done - first) / (total - first) : 1;
    const s = (performance.now() - t0) / 1000;
    const rate = (done - first) / Math.max(s, 0.001);
    const eta = share > 0 ? (s / share) * (1 - share) : 0;
    const width = 30;
    const bar = '█'.repeat(Math.round(share * width)).padEnd(width, '░');
    const text =
      `[bench] ${what} ${bar} ${(share * 100).toFixed(1).padStart(5)} % ` +
      `${done.toLocaleString('en')}/${total.toLocaleString('en')} cases ` +
      `(+${rows.toLocaleString('en')} task/trip/rating rows), ` +
      `${Math.round(rate).toLocaleString('en')} cases/s, ${s.toFixed(0)} s, ETA ${eta.toFixed(0)} s`;
    if (tty) process.stderr.write(`\r${text}\x1b[K${done >= total ? '\n' : ''}`);
    else {
      const step = Math.floor(share * 10);
      if (step !== lastStep || done >= total) {
        lastStep = step;
        process.stderr.write(`${text}\n`);
      }
    }
  };
}

/** The roll-up triggers of cases, trips and ratings (see the cases module's roll-up migration). */
async function rollupTriggers(db: Kysely<Database>, enable: boolean) {
  const rows = await sql<{ tbl: string; name: string }>`
    select c.relname as tbl, t.tgname as name from pg_trigger t join pg_class c on c.oid = t.tgrelid
     where not t.tgisinternal and t.tgname like 'case\_rollup\_%'
       and c.relnamespace = current_schema()::regnamespace`.execute(db);
  for (const r of rows.rows)
    await sql`alter table ${sql.id(r.tbl)} ${sql.raw(enable ? 'enable' : 'disable')} trigger ${sql.id(r.name)}`.execute(
      db,
    );
  return rows.rows.length;
}

/**
 * Loads applications [from, to) with COPY, the roll-up triggers off meanwhile, then recounts the
 * roll-up with the module's own `case_rollup_rebuild()` (equal to what the triggers would have
 * written) and vacuums, so that the measurements see every generated case.
 */
async function grow(
  db: Kysely<Database>,
  url: string,
  templates: Awaited<ReturnType<typeof loadTemplates>>,
  from: number,
  to: number,
  perDay: number,
  now: Date,
  sample: Reservoir,
) {
  const triggers = await rollupTriggers(db, false);
  let result: GenerateResult;
  try {
    result = await generate(url, templates, {
      from,
      to,
      perDay,
      now,
      sample,
      progress: progressBar(`P3 COPY`, to, from),
    });
  } finally {
    await rollupTriggers(db, true);
  }
  const t0 = performance.now();
  await sql`select case_rollup_rebuild()`.execute(db);
  const rebuildSeconds = (performance.now() - t0) / 1000;
  const t1 = performance.now();
  // Vacuumed and analysed now, so that autovacuum does not run during the measurement.
  await sql`vacuum (analyze) cases, task, trip, rating, case_rollup, case_rollup_summary`.execute(
    db,
  );
  const vacuumSeconds = (performance.now() - t1) / 1000;
  log(
    `P3: ${to.toLocaleString('en')} cases: COPY ${result.seconds.toFixed(1)} s, ` +
      `roll-up rebuilt in ${rebuildSeconds.toFixed(1)} s (${triggers} triggers off meanwhile), ` +
      `vacuum ${vacuumSeconds.toFixed(1)} s`,
  );
  return {
    ...result,
    seconds: round(result.seconds, 1),
    rebuildSeconds: round(rebuildSeconds, 1),
    vacuumSeconds: round(vacuumSeconds, 1),
  };
}

type QueryKey = 'queue' | 'number' | 'district' | 'street' | 'pk';

interface Sampled {
  p50: number;
  p95: number;
  samples: number;
}

/**
 * p50 and p95 of each query, the queries interleaved round by round (so the machine's noise falls
 * on all of them alike), after a warm-up.
 */
async function percentiles(
  queries: Record<QueryKey, (i: number) => Promise<unknown>>,
  samples: number,
  warmUp: number,
): Promise<Record<QueryKey, Sampled>> {
  const keys = Object.keys(queries) as QueryKey[];
  const times = Object.fromEntries(keys.map((k) => [k, [] as number[]])) as Record<
    QueryKey,
    number[]
  >;
  for (let i = 0; i < warmUp + samples; i++)
    for (const k of keys) {
      const t = performance.now();
      await queries[k](i);
      if (i >= warmUp) times[k].push(performance.now() - t);
    }
  return Object.fromEntries(
    keys.map((k) => [
      k,
      {
        p50: round(percentile(times[k], 50), 3),
        p95: round(percentile(times[k], 95), 3),
        samples: times[k].length,
      },
    ]),
  ) as Record<QueryKey, Sampled>;
}

/**
 * The statements one call sends, the slowest run again under EXPLAIN (ANALYZE, BUFFERS) with its
 * own parameters: the evidence of what a query costs at this size.
 */
async function explainSlowest(url: string, fn: () => Promise<unknown>) {
  const seen: { text: string; values: unknown[]; ms: number }[] = [];
  const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = proto.query;
  proto.query = function (this: unknown, ...args: unknown[]) {
    // A prepared statement (src/db/prepared.ts) comes as { name, text, values }.
    const [first, second] = args;
    const named = first && typeof first === 'object' && 'text' in first;
    const text = named ? (first as { text: unknown }).text : first;
    const values = named ? (first as { values?: unknown }).values : second;
    const t = performance.now();
    const out = original.apply(this, args);
    if (typeof text === 'string' && out && typeof (out as Promise<unknown>).then === 'function') {
      const entry = { text, values: Array.isArray(values) ? values : [], ms: 0 };
      seen.push(entry);
      void (out as Promise<unknown>).then(
        () => (entry.ms = performance.now() - t),
        () => {},
      );
    }
    return out;
  };
  try {
    await fn();
  } finally {
    proto.query = original;
  }
  const slowest = seen.filter((s) => /^\s*select/i.test(s.text)).sort((a, b) => b.ms - a.ms)[0];
  if (!slowest) return null;
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const plan = await c.query<{ 'QUERY PLAN': string }>(
      `explain (analyze, buffers) ${slowest.text}`,
      slowest.values,
    );
    return {
      statements: seen.length,
      slowestMs: round(slowest.ms, 3),
      sql: slowest.text.replace(/\s+/g, ' ').trim(),
      plan: plan.rows.map((r) => r['QUERY PLAN']),
    };
  } finally {
    await c.end();
  }
}

export async function scaleScenarios(ctx: Context): Promise<ScenarioResult[]> {
  const small = ctx.quick ? 5_000 : 100_000;
  const large = ctx.p3Size ?? (ctx.quick ? 25_000 : 10_000_000);
  if (large <= small) throw new Error(`--p3-size must be above ${small}`);
  const perDay = small / DAYS_AT_SMALL;
  const samples = ctx.quick ? 50 : 200;
  const warmUp = ctx.quick ? 5 : 20;
  const db = await ctx.scratch.create('scale', (await ctx.template()).name);
  const handle = await openDatabase({ databaseUrl: db.url, poolSize: ctx.workers });
  try {
    const streets = [...(await streetDirectory(handle.db)).keys()].sort();
    const templates = await loadTemplates(db.url, streets);
    log(
      `P3: ${templates.count} seeded applications (${templates.subjects} services) as templates, ` +
        `${perDay.toLocaleString('en')} applications a day`,
    );
    const cast = await castFor(handle.db);
    const deps = engineDeps(handle.db);
    const clerk = await actorFor(handle.db, { username: 'clerk' }, 'counter');
    const leader = await actorFor(handle.db, { username: 'leader' }, 'web');
    const now = new Date();
    const sample = new Reservoir(2_000);
    const seconds = ctx.quick ? 2 : 8;

    const loads = {
      small: await grow(handle.db, db.url, templates, 0, small, perDay, now, sample),
    };
    // The queue measured is the busiest reviewer's: the unit with the most open reviews.
    const busiest = await handle.db
      .selectFrom('task')
      .select(['owner_unit', (eb) => eb.fn.countAll<number>().as('n')])
      .where('state', 'in', ['open', 'paused'])
      .where('role', '=', 'reviewer')
      .where('owner_unit', 'is not', null)
      .groupBy('owner_unit')
      .orderBy('n', 'desc')
      .executeTakeFirstOrThrow();
    const reviewer = await actorFor(
      handle.db,
      { role: 'reviewer', orgUnitCode: busiest.owner_unit! },
      'web',
    );
    const street = await handle.db
      .selectFrom('cases')
      .select(['applicant_street_code', (eb) => eb.fn.countAll<number>().as('n')])
      .where('applicant_street_code', 'is not', null)
      .groupBy('applicant_street_code')
      .orderBy('n', 'desc')
      .executeTakeFirstOrThrow();
    const streetCode = street.applicant_street_code!;

    const measure = async (size: number) => {
      const tasks: number[] = [];
      for (let r = 0; r < ctx.runs; r++)
        tasks.push((await engineLoad(deps, cast, ctx.workers, seconds)).tasksPerSecond);
      const page = { limit: 20, offset: 0 };
      const lookups = [...sample.items];
      const at = (i: number) => lookups[(i * 7919) % lookups.length]!;
      const queries: Record<QueryKey, (i: number) => Promise<unknown>> = {
        queue: () => listMyTasks(handle.db, reviewer, page),
        number: (i) => listCases(handle.db, clerk, { ...page, number: at(i).number }),
        district: () => brainServices(handle.db, leader, {}),
        street: () => brainServices(handle.db, leader, { street: streetCode }),
        pk: (i) =>
          handle.db
            .selectFrom('cases')
            .selectAll()
            .where('id', '=', at(i + 1).id)
            .executeTakeFirst(),
      };
      const p = await percentiles(queries, samples, warmUp);
      const caseList: number[] = [];
      for (let i = 0; i < 15; i++) {
        const t = performance.now();
        await listCases(handle.db, clerk, page);
        caseList.push(performance.now() - t);
      }
      const openTasks = await handle.db
        .selectFrom('task')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('state', 'in', ['open', 'paused'])
        .where('owner_unit', '=', busiest.owner_unit)
        .executeTakeFirstOrThrow();
      const rollupRows = await handle.db
        .selectFrom('case_rollup')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      const sizes = await sql<{ cases: string; task: string; rollup: string }>`
        select pg_size_pretty(pg_total_relation_size('cases')) as cases,
               pg_size_pretty(pg_total_relation_size('task')) as task,
               pg_size_pretty(pg_total_relation_size('case_rollup')) as rollup`.execute(handle.db);
      log(
        `P3 at ${label(size)}: engine ${median(tasks).toFixed(1)} tasks/s; p95 ms: ` +
          (Object.keys(p) as QueryKey[]).map((k) => `${k} ${p[k].p95}`).join(', '),
      );
      return {
        tasks,
        p,
        caseListMs: median(caseList),
        queueOpenTasks: Number(openTasks.n),
        rollupRows: Number(rollupRows.n),
        sizes: sizes.rows[0],
      };
    };

    const atSmall = await measure(small);
    const explainOf = async () => {
      const lookup = sample.items[0]!;
      return {
        queue: await explainSlowest(db.url, () =>
          listMyTasks(handle.db, reviewer, { limit: 20, offset: 0 }),
        ),
        number: await explainSlowest(db.url, () =>
          listCases(handle.db, clerk, { limit: 20, offset: 0, number: lookup.number }),
        ),
        district: await explainSlowest(db.url, () => brainServices(handle.db, leader, {})),
        street: await explainSlowest(db.url, () =>
          brainServices(handle.db, leader, { street: streetCode }),
        ),
        pk: await explainSlowest(db.url, () =>
          handle.db.selectFrom('cases').selectAll().where('id', '=', lookup.id).executeTakeFirst(),
        ),
      };
    };
    const plansSmall = await explainOf();
    Object.assign(loads, {
      large: await grow(handle.db, db.url, templates, small, large, perDay, now, sample),
    });
    const atLarge = await measure(large);
    const plansLarge = await explainOf();

    const details = {
      cases: { small, large },
      generated:
        'COPY (pg-copy-streams): copies of the seeded demo applications moved in time, ' +
        `${perDay.toLocaleString('en')} a day (the small database is the first ${DAYS_AT_SMALL} days), ` +
        'state by age; tasks, trips and ratings copied with each; roll-up rebuilt by case_rollup_rebuild()',
      loads,
      reviewer: {
        unit: busiest.owner_unit,
        openTasks: { small: atSmall.queueOpenTasks, large: atLarge.queueOpenTasks },
      },
      street: streetCode,
      rollupRows: { small: atSmall.rollupRows, large: atLarge.rollupRows },
      sizes: { small: atSmall.sizes, large: atLarge.sizes },
      samples,
      warmUp,
    };
    const rows: ScenarioResult[] = [];
    const flat = (
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
    rows.push(
      flat(
        'P3',
        `Scale: P1 engine at ${label(large)} cases vs at ${label(small)}`,
        'tasks/s',
        atLarge.tasks,
        atSmall.tasks,
      ),
    );
    const names: Record<QueryKey, string> = {
      queue: "a reviewer's queue, first page by deadline (listMyTasks)",
      number: 'a case by its number (listCases with number, as GET /cases?number=)',
      district: 'the district KPI set (brainServices, last 30 days)',
      street: "one street's KPI set (brainServices with street)",
      pk: 'a primary-key lookup on cases (baseline)',
    };
    const ids: Record<QueryKey, string> = {
      queue: 'P3-queue',
      number: 'P3-number',
      district: 'P3-kpi-district',
      street: 'P3-kpi-street',
      pk: 'P3-pk',
    };
    for (const k of Object.keys(names) as QueryKey[]) {
      const big = atLarge.p[k];
      const little = atSmall.p[k];
      const ratio = big.p95 / little.p95;
      const extra = {
        p50: { small: little.p50, large: big.p50 },
        p95: { small: little.p95, large: big.p95 },
        explain: { small: plansSmall[k], large: plansLarge[k] },
      };
      rows.push({
        id: ids[k],
        name: `Scale: p95 of ${names[k]} at ${label(large)} vs ${label(small)} cases`,
        value: sig(big.p95),
        unit: 'ms',
        baseline: sig(little.p95),
        baselineUnit: 'ms',
        baselineWhat: `p95 of the same at ${label(small)} cases, same database, same run`,
        ratio: sig(ratio),
        goal: `ratio <= ${SCALE_GOAL}`,
        met: ratio <= SCALE_GOAL,
        runs: { value: [sig(big.p50), sig(big.p95)], baseline: [sig(little.p50), sig(little.p95)] },
        details: { ...details, ...extra, runsAre: '[p50, p95]' },
      });
      if (k === 'pk') continue;
      const vsPk = big.p95 / atLarge.p.pk.p95;
      const vsPkSmall = little.p95 / atSmall.p.pk.p95;
      rows.push({
        id: `${ids[k]}-vs-pk`,
        name: `Scale: p95 of ${names[k]} vs a primary-key lookup's, at ${label(large)} cases`,
        value: sig(big.p95),
        unit: 'ms',
        baseline: sig(atLarge.p.pk.p95),
        baselineUnit: 'ms',
        baselineWhat: `p95 of a primary-key lookup on cases at ${label(large)}, same run`,
        ratio: sig(vsPk),
        goal: `ratio <= ${PK_GOAL}`,
        met: vsPk <= PK_GOAL,
        runs: { value: [sig(big.p95)], baseline: [sig(atLarge.p.pk.p95)] },
        details: {
          ...details,
          atSmall: {
            p95: little.p95,
            pkP95: atSmall.p.pk.p95,
            ratio: sig(vsPkSmall),
            met: vsPkSmall <= PK_GOAL,
          },
        },
      });
    }
    rows.push(
      flat(
        'P3-list',
        `Scale: the window's case list (listCases, 20 rows + total) at ${label(large)} vs ${label(small)} cases`,
        'ms',
        [atLarge.caseListMs],
        [atSmall.caseListMs],
        { medianOf: 15 },
      ),
    );
    return rows;
  } finally {
    await handle.close();
    await ctx.scratch.drop(db.name);
  }
}
