import path from 'node:path';

export interface Config {
  port: number;
  host: string;
  /** A real PostgreSQL server; when absent the embedded PGlite in `dataDir` is used. */
  databaseUrl: string | undefined;
  /** Named prepared statements, on PostgreSQL and PGlite alike (off behind a transaction pooler). */
  databasePrepare: boolean;
  dataDir: string;
  logLevel: string;
  /** Secure cookies need HTTPS; the embedded default serves plain HTTP on localhost. */
  secureCookies: boolean;
  sessionTtlHours: number;
  /** How often the deadline sweep and the outbox run, in ms; 0 turns the scheduler off. */
  schedulerMs: number;
  /** A step turns yellow when this many working days or fewer are left. */
  yellowWithinDays: number;
  /** The largest uploaded file (a material), in MB. */
  uploadMaxMb: number;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be a port number, got "${env.PORT}"`);
  }
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    databasePrepare: onOff(env, 'ONETRIP_DB_PREPARE', true),
    dataDir: path.resolve(env.ONETRIP_DATA_DIR ?? 'data'),
    logLevel: env.LOG_LEVEL ?? 'info',
    secureCookies: env.ONETRIP_SECURE_COOKIES === 'true',
    sessionTtlHours: Number(env.ONETRIP_SESSION_TTL_HOURS ?? 12),
    schedulerMs: nonNegative(env, 'ONETRIP_SCHEDULER_MS', 60_000),
    yellowWithinDays: nonNegative(env, 'ONETRIP_SLA_YELLOW_DAYS', 1),
    uploadMaxMb: positive(env, 'ONETRIP_UPLOAD_MAX_MB', 10),
  };
}

function nonNegative(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0)
    throw new Error(`${name} must be a whole number ≥ 0, got "${raw}"`);
  return n;
}

function positive(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const n = nonNegative(env, name, fallback);
  if (n === 0) throw new Error(`${name} must be at least 1`);
  return n;
}

function onOff(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (raw === 'on' || raw === 'off') return raw === 'on';
  throw new Error(`${name} must be "on" or "off", got "${raw}"`);
}
