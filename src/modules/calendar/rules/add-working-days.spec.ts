import { describe, expect, it } from 'vitest';

import { addWorkingDays } from './add-working-days.ts';
import type { DayLookup } from './day-status.ts';
import { addDays, isoWeekday } from './iso-date.ts';

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

describe('addWorkingDays', () => {
  it('returns the start itself for n = 0, even on a holiday', () => {
    expect(addWorkingDays('2025-10-03', 0, lookup)).toEqual({
      date: '2025-10-03',
      provisional: false,
    });
  });

  it('counts the make-up Saturday before Spring Festival and skips the festival', () => {
    expect(addWorkingDays('2026-02-13', 5, lookup)).toEqual({
      date: '2026-02-27',
      provisional: false,
    });
  });

  it('counts the make-up Sunday before National Day', () => {
    expect(addWorkingDays('2025-09-26', 1, lookup).date).toBe('2025-09-28');
    expect(addWorkingDays('2025-09-26', 2, lookup).date).toBe('2025-09-29');
  });

  it('does not count the start day even when it is a working day', () => {
    expect(addWorkingDays('2025-09-29', 1, lookup).date).toBe('2025-09-30');
  });

  it('jumps over the whole National Day week', () => {
    expect(addWorkingDays('2025-09-30', 1, lookup).date).toBe('2025-10-09');
    expect(addWorkingDays('2025-10-01', 1, lookup).date).toBe('2025-10-09');
    expect(addWorkingDays('2025-10-08', 3, lookup).date).toBe('2025-10-11');
  });

  it('gives a 20-working-day licensing deadline', () => {
    expect(addWorkingDays('2025-09-30', 20, lookup).date).toBe('2025-11-04');
  });

  it('is provisional once it looks at a provisional day', () => {
    expect(addWorkingDays('2026-12-30', 1, lookup)).toEqual({
      date: '2026-12-31',
      provisional: false,
    });
    expect(addWorkingDays('2026-12-30', 3, lookup)).toEqual({
      date: '2027-01-04',
      provisional: true,
    });
  });

  it('is provisional even when the provisional day examined was not a working day', () => {
    const weekendUnknown: DayLookup = (date) => ({
      working: isoWeekday(date) <= 5,
      provisional: isoWeekday(date) > 5,
    });
    expect(addWorkingDays('2025-10-10', 1, weekendUnknown)).toEqual({
      date: '2025-10-13',
      provisional: true,
    });
  });

  it('refuses a negative or fractional n and an invalid start', () => {
    expect(() => addWorkingDays('2025-10-01', -1, lookup)).toThrow(RangeError);
    expect(() => addWorkingDays('2025-10-01', 1.5, lookup)).toThrow(RangeError);
    expect(() => addWorkingDays('2025-02-29', 1, lookup)).toThrow(RangeError);
  });

  it('gives up instead of hanging on a lookup without working days', () => {
    const neverWorking: DayLookup = () => ({ working: false, provisional: false });
    expect(() => addWorkingDays('2025-10-01', 1, neverWorking)).toThrow(RangeError);
  });
});
