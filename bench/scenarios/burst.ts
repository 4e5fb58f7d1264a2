import { randomBytes } from 'node:crypto';
import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { DEMO_PASSWORD } from '../../src/modules/identity/index.ts';
import { BENCH_APPLICANT, BENCH_BUNDLE } from '../lib/onetrip.ts';
import { envWithout, freePort, startProcess, waitFor200, type Started } from '../lib/proc.ts';
import { log, median, sig } from '../lib/stats.ts';
import type { Context, ScenarioResult } from '../lib/types.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CONNECTIONS = 8;
const DUPLICATE_SHARE = 0.01;

interface Burst {
  /** First requests (one per key) answered 2xx, per second. */
  perSecond: number;
  seconds: number;
  sent: number;
  statuses: Record<string, number>;
  /** key → status of its first answer (2xx = acknowledged). */
  firstStatus: Map<string, number>;
  duplicatesSent: number;
  duplicatesReplayed: number;
  duplicatesRefusedInFlight: number;
  errors: number;
}

/** A round's size: so many seconds, or so many first submissions (their resends come on top). */
type Size = { seconds: number } | { submissions: number };

/**
 * Sends submissions on CONNECTIONS connections, each with its own Idempotency-Key; 1 % are
 * sent twice: half as a retry after the first answer, half at once on another connection while
 * the first is still in flight.
 */
async function burst(
  url: string,
  headers: Record<string, string>,
  bodyFor: (key: string) => string,
  size: Size,
): Promise<Burst> {
  const firstStatus = new Map<string, number>();
  const resend: string[] = [];
  const statuses: Record<string, number> = {};
  let duplicatesSent = 0;
  let duplicatesReplayed = 0;
  let duplicatesRefusedInFlight = 0;
  let firsts = 0;
  const t0 = performance.now();
  const instance = autocannon({
    url,
    connections: CONNECTIONS,
    pipelining: 1,
    ...('seconds' in size
      ? { duration: size.seconds }
      : { amount: Math.ceil(size.submissions * (1 + DUPLICATE_SHARE)) }),
    timeout: 30,
    requests: [
      {
        method: 'POST',
        setupRequest: (req, context) => {
          const ctx = context as { key?: string; duplicate?: boolean };
          let key = resend.shift();
          ctx.duplicate = key !== undefined;
          if (key === undefined) {
            key = `bench-${randomBytes(9).toString('base64url')}`;
            const r = Math.random();
            if (r < DUPLICATE_SHARE / 2) resend.push(key);
            else if (r < DUPLICATE_SHARE) (ctx as { later?: boolean }).later = true;
          }
          if (ctx.duplicate) duplicatesSent++;
          ctx.key = key;
          return {
            ...req,
            headers: { ...headers, 'idempotency-key': key },
            body: bodyFor(key),
          };
        },
        onResponse: (status, _body, context, resHeaders) => {
          const ctx = context as { key?: string; duplicate?: boolean; later?: boolean };
          statuses[status] = (statuses[status] ?? 0) + 1;
          if (!ctx.key) return;
          if (ctx.duplicate) {
            const replayed = (resHeaders as Record<string, string> | undefined)?.[
              'idempotent-replayed'
            ];
            if (replayed === 'true') duplicatesReplayed++;
            if (status === 409) duplicatesRefusedInFlight++;
          } else {
            firstStatus.set(ctx.key, status);
            if (status >= 200 && status < 300) firsts++;
            if (ctx.later) resend.push(ctx.key);
          }
          ctx.later = false;
        },
      },
    ],
  });
  const result = await instance;
  const elapsed = (performance.now() - t0) / 1000;
  return {
    perSecond: firsts / elapsed,
    seconds: elapsed,
    sent: result.requests.sent,
    statuses,
    firstStatus,
    duplicatesSent,
    duplicatesReplayed,
    duplicatesRefusedInFlight,
    errors: result.errors + result.timeouts,
  };
}

async function login(base: string) {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: BENCH_APPLICANT, password: DEMO_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`login: ${res.status} ${await res.text()}`);
  const cookie = res.headers
    .getSetCookie()
    .find((c) => c.startsWith('onetrip_session='))!
    .split(';')[0]!;
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie, 'x-csrf-token': csrfToken };
}

/** Rows stored per key, against the keys whose first request was acknowledged. */
async function audit(url: string, sql: string, acknowledged: Set<string>, answered: Set<string>) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const { rows } = await c.query<{ key: string; n: number }>(sql);
    const stored = new Map(rows.map((r) => [r.key, Number(r.n)]));
    let lost = 0;
    for (const k of acknowledged) if (!stored.has(k)) lost++;
    let duplicated = 0;
    let storedUnacknowledged = 0;
    for (const [k, n] of stored) {
      duplicated += n - 1;
      if (!answered.has(k)) storedUnacknowledged++;
    }
    return {
      lost,
      duplicated,
      storedRows: [...stored.values()].reduce((a, b) => a + b, 0),
      storedUnacknowledged,
    };
  } finally {
    await c.end();
  }
}

export async function burstScenarios(ctx: Context): Promise<ScenarioResult[]> {
  const runs = ctx.runs;
  const total = ctx.p2Total ?? (ctx.quick ? 0 : 100_000);
  const size: Size =
    total > 0 ? { submissions: Math.ceil(total / runs) } : { seconds: ctx.seconds };
  const body = (key: string) =>
    JSON.stringify({
      subject: { kind: 'bundle', key: BENCH_BUNDLE },
      formData: { 'bench.key': key },
    });
  const onetripDb = await ctx.scratch.create('burst', (await ctx.template()).name);
  const bareDb = await ctx.scratch.create('bare');

  const servers: Started[] = [];
  try {
    const otPort = await freePort();
    const onetrip = startProcess(process.execPath, [path.join(ROOT, 'bin/onetrip.js'), 'start'], {
      ...envWithout('ONETRIP_DATA_DIR'),
      DATABASE_URL: onetripDb.url,
      PORT: String(otPort),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      ONETRIP_SCHEDULER_MS: '0',
    });
    servers.push(onetrip);
    const barePort = await freePort();
    const bare = startProcess(
      process.execPath,
      ['--import', 'tsx', path.join(ROOT, 'bench/servers/bare.ts')],
      { ...process.env, PORT: String(barePort), BENCH_DB_URL: bareDb.url },
    );
    servers.push(bare);
    await waitFor200(`http://127.0.0.1:${otPort}/healthz`, onetrip, 120_000);
    await waitFor200(`http://127.0.0.1:${barePort}/healthz`, bare, 60_000);
    const otBase = `http://127.0.0.1:${otPort}`;
    const session = await login(otBase);
    const otHeaders = { 'content-type': 'application/json', ...session };
    const bareHeaders = { 'content-type': 'application/json' };

    // Warm-up of both (not counted; its rows are left out of the audit by their own keys).
    const warm = await burst(`${otBase}/api/v1/cases`, otHeaders, body, { seconds: 1 });
    await burst(`http://127.0.0.1:${barePort}/submit`, bareHeaders, body, { seconds: 1 });

    const otRuns: Burst[] = [];
    const bareRuns: Burst[] = [];
    for (let r = 0; r < runs; r++) {
      bareRuns.push(await burst(`http://127.0.0.1:${barePort}/submit`, bareHeaders, body, size));
      otRuns.push(await burst(`${otBase}/api/v1/cases`, otHeaders, body, size));
      log(
        `P2 round ${r + 1}/${runs}: OneTrip ${otRuns.at(-1)!.perSecond.toFixed(1)} submissions/s, ` +
          `bare Fastify+pg ${bareRuns.at(-1)!.perSecond.toFixed(0)} inserts/s`,
      );
    }
    const answered = new Set([warm, ...otRuns].flatMap((b) => [...b.firstStatus.keys()]));
    const acknowledged = new Set(
      otRuns.flatMap((b) =>
        [...b.firstStatus].filter(([, s]) => s >= 200 && s < 300).map(([k]) => k),
      ),
    );
    const counts = await audit(
      onetripDb.url,
      `select form_data->>'bench.key' as key, count(*) as n from cases
        where form_data ? 'bench.key' group by 1`,
      acknowledged,
      answered,
    );
    // Duplicates are counted over every stored key (warm-up included); lost over the timed runs.
    const sum = (f: (b: Burst) => number) => otRuns.reduce((a, b) => a + f(b), 0);
    const statuses: Record<string, number> = {};
    for (const b of otRuns)
      for (const [s, n] of Object.entries(b.statuses)) statuses[s] = (statuses[s] ?? 0) + n;
    const value = median(otRuns.map((b) => b.perSecond));
    const baseline = median(bareRuns.map((b) => b.perSecond));
    const integrity = counts.lost === 0 && counts.duplicated === 0;
    return [
      {
        id: 'P2',
        name: 'Burst: draft submissions (POST /api/v1/cases) over HTTP, each with its own Idempotency-Key, 1 % sent twice',
        value: sig(value),
        unit: 'submissions/s',
        baseline: sig(baseline),
        baselineUnit: 'inserts/s',
        baselineWhat:
          'a bare Fastify route inserting one row through a pg pool (same driver, same server)',
        ratio: sig(value / baseline),
        goal: 'ratio >= 0.5, lost = 0 and duplicated = 0',
        met: integrity && value / baseline >= 0.5,
        runs: {
          value: otRuns.map((b) => sig(b.perSecond)),
          baseline: bareRuns.map((b) => sig(b.perSecond)),
        },
        details: {
          connections: CONNECTIONS,
          perRun: size,
          secondsPerRun: otRuns.map((b) => Math.round(b.seconds * 10) / 10),
          submissions: otRuns.reduce((a, b) => a + b.firstStatus.size, 0),
          acknowledged: acknowledged.size,
          lost: counts.lost,
          duplicated: counts.duplicated,
          storedButNeverAnswered: counts.storedUnacknowledged,
          duplicatesSent: sum((b) => b.duplicatesSent),
          duplicatesReplayed: sum((b) => b.duplicatesReplayed),
          duplicatesRefusedInFlight: sum((b) => b.duplicatesRefusedInFlight),
          statuses,
          clientErrorsAndTimeouts: sum((b) => b.errors),
        },
      },
    ];
  } finally {
    for (const s of servers) await s.stop();
    await ctx.scratch.drop(onetripDb.name);
    await ctx.scratch.drop(bareDb.name);
  }
}
