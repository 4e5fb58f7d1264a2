import { addWorkingDays, workingDaysBetween, type DayLookup } from '../../calendar/index.ts';

/** A stopped clock: from the day the pause began to the day it ended (null: still stopped). */
export interface Pause {
  from: string;
  to: string | null;
}

/**
 * The due date of a limit of `limitDays` working days counted from `start` (the day the step
 * opened or the case was accepted). The start day itself does not count (addWorkingDays), and
 * every closed pause moves the date on by the working days it covered, (from, to] as in
 * workingDaysBetween: the day a correction is requested still counts, the day the applicant
 * hands in again does not.
 *
 * While any pause is open the due date is `null`, not a guess: the clock is stopped and nobody
 * knows yet for how long, so no date can be promised; the SLA light shows 'paused'.
 * `pausedDays` then covers the closed pauses only.
 *
 * Pauses are clipped to the time after `start` (a correction asked before acceptance stopped no
 * clock) and overlaps count once (a day stopped by two pauses at once is one day of delay).
 */
export function dueDate(
  start: string,
  limitDays: number,
  pauses: readonly Pause[],
  lookup: DayLookup,
): { due: string | null; provisional: boolean; pausedDays: number } {
  checkDate(start, lookup);
  if (!Number.isSafeInteger(limitDays) || limitDays < 0) {
    throw new RangeError(`limitDays must be a non-negative integer: ${limitDays}`);
  }
  checkPauses(pauses, lookup);
  const closed = merge(
    pauses.flatMap((p) => (p.to === null ? [] : [clip(p.from, p.to, start, null)])),
  );
  let provisional = false;
  let pausedDays = 0;
  for (const [from, to] of closed) {
    const covered = workingDaysBetween(from, to, lookup);
    provisional ||= covered.provisional;
    pausedDays += covered.days;
  }
  if (pauses.some((p) => p.to === null)) return { due: null, provisional, pausedDays };
  const due = addWorkingDays(start, limitDays + pausedDays, lookup);
  return { due: due.date, provisional: provisional || due.provisional, pausedDays };
}

/**
 * Working days the clock has run from `start` to `today`, for timelines: the working days in
 * (start, today] less those covered by pauses, an open pause counting up to today. Zero when
 * today is not after start.
 */
export function workingDaysUsed(
  start: string,
  today: string,
  pauses: readonly Pause[],
  lookup: DayLookup,
): number {
  checkDate(start, lookup);
  checkDate(today, lookup);
  checkPauses(pauses, lookup);
  if (today <= start) return 0;
  const elapsed = workingDaysBetween(start, today, lookup).days;
  const stopped = merge(pauses.map((p) => clip(p.from, p.to ?? today, start, today)))
    .map(([from, to]) => workingDaysBetween(from, to, lookup).days)
    .reduce((a, b) => a + b, 0);
  return elapsed - stopped;
}

/**
 * Dates are compared as strings below, which is only sound for real YYYY-MM-DD dates. A count of
 * 0 makes addWorkingDays validate its start without looking at any day.
 */
function checkDate(date: string, lookup: DayLookup): void {
  addWorkingDays(date, 0, lookup);
}

function checkPauses(pauses: readonly Pause[], lookup: DayLookup): void {
  for (const p of pauses) {
    checkDate(p.from, lookup);
    if (p.to === null) continue;
    checkDate(p.to, lookup);
    if (p.to < p.from)
      throw new RangeError(`a pause cannot end before it starts: ${p.from}..${p.to}`);
  }
}

/** The part of (from, to] inside (start, end]; an empty interval where they do not meet. */
function clip(from: string, to: string, start: string, end: string | null): [string, string] {
  const lo = from < start ? start : from;
  const hi = end !== null && to > end ? end : to;
  return hi < lo ? [lo, lo] : [lo, hi];
}

/** Half-open intervals (from, to] sorted and joined where they overlap, so no day counts twice. */
function merge(intervals: [string, string][]): [string, string][] {
  const sorted = [...intervals].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const merged: [string, string][] = [];
  for (const [from, to] of sorted) {
    const last = merged[merged.length - 1];
    if (last && from < last[1]) {
      if (to > last[1]) last[1] = to;
    } else {
      merged.push([from, to]);
    }
  }
  return merged;
}
