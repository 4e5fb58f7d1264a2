/**
 * OneTrip's benchmarks: `npm run bench` (full) or `npm run bench -- --quick` (the harness check).
 * Options: --only=P1,P1b,P4,P5,P2,P3  --runs=N  --seconds=S  --p3-size=N (P3's large size)
 *   --p2-total=N (P2's submissions in all; 0: time-boxed rounds).
 * DATABASE_URL picks the server.
 * Writes bench/results/latest.json and bench/results/<ISO date-time>.json; see BENCHMARKS.md.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../src/db/connect.ts';
import { migrateAndSeed } from './lib/onetrip.ts';
import { describeMachine, Scratch, SERVER_URL } from './lib/pg.ts';
import { log } from './lib/stats.ts';
import type { Context, ScenarioResult } from './lib/types.ts';
import { burstScenarios } from './scenarios/burst.ts';
import { engineScenarios } from './scenarios/engine.ts';
import { scaleScenarios } from './scenarios/scale.ts';
import { startScenarios } from './scenarios/start.ts';

const ALL = ['P1', 'P1B', 'P4', 'P5', 'P2', 'P3'];

function option(name: string): string | undefined {
  const hit = process.argv.find((a) => a.startsWith(`--${name}=`));
  return hit?.slice(name.length + 3);
}

async function main() {
  const quick = process.argv.includes('--quick');
  const only = new Set((option('only') ?? ALL.join(',')).toUpperCase().split(','));
  for (const o of only) if (!ALL.includes(o)) throw new Error(`unknown scenario ${o}`);
  const p3Size = option('p3-size');
  if (p3Size !== undefined && !(Number(p3Size) > 0)) throw new Error(`bad --p3-size=${p3Size}`);
  const p2Total = option('p2-total');
  if (p2Total !== undefined && !(Number(p2Total) >= 0))
    throw new Error(`bad --p2-total=${p2Total}`);
  const resultsDir = path.resolve(import.meta.dirname, 'results');
  fs.mkdirSync(resultsDir, { recursive: true });
  const startedAt = new Date();
  const stamp = startedAt
    .toISOString()
    .replace(/:/g, '-')
    .replace(/\.\d+Z$/, 'Z');
  const scratch = new Scratch();
  scratchOfRun = scratch;
  const onSignal = (sig: string) => {
    log(`${sig}: dropping the scratch databases`);
    void scratch.dropAll().finally(() => process.exit(130));
  };
  process.once('SIGINT', () => onSignal('SIGINT'));
  process.once('SIGTERM', () => onSignal('SIGTERM'));

  const machine = await describeMachine();
  log(
    `${quick ? 'quick' : 'full'} run on ${machine.cores} × ${machine.cpuModel}, ${machine.memoryGiB} GiB, ` +
      `Node ${machine.node}, PostgreSQL ${machine.postgresServerVersion} at ${new URL(SERVER_URL).host}`,
  );
  const ctx: Context = {
    quick,
    runs: Number(option('runs') ?? (quick ? 3 : 5)),
    seconds: Number(option('seconds') ?? (quick ? 2 : 15)),
    workers: 4,
    p3Size: option('p3-size') === undefined ? undefined : Number(option('p3-size')),
    p2Total: p2Total === undefined ? undefined : Number(p2Total),
    scratch,
    machine,
    resultsDir,
    stamp,
    template: () => Promise.reject(new Error('not yet')),
  };
  let template: Promise<{ name: string; seedSeconds: number }> | undefined;
  ctx.template = () =>
    (template ??= (async () => {
      const db = await scratch.create('template');
      const handle = await openDatabase({ databaseUrl: db.url, poolSize: 2 });
      try {
        const seedSeconds = await migrateAndSeed(handle.db);
        log(`PostgreSQL template migrated and seeded in ${seedSeconds.toFixed(1)} s`);
        return { name: db.name, seedSeconds };
      } finally {
        await handle.close();
      }
    })());
  // Seeding takes tens of seconds: it starts now, beside the first scenario's own setup.
  if (['P1', 'P1B', 'P4', 'P2', 'P3'].some((s) => only.has(s))) ctx.template().catch(() => {});
  if (ctx.runs < 3) log('fewer than 3 runs: the medians are not the documented ones');
  const scenarios: ScenarioResult[] = [];
  const failures: { scenarios: string; error: string }[] = [];
  const t0 = performance.now();
  // One failing group is reported and the others still run: the file is always written.
  const groups: [string, () => Promise<ScenarioResult[]>][] = [
    ['P1, P1b, P4', () => engineScenarios(ctx, only)],
    ['P5', () => (only.has('P5') ? startScenarios(ctx) : Promise.resolve([]))],
    ['P2', () => (only.has('P2') ? burstScenarios(ctx) : Promise.resolve([]))],
    ['P3', () => (only.has('P3') ? scaleScenarios(ctx) : Promise.resolve([]))],
  ];
  try {
    for (const [name, run] of groups) {
      try {
        scenarios.push(...(await run()));
      } catch (err) {
        log(`${name} failed: ${(err as Error).stack ?? err}`);
        failures.push({ scenarios: name, error: String((err as Error).message ?? err) });
      }
    }
  } finally {
    await scratch.dropAll();
  }
  const report = {
    machine: { ...machine, loadAverageAtEnd: os.loadavg().map((l) => Math.round(l * 100) / 100) },
    mode: quick ? 'quick' : 'full',
    startedAt: startedAt.toISOString(),
    seconds: Math.round((performance.now() - t0) / 1000),
    command: `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`,
    settings: { runs: ctx.runs, secondsPerRun: ctx.seconds, workers: ctx.workers },
    scenarios,
    failures,
  };
  const json = `${JSON.stringify(report, null, 2)}\n`;
  fs.writeFileSync(path.join(resultsDir, 'latest.json'), json);
  fs.writeFileSync(path.join(resultsDir, `${stamp}.json`), json);
  console.log(table(scenarios));
  log(`${report.seconds} s; wrote bench/results/latest.json and bench/results/${stamp}.json`);
  if (failures.length) throw new Error(`${failures.map((f) => f.scenarios).join('; ')} failed`);
}

function table(rows: ScenarioResult[]): string {
  const lines = [
    ['id', 'value', 'baseline', 'ratio', 'goal', 'met'],
    ...rows.map((r) => [
      r.id,
      `${r.value} ${r.unit}`,
      r.baseline === null ? '—' : `${r.baseline} ${r.baselineUnit ?? ''}`.trim(),
      r.ratio === null ? '—' : String(r.ratio),
      r.goal,
      r.met === null ? '—' : r.met ? 'yes' : 'no',
    ]),
  ];
  const widths = lines[0]!.map((_, i) => Math.max(...lines.map((l) => l[i]!.length)));
  return lines.map((l) => l.map((c, i) => c.padEnd(widths[i]!)).join('  ')).join('\n');
}

// A promise that never settles (e.g. a pool waiting for a connection nobody frees) empties the
// event loop: say so, and drop the scratch databases, instead of exiting 0 in silence.
let finished = false;
process.once('beforeExit', () => {
  if (finished) return;
  console.error('[bench] stopped: the event loop emptied before the run finished (a deadlock?)');
  void scratchOfRun?.dropAll().finally(() => process.exit(1));
});
let scratchOfRun: Scratch | undefined;

main().then(
  () => {
    finished = true;
    process.exit(0);
  },
  (err: unknown) => {
    finished = true;
    console.error('[bench] failed:', err);
    process.exit(1);
  },
);
