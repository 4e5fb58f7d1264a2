import net from 'node:net';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../src/db/connect.ts';
import { thenCommit } from '../../src/db/prepared.ts';
import { freePort } from '../helpers/processes.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db.ts';

/**
 * A transaction's `begin` travels with its first statement, and its `commit` with a statement
 * marked `thenCommit` (src/db/prepared.ts). One pooled
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
  // A foreign key checked at commit: a statement that passes and a commit that fails.
  await sql`create table commit_probe (id int primary key references begin_probe
    deferrable initially deferred)`.execute(handle.db);
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
const insertThenCommit = (db: DatabaseHandle['db'], id: number, note: string) =>
  sql`insert into begin_probe (id, note) values (${id}, ${note}) ${thenCommit}`.execute(db);
/** The server process behind the one pooled connection: a new one means a new connection. */
const pid = async () =>
  (await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(handle.db)).rows[0]!.pid;
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

  it('sends nothing of a statement whose parameter cannot be sent, and runs its text next', async () => {
    await insert(handle.db, 70, 'text parsed on this connection');
    const unsendable = { amount: 1n } as unknown as string;
    const before = flights;
    await expect(insert(handle.db, 71, unsendable)).rejects.toThrow(/BigInt/);
    await expect(
      handle.db.transaction().execute((trx) => insert(trx, 71, unsendable)),
    ).rejects.toThrow(/BigInt/);
    expect(flights - before).toBe(0);
    const server = await pid();
    await insert(handle.db, 72, 'same text, same connection');
    expect(await seen(72)).toBe('same text, same connection');
    expect(await pid()).toBe(server);
  });

  it('runs nothing of a transaction whose plain begin failed, and replaces the connection', async () => {
    const server = await pid();
    await sql`deallocate onetrip_begin`.execute(handle.db);
    // No parameters: the begin goes on its own, and the server no longer knows it.
    await expect(
      handle.db.transaction().execute(async (trx) => {
        await sql`insert into begin_probe (id, note) values (38, 'never begun')`.execute(trx);
      }),
    ).rejects.toThrow(/onetrip_begin/);
    expect(await seen(38)).toBeUndefined();
    expect(await pid()).not.toBe(server);
    await handle.db.transaction().execute((trx) => insert(trx, 39, 'on a new connection'));
    expect(await seen(39)).toBe('on a new connection');
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

describe('a transaction whose last statement is marked to commit', () => {
  it('takes its commit with that statement once the connection has it prepared', async () => {
    // A plain commit first, so the connection has the commit prepared whatever ran before.
    await handle.db.transaction().execute((trx) => insert(trx, 20, 'plain'));
    let before = flights;
    await handle.db.transaction().execute(async (trx) => {
      await insert(trx, 21, 'first');
      await insertThenCommit(trx, 22, 'last');
    });
    // The first statement with its begin, the last with its commit: two flights, where the
    // commit alone was a third.
    expect(flights - before).toBe(2);
    before = flights;
    await handle.db.transaction().execute((trx) => insertThenCommit(trx, 23, 'alone'));
    expect(flights - before).toBe(1);
    expect([await seen(21), await seen(22), await seen(23)]).toEqual(['first', 'last', 'alone']);
  });

  it('keeps nothing when that statement fails, and the connection goes on working', async () => {
    await expect(
      handle.db.transaction().execute(async (trx) => {
        await insert(trx, 24, 'before the failure');
        await insertThenCommit(trx, 21, 'duplicate key');
      }),
    ).rejects.toThrow(/duplicate key/);
    expect(await seen(24)).toBeUndefined();
    await handle.db.transaction().execute((trx) => insertThenCommit(trx, 25, 'after'));
    expect(await seen(25)).toBe('after');
  });

  it('keeps nothing when the commit that travelled with it fails', async () => {
    await expect(
      handle.db.transaction().execute(async (trx) => {
        await insert(trx, 26, 'before the commit');
        await sql`insert into commit_probe (id) values (${999}) ${thenCommit}`.execute(trx);
      }),
    ).rejects.toThrow(/foreign key/);
    expect(await seen(26)).toBeUndefined();
    const probes = await observer.query('select count(*)::int as n from commit_probe');
    expect(probes.rows[0].n).toBe(0);
    await handle.db.transaction().execute((trx) => insertThenCommit(trx, 27, 'after'));
    expect(await seen(27)).toBe('after');
  });

  it('keeps nothing when its parameter cannot be sent, and runs its text next', async () => {
    const unsendable = { amount: 1n } as unknown as string;
    const before = flights;
    await expect(
      handle.db.transaction().execute(async (trx) => {
        await insert(trx, 34, 'rolled back');
        await insertThenCommit(trx, 35, unsendable);
      }),
    ).rejects.toThrow(/BigInt/);
    // The first statement with its begin, then the rollback: nothing of the marked statement.
    expect(flights - before).toBe(2);
    expect(await seen(34)).toBeUndefined();
    await handle.db.transaction().execute(async (trx) => {
      await insert(trx, 36, 'first');
      await insertThenCommit(trx, 37, 'marked text, next call');
    });
    expect(await seen(37)).toBe('marked text, next call');
  });

  it('refuses anything sent after it, and says that its writes stay', async () => {
    const outcome = handle.db.transaction().execute(async (trx) => {
      await insertThenCommit(trx, 28, 'committed');
      await insert(trx, 29, 'too late');
    });
    await expect(outcome).rejects.toThrow(/committed with its last statement/);
    expect(await seen(28)).toBe('committed');
    expect(await seen(29)).toBeUndefined();
    await handle.db.transaction().execute((trx) => insertThenCommit(trx, 30, 'still works'));
    expect(await seen(30)).toBe('still works');
  });

  it('keeps nothing and replaces the connection when the server forgot the prepared commit', async () => {
    const before = await pid();
    // Outside a transaction, on the one pooled connection (as `DISCARD ALL` would do).
    await sql`deallocate onetrip_commit`.execute(handle.db);
    await expect(
      handle.db.transaction().execute(async (trx) => {
        await insert(trx, 31, 'before the lost commit');
        await insertThenCommit(trx, 32, 'with the lost commit');
      }),
    ).rejects.toThrow(/onetrip_commit/);
    expect(await seen(31)).toBeUndefined();
    expect(await seen(32)).toBeUndefined();
    expect(await pid()).not.toBe(before);
    await handle.db
      .transaction()
      .execute((trx) => insertThenCommit(trx, 33, 'on a new connection'));
    expect(await seen(33)).toBe('on a new connection');
  });
});
