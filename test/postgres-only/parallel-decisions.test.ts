import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseDriver, type Json } from '../helpers/cases.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

// An action reads its case and every step of the case under one lock statement. Three reviews
// decided while the case is held elsewhere all queue on that lock with snapshots taken before
// the others commit; each must still see the steps as the previous decisions left them, or the
// last one would not open the delivery.

let t: TestApp;
let d: ReturnType<typeof caseDriver>;
let blocker: pg.Client;
beforeAll(async () => {
  t = await createTestApp();
  d = caseDriver(t);
  blocker = new pg.Client({ connectionString: t.database.url! });
  await blocker.connect();
});
afterAll(async () => {
  await blocker?.end();
  await t?.close();
});

async function waitingOnLocks(): Promise<number> {
  // The blocker is inside its transaction, where pg_stat_activity is read once and then kept.
  await blocker.query('select pg_stat_clear_snapshot()');
  const r = await blocker.query<{ n: number }>(
    `select count(*)::int as n from pg_stat_activity
      where wait_event_type = 'Lock' and datname = current_database() and pid <> pg_backend_pid()`,
  );
  return r.rows[0]!.n;
}

describe('parallel reviews queued on the case lock (PostgreSQL)', () => {
  it('takes all three decisions and opens the delivery after the last', async () => {
    let c = await d.newCase('zhangsan', 'utilities-transfer');
    c = await d.actOn('clerk', c, 'intake', 'accept');
    const reviews = d.openSteps(c);
    expect(reviews.length).toBe(3);

    await blocker.query('begin');
    await blocker.query('select id from cases where id = $1 for update', [c.id]);
    const answers = Promise.all(
      reviews.map((step) => {
        const tk = d.task(c, step);
        const user = `reviewer-${String(tk.ownerUnit.code).replace('dept:', '')}`;
        return d.call(user, 'POST', `/cases/${c.id}/actions`, {
          taskId: tk.id,
          version: tk.version,
          action: 'approve',
        });
      }),
    );
    // All three are inside their transactions, waiting for the case.
    const deadline = Date.now() + 10_000;
    while ((await waitingOnLocks()) < 3 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(await waitingOnLocks()).toBe(3);
    await blocker.query('commit');

    expect((await answers).map((a) => a.statusCode)).toEqual([200, 200, 200]);
    const after: Json = await d.ok('zhangsan', 'GET', `/cases/${c.id}`);
    expect(after.state).toBe('delivering');
    expect(d.openSteps(after)).toEqual(['delivery']);
    expect(reviews.map((step) => d.task(after, step).decision)).toEqual([
      'approved',
      'approved',
      'approved',
    ]);
  });
});
