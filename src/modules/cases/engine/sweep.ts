import type { SlaLight } from '../model.ts';
import { slaLight } from '../rules/sla-light.ts';
import { todayOf, type EngineDeps } from './context.ts';

/**
 * Recomputes the red/yellow lights of open tasks and running cases. Any number of server
 * processes may run it at once: each batch takes its rows with FOR UPDATE SKIP LOCKED, so a row
 * is looked at by one of them, and a light that changes emits exactly one warning event.
 */
export async function sweepSla(deps: EngineDeps, batch = 500): Promise<{ tasks: number; cases: number; changed: number }> {
  const today = todayOf(deps);
  const lookup = await deps.calendar.lookup();
  const yellow = deps.yellowWithin ?? 1;
  let tasks = 0;
  let cases = 0;
  let changed = 0;
  await deps.db.transaction().execute(async (trx) => {
    const rows = await trx
      .selectFrom('task')
      .select(['id', 'case_id', 'due', 'sla', 'name', 'owner_unit', 'step_key'])
      .where('state', '=', 'open')
      .where('due', 'is not', null)
      .orderBy('due')
      .limit(batch)
      .forUpdate()
      .skipLocked()
      .execute();
    tasks = rows.length;
    for (const r of rows) {
      const light = slaLight(r.due, today, lookup, yellow).light as SlaLight;
      if (light === r.sla) continue;
      changed++;
      await trx.updateTable('task').set({ sla: light }).where('id', '=', r.id).execute();
      if (light !== 'green') {
        await trx
          .insertInto('outbox')
          .values({
            topic: `task.sla_${light}`,
            payload: JSON.stringify({ taskId: r.id, caseId: r.case_id, step: r.step_key, name: r.name, ownerUnit: r.owner_unit, due: r.due }) as unknown as Record<string, unknown>,
          })
          .execute();
      }
    }
    const running = await trx
      .selectFrom('cases')
      .select(['id', 'promised_due', 'sla'])
      .where('state', 'in', ['in_review'])
      .where('promised_due', 'is not', null)
      .where('paused_since', 'is', null)
      .limit(batch)
      .forUpdate()
      .skipLocked()
      .execute();
    cases = running.length;
    for (const r of running) {
      const light = slaLight(r.promised_due, today, lookup, yellow).light;
      if (light === r.sla) continue;
      changed++;
      await trx.updateTable('cases').set({ sla: light }).where('id', '=', r.id).execute();
    }
  });
  return { tasks, cases, changed };
}

export interface Notifier {
  /** SMS and e-mail: adapters for a provider; the built-in one only writes a log line. */
  send(channel: 'sms' | 'email', to: string, text: string): Promise<void>;
}

/**
 * Delivers outbox events: an in-app notification to the applicant for the events they care
 * about. Rows are claimed with SKIP LOCKED and marked processed in the same transaction.
 */
export async function processOutbox(deps: EngineDeps, notifier: Notifier, batch = 200): Promise<number> {
  return deps.db.transaction().execute(async (trx) => {
    const rows = await trx
      .selectFrom('outbox')
      .select(['id', 'topic', 'payload'])
      .where('processed_at', 'is', null)
      .orderBy('id')
      .limit(batch)
      .forUpdate()
      .skipLocked()
      .execute();
    for (const r of rows) {
      const p = r.payload as { applicantAccountId?: string | null; caseId?: string; title?: string; number?: string | null };
      const text = APPLICANT_MESSAGES[r.topic];
      if (text && p.applicantAccountId) {
        const title = `${p.title ?? ''}${p.number ? `（${p.number}）` : ''}`;
        await trx
          .insertInto('notification')
          .values({ account_id: p.applicantAccountId, case_id: p.caseId ?? null, title, body: text })
          .execute();
        await notifier.send('sms', p.applicantAccountId, `${title}${text}`);
      }
    }
    if (rows.length) {
      await trx
        .updateTable('outbox')
        .set((eb) => ({ processed_at: new Date(), attempts: eb('attempts', '+', 1) }))
        .where('id', 'in', rows.map((r) => r.id))
        .execute();
    }
    return rows.length;
  });
}

const APPLICANT_MESSAGES: Record<string, string> = {
  'case.accept': '已受理，可在“我的办件”查看进度。',
  'case.request_correction': '需要补正材料，请按一次性告知的内容补正后重新提交。',
  'case.decline': '不予受理，请查看不予受理通知书。',
  'case.reject': '审查未通过，请查看决定。',
  'case.deliver': '已办结并送达，欢迎对本次服务进行评价。',
};
