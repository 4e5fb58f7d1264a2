import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { Database } from '../../src/db/database.ts';
import { caseDriver } from './cases.ts';
import type { TestApp } from './test-app.ts';

/**
 * `n` 出生一件事 cases accepted in February 2026: by the real clock their review steps are long
 * overdue, but their lights still say what they said then.
 */
export async function acceptedLongAgo(t: TestApp, now: { value: Date }, n: number) {
  const d = caseDriver(t);
  now.value = new Date('2026-02-11T02:00:00Z');
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const c = await d.newCase('zhangsan', 'birth');
    const accepted = await d.actOn('clerk', c, 'intake', 'accept');
    ids.push(accepted.id);
  }
  return ids;
}

/** What a sweep must leave behind, counted in the database. */
export async function sweepOutcome(db: Kysely<Database>, caseIds: string[]) {
  const open = await db
    .selectFrom('task')
    .select(['id', 'sla'])
    .where('case_id', 'in', caseIds)
    .where('state', '=', 'open')
    .where('due', 'is not', null)
    .execute();
  const warnings = await sql<{ task: string; n: number }>`
    select payload->>'taskId' as task, count(*)::int as n from outbox
    where topic = 'task.sla_red' group by 1`.execute(db);
  const pending = await db
    .selectFrom('outbox')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('processed_at', 'is', null)
    .executeTakeFirstOrThrow();
  const accepted = await sql<{ case_id: string; n: number }>`
    select case_id, count(*)::int as n from notification
    where case_id = any(${caseIds}::uuid[]) and body like '已受理%' group by 1`.execute(db);
  return {
    open,
    warningsPerTask: new Map(warnings.rows.map((r) => [r.task, Number(r.n)])),
    pending: Number(pending.n),
    acceptNoticesPerCase: accepted.rows.map((r) => Number(r.n)),
  };
}
