import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptedLongAgo, sweepOutcome } from '../helpers/overdue-cases.ts';
import { runCli } from '../helpers/processes.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

const now = { value: new Date() };
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ clock: { now: () => now.value } });
});
afterAll(() => t?.close());

describe('`onetrip sweep` in two processes at once', () => {
  it('turns each overdue step red once, with one warning and one notice each', async () => {
    const ids = await acceptedLongAgo(t, now, 30);
    const env = { DATABASE_URL: t.database.url!, LOG_LEVEL: 'warn' };
    const runs = [runCli(['sweep'], env), runCli(['sweep'], env)];
    const codes = await Promise.all(runs.map((r) => r.exited));
    expect(codes, runs.map((r) => r.output()).join('\n')).toEqual([0, 0]);

    const after = await sweepOutcome(t.database.handle.db, ids);
    expect(after.open.length).toBeGreaterThanOrEqual(30);
    expect(after.open.every((x) => x.sla === 'red')).toBe(true);
    for (const step of after.open) expect(after.warningsPerTask.get(step.id)).toBe(1);
    expect(after.pending).toBe(0);
    expect(after.acceptNoticesPerCase).toEqual(ids.map(() => 1));
    for (const r of runs) expect(r.output()).toMatch(/sweep: \d+ steps/);
  });
});
