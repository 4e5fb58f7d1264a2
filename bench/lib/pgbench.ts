import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

function envFor(url: string): NodeJS.ProcessEnv {
  const u = new URL(url);
  return {
    ...process.env,
    // A Unix-socket directory comes percent-encoded as the host, or as `?host=`.
    PGHOST: u.searchParams.get('host') || decodeURIComponent(u.hostname),
    PGPORT: u.port || '5432',
    PGUSER: decodeURIComponent(u.username),
    PGPASSWORD: decodeURIComponent(u.password),
    PGDATABASE: u.pathname.slice(1),
  };
}

export async function pgbenchInit(bin: string, url: string, scale: number): Promise<void> {
  await run(bin, ['-i', '-q', '-s', String(scale)], { env: envFor(url) });
}

/** `pgbench -b tpcb-like -c N -j J -T s`: TPS without the initial connection time. */
export async function pgbenchRun(
  bin: string,
  url: string,
  opts: { clients: number; threads: number; seconds: number },
): Promise<{ tps: number; transactions: number; latencyMs: number | null }> {
  const args = [
    '-b',
    'tpcb-like',
    '-c',
    String(opts.clients),
    '-j',
    String(opts.threads),
    '-T',
    String(opts.seconds),
  ];
  const { stdout } = await run(bin, args, { env: envFor(url), maxBuffer: 1 << 20 });
  const tps = /tps = ([\d.]+) \(without initial connection time\)/.exec(stdout)?.[1];
  if (!tps) throw new Error(`pgbench printed no TPS:\n${stdout}`);
  const tx = /number of transactions actually processed: (\d+)/.exec(stdout)?.[1];
  const lat = /latency average = ([\d.]+) ms/.exec(stdout)?.[1];
  return {
    tps: Number(tps),
    transactions: Number(tx ?? 0),
    latencyMs: lat ? Number(lat) : null,
  };
}
