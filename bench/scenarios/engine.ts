import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDatabase, type DatabaseHandle } from '../../src/db/connect.ts';
import { bpmnLoad, createBpmnTable } from '../lib/bpmn.ts';
import {
  BENCH_BUNDLE,
  castFor,
  engineDeps,
  engineLoad,
  migrateAndSeed,
  runApplication,
  TASK_PHASES,
  type Cast,
  type LoadResult,
  type Phase,
} from '../lib/onetrip.ts';
import { pgbenchPath } from '../lib/pg.ts';
import { pgbenchInit, pgbenchRun } from '../lib/pgbench.ts';
import { summarise, type CpuProfile } from '../lib/profile.ts';
import { startProcess } from '../lib/proc.ts';
import { captureStatements, shapeOf } from '../lib/statements.ts';
import { log, median, round, sig } from '../lib/stats.ts';
import { goalText, met, type Context, type Goal, type ScenarioResult } from '../lib/types.ts';

const PGBENCH_SCALE = 4;

interface OneTripSide {
  handle: DatabaseHandle;
  cast: Cast;
  deps: ReturnType<typeof engineDeps>;
  seedSeconds: number;
  close(): Promise<void>;
}

async function oneTripOn(
  handle: DatabaseHandle,
  close: () => Promise<void>,
  seeded: number | null,
): Promise<OneTripSide> {
  const seedSeconds = seeded ?? (await migrateAndSeed(handle.db));
  const cast = await castFor(handle.db);
  return { handle, cast, deps: engineDeps(handle.db), seedSeconds, close };
}

/** Statements, rows and time per transition of one application (after warm-up). */
async function anatomy(side: OneTripSide) {
  const marks: { phase: Phase; from: number; to: number; ms: number }[] = [];
  let from = 0;
  const { statements } = await captureStatements((live) =>
    runApplication(side.deps, side.cast, {
      before: () => {
        from = live.length;
        return true;
      },
      after: (phase, ms) => marks.push({ phase, from, to: live.length, ms }),
    }),
  );
  const perPhase = marks.map((m) => {
    const own = statements.slice(m.from, m.to);
    const catalogue = own.filter((s) => shapeOf(s.text) === 'select catalogue_item');
    return {
      phase: m.phase,
      statements: own.length,
      ms: round(m.ms, 1),
      dbMs: round(
        own.reduce((a, s) => a + s.ms, 0),
        1,
      ),
      catalogueReads: catalogue.length,
      catalogueRows: catalogue.reduce((a, s) => a + s.rows, 0),
      catalogueMs: round(
        catalogue.reduce((a, s) => a + s.ms, 0),
        1,
      ),
    };
  });
  const byShape = new Map<string, { n: number; rows: number; ms: number }>();
  for (const s of statements) {
    const k = shapeOf(s.text);
    const e = byShape.get(k) ?? { n: 0, rows: 0, ms: 0 };
    e.n++;
    e.rows += s.rows;
    e.ms += s.ms;
    byShape.set(k, e);
  }
  const tasksOnly = perPhase.filter((p) => TASK_PHASES.has(p.phase));
  return {
    statementsPerApplication: statements.length,
    statementsPerTaskCompletion: round(
      tasksOnly.reduce((a, p) => a + p.statements, 0) / tasksOnly.length,
      1,
    ),
    perPhase,
    byStatement: [...byShape]
      .sort((a, b) => b[1].ms - a[1].ms)
      .map(([shape, v]) => ({ shape, count: v.n, rows: v.rows, ms: round(v.ms, 1) })),
  };
}

async function catalogueSize(side: OneTripSide) {
  const r = await side.handle.db
    .selectFrom('catalogue_item')
    .select((eb) => [
      eb.fn.countAll<number>().as('items'),
      eb.fn.sum<number>(eb.fn('octet_length', [eb.cast('definition', 'text')])).as('bytes'),
    ])
    .executeTakeFirstOrThrow();
  return { items: Number(r.items), jsonBytes: Number(r.bytes) };
}

function scenario(
  id: string,
  name: string,
  unit: string,
  values: number[],
  baselineWhat: string,
  baselineUnit: string,
  baselines: number[],
  goal: Goal,
  details: Record<string, unknown>,
): ScenarioResult {
  const value = median(values);
  const baseline = median(baselines);
  const ratio = value / baseline;
  return {
    id,
    name,
    value: sig(value),
    unit,
    baseline: sig(baseline),
    baselineUnit,
    baselineWhat,
    ratio: sig(ratio),
    goal: goalText(goal),
    met: met(goal, value, ratio),
    runs: { value: values.map((v) => sig(v)), baseline: baselines.map((v) => sig(v)) },
    details,
  };
}

/**
 * P1, P1b and P4, run round-robin so that each figure and its baseline see the same machine:
 * each round runs pgbench, OneTrip on PostgreSQL, bpmn-engine on PostgreSQL and OneTrip on
 * PGlite for `seconds` each.
 */
export async function engineScenarios(ctx: Context, only: Set<string>): Promise<ScenarioResult[]> {
  const want = { p1: only.has('P1'), p1b: only.has('P1B'), p4: only.has('P4') };
  if (!want.p1 && !want.p1b && !want.p4) return [];
  const { scratch, workers, seconds, runs } = ctx;
  const cleanups: (() => Promise<void>)[] = [];
  try {
    // PGlite is seeded in this process while PostgreSQL's template is seeded (both ~30 s).
    let onLite = null as OneTripSide | null;
    const lite = want.p4
      ? (async () => {
          const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'onetrip-bench-'));
          const handle = await openDatabase({ dataDir: dir });
          onLite = await oneTripOn(
            handle,
            async () => {
              await handle.close();
              fs.rmSync(dir, { recursive: true, force: true });
            },
            null,
          );
          cleanups.push(onLite.close);
          log(`P4: PGlite migrated and seeded in ${onLite.seedSeconds.toFixed(1)} s`);
        })()
      : Promise.resolve();
    lite.catch(() => {});

    // OneTrip on PostgreSQL (the figure of P1, the numerator of P1b, the denominator of P4).
    const template = await ctx.template();
    const pgDb = await scratch.create('p1', template.name);
    const pgHandle = await openDatabase({ databaseUrl: pgDb.url, poolSize: workers });
    const onPg = await oneTripOn(
      pgHandle,
      async () => {
        await pgHandle.close();
        await scratch.drop(pgDb.name);
      },
      template.seedSeconds,
    );
    cleanups.push(onPg.close);

    let pgbench: { bin: string; url: string } | null = null;
    if (want.p1) {
      const bin = pgbenchPath(ctx.machine.postgresServerVersion.split('.')[0]!);
      if (!bin) throw new Error('pgbench not found: install postgresql-<major> (or set PGBENCH)');
      const db = await scratch.create('pgbench');
      cleanups.push(() => scratch.drop(db.name));
      await pgbenchInit(bin, db.url, PGBENCH_SCALE);
      pgbench = { bin, url: db.url };
    }

    let bpmnPool: pg.Pool | null = null;
    if (want.p1b) {
      const db = await scratch.create('bpmn');
      const pool = new pg.Pool({ connectionString: db.url, max: workers });
      cleanups.push(async () => {
        await pool.end();
        await scratch.drop(db.name);
      });
      await createBpmnTable(pool);
      bpmnPool = pool;
    }

    await lite;

    // Warm-up: JIT, caches, connection pools; not counted.
    const warm = ctx.quick ? 1 : 3;
    await engineLoad(onPg.deps, onPg.cast, workers, warm);
    if (bpmnPool) await bpmnLoad(bpmnPool, workers, warm);
    if (onLite) await engineLoad(onLite.deps, onLite.cast, workers, warm);

    const pgbenchRuns: { tps: number; latencyMs: number | null }[] = [];
    const pgRuns: LoadResult[] = [];
    const bpmnRuns: Awaited<ReturnType<typeof bpmnLoad>>[] = [];
    const liteRuns: LoadResult[] = [];
    for (let r = 0; r < runs; r++) {
      if (pgbench) {
        const p = await pgbenchRun(pgbench.bin, pgbench.url, {
          clients: workers,
          threads: 2,
          seconds,
        });
        pgbenchRuns.push(p);
      }
      pgRuns.push(await engineLoad(onPg.deps, onPg.cast, workers, seconds));
      if (bpmnPool) bpmnRuns.push(await bpmnLoad(bpmnPool, workers, seconds));
      if (onLite) liteRuns.push(await engineLoad(onLite.deps, onLite.cast, workers, seconds));
      log(
        `round ${r + 1}/${runs}: ` +
          [
            pgbench ? `pgbench ${pgbenchRuns.at(-1)!.tps.toFixed(0)} TPS` : '',
            `OneTrip/PostgreSQL ${pgRuns.at(-1)!.tasksPerSecond.toFixed(1)} tasks/s`,
            bpmnPool ? `bpmn-engine ${bpmnRuns.at(-1)!.tasksPerSecond.toFixed(1)} tasks/s` : '',
            onLite ? `OneTrip/PGlite ${liteRuns.at(-1)!.tasksPerSecond.toFixed(1)} tasks/s` : '',
          ]
            .filter(Boolean)
            .join(', '),
      );
    }

    const anatomyPg = await anatomy(onPg);
    const profileSeconds = ctx.quick ? 1 : 8;
    const prof = await profileP1(pgDb.url, workers, profileSeconds, ctx);
    const oneTripDetails = {
      bundle: BENCH_BUNDLE,
      process: 'draft → save → submit → accept → 3 parallel reviews (approve) → deliver',
      tasksPerApplication: 5,
      workers,
      secondsPerRun: seconds,
      transitionsPerSecond: median(pgRuns.map((r) => r.transitionsPerSecond)),
      applicationsPerRun: pgRuns.map((r) => r.applications),
      nodeCpuShareOfOneCore: round(median(pgRuns.map((r) => r.nodeCpu)), 2),
      ...cpuPerApplication(pgRuns),
      medianMsPerTransition: pgRuns.at(-1)!.phaseMs,
      catalogue: await catalogueSize(onPg),
      anatomy: anatomyPg,
      cpuProfile: prof,
    };

    const out: ScenarioResult[] = [];
    const pgTasks = pgRuns.map((r) => r.tasksPerSecond);
    if (want.p1) {
      out.push(
        scenario(
          'P1',
          'Engine vs the database’s limit',
          'tasks/s',
          pgTasks,
          `pgbench -b tpcb-like -c ${workers} -j 2 -T ${seconds} (scale ${PGBENCH_SCALE}), same server`,
          'TPS',
          pgbenchRuns.map((p) => p.tps),
          { on: 'ratio', op: '>=', target: 1 },
          {
            ...oneTripDetails,
            pgbenchLatencyMs: median(pgbenchRuns.map((p) => p.latencyMs ?? Number.NaN)),
          },
        ),
      );
    }
    if (want.p1b) {
      out.push(
        scenario(
          'P1b',
          'Engine vs a peer (bpmn-engine, state in PostgreSQL)',
          'tasks/s',
          pgTasks,
          `bpmn-engine ${bpmnVersion()}: recover + resume + signal + getState saved per task, ${workers} workers, same server`,
          'tasks/s',
          bpmnRuns.map((r) => r.tasksPerSecond),
          { on: 'ratio', op: '>=', target: 15 },
          {
            bpmnNodeCpuShareOfOneCore: round(median(bpmnRuns.map((r) => r.nodeCpu)), 2),
            bpmnProcess:
              'start → intake → parallel gateway → 3 user tasks → join → delivery → end (5 user tasks)',
          },
        ),
      );
    }
    if (want.p4 && onLite) {
      out.push(
        scenario(
          'P4',
          'Embedded: OneTrip on PGlite vs on PostgreSQL',
          'tasks/s',
          liteRuns.map((r) => r.tasksPerSecond),
          'P1 (OneTrip on PostgreSQL), same run',
          'tasks/s',
          pgTasks,
          { on: 'ratio', op: '>=', target: 0.3 },
          {
            pgliteSeedSeconds: round(onLite.seedSeconds, 1),
            postgresSeedSeconds: round(onPg.seedSeconds, 1),
            pgliteNodeCpuShareOfOneCore: round(median(liteRuns.map((r) => r.nodeCpu)), 2),
            medianMsPerTransition: liteRuns.at(-1)!.phaseMs,
          },
        ),
      );
    }
    return out;
  } finally {
    for (const c of cleanups.reverse()) {
      try {
        await c();
      } catch (err) {
        log(`cleanup: ${(err as Error).message}`);
      }
    }
  }
}

/**
 * Where an application's CPU goes: the engine's process and PostgreSQL's processes, in ms per
 * application. Their sum against the machine's cores is the ceiling on P1 when neither waits.
 */
function cpuPerApplication(runs: LoadResult[]) {
  const per = (share: number | null, r: LoadResult) =>
    share === null || r.applications === 0
      ? Number.NaN
      : (share * r.seconds * 1000) / r.applications;
  const server = runs.map((r) => r.serverCpu);
  return {
    serverCpuShareOfOneCore: server.includes(null) ? null : round(median(server as number[]), 2),
    nodeCpuMsPerApplication: round(median(runs.map((r) => per(r.nodeCpu, r))), 2),
    serverCpuMsPerApplication: server.includes(null)
      ? null
      : round(median(runs.map((r) => per(r.serverCpu, r))), 2),
  };
}

/** P1's load under `node --cpu-prof` in a child process, summarised over its timed window. */
async function profileP1(url: string, workers: number, seconds: number, ctx: Context) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'onetrip-bench-prof-'));
  try {
    const child = startProcess(
      process.execPath,
      [
        '--cpu-prof',
        `--cpu-prof-dir=${dir}`,
        '--import',
        'tsx',
        path.resolve(import.meta.dirname, '../profile-child.ts'),
      ],
      {
        ...process.env,
        BENCH_DB_URL: url,
        BENCH_WORKERS: String(workers),
        BENCH_SECONDS: String(seconds),
      },
    );
    const code = await child.exited;
    const output = child.lines.map((l) => l.line);
    if (code !== 0) throw new Error(`profile child failed (${code}):\n${output.join('\n')}`);
    const window = JSON.parse(output.find((l) => l.startsWith('{"fromUs"'))!) as {
      fromUs: number;
      toUs: number;
      result: LoadResult;
    };
    const file = fs.readdirSync(dir).find((f) => f.endsWith('.cpuprofile'))!;
    const profile = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as CpuProfile;
    const kept = path.join(ctx.resultsDir, `${ctx.stamp}.p1.cpuprofile.json`);
    fs.copyFileSync(path.join(dir, file), kept);
    return {
      command: `node --cpu-prof --import tsx bench/profile-child.ts (${workers} workers, ${seconds} s after a 2 s warm-up)`,
      file: path.relative(process.cwd(), kept),
      tasksPerSecondWhileProfiled: round(window.result.tasksPerSecond, 1),
      nodeCpuShareOfOneCore: round(window.result.nodeCpu, 2),
      ...summarise(profile, window),
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function bpmnVersion(): string {
  try {
    const pkg = JSON.parse(
      fs.readFileSync(path.resolve('node_modules/bpmn-engine/package.json'), 'utf8'),
    ) as { version: string };
    return pkg.version;
  } catch {
    return '?';
  }
}
