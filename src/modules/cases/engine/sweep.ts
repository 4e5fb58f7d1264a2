import { sql } from 'kysely';
import { messageTitle } from '../rules/message-title.ts';
import { slaThresholds } from '../rules/sla-thresholds.ts';
import { todayOf, type EngineDeps } from './context.ts';
import type { OutboxEvent } from './hooks.ts';

/**
 * Recomputes the red/yellow lights of open steps and running cases. Any number of server
 * processes may run it at once: each batch claims rows whose light is stale with
 * FOR UPDATE SKIP LOCKED and fixes them in the same statement, so a row is changed by one of
 * them and a light that changes emits exactly one warning event. The lights are computed in
 * SQL from two threshold dates (see slaThresholds), not row by row.
 */
export async function sweepSla(
  deps: EngineDeps,
  batch = 1000,
): Promise<{ tasks: number; cases: number; warnings: number }> {
  const today = todayOf(deps);
  const t = slaThresholds(today, await deps.calendar.lookup(), deps.yellowWithin ?? 1);
  const light = (col: string) =>
    sql<string>`case when ${sql.ref(col)} < ${t.redBefore}::date then 'red' when ${sql.ref(col)} < ${t.yellowBefore}::date then 'yellow' else 'green' end`;
  let tasks = 0;
  let cases = 0;
  let warnings = 0;
  for (;;) {
    const r = await sql<{ tasks: number; warnings: number }>`
      with picked as (
        select id from task
        where state = 'open' and due is not null and sla is distinct from ${light('due')}
        limit ${batch} for update skip locked
      ), changed as (
        update task set sla = ${light('due')}, updated_at = now()
        from picked where task.id = picked.id
        returning task.id, task.case_id, task.step_key, task.name, task.owner_unit, task.due, task.sla
      ), warned as (
        insert into outbox (topic, payload)
        select 'task.sla_' || sla,
               jsonb_build_object('taskId', id, 'caseId', case_id, 'step', step_key, 'name', name,
                                  'ownerUnit', owner_unit, 'due', due)
        from changed where sla <> 'green'
        returning 1
      )
      select (select count(*) from changed)::int as tasks, (select count(*) from warned)::int as warnings`.execute(
      deps.db,
    );
    const row = r.rows[0]!;
    tasks += row.tasks;
    warnings += row.warnings;
    if (row.tasks < batch) break;
  }
  for (;;) {
    const r = await sql<{ n: number }>`
      with picked as (
        select id from cases
        where state = 'in_review' and promised_due is not null and paused_since is null
          and sla is distinct from ${light('promised_due')}
        limit ${batch} for update skip locked
      ), changed as (
        update cases set sla = ${light('promised_due')} from picked where cases.id = picked.id
        returning cases.id
      )
      select count(*)::int as n from changed`.execute(deps.db);
    cases += r.rows[0]!.n;
    if (r.rows[0]!.n < batch) break;
  }
  return { tasks, cases, warnings };
}

export interface Notifier {
  /** SMS and e-mail: adapters for a provider; the built-in one only writes a log line. */
  send(channel: 'sms' | 'email', to: string, text: string): Promise<void>;
}

/** An event whose handler failed this often is left alone (and stays visible as unprocessed). */
export const MAX_OUTBOX_ATTEMPTS = 10;

/**
 * Delivers outbox events: an in-app notification to the applicant for the events they care
 * about. Rows are claimed with SKIP LOCKED and marked processed in the same transaction.
 */
export async function processOutbox(
  deps: EngineDeps,
  notifier: Notifier,
  batch = 200,
  /** `lastAttempt`: the event will not be tried again; an operator has to look at it. */
  onHandlerError?: (
    handler: string,
    event: OutboxEvent,
    error: unknown,
    lastAttempt: boolean,
  ) => void,
): Promise<number> {
  return deps.db.transaction().execute(async (trx) => {
    const rows = await trx
      .selectFrom('outbox')
      .select(['id', 'topic', 'payload', 'attempts'])
      .where('processed_at', 'is', null)
      .where('attempts', '<', MAX_OUTBOX_ATTEMPTS)
      .orderBy('id')
      .limit(batch)
      .forUpdate()
      .skipLocked()
      .execute();
    const failed = new Set<number>();
    for (const r of rows) {
      const handlers = (deps.outboxHandlers ?? []).filter((h) => h.topics.includes(r.topic));
      for (const h of handlers) {
        // A savepoint per event: a failing handler leaves its event for the next pass and does
        // not undo the others' work.
        await sql`savepoint outbox_handler`.execute(trx);
        try {
          await h.handle(trx, r);
          await sql`release savepoint outbox_handler`.execute(trx);
        } catch (error) {
          await sql`rollback to savepoint outbox_handler`.execute(trx);
          failed.add(r.id);
          onHandlerError?.(h.name, r, error, r.attempts + 1 >= MAX_OUTBOX_ATTEMPTS);
        }
      }
      if (failed.has(r.id)) continue;
      const p = r.payload as {
        applicantAccountId?: string | null;
        caseId?: string;
        title?: string;
        number?: string | null;
      };
      const text = APPLICANT_MESSAGES[r.topic];
      if (text && p.applicantAccountId) {
        const title = messageTitle('zh-CN', p.title ?? '', p.number);
        await trx
          .insertInto('notification')
          .values({
            account_id: p.applicantAccountId,
            case_id: p.caseId ?? null,
            kind: r.topic,
            title,
            body: text,
            // Not now(): that is the batch's start for every row, and the inbox, newest first,
            // would show the events of one batch in no particular order.
            created_at: sql<Date>`clock_timestamp()`,
          })
          .execute();
        await notifier.send('sms', p.applicantAccountId, `${title}${text}`);
      }
    }
    const done = rows.filter((r) => !failed.has(r.id));
    if (done.length) {
      await trx
        .updateTable('outbox')
        .set((eb) => ({ processed_at: new Date(), attempts: eb('attempts', '+', 1) }))
        .where(
          'id',
          'in',
          done.map((r) => r.id),
        )
        .execute();
    }
    if (failed.size) {
      await trx
        .updateTable('outbox')
        .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
        .where('id', 'in', [...failed])
        .execute();
    }
    return done.length;
  });
}

/**
 * What the applicant is told, in Chinese, as stored. Pages in another language word each topic
 * themselves (the web's `apply.inbox.kind.*` messages), so a new topic needs adding there too.
 */
export const APPLICANT_MESSAGES: Record<string, string> = {
  'case.accept': '已受理，可在“我的办件”查看进度。',
  'case.request_correction': '需要补正材料，请按一次性告知的内容补正后重新提交。',
  'case.decline': '不予受理，请查看不予受理通知书。',
  'case.reject': '审查未通过，请查看决定。',
  'case.deliver': '已办结并送达，欢迎对本次服务进行评价。',
};
