import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseDriver, type Json } from '../../../test/helpers/cases.ts';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import { logOnlyNotifier, processOutbox } from './index.ts';

let t: TestApp;
let d: ReturnType<typeof caseDriver>;
beforeAll(async () => {
  t = await createTestApp();
  d = caseDriver(t);
  // The demo cases' messages first: what the tests below look for is then the newest.
  await deliver();
});
afterAll(() => t?.close());

/** Every pending event turned into messages, as the scheduler does. */
async function deliver() {
  const deps = { db: t.database.handle.db, calendar: t.app.services.calendar };
  while (
    (await processOutbox(
      deps,
      logOnlyNotifier(() => {}),
    )) > 0
  );
}

describe('what an English page needs of a case', () => {
  let c: Json;

  it('gives the case its English title and each step its English name', async () => {
    c = await d.newCase('zhangsan', 'birth');
    expect(c).toMatchObject({ title: '出生一件事', titleEn: 'A baby is born' });
    expect(d.task(c, 'intake')).toMatchObject({ name: '受理', nameEn: 'Intake' });
    const review = d.task(c, 'review:birth-medical-certificate');
    expect(review.nameEn).toMatch(/^Review: \w/);
    expect(review.nameEn).not.toMatch(/[\u4e00-\u9fff]/);
    expect(d.task(c, 'delivery').nameEn).toBe('Delivery');

    const mine = await d.ok('zhangsan', 'GET', '/cases?limit=50');
    expect(mine.data.find((x: Json) => x.id === c.id)).toMatchObject({
      title: '出生一件事',
      titleEn: 'A baby is born',
    });
  });

  it('tells the applicant of the acceptance with the event named, in both titles', async () => {
    c = await d.actOn('clerk', c, 'intake', 'accept');
    expect(c.number).toBeTruthy();
    await deliver();
    const inbox = await d.ok('zhangsan', 'GET', '/notifications?limit=50');
    const message = inbox.data.find((n: Json) => n.caseId === c.id);
    expect(message).toMatchObject({
      kind: 'case.accept',
      title: `出生一件事（${c.number}）`,
      titleEn: `A baby is born (${c.number})`,
      body: '已受理，可在“我的办件”查看进度。',
      read: false,
    });
  });

  it('marks messages read for their owner only, once', async () => {
    const inbox = await d.ok('zhangsan', 'GET', '/notifications?limit=50');
    const ids = inbox.data.filter((n: Json) => !n.read).map((n: Json) => n.id);
    expect(ids.length).toBeGreaterThan(0);

    // Someone else's ids change nothing.
    expect(await d.ok('xixi-flavour', 'POST', '/notifications/read', { ids })).toEqual({
      marked: 0,
    });
    expect(await d.ok('zhangsan', 'POST', '/notifications/read', { ids })).toEqual({
      marked: ids.length,
    });
    const after = await d.ok('zhangsan', 'GET', '/notifications?limit=50');
    expect(after.data.filter((n: Json) => ids.includes(n.id)).every((n: Json) => n.read)).toBe(
      true,
    );
    expect(await d.ok('zhangsan', 'POST', '/notifications/read', { ids })).toEqual({ marked: 0 });

    const empty = await d.call('zhangsan', 'POST', '/notifications/read', { ids: [] });
    expect(empty.statusCode).toBe(400);
    const anonymous = await t.as(null, 'POST', '/api/v1/notifications/read', { ids });
    expect(anonymous.statusCode).toBe(401);
  });
});
