import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseDriver } from '../../../test/helpers/cases.ts';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import { SYSTEM_ACTOR } from '../../shared/actor.ts';
import { record } from './engine/context.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

describe('a failure in the middle of a transition', () => {
  it('leaves the case, its steps, its audit trail and its outbox as they were', async () => {
    const d = caseDriver(t);
    const db = t.database.handle.db;
    const c = await d.newCase('zhangsan', 'birth');
    // The database refuses the outbox event, the last write of an acceptance: everything
    // before it in the same transaction (number, step, case state, audit) must go too.
    await sql`create function refuse_accept() returns trigger language plpgsql as $$
      begin
        if new.topic = 'case.accept' then raise exception 'disk full'; end if;
        return new;
      end $$`.execute(db);
    await sql`create trigger refuse_accept before insert on outbox
      for each row execute function refuse_accept()`.execute(db);
    const counts = async () => ({
      audit: Number(
        (
          await db
            .selectFrom('audit_entry')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      ),
      outbox: Number(
        (
          await db
            .selectFrom('outbox')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      ),
    });
    await d.session('clerk'); // signing in is audited too: do it before counting
    const before = await counts();

    const res = await d.call('clerk', 'POST', `/cases/${c.id}/actions`, {
      taskId: d.task(c, 'intake').id,
      version: d.task(c, 'intake').version,
      action: 'accept',
    });
    expect(res.statusCode).toBeGreaterThanOrEqual(500);
    expect(res.json().error.message).not.toContain('disk full');
    expect(await counts()).toEqual(before);

    const after = await d.ok('clerk', 'GET', `/cases/${c.id}`);
    expect(after).toMatchObject({ state: 'submitted', number: null, version: c.version });
    expect(d.task(after, 'intake')).toMatchObject({
      state: 'open',
      version: d.task(c, 'intake').version,
    });

    await sql`drop trigger refuse_accept on outbox`.execute(db);
    const retried = await d.actOn('clerk', after, 'intake', 'accept');
    expect(retried.state).toBe('in_review');
  });
});

describe('an action record whose case changed under it', () => {
  // `last`: the record may take the commit with it (on PostgreSQL), so the guard must stop the
  // statement itself, not a check after it.
  it.each([false, true])(
    'is refused whole, last %s: no event, no outbox row, no change',
    async (last) => {
      const d = caseDriver(t);
      const db = t.database.handle.db;
      const c = await d.newCase('zhangsan', 'birth');
      const row = await db
        .selectFrom('cases')
        .selectAll()
        .where('id', '=', c.id)
        .executeTakeFirstOrThrow();
      const events = async () =>
        (await db.selectFrom('case_event').select('id').where('case_id', '=', c.id).execute())
          .length;
      const before = await events();
      // A record that carries the case's change is written under the caller's lock, so its
      // version guard cannot fail in the engine; here the case is a version behind on purpose.
      const stale = { ...row, version: row.version - 1 };
      const deps = { db, calendar: { lookup: async () => () => ({ working: true }) } } as never;
      await expect(
        db.transaction().execute((trx) =>
          record(
            trx,
            deps,
            SYSTEM_ACTOR,
            stale,
            null,
            'save',
            {},
            {
              caseChange: { c: stale, set: { title: '改过的标题' } },
              last,
            },
          ),
        ),
      ).rejects.toMatchObject({ status: 409 });
      expect(await events()).toBe(before);
      const now = await db
        .selectFrom('cases')
        .select(['title', 'version'])
        .where('id', '=', c.id)
        .executeTakeFirstOrThrow();
      expect(now).toEqual({ title: row.title, version: row.version });
    },
  );
});
