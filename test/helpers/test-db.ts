import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase, PGLITE_EXTENSIONS, type DatabaseHandle } from '../../src/db/connect.ts';
import { adminUrl, BACKEND, dropDatabase, urlFor } from './backend.ts';

export interface TestDatabase {
  handle: DatabaseHandle;
  /** For PostgreSQL: the URL of this file's own database (a second process can use it). */
  url: string | undefined;
  close(): Promise<void>;
}

/** A private, migrated and seeded database for one test file. */
export async function createTestDatabase(opts: { poolSize?: number } = {}): Promise<TestDatabase> {
  if (BACKEND === 'pglite') {
    const dump = new Blob([fs.readFileSync(inject('templateDump'))]);
    const pglite = await PGlite.create({ loadDataDir: dump, extensions: PGLITE_EXTENSIONS });
    const handle = await openDatabase({ pglite });
    return {
      handle,
      url: undefined,
      async close() {
        await handle.db.destroy();
        await pglite.close();
      },
    };
  }
  // Named after this run's template, so that a run's teardown drops its own copies only.
  const name = `${inject('templateDatabase')}_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
  try {
    await admin.query(`create database ${name} template ${inject('templateDatabase')}`);
  } finally {
    await admin.end();
  }
  const url = urlFor(name);
  const handle = await openDatabase({ databaseUrl: url, poolSize: opts.poolSize ?? 5 });
  return {
    handle,
    url,
    async close() {
      await handle.close();
      const a = new pg.Client({ connectionString: adminUrl() });
      await a.connect();
      try {
        await dropDatabase(a, name);
      } finally {
        await a.end();
      }
    },
  };
}
