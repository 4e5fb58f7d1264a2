import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptedLongAgo, sweepOutcome } from '../../../test/helpers/overdue-cases.ts';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import { logOnlyNotifier, startCaseScheduler } from './scheduler.ts';

const now = { value: new Date() };
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ clock: { now: () => now.value } });
});
afterAll(() => t?.close());

describe('the scheduler', () => {
  it('run by two servers at once turns each overdue step red once and notifies once', async () => {
    const ids = await acceptedLongAgo(t, now, 6);
    const before = await sweepOutcome(t.database.handle.db, ids);
    expect(before.open.length).toBeGreaterThanOrEqual(6);
    expect(before.open.every((x) => x.sla !== 'red')).toBe(true);

    const sent: string[] = [];
    const notifier = logOnlyNotifier((m) => sent.push(m));
    const deps = { db: t.database.handle.db, calendar: t.app.services.calendar };
    const options = { intervalMs: 3_600_000, log: () => {} };
    const a = startCaseScheduler(deps, notifier, options);
    const b = startCaseScheduler(deps, notifier, options);
    await Promise.all([a.tick(), b.tick(), a.tick(), b.tick()]);
    await Promise.all([a.stop(), b.stop()]);

    const after = await sweepOutcome(t.database.handle.db, ids);
    expect(after.open.map((x) => x.sla)).toEqual(after.open.map(() => 'red'));
    for (const step of after.open) expect(after.warningsPerTask.get(step.id)).toBe(1);
    expect(after.pending).toBe(0);
    expect(after.acceptNoticesPerCase).toEqual(ids.map(() => 1));
    expect(sent.every((m) => m.includes('not sent (no provider configured'))).toBe(true);
  });
});
