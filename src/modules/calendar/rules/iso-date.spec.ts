import { afterEach, describe, expect, it } from 'vitest';

import {
  addDays,
  daysBetween,
  formatIsoDate,
  isIsoDate,
  isoWeekday,
  parseIsoDate,
} from './iso-date.ts';

const ORIGINAL_TZ = process.env.TZ;

afterEach(() => {
  if (ORIGINAL_TZ === undefined) delete process.env.TZ;
  else process.env.TZ = ORIGINAL_TZ;
});

describe('isIsoDate', () => {
  it.each(['2025-10-01', '2024-02-29', '2000-02-29', '1900-01-01', '0001-01-01', '9999-12-31'])(
    'accepts %s',
    (value) => {
      expect(isIsoDate(value)).toBe(true);
    },
  );

  it.each([
    '2025-02-29',
    '1900-02-29',
    '1999-02-30',
    '2025-13-01',
    '2025-00-10',
    '2025-04-31',
    '2025-1-1',
    '20251001',
    ' 2025-10-01',
    '2025-10-01T00:00:00Z',
    '',
  ])('rejects %j', (value) => {
    expect(isIsoDate(value)).toBe(false);
  });
});

describe('parseIsoDate / formatIsoDate', () => {
  it('parses to midnight UTC', () => {
    expect(parseIsoDate('2025-10-01').toISOString()).toBe('2025-10-01T00:00:00.000Z');
  });

  it('keeps years below 100 as written', () => {
    expect(formatIsoDate(parseIsoDate('0050-03-01'))).toBe('0050-03-01');
  });

  it('throws on an invalid date', () => {
    expect(() => parseIsoDate('2025-02-29')).toThrow(RangeError);
    expect(() => formatIsoDate(new Date(Number.NaN))).toThrow(RangeError);
  });

  it('formats the UTC date, not the local one', () => {
    expect(formatIsoDate(new Date('2025-09-30T23:30:00Z'))).toBe('2025-09-30');
    expect(formatIsoDate(new Date('2025-09-30T16:30:00-08:00'))).toBe('2025-10-01');
  });
});

describe('addDays', () => {
  it.each([
    ['2025-09-30', 1, '2025-10-01'],
    ['2025-12-31', 1, '2026-01-01'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2025-02-28', 1, '2025-03-01'],
    ['2026-03-01', -1, '2026-02-28'],
    ['2025-10-01', 0, '2025-10-01'],
    ['2025-01-01', 365, '2026-01-01'],
  ] as const)('%s %+d days is %s', (start, days, expected) => {
    expect(addDays(start, days)).toBe(expected);
  });

  it('refuses fractional days', () => {
    expect(() => addDays('2025-10-01', 0.5)).toThrow(RangeError);
  });
});

describe('daysBetween', () => {
  it('counts calendar days, negative backwards', () => {
    expect(daysBetween('2025-10-01', '2025-10-08')).toBe(7);
    expect(daysBetween('2025-10-08', '2025-10-01')).toBe(-7);
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
    expect(daysBetween('2025-10-01', '2025-10-01')).toBe(0);
  });
});

describe('isoWeekday', () => {
  it.each([
    ['2025-09-28', 7], // Sunday, a make-up workday
    ['2025-09-29', 1],
    ['2025-10-01', 3],
    ['2025-10-11', 6],
    ['2026-02-14', 6],
    ['2026-02-13', 5],
  ] as const)('%s is weekday %d', (date, weekday) => {
    expect(isoWeekday(date)).toBe(weekday);
  });
});

describe('time zone independence', () => {
  it.each(['America/Los_Angeles', 'Asia/Shanghai', 'Pacific/Kiritimati'])(
    'gives the same answers with TZ=%s',
    (tz) => {
      process.env.TZ = tz;
      expect(addDays('2025-10-31', 1)).toBe('2025-11-01');
      expect(addDays('2025-03-09', 1)).toBe('2025-03-10'); // a US DST change
      expect(isoWeekday('2025-09-29')).toBe(1);
      expect(daysBetween('2025-03-01', '2025-04-01')).toBe(31);
      expect(formatIsoDate(parseIsoDate('2025-10-01'))).toBe('2025-10-01');
    },
  );
});
