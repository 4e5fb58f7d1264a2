import { sql, type Kysely } from 'kysely';
import type { Database } from '../../../db/database.ts';

/**
 * A workaround for the engine, to delete once it stamps every time with `deps.clock`.
 *
 * The engine writes the timeline (`case_event.at`) and every date (acceptance, deadlines, case
 * numbers) from its injectable clock, but stamps these with the wall clock, `new Date()` or the
 * column's `now()` default: cases.created_at, submitted_at, decided_at and closed_at,
 * task.decided_at, trip.at and rating.at / follow_up_at. Seeded over the past 60 working days,
 * they would all say "today" while the timeline says otherwise, and a step decided in two days
 * would show as having taken weeks (queries.ts counts a task's working days up to decided_at).
 *
 * Each is set here to the time of the timeline event that wrote it, which is the time the
 * engine would have written had it used its clock. Trips have no event of their own, so the
 * seed's log of when it recorded each one is used, in order. Nothing else is touched: row
 * versions and updated_at stay as written, and the audit log keeps its real times.
 */
export async function alignTimestamps(
  db: Kysely<Database>,
  caseIds: readonly string[],
  trips: readonly { caseId: string; at: Date }[],
): Promise<void> {
  if (!caseIds.length) return;
  const ids = sql`${[...caseIds]}::uuid[]`;
  await sql`
    update cases c set
      created_at = e.first_at,
      submitted_at = case when c.submitted_at is null then null else coalesce(e.submit_at, c.submitted_at) end,
      decided_at = case when c.decided_at is null then null else coalesce(e.decide_at, c.decided_at) end,
      closed_at = case when c.closed_at is null then null else coalesce(e.close_at, c.closed_at) end
    from (
      select case_id,
             min(at) as first_at,
             max(at) filter (where action in ('submit', 'resubmit', 'open_follow_up')) as submit_at,
             max(at) filter (where action in ('approve', 'reject', 'complete', 'decline')) as decide_at,
             max(at) filter (where action in ('deliver', 'decline', 'withdraw', 'approve', 'reject', 'complete')) as close_at
      from case_event where case_id = any(${ids}) group by case_id
    ) e
    where c.id = e.case_id`.execute(db);
  await sql`
    update task t set decided_at = coalesce(
      (select max(e.at) from case_event e
        where e.task_id = t.id and e.action in ('accept', 'decline', 'approve', 'reject', 'complete', 'deliver')),
      (select min(e.at) from case_event e where e.case_id = t.case_id))
    where t.case_id = any(${ids}) and t.decided_at is not null`.execute(db);
  await sql`
    update rating r set
      at = coalesce((select max(e.at) from case_event e where e.case_id = r.case_id and e.action = 'rate'), r.at),
      follow_up_at = case when r.follow_up_at is null then null else coalesce(
        (select max(e.at) from case_event e where e.case_id = r.case_id and e.action = 'follow_up_review'),
        r.follow_up_at) end
    where r.case_id = any(${ids})`.execute(db);

  const logged = new Map<string, Date[]>();
  for (const t of trips) logged.set(t.caseId, [...(logged.get(t.caseId) ?? []), t.at]);
  if (!logged.size) return;
  const rows = await db
    .selectFrom('trip')
    .select(['id', 'case_id'])
    .where('case_id', 'in', [...logged.keys()])
    .orderBy('case_id')
    .orderBy('at')
    .orderBy('id')
    .execute();
  const seen = new Map<string, number>();
  const pairs: { id: string; at: Date }[] = [];
  for (const r of rows) {
    const i = seen.get(r.case_id) ?? 0;
    seen.set(r.case_id, i + 1);
    const when = logged.get(r.case_id)?.[i];
    if (when) pairs.push({ id: r.id, at: when });
  }
  for (let i = 0; i < pairs.length; i += 500) {
    const chunk = pairs.slice(i, i + 500);
    await sql`
      update trip set at = v.at
      from (select unnest(${chunk.map((p) => p.id)}::uuid[]) as id,
                   unnest(${chunk.map((p) => p.at.toISOString())}::timestamptz[]) as at) v
      where trip.id = v.id`.execute(db);
  }
}
