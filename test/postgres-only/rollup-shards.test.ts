import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foldRollup, serviceKpis, summarizeRollup } from '../../src/modules/cases/kpis.ts';
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

  it('sums a closed day only while no transition writes, and keeps none waiting for it', async () => {
    const [writer, reader] = clients as [pg.Client, pg.Client];
    const db = testDb.handle.db;
    const submitOn = (day: string) => submitOne.replace(`'2026-11-29'::date`, `'${day}'::date`);
    const submittedOn = async (day: string) =>
      (await serviceKpis(db, { from: day, to: day })).totals.submitted;

    await reader.query(submitOn('2026-11-20'));
    await summarizeRollup(db);
    const before = await submittedOn('2026-11-20');
    expect(before).toBeGreaterThanOrEqual(1);
    await reader.query(submitOn('2026-11-21'));

    // An open transaction back-dates a submission to the summed day.
    await writer.query('begin');
    await writer.query(submitOn('2026-11-20'));
    const started = Date.now();
    expect(await summarizeRollup(db)).toBe(0); // gave up on 2026-11-21 instead of waiting
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(await submittedOn('2026-11-20')).toBe(before);

    await writer.query('commit');
    expect(await submittedOn('2026-11-20')).toBe(before + 1); // from the roll-up again
    expect(await summarizeRollup(db)).toBeGreaterThanOrEqual(2);
    expect(await submittedOn('2026-11-20')).toBe(before + 1);
    const { rows } = await reader.query(
      `select to_char(day, 'YYYY-MM-DD') as day from case_rollup_summary_day
       where day in ('2026-11-20', '2026-11-21') order by day`,
    );
    expect(rows.map((r: { day: string }) => r.day)).toEqual(['2026-11-20', '2026-11-21']);
  });
});
