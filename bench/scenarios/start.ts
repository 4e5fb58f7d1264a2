import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { envWithout, freePort, startProcess, waitFor200 } from '../lib/proc.ts';
import { log, median, round, sig } from '../lib/stats.ts';
import { goalText, met, type Context, type Goal, type ScenarioResult } from '../lib/types.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** Milestones of `onetrip start`, from the lines it prints. */
const MILESTONES: [string, RegExp][] = [
  ['database open', /database: embedded PGlite/],
  ['migrated', /empty database: loading|OneTrip is ready/],
  ['listening', /OneTrip is ready/],
];

async function startOnce(): Promise<{ seconds: number; milestones: Record<string, number> }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'onetrip-bench-start-'));
  const port = await freePort();
  const started = startProcess(process.execPath, [path.join(ROOT, 'bin/onetrip.js'), 'start'], {
    ...envWithout('DATABASE_URL'),
    ONETRIP_DATA_DIR: dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
  });
  try {
    const seconds = await waitFor200(`http://127.0.0.1:${port}/healthz`, started, 120_000);
    const milestones: Record<string, number> = {};
    for (const [name, re] of MILESTONES) {
      const hit = started.lines.find((l) => re.test(l.line));
      if (hit) milestones[name] = round(hit.ms / 1000, 2);
    }
    const seeded = started.lines.filter((l) => /\bseed: /.test(l.line)).at(-1);
    if (seeded) milestones['seeded (last seed line)'] = round(seeded.ms / 1000, 2);
    milestones['healthz 200'] = round(seconds, 2);
    return { seconds, milestones };
  } finally {
    await started.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** What the start is made of, each on its own: loading the app's modules, a new PGlite. */
async function parts(): Promise<{ moduleLoad: number; pgliteInitdb: number }> {
  const t = performance.now();
  // `onetrip` with no command: node + tsx + every module `start` imports, then the usage text.
  execFileSync(process.execPath, [path.join(ROOT, 'bin/onetrip.js')], { stdio: 'ignore' });
  const moduleLoad = (performance.now() - t) / 1000;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'onetrip-bench-initdb-'));
  try {
    const { PGlite } = await import('@electric-sql/pglite');
    const { PGLITE_EXTENSIONS } = await import('../../src/db/connect.ts');
    const t1 = performance.now();
    const pglite = await PGlite.create(path.join(dir, 'pglite'), {
      extensions: PGLITE_EXTENSIONS,
    });
    const pgliteInitdb = (performance.now() - t1) / 1000;
    await pglite.close();
    return { moduleLoad, pgliteInitdb };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function helloOnce(): Promise<number> {
  const port = await freePort();
  const started = startProcess(
    process.execPath,
    ['--import', 'tsx', path.join(ROOT, 'bench/servers/hello.ts')],
    { ...process.env, PORT: String(port) },
  );
  try {
    return await waitFor200(`http://127.0.0.1:${port}/healthz`, started, 60_000);
  } finally {
    await started.stop();
  }
}

/** The JS index.html loads before anything else: its module script and modulepreloads. */
export function initialJs(distDir = path.join(ROOT, 'web/dist')) {
  const html = fs.readFileSync(path.join(distDir, 'index.html'), 'utf8');
  const refs = [
    ...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g),
    ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g),
  ].map((m) => m[1]!);
  const files = [...new Set(refs)].map((ref) => {
    const bytes = fs.readFileSync(path.join(distDir, ref.replace(/^\//, '')));
    return {
      file: ref,
      kb: round(bytes.length / 1024, 1),
      gzipKb: round(zlib.gzipSync(bytes, { level: 9 }).length / 1024, 1),
    };
  });
  return {
    files,
    kb: round(
      files.reduce((a, f) => a + f.kb, 0),
      1,
    ),
    gzipKb: round(
      files.reduce((a, f) => a + f.gzipKb, 0),
      1,
    ),
  };
}

export async function startScenarios(ctx: Context): Promise<ScenarioResult[]> {
  // The web build first (as `onetrip start` would when stale), so the start is timed without it.
  const tb = performance.now();
  const buildOut = execFileSync(
    process.execPath,
    [path.join(ROOT, 'bin/onetrip.js'), 'build-web', '--if-stale'],
    { cwd: ROOT, encoding: 'utf8', env: envWithout('DATABASE_URL') },
  );
  const buildSeconds = (performance.now() - tb) / 1000;
  const built = /built in/.test(buildOut);
  log(`P5: web build ${built ? `done in ${buildSeconds.toFixed(1)} s` : 'was fresh'}`);

  // Start is ~20 s a run: quick mode does one (the harness check), the full run `runs`.
  const n = ctx.quick ? 1 : Math.max(3, ctx.runs);
  const starts: Awaited<ReturnType<typeof startOnce>>[] = [];
  const hellos: number[] = [];
  const pieces: Awaited<ReturnType<typeof parts>>[] = [];
  for (let i = 0; i < n; i++) {
    if (!ctx.quick) pieces.push(await parts());
    hellos.push(await helloOnce());
    starts.push(await startOnce());
    log(
      `P5 start ${i + 1}/${n}: ${starts.at(-1)!.seconds.toFixed(1)} s (bare Fastify+tsx ${hellos.at(-1)!.toFixed(2)} s)`,
    );
  }
  const seconds = median(starts.map((s) => s.seconds));
  const hello = median(hellos);
  const startGoal: Goal = { on: 'value', op: '<=', target: 15 };
  const js = initialJs();
  const jsGoal: Goal = { on: 'value', op: '<=', target: 300 };
  const mid = [...starts].sort((a, b) => a.seconds - b.seconds)[Math.floor(starts.length / 2)]!;
  return [
    {
      id: 'P5',
      name: 'Start: `onetrip start` on an empty data folder to /healthz 200 (embedded PGlite)',
      value: sig(seconds),
      unit: 's',
      baseline: sig(hello),
      baselineUnit: 's',
      baselineWhat:
        'a bare Fastify /healthz server in TypeScript started the same way (node + tsx)',
      ratio: sig(seconds / hello),
      goal: goalText(startGoal),
      met: met(startGoal, seconds, null),
      runs: { value: starts.map((s) => sig(s.seconds)), baseline: hellos.map((h) => sig(h)) },
      details: {
        milestonesOfTheMedianRun: mid.milestones,
        separately: pieces.length
          ? {
              'node bin/onetrip.js (no command: module load only), s': round(
                median(pieces.map((p) => p.moduleLoad)),
                2,
              ),
              'PGlite.create on a new data dir (initdb), s': round(
                median(pieces.map((p) => p.pgliteInitdb)),
                2,
              ),
            }
          : 'not measured in quick mode',
        webBuild: built ? `built first, ${round(buildSeconds, 1)} s (not in the figure)` : 'fresh',
        runs: n,
      },
    },
    {
      id: 'P5-js',
      name: 'Portal’s initial JS (entry + modulepreload chunks of web/dist/index.html), gzip -9',
      value: js.gzipKb,
      unit: 'KB gzip',
      baseline: null,
      baselineUnit: null,
      baselineWhat: null,
      ratio: null,
      goal: goalText(jsGoal),
      met: met(jsGoal, js.gzipKb, null),
      runs: { value: [js.gzipKb], baseline: [] },
      details: { rawKb: js.kb, files: js.files },
    },
  ];
}
