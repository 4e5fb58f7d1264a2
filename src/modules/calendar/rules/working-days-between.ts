import type { DayLookup } from './day-status.ts';
import { addDays, daysBetween } from './iso-date.ts';

/**
 * Working days in the half-open interval (from, to], the same convention as addWorkingDays:
 * `addWorkingDays(from, k).date` is always a date `to` with `workingDaysBetween(from, to) === k`.
 * Reversed arguments give the negated count, so "days overdue" and "days left" share one sign
 * convention.
 */
export function workingDaysBetween(
  from: string,
  to: string,
  lookup: DayLookup,
): { days: number; provisional: boolean } {
  const span = daysBetween(from, to);
  if (span < 0) {
    const mirrored = workingDaysBetween(to, from, lookup);
    return { days: -mirrored.days, provisional: mirrored.provisional };
  }
  let days = 0;
  let provisional = false;
  for (let offset = 1; offset <= span; offset += 1) {
    const status = lookup(addDays(from, offset));
    provisional ||= status.provisional;
    if (status.working) days += 1;
  }
  return { days, provisional };
}
