import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import {
  logOnlyNotifier,
  MAX_OUTBOX_ATTEMPTS,
  processOutbox,
  type OutboxHandler,
} from './index.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

describe('the outbox', () => {
  it('retries a failing handler on each pass, then leaves the event for an operator, saying so', async () => {
    const db = t.database.handle.db;
    const event = (topic: string) =>
      db
        .insertInto('outbox')
        .values({ topic, payload: JSON.stringify({}) as never })
        .returning('id')
        .executeTakeFirstOrThrow();
    const broken = await event('test.broken');
    const flaky = await event('test.flaky');
    let flakyCalls = 0;
    const handlers: OutboxHandler[] = [
      {
        name: 'broken',
        topics: ['test.broken'],
        handle: async () => {
          throw new Error('the other system is down');
        },
      },
      {
        name: 'flaky',
        topics: ['test.flaky'],
        handle: async () => {
          if (++flakyCalls === 1) throw new Error('one time-out');
        },
      },
    ];
    const deps = { db, calendar: t.app.services.calendar, outboxHandlers: handlers };
    const failures: { handler: string; id: number; lastAttempt: boolean }[] = [];
    for (let pass = 0; pass < MAX_OUTBOX_ATTEMPTS + 2; pass++) {
      await processOutbox(
        deps,
        logOnlyNotifier(() => {}),
        1000,
        (handler, e, _err, lastAttempt) => failures.push({ handler, id: e.id, lastAttempt }),
      );
    }
    const row = (id: number) =>
      db
        .selectFrom('outbox')
        .select(['attempts', 'processed_at'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow();

    // The flaky one went through on its second pass.
    expect(await row(flaky.id)).toMatchObject({ attempts: 2, processed_at: expect.any(Date) });
    expect(failures.filter((f) => f.handler === 'flaky')).toHaveLength(1);

    // The broken one was tried exactly MAX times, the last of them flagged as such, and is kept.
    const gaveUp = failures.filter((f) => String(f.id) === String(broken.id));
    expect(gaveUp).toHaveLength(MAX_OUTBOX_ATTEMPTS);
    expect(gaveUp.map((f) => f.lastAttempt)).toEqual([
      ...Array<boolean>(MAX_OUTBOX_ATTEMPTS - 1).fill(false),
      true,
    ]);
    expect(await row(broken.id)).toMatchObject({
      attempts: MAX_OUTBOX_ATTEMPTS,
      processed_at: null,
    });
  });
});
