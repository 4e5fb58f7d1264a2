import { getDayDetail } from 'chinese-days';
import { afterEach, describe, expect, it } from 'vitest';

import { addWorkingDays } from './add-working-days.ts';
import {
  CHINESE_DAYS_FIRST_YEAR,
  CHINESE_DAYS_LAST_YEAR,
  chineseDaysLookup,
} from './chinese-days-lookup.ts';
import { addDays } from './iso-date.ts';
import { workingDaysBetween } from './working-days-between.ts';

function range(from: string, to: string): string[] {
  const dates: string[] = [];
  for (let date = from; date <= to; date = addDays(date, 1)) dates.push(date);
  return dates;
}

const ORIGINAL_TZ = process.env.TZ;

afterEach(() => {
  if (ORIGINAL_TZ === undefined) delete process.env.TZ;
  else process.env.TZ = ORIGINAL_TZ;
});

describe('chineseDaysLookup', () => {
  it('knows the 2025 National Day arrangement', () => {
    expect(chineseDaysLookup('2025-09-28')).toEqual({ working: true, provisional: false });
    for (const date of range('2025-10-01', '2025-10-08')) {
      expect(chineseDaysLookup(date), date).toEqual({ working: false, provisional: false });
    }
    expect(chineseDaysLookup('2025-10-09').working).toBe(true);
    expect(chineseDaysLookup('2025-10-11')).toEqual({ working: true, provisional: false });
    expect(chineseDaysLookup('2025-10-12').working).toBe(false);
  });

  it('knows the 2026 Spring Festival arrangement', () => {
    expect(chineseDaysLookup('2026-02-13').working).toBe(true);
    expect(chineseDaysLookup('2026-02-14')).toEqual({ working: true, provisional: false });
    for (const date of range('2026-02-15', '2026-02-23')) {
      expect(chineseDaysLookup(date), date).toEqual({ working: false, provisional: false });
    }
    expect(chineseDaysLookup('2026-02-24').working).toBe(true);
    expect(chineseDaysLookup('2026-02-28')).toEqual({ working: true, provisional: false });
  });

  it('falls back to Monday–Friday for ordinary days', () => {
    expect(chineseDaysLookup('2025-11-14')).toEqual({ working: true, provisional: false });
    expect(chineseDaysLookup('2025-11-15')).toEqual({ working: false, provisional: false });
  });

  it('drives the working-day rules to the published answers', () => {
    expect(addWorkingDays('2026-02-13', 5, chineseDaysLookup)).toEqual({
      date: '2026-02-27',
      provisional: false,
    });
    expect(addWorkingDays('2025-09-26', 2, chineseDaysLookup).date).toBe('2025-09-29');
    expect(workingDaysBetween('2025-09-26', '2025-10-12', chineseDaysLookup).days).toBe(6);
  });

  it('derives the covered years from the package data', () => {
    expect(Number.isInteger(CHINESE_DAYS_LAST_YEAR)).toBe(true);
    expect(CHINESE_DAYS_LAST_YEAR).toBeGreaterThanOrEqual(2026);
    expect(CHINESE_DAYS_FIRST_YEAR).toBeLessThanOrEqual(2004);
    expect(chineseDaysLookup(`${CHINESE_DAYS_LAST_YEAR}-06-01`).provisional).toBe(false);
  });

  it('is provisional after the last published year, using the weekday rule', () => {
    expect(chineseDaysLookup('2027-03-03')).toEqual({ working: true, provisional: true });
    expect(chineseDaysLookup(`${CHINESE_DAYS_LAST_YEAR + 1}-01-01`).provisional).toBe(true);
    expect(
      addWorkingDays(`${CHINESE_DAYS_LAST_YEAR}-12-30`, 5, chineseDaysLookup).provisional,
    ).toBe(true);
  });

  it('is provisional before the first year of data', () => {
    expect(chineseDaysLookup(`${CHINESE_DAYS_FIRST_YEAR - 1}-10-01`).provisional).toBe(true);
  });

  it('throws on an invalid date', () => {
    expect(() => chineseDaysLookup('2025-02-29')).toThrow(RangeError);
    expect(() => chineseDaysLookup('2025/10/01')).toThrow(RangeError);
  });

  it('does not depend on the process time zone', () => {
    process.env.TZ = 'America/Los_Angeles';
    expect(new Date(2025, 9, 1).getTimezoneOffset()).toBe(420);
    expect(chineseDaysLookup('2025-09-29')).toEqual({ working: true, provisional: false });
    expect(chineseDaysLookup('2025-10-09')).toEqual({ working: true, provisional: false });
    expect(chineseDaysLookup('2025-10-01')).toEqual({ working: false, provisional: false });
  });

  // The package's functions are only right where local midnight is not before UTC midnight
  // (see chinese-days-lookup.ts), so the cross-check runs only there.
  it.runIf(new Date(2025, 0, 1).getTimezoneOffset() <= 0)(
    'agrees with the package for every day it covers',
    () => {
      const disagreements: string[] = [];
      const dates = range(`${CHINESE_DAYS_FIRST_YEAR}-01-01`, `${CHINESE_DAYS_LAST_YEAR}-12-31`);
      for (const date of dates) {
        const ours = chineseDaysLookup(date).working;
        const theirs = getDayDetail(date);
        if (theirs.date !== date || theirs.work !== ours) disagreements.push(date);
      }
      expect(disagreements).toEqual([]);
    },
  );
});
