import type { DayLookup } from './day-status.ts';
import { addDays, parseIsoDate } from './iso-date.ts';

// The longest real closure (Spring Festival 2020, extended for the epidemic) was well under a
// month; a lookup that reports no working day for a whole year is broken, and without a limit
// it would hang the request that asked for a deadline.
const MAX_CONSECUTIVE_DAYS_OFF = 366;

/**
 * The date `n` working days after `start`. The start day itself never counts: periods counted in
 * days run from the next day (民法典 art. 201), and statutory processing limits such as those of
 * the Administrative Licensing Law are counted in working days (行政许可法 art. 82).
 * `provisional` reports whether any day looked at was provisional; n = 0 looks at none.
 */
export function addWorkingDays(
  start: string,
  n: number,
  lookup: DayLookup,
): { date: string; provisional: boolean } {
  parseIsoDate(start);
  if (!Number.isSafeInteger(n) || n < 0) {
    throw new RangeError(`n must be a non-negative integer: ${n}`);
  }
  let date = start;
  let provisional = false;
  let remaining = n;
  let daysOffInARow = 0;
  while (remaining > 0) {
    date = addDays(date, 1);
    const status = lookup(date);
    provisional ||= status.provisional;
    if (status.working) {
      remaining -= 1;
      daysOffInARow = 0;
    } else if (++daysOffInARow > MAX_CONSECUTIVE_DAYS_OFF) {
      throw new RangeError(`no working day in the ${MAX_CONSECUTIVE_DAYS_OFF} days before ${date}`);
    }
  }
  return { date, provisional };
}
