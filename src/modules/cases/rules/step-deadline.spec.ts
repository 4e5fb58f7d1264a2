import { describe, expect, it } from 'vitest';

import { lookup } from './calendar-fixture.ts';
import { dueDate, workingDaysUsed } from './step-deadline.ts';

describe('dueDate', () => {
  it('counts from the working day after the start, across Spring Festival and its make-up day', () => {
    // 02-13 (Fri), 02-14 (make-up Sat), then 02-24, 25, 26 after the festival.
    expect(dueDate('2026-02-12', 5, [], lookup)).toEqual({
      due: '2026-02-26',
      provisional: false,
      pausedDays: 0,
    });
  });

  it('moves the date on by the working days a closed correction took', () => {
    // (02-24, 02-26] holds 25 and 26; seven working days after 02-12 end on the make-up
    // Saturday 02-28, not on the following Monday.
    expect(dueDate('2026-02-12', 5, [{ from: '2026-02-24', to: '2026-02-26' }], lookup)).toEqual({
      due: '2026-02-28',
      provisional: false,
      pausedDays: 2,
    });
  });

  it('charges a pause over the festival only for the working days in it', () => {
    // (02-14, 02-24] holds one working day, 02-24.
    expect(dueDate('2026-02-12', 5, [{ from: '2026-02-14', to: '2026-02-24' }], lookup)).toEqual({
      due: '2026-02-27',
      provisional: false,
      pausedDays: 1,
    });
  });

  it('has no due date while a pause is open, keeping the closed pauses counted', () => {
    expect(
      dueDate(
        '2026-02-12',
        5,
        [
          { from: '2026-02-24', to: '2026-02-25' },
          { from: '2026-02-26', to: null },
        ],
        lookup,
      ),
    ).toEqual({ due: null, provisional: false, pausedDays: 1 });
  });

  it('adds every closed pause, counting overlapping days once', () => {
    const pauses = [
      { from: '2026-02-25', to: '2026-02-27' },
      { from: '2026-02-24', to: '2026-02-26' },
    ];
    // Together (02-24, 02-27]: three working days, so 5 + 3 after 02-12 is Monday 03-02.
    expect(dueDate('2026-02-12', 5, pauses, lookup)).toEqual({
      due: '2026-03-02',
      provisional: false,
      pausedDays: 3,
    });
  });

  it('ignores the part of a pause before the clock started', () => {
    expect(dueDate('2026-02-12', 5, [{ from: '2026-02-10', to: '2026-02-13' }], lookup)).toEqual({
      due: '2026-02-27',
      provisional: false,
      pausedDays: 1,
    });
    expect(dueDate('2026-02-12', 5, [{ from: '2026-02-09', to: '2026-02-11' }], lookup).due).toBe(
      '2026-02-26',
    );
  });

  it('gives a 20-working-day licensing limit across National Day', () => {
    expect(dueDate('2025-09-30', 20, [], lookup).due).toBe('2025-11-04');
  });

  it('is due on the start day for a limit of 0 (即办件)', () => {
    expect(dueDate('2026-02-12', 0, [], lookup).due).toBe('2026-02-12');
  });

  it('is provisional when the date falls in a year not yet published', () => {
    expect(dueDate('2026-12-28', 5, [], lookup)).toEqual({
      due: '2027-01-04',
      provisional: true,
      pausedDays: 0,
    });
  });

  it('refuses a bad limit, a bad date and a pause that ends before it starts', () => {
    expect(() => dueDate('2026-02-12', -1, [], lookup)).toThrow(RangeError);
    expect(() => dueDate('2026-02-12', 1.5, [], lookup)).toThrow(RangeError);
    expect(() => dueDate('2026-02-30', 1, [], lookup)).toThrow(RangeError);
    expect(() =>
      dueDate('2026-02-12', 5, [{ from: '2026-02-26', to: '2026-02-24' }], lookup),
    ).toThrow(RangeError);
  });
});

describe('workingDaysUsed', () => {
  it('counts working days after the start up to today', () => {
    expect(workingDaysUsed('2026-02-12', '2026-02-26', [], lookup)).toBe(5);
    expect(workingDaysUsed('2026-02-12', '2026-02-20', [], lookup)).toBe(2);
  });

  it('leaves out closed pauses and an open pause up to today', () => {
    expect(
      workingDaysUsed(
        '2026-02-12',
        '2026-02-26',
        [{ from: '2026-02-24', to: '2026-02-25' }],
        lookup,
      ),
    ).toBe(4);
    // (02-12, 02-27] has 6 working days; the open pause (02-25, 02-27] took 2 of them.
    expect(
      workingDaysUsed('2026-02-12', '2026-02-27', [{ from: '2026-02-25', to: null }], lookup),
    ).toBe(4);
  });

  it('ignores pause days outside (start, today]', () => {
    expect(
      workingDaysUsed(
        '2026-02-12',
        '2026-02-25',
        [
          { from: '2026-02-10', to: '2026-02-13' },
          { from: '2026-02-24', to: '2026-03-02' },
        ],
        lookup,
      ),
    ).toBe(2);
  });

  it('is 0 on the start day and before it', () => {
    expect(workingDaysUsed('2026-02-12', '2026-02-12', [], lookup)).toBe(0);
    expect(workingDaysUsed('2026-02-12', '2026-02-10', [], lookup)).toBe(0);
  });
});
