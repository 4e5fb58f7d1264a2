import { describe, expect, it } from 'vitest';

import { addWorkingDays } from './add-working-days.ts';
import type { DayLookup } from './day-status.ts';
import { addDays, isoWeekday } from './iso-date.ts';
import { workingDaysBetween } from './working-days-between.ts';

function range(from: string, to: string): string[] {
  const dates: string[] = [];
  for (let date = from; date <= to; date = addDays(date, 1)) dates.push(date);
  return dates;
}

// The real 2025 National Day and 2026 New Year / Spring Festival arrangements; other dates fall
// back to Monday–Friday, and 2027 is treated as not yet published.
const OFF = new Set([
  ...range('2025-10-01', '2025-10-08'),
  ...range('2026-01-01', '2026-01-03'),
  ...range('2026-02-15', '2026-02-23'),
]);
const MAKE_UP = new Set(['2025-09-28', '2025-10-11', '2026-01-04', '2026-02-14', '2026-02-28']);
const lookup: DayLookup = (date) => ({
  working: MAKE_UP.has(date) || (!OFF.has(date) && isoWeekday(date) <= 5),
  provisional: Number(date.slice(0, 4)) >= 2027,
});

describe('workingDaysBetween', () => {
  it('is 0 for the same day', () => {
    expect(workingDaysBetween('2025-10-09', '2025-10-09', lookup)).toEqual({
      days: 0,
      provisional: false,
    });
  });

  it('counts (from, to]: the end counts, the start does not', () => {
    expect(workingDaysBetween('2025-09-29', '2025-09-30', lookup).days).toBe(1);
  });

  it('counts across the National Day week with both make-up days', () => {
    // 09-28 (Sun), 29, 30, then 10-09, 10-10 and 10-11 (Sat).
    expect(workingDaysBetween('2025-09-26', '2025-10-12', lookup)).toEqual({
      days: 6,
      provisional: false,
    });
  });

  it('finds no working day inside the National Day holiday', () => {
    expect(workingDaysBetween('2025-09-30', '2025-10-08', lookup).days).toBe(0);
  });

  it('counts across Spring Festival 2026', () => {
    expect(workingDaysBetween('2026-02-13', '2026-02-27', lookup).days).toBe(5);
    expect(workingDaysBetween('2026-02-13', '2026-02-28', lookup).days).toBe(6);
  });

  it('mirrors to a negative count when to is before from', () => {
    expect(workingDaysBetween('2025-10-12', '2025-09-26', lookup)).toEqual({
      days: -6,
      provisional: false,
    });
  });

  it('is provisional when the range reaches a provisional day, in either direction', () => {
    expect(workingDaysBetween('2026-12-25', '2027-01-05', lookup)).toEqual({
      days: 7,
      provisional: true,
    });
    expect(workingDaysBetween('2027-01-05', '2026-12-25', lookup)).toEqual({
      days: -7,
      provisional: true,
    });
    expect(workingDaysBetween('2026-12-25', '2026-12-31', lookup).provisional).toBe(false);
  });

  it('undoes addWorkingDays for every start and count around the holidays', () => {
    const mismatches: string[] = [];
    for (const start of range('2025-09-20', '2025-10-15').concat(
      range('2026-02-10', '2026-03-02'),
    )) {
      for (let n = 0; n <= 15; n += 1) {
        const end = addWorkingDays(start, n, lookup).date;
        const counted = workingDaysBetween(start, end, lookup).days;
        if (counted !== n) mismatches.push(`${start} +${n} -> ${end} counted ${counted}`);
        const back = workingDaysBetween(end, start, lookup).days;
        if (back !== -n) mismatches.push(`${end} back to ${start} counted ${back}`);
      }
    }
    expect(mismatches).toEqual([]);
  });
});
