import type { Kysely } from 'kysely';
import type { Database } from '../../../db/database.ts';
import { addWorkingDays, workingDaysBetween } from '../../calendar/index.ts';
import type { Case, Task } from '../cases.table.ts';
import type { Action } from '../model.ts';
import { slaLight } from '../rules/sla-light.ts';
import { updateTask, type EngineDeps } from './context.ts';

/**
 * Stopping a clock (补正, 特别程序): the step and, once accepted, the whole case stop counting.
 * Their due dates are cleared while stopped and moved on by the working days the pause took.
 */
export async function pauseTask(
  trx: Kysely<Database>,
  t: Task,
  by: Action,
  today: string,
  special: string | null = null,
) {
  await updateTask(trx, t, {
    state: 'paused',
    paused_by: by,
    paused_since: today,
    sla: 'paused',
    special_procedure: special,
  });
}

export async function resumeTask(trx: Kysely<Database>, deps: EngineDeps, t: Task, today: string) {
  const lookup = await deps.calendar.lookup();
  const pausedDays = t.paused_since
    ? Math.max(0, workingDaysBetween(t.paused_since, today, lookup).days)
    : 0;
  const due = t.due ? addWorkingDays(t.due, pausedDays, lookup) : null;
  await updateTask(trx, t, {
    state: 'open',
    paused_by: null,
    paused_since: null,
    special_procedure: null,
    paused_days: t.paused_days + pausedDays,
    due: due?.date ?? null,
    due_provisional: t.due_provisional || Boolean(due?.provisional),
    sla: due ? slaLight(due.date, today, lookup, deps.yellowWithin ?? 1).light : null,
  });
}

/** The case-level half of a pause (only after acceptance: before it, no clock runs). */
export function pauseCase(c: Case, today: string): Partial<Case> {
  return c.accepted_on && !c.paused_since ? { paused_since: today, sla: 'paused' } : {};
}

export async function resumeCase(deps: EngineDeps, c: Case, today: string): Promise<Partial<Case>> {
  if (!c.paused_since) return {};
  const lookup = await deps.calendar.lookup();
  const days = Math.max(0, workingDaysBetween(c.paused_since, today, lookup).days);
  const promised = c.promised_due ? addWorkingDays(c.promised_due, days, lookup) : null;
  const statutory = c.statutory_due ? addWorkingDays(c.statutory_due, days, lookup) : null;
  return {
    paused_since: null,
    paused_days: c.paused_days + days,
    promised_due: promised?.date ?? null,
    statutory_due: statutory?.date ?? null,
    due_provisional: c.due_provisional || Boolean(promised?.provisional || statutory?.provisional),
    sla: promised ? slaLight(promised.date, today, lookup, deps.yellowWithin ?? 1).light : null,
  };
}
