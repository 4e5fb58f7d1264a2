import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foldRollup } from '../../src/modules/cases/kpis.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db.ts';

// Two transitions of cases with the same day, item, street and channel add to the same roll-up
// figures. Before 2026112916 the second waited for the first's commit on the one roll-up row.

let testDb: TestDatabase;
const clients: pg.Client[] = [];
beforeAll(async () => {
  testDb = await createTestDatabase();
  for (let i = 0; i < 2; i++) {
    const c = new pg.Client({ connectionString: testDb.url! });
    await c.connect();
    clients.push(c);
  }
});
afterAll(async () => {
  for (const c of clients) await c.end();
  await testDb?.close();
});

const KEY = `'2026-11-29'::date, '330106', '330106001', 'bundle:utilities-transfer', 'web', ''`;
/** Adds one submission to the roll-up, the way the trigger of a submit does. */
const submitOne = `select case_rollup_apply(array[row(${KEY}, 1,0,0,0,0,0,0,0,0,0,0,0,0, 0)::case_rollup])`;
const submitted = async (c: pg.Client) =>
  Number(
    (
      await c.query(
        `select coalesce(sum(submitted), 0)::int as n from case_rollup
         where day = '2026-11-29' and subject = 'bundle:utilities-transfer' and channel = 'web'
           and street_code = '330106001'`,
      )
    ).rows[0].n,
  );

describe('the roll-up under concurrent transitions (PostgreSQL)', () => {
  it('lets a second transaction add to the same figures while the first is still open', async () => {
    const [first, second] = clients as [pg.Client, pg.Client];
    const before = await submitted(second);

    await first.query('begin');
    await first.query(submitOne);
    // Shards come from transaction ids; two transactions a few ids apart never share one.
    const firstXid = Number((await first.query('select txid_current() as x')).rows[0].x);

    await second.query('begin');
    await second.query(`set local lock_timeout = '3s'`);
    const secondXid = Number((await second.query('select txid_current() as x')).rows[0].x);
    expect((secondXid - firstXid) % 63).not.toBe(0);
    await second.query(submitOne); // would fail with a lock timeout if it had to wait
    await second.query('commit');
    expect(await submitted(second)).toBe(before + 1);

    // Folding skips the shard the open transaction holds, without waiting for it.
    const moved = await foldRollup(testDb.handle.db);
    expect(moved).toBeGreaterThanOrEqual(1);
    await first.query('commit');
    expect(await submitted(second)).toBe(before + 2);

    await foldRollup(testDb.handle.db);
    const rows = await second.query(
      `select shard, submitted from case_rollup
       where day = '2026-11-29' and subject = 'bundle:utilities-transfer' and channel = 'web'
         and street_code = '330106001'`,
    );
    expect(rows.rows).toEqual([{ shard: 0, submitted: before + 2 }]);
  });
});
