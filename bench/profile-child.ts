/**
 * The P1 load in a process of its own, run by the harness under `node --cpu-prof`: it opens the
 * already seeded database at BENCH_DB_URL, warms up, then runs BENCH_WORKERS workers for
 * BENCH_SECONDS and prints the window ({ fromUs, toUs } on the profile's clock) as JSON.
 */
import { openDatabase } from '../src/db/connect.ts';
import { castFor, engineDeps, engineLoad } from './lib/onetrip.ts';

const url = process.env.BENCH_DB_URL;
if (!url) throw new Error('BENCH_DB_URL is required');
const workers = Number(process.env.BENCH_WORKERS ?? 4);
const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const handle = await openDatabase({ databaseUrl: url, poolSize: workers });
try {
  const cast = await castFor(handle.db);
  const deps = engineDeps(handle.db);
  await engineLoad(deps, cast, workers, 2);
  const fromUs = Number(process.hrtime.bigint() / 1000n);
  const result = await engineLoad(deps, cast, workers, seconds);
  const toUs = Number(process.hrtime.bigint() / 1000n);
  process.stdout.write(`${JSON.stringify({ fromUs, toUs, result })}\n`);
} finally {
  await handle.close();
}
