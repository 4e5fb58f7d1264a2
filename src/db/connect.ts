import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './database.ts';
import { acquireDataDirLock } from './data-dir-lock.ts';
import { preparingPool } from './prepared.ts';

// DATE columns stay 'YYYY-MM-DD' strings: a Date would shift them by the server's time zone,
// and working-day arithmetic is on calendar dates, not instants.
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);
// count(*) and bigserial ids fit comfortably in a double for this domain.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v));

export type DatabaseKind = 'pglite' | 'postgres';

export interface DatabaseHandle {
  db: Kysely<Database>;
  kind: DatabaseKind;
  /** Checks the database answers now; used by /healthz. */
  ping(timeoutMs?: number): Promise<boolean>;
  close(): Promise<void>;
}

export class DatabaseUnreachableError extends Error {
  constructor(target: string, cause: unknown) {
    super(
      `Cannot reach the database at ${target}: ${(cause as Error)?.message ?? cause}. ` +
        `Check DATABASE_URL and that the server is running.`,
    );
    this.name = 'DatabaseUnreachableError';
  }
}

export const PGLITE_EXTENSIONS = { pg_trgm };

export interface OpenOptions {
  databaseUrl?: string | undefined;
  dataDir?: string;
  /** An already-open PGlite (tests load one from a migrated template). */
  pglite?: PGlite;
  poolSize?: number;
  /** Named prepared statements, on a server and on PGlite (default on; see prepared.ts). */
  prepare?: boolean;
  onPoolError?: (err: Error) => void;
}

function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparsable DATABASE_URL)';
  }
}

function handleFor(
  pool: pg.Pool,
  kind: DatabaseKind,
  onClose: () => Promise<void>,
  prepare = false,
): DatabaseHandle {
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({
      pool: prepare ? preparingPool(pool, { oneSession: kind === 'pglite' }) : pool,
    }),
  });
  return {
    db,
    kind,
    async ping(timeoutMs = 2000) {
      let timer: NodeJS.Timeout | undefined;
      try {
        const timeout = new Promise<false>((resolve) => {
          timer = setTimeout(() => resolve(false), timeoutMs);
        });
        const query = pool.query('select 1').then(
          () => true,
          () => false,
        );
        return await Promise.race([query, timeout]);
      } finally {
        clearTimeout(timer);
      }
    },
    async close() {
      await db.destroy();
      await onClose();
    },
  };
}

export async function openDatabase(opts: OpenOptions): Promise<DatabaseHandle> {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: opts.databaseUrl,
      max: opts.poolSize ?? 10,
      connectionTimeoutMillis: 5000,
    });
    // An idle client losing its server must not crash the process; the pool replaces it.
    pool.on('error', (err) => opts.onPoolError?.(err));
    try {
      await pool.query('select 1');
    } catch (err) {
      await pool.end().catch(() => {});
      throw new DatabaseUnreachableError(redactUrl(opts.databaseUrl), err);
    }
    return handleFor(pool, 'postgres', async () => {}, opts.prepare ?? true);
  }

  let lock: { release(): void } | undefined;
  let pglite = opts.pglite;
  const owned = !pglite;
  if (!pglite) {
    const dataDir = opts.dataDir ?? path.resolve('data');
    lock = acquireDataDirLock(dataDir);
    try {
      pglite = await PGlite.create(path.join(dataDir, 'pglite'), { extensions: PGLITE_EXTENSIONS });
    } catch (err) {
      lock.release();
      throw err;
    }
  }
  const instance = pglite;
  // PGlite is one session: a second pool client would interleave with an open transaction.
  const pool = new pg.Pool({
    ...createPgConfig(instance),
    max: 1,
    connectionTimeoutMillis: 30_000,
  });
  pool.on('error', (err) => opts.onPoolError?.(err));
  return handleFor(
    pool,
    'pglite',
    async () => {
      if (owned) await instance.close();
      lock?.release();
    },
    opts.prepare ?? true,
  );
}
