// The package's own isWorkday/getDayDetail are not used: its mini-dayjs parses 'YYYY-MM-DD' as
// UTC midnight but formats and takes weekdays in local time, and it builds its tables the same
// way at import. Under a time zone west of UTC both the tables and the queried date shift back a
// day, so e.g. isWorkday('2025-09-29'), a Monday, answers false. The JSON it ships was generated
// once at build time and is keyed by plain calendar dates, so it is read directly here and the
// weekday is taken in UTC.
import chineseDays from 'chinese-days/dist/chinese-days.json' with { type: 'json' };

import type { DayStatus } from './day-status.ts';
import { isoWeekday } from './iso-date.ts';

// Values look like "National Day,国庆节,3"; only the presence of a key matters here.
const holidays: Readonly<Record<string, string>> = chineseDays.holidays;
// Make-up working days (调休上班), usually on a weekend.
const workdays: Readonly<Record<string, string>> = chineseDays.workdays;

const yearsWithData = [...Object.keys(holidays), ...Object.keys(workdays)].map((date) =>
  Number(date.slice(0, 4)),
);

/**
 * The last year with a published schedule in the installed package. Derived from the data so
 * that upgrading the package (the State Council publishes each year's schedule around November)
 * moves it without a code change.
 */
export const CHINESE_DAYS_LAST_YEAR: number = Math.max(...yearsWithData);

/** The package's data starts with 2004; earlier dates are as much a guess as future ones. */
export const CHINESE_DAYS_FIRST_YEAR: number = Math.min(...yearsWithData);

export function chineseDaysLookup(isoDate: string): DayStatus {
  const weekday = isoWeekday(isoDate);
  const year = Number(isoDate.slice(0, 4));
  const provisional = year > CHINESE_DAYS_LAST_YEAR || year < CHINESE_DAYS_FIRST_YEAR;
  // Same precedence as the package: a listed make-up workday wins, then a listed holiday, then
  // the plain Monday–Friday rule. The two tables never overlap in the shipped data.
  if (workdays[isoDate] !== undefined) return { working: true, provisional };
  if (holidays[isoDate] !== undefined) return { working: false, provisional };
  return { working: weekday <= 5, provisional };
}
