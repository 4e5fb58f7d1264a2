import { workingDaysBetween, type DayLookup } from '../../calendar/index.ts';
import type { SlaLight } from '../model.ts';

/**
 * The red / yellow / green light (红黄绿灯) of a step or case on `today`.
 * - 'paused' when there is no due date: the clock is stopped (see dueDate).
 * - red once today is past the due date; the due date itself is still on time.
 * - yellow when `yellowWithin` working days or fewer are left, counted (today, due] so that on
 *   the due day 0 are left and on the working day before it 1.
 * - green otherwise.
 * `remaining` is that count, negative once overdue. Red goes by the date rather than by the
 * count: on a holiday right after the due date no working day has passed yet (remaining 0),
 * but the deadline has.
 */
export function slaLight(
  due: string | null,
  today: string,
  lookup: DayLookup,
  yellowWithin = 1,
): { light: SlaLight | 'paused'; remaining: number | null } {
  if (due === null) return { light: 'paused', remaining: null };
  // workingDaysBetween negates a reversed count, which makes an empty one -0.
  const remaining = workingDaysBetween(today, due, lookup).days + 0;
  if (today > due) return { light: 'red', remaining };
  return { light: remaining <= yellowWithin ? 'yellow' : 'green', remaining };
}
