import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import pg from 'pg';

/** The PostgreSQL server every run uses: DATABASE_URL, else the local cluster. */
export const SERVER_URL =
  process.env.DATABASE_URL || 'postgres://onetrip:onetrip@127.0.0.1:5432/onetrip';

export function urlFor(database: string): string {
  const u = new URL(SERVER_URL);
  u.pathname = `/${database}`;
  return u.toString();
}

export async function withAdmin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: SERVER_URL });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/**
 * Scratch databases of this run: all named `onetrip_bench_<run>_<purpose>` and all dropped by
 * dropAll(), also after a failure or Ctrl-C.
 */
export class Scratch {
  private readonly names = new Set<string>();
  readonly run = `${Date.now().toString(36)}${process.pid.toString(36)}`;

  /** A new empty database, or a copy of `template` (which must have no open connection). */
  async create(purpose: string, template?: string): Promise<{ name: string; url: string }> {
    const name = `onetrip_bench_${this.run}_${purpose}`.toLowerCase().replace(/[^a-z0-9_]/g, '_');
    await withAdmin(async (c) => {
      await c.query(`drop database if exists ${name} with (force)`);
      await c.query(`create database ${name}${template ? ` template ${template}` : ''}`);
    });
    this.names.add(name);
    return { name, url: urlFor(name) };
  }

  async drop(name: string): Promise<void> {
    // WITH (FORCE) may fail while an autovacuum worker of another role is in the database.
    for (let attempt = 1; ; attempt++) {
      try {
        await withAdmin((c) => c.query(`drop database if exists ${name} with (force)`));
        break;
      } catch (err) {
        if (attempt >= 10) throw err;
        await new Promise((r) => setTimeout(r, 500 * attempt));
      }
    }
    this.names.delete(name);
  }

  async dropAll(): Promise<void> {
    for (const name of [...this.names]) {
      try {
        await this.drop(name);
      } catch (err) {
        console.error(`[bench] could not drop ${name}: ${(err as Error).message}`);
      }
    }
  }
}

export interface Machine {
  cpuModel: string;
  cores: number;
  memoryGiB: number;
  os: string;
  node: string;
  postgres: string;
  postgresServerVersion: string;
  synchronousCommit: string;
  sharedBuffers: string;
  maxConnections: string;
  fsync: string;
  pgbench: string | null;
  loadAverage: number[];
}

export function pgbenchPath(major: string): string | null {
  const candidates = [
    process.env.PGBENCH,
    `/usr/lib/postgresql/${major}/bin/pgbench`,
    ...fs
      .readdirSync('/usr/lib/postgresql', { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => `/usr/lib/postgresql/${d.name}/bin/pgbench`),
  ].filter((p): p is string => Boolean(p));
  for (const p of candidates) if (fs.existsSync(p)) return p;
  try {
    return execFileSync('sh', ['-c', 'command -v pgbench'], { encoding: 'utf8' }).trim() || null;
  } catch {
    return null;
  }
}

export async function describeMachine(): Promise<Machine> {
  const settings = await withAdmin(async (c) => {
    const show = async (name: string) =>
      (await c.query<{ v: string }>(`select current_setting('${name}') as v`)).rows[0]!.v;
    return {
      version: (await c.query<{ v: string }>('select version() as v')).rows[0]!.v,
      serverVersion: await show('server_version'),
      synchronousCommit: await show('synchronous_commit'),
      sharedBuffers: await show('shared_buffers'),
      maxConnections: await show('max_connections'),
      fsync: await show('fsync'),
    };
  });
  const major = settings.serverVersion.split('.')[0]!;
  const bin = (() => {
    try {
      return fs.existsSync('/usr/lib/postgresql') ? pgbenchPath(major) : null;
    } catch {
      return null;
    }
  })();
  let pgbench: string | null = null;
  if (bin) {
    try {
      pgbench = `${execFileSync(bin, ['--version'], { encoding: 'utf8' }).trim()} (${bin})`;
    } catch {
      pgbench = bin;
    }
  }
  const cpus = os.cpus();
  return {
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    postgres: settings.version,
    postgresServerVersion: settings.serverVersion,
    synchronousCommit: settings.synchronousCommit,
    sharedBuffers: settings.sharedBuffers,
    maxConnections: settings.maxConnections,
    fsync: settings.fsync,
    pgbench,
    loadAverage: os.loadavg().map((l) => Math.round(l * 100) / 100),
  };
}
