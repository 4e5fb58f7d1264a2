import { addWorkingDays, type DayLookup } from '../../calendar/index.ts';

/**
 * The two dates that split due dates into lights on `today`, so that a sweep can colour every
 * open step in one SQL statement instead of calling slaLight row by row:
 * - red when due < redBefore (today: the due day itself is still on time);
 * - yellow when due < yellowBefore, the (yellowWithin + 1)-th working day after today, i.e. when
 *   yellowWithin working days or fewer are left;
 * - green otherwise.
 * The spec checks that this agrees with slaLight for every due date around the holidays.
 */
export function slaThresholds(
  today: string,
  lookup: DayLookup,
  yellowWithin = 1,
): { redBefore: string; yellowBefore: string } {
  return { redBefore: today, yellowBefore: addWorkingDays(today, yellowWithin + 1, lookup).date };
}

export function lightFromThresholds(due: string, t: { redBefore: string; yellowBefore: string }) {
  if (due < t.redBefore) return 'red' as const;
  return due < t.yellowBefore ? ('yellow' as const) : ('green' as const);
}
