import { addWorkingDays } from './add-working-days.ts';
import type { DayLookup } from './day-status.ts';

/** The first working day strictly after `date`, even when `date` itself is a working day. */
export function nextWorkingDay(
  date: string,
  lookup: DayLookup,
): { date: string; provisional: boolean } {
  return addWorkingDays(date, 1, lookup);
}
