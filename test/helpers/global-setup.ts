import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase, PGLITE_EXTENSIONS } from '../../src/db/connect.ts';
import { migrateToLatest } from '../../src/db/migrations.ts';
import { seedAll } from '../../src/seed.ts';
import { adminUrl, BACKEND, dropDatabase, urlFor } from './backend.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    templateDump: string;
    templateDatabase: string;
  }
}

/**
 * Migrates and seeds one template database per run; each test file then starts from a copy
 * (a PGlite dump loads in ~0.6 s; PostgreSQL copies a template database), so files never
 * see each other's writes and none pays for migrations and seeding.
 */
export default async function setup(project: TestProject) {
  if (BACKEND === 'pglite') {
    const pglite = await PGlite.create({ extensions: PGLITE_EXTENSIONS });
    const handle = await openDatabase({ pglite });
    await migrateToLatest(handle.db);
    await seedAll(handle.db, () => {});
    await handle.db.destroy();
    const dump = await pglite.dumpDataDir('none');
    await pglite.close();
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'onetrip-test-')), 'template.tar');
    fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
    project.provide('templateDump', file);
    project.provide('templateDatabase', '');
    return () => fs.rmSync(path.dirname(file), { recursive: true, force: true });
  }

  const name = `onetrip_tpl_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
  await admin.query(`drop database if exists ${name}`);
  await admin.query(`create database ${name}`);
  const handle = await openDatabase({ databaseUrl: urlFor(name), poolSize: 2 });
  await migrateToLatest(handle.db);
  await seedAll(handle.db, () => {});
  await handle.close();
  project.provide('templateDump', '');
  project.provide('templateDatabase', name);
  return async () => {
    // This run's databases, and those a crashed run left behind (its process is gone); another
    // run going on at the same time against the same server keeps its own.
    const { rows } = await admin.query<{ datname: string }>(
      `select datname from pg_database where datname like 'onetrip\\_tpl\\_%'`,
    );
    for (const r of rows) {
      const pid = Number(/^onetrip_tpl_(\d+)/.exec(r.datname)?.[1]);
      if (pid === process.pid || !alive(pid)) await dropDatabase(admin, r.datname);
    }
    await admin.end();
  };
}

function alive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
