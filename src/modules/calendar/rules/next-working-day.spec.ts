import { describe, expect, it } from 'vitest';

import type { DayLookup } from './day-status.ts';
import { addDays, isoWeekday } from './iso-date.ts';
import { nextWorkingDay } from './next-working-day.ts';

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

describe('nextWorkingDay', () => {
  it('moves past a working day to the next one', () => {
    expect(nextWorkingDay('2026-02-24', lookup)).toEqual({
      date: '2026-02-25',
      provisional: false,
    });
  });

  it('lands on a make-up weekend day', () => {
    expect(nextWorkingDay('2025-09-26', lookup).date).toBe('2025-09-28');
    expect(nextWorkingDay('2026-02-13', lookup).date).toBe('2026-02-14');
    expect(nextWorkingDay('2025-10-10', lookup).date).toBe('2025-10-11');
  });

  it('skips a whole holiday', () => {
    expect(nextWorkingDay('2025-09-30', lookup).date).toBe('2025-10-09');
    expect(nextWorkingDay('2026-02-14', lookup).date).toBe('2026-02-24');
  });

  it('skips an ordinary weekend', () => {
    expect(nextWorkingDay('2025-10-17', lookup).date).toBe('2025-10-20');
  });

  it('is provisional when the answer comes from an unpublished year', () => {
    expect(nextWorkingDay('2026-12-31', lookup)).toEqual({
      date: '2027-01-01',
      provisional: true,
    });
  });
});
