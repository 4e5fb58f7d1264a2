import type { FastifyInstance } from 'fastify';
import type { Config } from '../config.ts';
import { openDatabase, type DatabaseHandle } from '../db/connect.ts';
import { migrateToLatest } from '../db/migrations.ts';
import { isSeeded, seedAll, seedDemoCases } from '../seed.ts';
import { logOnlyNotifier, startCaseScheduler } from '../modules/cases/index.ts';
import {
  resolveMasterKey,
  seedDemoCertificates,
  SigningKeys,
} from '../modules/certificates/index.ts';
import { buildApp } from './app.ts';
import { ensureWebBuild, WEB_DIST } from './web-build.ts';

export interface Running {
  app: FastifyInstance;
  database: DatabaseHandle;
  stop(): Promise<void>;
}

/**
 * `onetrip start`: web build (when stale), database, migrations, demo data on an empty
 * database, then listen. The web build runs while the database starts: both take seconds.
 */
export async function startServer(config: Config, log: (msg: string) => void): Promise<Running> {
  const t0 = Date.now();
  const web = ensureWebBuild(log);
  // A rejected build must not become an unhandled rejection while the database opens.
  web.catch(() => {});
  let database: DatabaseHandle;
  try {
    database = await openDatabase({
      databaseUrl: config.databaseUrl,
      dataDir: config.dataDir,
      prepare: config.databasePrepare,
      onPoolError: (err) =>
        log(`database connection lost: ${err.message} (reconnecting on the next request)`),
    });
  } catch (err) {
    await web.catch(() => {});
    throw err;
  }
  try {
    log(
      config.databaseUrl
        ? 'database: PostgreSQL server'
        : `database: embedded PGlite in ${config.dataDir}`,
    );
    await migrateToLatest(database.db, (step) => log(`migration ${step}`));
    const emptyDatabase = !(await isSeeded(database.db));
    if (emptyDatabase) {
      log('empty database: loading the Xihu demo data');
      await seedAll(database.db, (msg) => log(`seed: ${msg}`), { cases: false });
    }
    // E-certificates: signing keys that the master key cannot open stop the start here, before
    // anything is served or issued.
    const certificateKeys = new SigningKeys(
      database.db,
      await resolveMasterKey(database.db, { env: process.env, dataDir: config.dataDir, log }),
    );
    await certificateKeys.check();
    if (emptyDatabase)
      await seedDemoCertificates(database.db, certificateKeys, (msg) => log(`seed: ${msg}`));
    await web;
    const app = await buildApp({ database, config, webDistDir: WEB_DIST, certificateKeys });
    await app.listen({ port: config.port, host: config.host });
    const scheduler =
      config.schedulerMs > 0
        ? startCaseScheduler(
            {
              db: database.db,
              calendar: app.services.calendar,
              yellowWithin: config.yellowWithinDays,
              outboxHandlers: app.services.outboxHandlers,
            },
            logOnlyNotifier((m) => app.log.info(m)),
            {
              intervalMs: config.schedulerMs,
              log: (m, err) => (err ? app.log.error({ err }, m) : app.log.info(m)),
            },
          )
        : null;
    log(
      `OneTrip is ready on http://localhost:${config.port} (${((Date.now() - t0) / 1000).toFixed(1)} s)`,
    );
    // The demo cases are worked through the engine (~15 s): the platform serves meanwhile, and
    // the workbenches fill up as they are made. A stop waits for the case being made, no more.
    const seeding = new AbortController();
    const demoCases = emptyDatabase
      ? seedDemoCases(database.db, (msg) => log(`seed: ${msg}`), seeding.signal).catch(
          (err: unknown) => {
            if (!seeding.signal.aborted) log(`seed: the demo cases failed: ${String(err)}`);
          },
        )
      : null;
    if (demoCases) log('seed: the demo cases are being added in the background');
    let stopping: Promise<void> | undefined;
    return {
      app,
      database,
      stop: () =>
        (stopping ??= (async () => {
          seeding.abort();
          await demoCases;
          await scheduler?.stop();
          await app.close();
          await database.close();
        })()),
    };
  } catch (err) {
    await database.close().catch(() => {});
    throw err;
  }
}
