import { PGlite } from '@electric-sql/pglite';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../src/db/connect.ts';
import { thenCommit } from '../../src/db/prepared.ts';

/**
 * The embedded database goes through the same preparing pool as a server (src/db/prepared.ts):
 * statements parsed once, a transaction's begin and commit in its statements' flights.
 */
let pglite: PGlite;
let handle: DatabaseHandle;

beforeAll(async () => {
  pglite = await PGlite.create();
  handle = await openDatabase({ pglite });
  await sql`create table probe (id int primary key, note text not null)`.execute(handle.db);
});

afterAll(async () => {
  await handle?.db.destroy();
  await pglite?.close();
});

const insert = (db: DatabaseHandle['db'], id: number, note: string) =>
  sql`insert into probe (id, note) values (${id}, ${note})`.execute(db);
const notes = async () =>
  (await pglite.query<{ id: number; note: string }>('select id, note from probe order by id')).rows;

describe('the embedded database', () => {
  it('parses a statement with parameters once and keeps it for the next calls', async () => {
    for (const id of [1, 2, 3]) await insert(handle.db, id, 'again');
    const { rows } = await pglite.query<{ n: number }>(
      `select count(*)::int as n from pg_prepared_statements where statement like 'insert into probe%'`,
    );
    expect(rows[0]!.n).toBe(1);
  });

  it('commits with a marked last statement, and refuses what is sent after it', async () => {
    await handle.db.transaction().execute((trx) => insert(trx, 10, 'plain commit first'));
    await handle.db.transaction().execute(async (trx) => {
      await insert(trx, 11, 'first');
      await sql`insert into probe (id, note) values (${12}, ${'last'}) ${thenCommit}`.execute(trx);
    });
    await expect(
      handle.db.transaction().execute(async (trx) => {
        await sql`insert into probe (id, note) values (${13}, ${'kept'}) ${thenCommit}`.execute(
          trx,
        );
        await insert(trx, 14, 'too late');
      }),
    ).rejects.toThrow(/committed with its last statement/);
    await handle.db.transaction().execute((trx) => insert(trx, 15, 'still works'));
    expect((await notes()).filter((r) => r.id >= 10)).toEqual([
      { id: 10, note: 'plain commit first' },
      { id: 11, note: 'first' },
      { id: 12, note: 'last' },
      { id: 13, note: 'kept' },
      { id: 15, note: 'still works' },
    ]);
  });

  it('keeps nothing of a transaction whose marked statement fails', async () => {
    await expect(
      handle.db.transaction().execute(async (trx) => {
        await insert(trx, 20, 'rolled back');
        await sql`insert into probe (id, note) values (${1}, ${'duplicate'}) ${thenCommit}`.execute(
          trx,
        );
      }),
    ).rejects.toThrow(/duplicate key/);
    expect((await notes()).some((r) => r.id === 20)).toBe(false);
    await handle.db.transaction().execute((trx) => insert(trx, 21, 'after the failure'));
    expect((await notes()).some((r) => r.id === 21)).toBe(true);
  });

  it('fails a statement whose parameter cannot be sent, and runs the same text next', async () => {
    const unsendable = { amount: 1n } as unknown as string;
    await expect(insert(handle.db, 30, unsendable)).rejects.toThrow(/BigInt/);
    await expect(
      handle.db.transaction().execute(async (trx) => {
        await insert(trx, 31, 'rolled back');
        await insert(trx, 32, unsendable);
      }),
    ).rejects.toThrow(/BigInt/);
    await insert(handle.db, 33, 'same text, next call');
    await handle.db.transaction().execute((trx) => insert(trx, 34, 'in a transaction'));
    expect((await notes()).filter((r) => r.id >= 30)).toEqual([
      { id: 33, note: 'same text, next call' },
      { id: 34, note: 'in a transaction' },
    ]);
  });

  it('fails a transaction whose prepared begin the session lost, and goes on', async () => {
    await handle.db.transaction().execute((trx) => insert(trx, 40, 'begin prepared'));
    await pglite.exec('deallocate onetrip_begin');
    // The second waits for the session while the first fails, and gets it once put right.
    const [failed, next] = await Promise.allSettled([
      handle.db.transaction().execute((trx) => insert(trx, 41, 'never started')),
      handle.db.transaction().execute((trx) => insert(trx, 42, 'next transaction')),
    ]);
    expect(failed).toMatchObject({
      status: 'rejected',
      reason: { message: expect.stringMatching(/onetrip_begin" does not exist/) },
    });
    expect(next.status).toBe('fulfilled');
    await insert(handle.db, 43, 'outside a transaction');
    expect((await notes()).filter((r) => r.id >= 40 && r.id < 50)).toEqual([
      { id: 40, note: 'begin prepared' },
      { id: 42, note: 'next transaction' },
      { id: 43, note: 'outside a transaction' },
    ]);
  });

  it('fails a transaction whose prepared commit the session lost, and goes on', async () => {
    await handle.db.transaction().execute((trx) => insert(trx, 50, 'commit prepared'));
    await pglite.exec('deallocate onetrip_commit');
    await expect(
      handle.db.transaction().execute(async (trx) => {
        await insert(trx, 51, 'first');
        await sql`insert into probe (id, note) values (${52}, ${'last'}) ${thenCommit}`.execute(
          trx,
        );
      }),
    ).rejects.toThrow(/does not exist/);
    await handle.db.transaction().execute(async (trx) => {
      await insert(trx, 53, 'first again');
      await sql`insert into probe (id, note) values (${54}, ${'last again'}) ${thenCommit}`.execute(
        trx,
      );
    });
    expect((await notes()).filter((r) => r.id >= 50 && r.id < 60)).toEqual([
      { id: 50, note: 'commit prepared' },
      { id: 53, note: 'first again' },
      { id: 54, note: 'last again' },
    ]);
  });
});
