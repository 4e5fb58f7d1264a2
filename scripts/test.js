#!/usr/bin/env node
// `npm test`: the whole suite on embedded PGlite, then the database-backed projects again on a
// real PostgreSQL server when TEST_DATABASE_URL is set (CI sets it). Extra arguments go to vitest.
import { spawnSync } from 'node:child_process';

const extra = process.argv.slice(2);
const run = (args, env = {}) => {
  const r = spawnSync(process.execPath, args, {
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
  return r.status ?? 1;
};
const vitest = ['node_modules/vitest/vitest.mjs', 'run'];

const results = [];
if (run(['bin/onetrip.js', 'build-web', '--if-stale']) !== 0) process.exit(1);

results.push(['PGlite', run([...vitest, ...extra], { TEST_BACKEND: 'pglite' })]);
if (process.env.TEST_DATABASE_URL) {
  results.push([
    'PostgreSQL',
    run([...vitest, '--project', 'integration', '--project', 'e2e', ...extra], {
      TEST_BACKEND: 'postgres',
    }),
  ]);
} else {
  console.log('\nTEST_DATABASE_URL is not set: the PostgreSQL run is left out (CI runs it).');
}

const failed = results.filter(([, code]) => code !== 0);
for (const [name, code] of results) console.log(`${name}: ${code === 0 ? 'passed' : 'FAILED'}`);
process.exit(failed.length ? 1 : 0);
