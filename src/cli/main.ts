import { WorkingCalendar } from '../modules/calendar/index.ts';
import { foldRollup, logOnlyNotifier, processOutbox, sweepSla } from '../modules/cases/index.ts';
import {
  certificateIssuer,
  MasterKeyError,
  resolveMasterKey,
  SigningKeys,
  verifyCommand,
} from '../modules/certificates/index.ts';
import { SYSTEM_ACTOR } from '../shared/actor.ts';
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { loadConfig } from '../config.ts';
import { DatabaseUnreachableError, openDatabase } from '../db/connect.ts';
import { DataDirLockedError } from '../db/data-dir-lock.ts';
import { migrateToLatest } from '../db/migrations.ts';
import { seedAll } from '../seed.ts';
import { startServer } from '../server/start.ts';
import { buildWeb, ensureWebBuild } from '../server/web-build.ts';

const log = (msg: string) => process.stdout.write(`[onetrip] ${msg}\n`);

const USAGE = `usage: onetrip <command>

  start     build the web app if needed, migrate, seed an empty database, serve on $PORT (3000)
  migrate   apply pending migrations
  seed      load the Xihu demo data (adds what is missing)
  reset     wipe the database, migrate and seed again
  build-web build the web app (--if-stale: only when older than its sources)
  sweep     one pass of the deadline lights, the outbox and the roll-up fold, then exit (for cron; the server
            also runs it every ONETRIP_SCHEDULER_MS)
  verify <file-or-qr-text> [--server URL]
            check an e-certificate (a PDF, a text file, or what its QR code says): prints
            valid, revoked, expired or forged; exit 0 valid, 3 forged, 4 revoked, 5 expired

Environment: DATABASE_URL (a PostgreSQL server; default: embedded PGlite),
ONETRIP_DATA_DIR (default ./data), PORT, HOST, LOG_LEVEL, ONETRIP_SCHEDULER_MS (60000),
ONETRIP_SLA_YELLOW_DAYS (1), ONETRIP_CERT_MASTER_KEY (the key that wraps the certificate
signing keys; default: a generated one in the data folder).`;

/** The database the environment names (DATABASE_URL, else the embedded one). */
function openConfigured() {
  const config = loadConfig();
  return openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    prepare: config.databasePrepare,
  });
}

async function withDatabase<T>(
  fn: (db: Awaited<ReturnType<typeof openDatabase>>) => Promise<T>,
): Promise<T> {
  const handle = await openConfigured();
  try {
    return await fn(handle);
  } finally {
    await handle.close();
  }
}

async function main(argv: string[]): Promise<number> {
  const [command] = argv;
  switch (command) {
    case 'start': {
      const running = await startServer(loadConfig(), log);
      const shutdown = (signal: string) => {
        log(`${signal}: finishing open requests, then stopping`);
        running.stop().then(
          () => process.exit(0),
          (err) => {
            console.error(err);
            process.exit(1);
          },
        );
      };
      process.once('SIGINT', () => shutdown('SIGINT'));
      process.once('SIGTERM', () => shutdown('SIGTERM'));
      return -1;
    }
    case 'migrate':
      await withDatabase((h) => migrateToLatest(h.db, (s) => log(`migration ${s}`)));
      log('migrations up to date');
      return 0;
    case 'seed':
      await withDatabase(async (h) => {
        await migrateToLatest(h.db);
        await seedAll(h.db, (m) => log(`seed: ${m}`));
      });
      log('demo data loaded');
      return 0;
    case 'reset': {
      const config = loadConfig();
      if (config.databaseUrl) {
        await withDatabase(async (h) => {
          log('dropping every table in the public schema');
          await sql`drop schema public cascade; create schema public`.execute(h.db);
        });
      } else {
        const dir = path.join(config.dataDir, 'pglite');
        // Taking the database (and its lock) first refuses a reset under a running server.
        await withDatabase(async () => {});
        log(`removing ${dir}`);
        fs.rmSync(dir, { recursive: true, force: true });
      }
      await withDatabase(async (h) => {
        await migrateToLatest(h.db, (s) => log(`migration ${s}`));
        await seedAll(h.db, (m) => log(`seed: ${m}`));
      });
      log('reset done');
      return 0;
    }
    case 'sweep': {
      const config = loadConfig();
      await withDatabase(async (h) => {
        const keys = new SigningKeys(
          h.db,
          await resolveMasterKey(h.db, { env: process.env, dataDir: config.dataDir, log }),
        );
        await keys.check();
        const deps = {
          db: h.db,
          calendar: new WorkingCalendar(h.db),
          yellowWithin: config.yellowWithinDays,
          outboxHandlers: [certificateIssuer(keys, SYSTEM_ACTOR)],
        };
        const swept = await sweepSla(deps);
        let sent = 0;
        for (let n; (n = await processOutbox(deps, logOnlyNotifier(log))) > 0;) sent += n;
        const folded = await foldRollup(h.db);
        log(
          `sweep: ${swept.tasks} steps and ${swept.cases} cases changed light, ${swept.warnings} warnings; ${sent} outbox events processed; ${folded} roll-up rows folded`,
        );
      });
      return 0;
    }
    case 'verify':
      return verifyCommand(argv.slice(1), openConfigured, (line) =>
        process.stdout.write(`${line}\n`),
      );
    case 'build-web':
      if (argv.includes('--if-stale')) await ensureWebBuild(log);
      else await buildWeb(log);
      return 0;
    default:
      console.log(USAGE);
      return command ? 2 : 0;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (err: unknown) => {
    if (
      err instanceof DataDirLockedError ||
      err instanceof DatabaseUnreachableError ||
      err instanceof MasterKeyError
    ) {
      console.error(`[onetrip] ${err.message}`);
    } else {
      console.error('[onetrip] failed:', err);
    }
    process.exit(1);
  },
);
