import net from 'node:net';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../src/db/connect.ts';
import { freePort } from '../helpers/processes.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db.ts';

/**
 * A transaction's `begin` travels with its first statement (src/db/prepared.ts). One pooled
 * connection, reached through a relay that counts the client's flights, so every transaction
 * below reuses it and the count shows what went over the wire.
 */
let testDb: TestDatabase;
let handle: DatabaseHandle;
let observer: pg.Client;
let relay: net.Server;
let flights = 0;

beforeAll(async () => {
  testDb = await createTestDatabase({ poolSize: 1 });
  const target = new URL(testDb.url!);
  relay = net.createServer((client) => {
    const upstream = net.connect(Number(target.port || 5432), target.hostname);
    client.on('data', (chunk) => {
      flights++;
      upstream.write(chunk);
    });
    upstream.pipe(client);
    const drop = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('error', drop).on('close', drop);
    upstream.on('error', drop).on('close', drop);
  });
  const port = await freePort();
  await new Promise<void>((r) => relay.listen(port, '127.0.0.1', r));
  const via = new URL(target);
  via.hostname = '127.0.0.1';
  via.port = String(port);
  handle = await openDatabase({ databaseUrl: via.toString(), poolSize: 1 });
  await sql`create table begin_probe (id int primary key, note text not null)`.execute(handle.db);
  observer = new pg.Client({ connectionString: testDb.url });
  await observer.connect();
});

afterAll(async () => {
  await observer?.end();
  await handle?.close();
  await new Promise<void>((r) => (relay ? relay.close(() => r()) : r()));
  await testDb?.close();
});

const insert = (db: DatabaseHandle['db'], id: number, note: string) =>
  sql`insert into begin_probe (id, note) values (${id}, ${note})`.execute(db);
const seen = async (id: number) =>
  (await observer.query('select note from begin_probe where id = $1', [id])).rows[0]?.note as
    string | undefined;

describe('a transaction on PostgreSQL', () => {
  it('sends its begin with its first statement once the connection has it prepared', async () => {
    await handle.db.transaction().execute((trx) => insert(trx, 1, 'first'));
    const before = flights;
    await handle.db.transaction().execute((trx) => insert(trx, 2, 'second'));
    // The statement with its begin, then the commit: two flights, where begin alone was a third.
    expect(flights - before).toBe(2);
    expect(await seen(2)).toBe('second');
  });

  it('keeps its writes from others until it commits', async () => {
    let during: string | undefined = 'not read';
    await handle.db.transaction().execute(async (trx) => {
      await insert(trx, 3, 'pending');
      during = await seen(3);
    });
    expect(during).toBeUndefined();
    expect(await seen(3)).toBe('pending');
  });

  it('keeps nothing when its first statement fails, and the connection goes on working', async () => {
    await expect(
      handle.db.transaction().execute(async (trx) => {
        await insert(trx, 1, 'duplicate key');
      }),
    ).rejects.toThrow(/duplicate key/);
    await handle.db.transaction().execute((trx) => insert(trx, 4, 'after a failure'));
    expect(await seen(4)).toBe('after a failure');
  });

  it('keeps nothing when it fails after its first statement', async () => {
    await expect(
      handle.db.transaction().execute(async (trx) => {
        await insert(trx, 5, 'rolled back');
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect(await seen(5)).toBeUndefined();
  });

  it('sends nothing for a transaction that sends nothing', async () => {
    const before = flights;
    await handle.db.transaction().execute(async () => {});
    await expect(
      handle.db.transaction().execute(async () => {
        throw new Error('nothing to do');
      }),
    ).rejects.toThrow('nothing to do');
    expect(flights - before).toBe(0);
    await handle.db.transaction().execute((trx) => insert(trx, 6, 'still works'));
    expect(await seen(6)).toBe('still works');
  });

  it('runs nothing of a transaction whose begin failed, and replaces the connection', async () => {
    // The server forgets the prepared begin behind the client's back (as `DISCARD ALL` would).
    await handle.db.transaction().execute(async (trx) => {
      await sql`deallocate onetrip_begin`.execute(trx);
    });
    const pid = async () =>
      (await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(handle.db)).rows[0]!.pid;
    const before = await pid();
    await expect(
      handle.db.transaction().execute(async (trx) => {
        await insert(trx, 9, 'never begun').catch(() => {});
        await insert(trx, 10, 'after the failure was swallowed');
      }),
    ).rejects.toThrow(/did not start/);
    expect(await seen(9)).toBeUndefined();
    expect(await seen(10)).toBeUndefined();
    expect(await pid()).not.toBe(before);
    await handle.db.transaction().execute((trx) => insert(trx, 11, 'on a new connection'));
    expect(await seen(11)).toBe('on a new connection');
  });

  it('starts with a plain begin when its first statement has no parameters', async () => {
    await handle.db
      .transaction()
      .execute(async (trx) => {
        await sql`insert into begin_probe (id, note) values (7, 'no parameters')`.execute(trx);
        await sql`insert into begin_probe (id, note) values (8, 'one too many')`.execute(trx);
        throw new Error('undo both');
      })
      .catch(() => {});
    expect(await seen(7)).toBeUndefined();
    expect(await seen(8)).toBeUndefined();
  });
});
