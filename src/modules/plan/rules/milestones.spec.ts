import { describe, expect, it } from 'vitest';
import {
  actualDateOutOfOrder,
  checkMilestone,
  daysBetween,
  projectStatus,
  type MilestoneDates,
} from './milestones.ts';

const m = (
  key: MilestoneDates['key'],
  plannedOn: string | null,
  actualOn: string | null,
): MilestoneDates => ({ key, plannedOn, actualOn });

describe('daysBetween', () => {
  it('counts calendar days across months, leap days and years', () => {
    expect(daysBetween('2020-02-28', '2020-03-01')).toBe(2);
    expect(daysBetween('2019-12-31', '2020-01-01')).toBe(1);
    expect(daysBetween('2020-06-30', '2020-06-01')).toBe(-29);
  });

  it('refuses what is not a calendar date', () => {
    expect(() => daysBetween('2020-02-30', '2020-03-01')).toThrow(RangeError);
    expect(() => daysBetween('2020-2-3', '2020-03-01')).toThrow(RangeError);
  });
});

describe('checkMilestone (the slippage warning)', () => {
  const today = '2020-09-15';

  it('warns when the actual date is after the planned one', () => {
    expect(checkMilestone(m('groundbreaking', '2020-03-31', '2020-05-10'), today)).toEqual({
      key: 'groundbreaking',
      state: 'done-late',
      slipDays: 40,
      warning: true,
    });
  });

  it('does not warn for a milestone reached on time or early', () => {
    for (const actual of ['2020-03-31', '2020-03-01'])
      expect(checkMilestone(m('groundbreaking', '2020-03-31', actual), today)).toMatchObject({
        state: 'done',
        slipDays: 0,
        warning: false,
      });
  });

  it('warns when the planned date has passed without an actual date', () => {
    expect(checkMilestone(m('completion', '2020-09-01', null), today)).toEqual({
      key: 'completion',
      state: 'overdue',
      slipDays: 14,
      warning: true,
    });
  });

  it('does not warn on the planned day itself, nor before it', () => {
    expect(checkMilestone(m('completion', today, null), today)).toMatchObject({
      state: 'pending',
      warning: false,
    });
    expect(checkMilestone(m('in-use', '2021-06-30', null), today).warning).toBe(false);
  });

  it('has nothing to say about an unplanned milestone, reached or not', () => {
    expect(checkMilestone(m('planning', null, null), today)).toMatchObject({
      state: 'unplanned',
      warning: false,
    });
    expect(checkMilestone(m('planning', null, '2019-01-01'), today)).toMatchObject({
      state: 'done',
      warning: false,
    });
  });
});

describe('projectStatus', () => {
  it('follows the furthest milestone reached', () => {
    const plan = [
      m('planning', '2019-01-01', '2019-01-01'),
      m('groundbreaking', '2019-06-01', null),
      m('topping-out', '2020-06-01', null),
      m('completion', '2021-06-01', null),
      m('in-use', '2021-12-01', null),
    ];
    expect(projectStatus(plan)).toBe('preparing');
    plan[1]!.actualOn = '2019-06-20';
    expect(projectStatus(plan)).toBe('under-construction');
    plan[3]!.actualOn = '2021-07-01';
    expect(projectStatus(plan)).toBe('completed');
    plan[4]!.actualOn = '2021-12-01';
    expect(projectStatus(plan)).toBe('in-use');
  });
});

describe('actualDateOutOfOrder', () => {
  const ms = [
    m('planning', null, '2019-03-01'),
    m('groundbreaking', null, '2019-06-20'),
    m('topping-out', null, null),
    m('completion', null, '2021-05-01'),
  ];

  it('accepts a date between its neighbours', () => {
    expect(actualDateOutOfOrder(ms, 'topping-out', '2020-10-01')).toBeNull();
    expect(actualDateOutOfOrder(ms, 'groundbreaking', '2019-06-20')).toBeNull();
  });

  it('refuses a date before an earlier milestone or after a later one', () => {
    expect(actualDateOutOfOrder(ms, 'topping-out', '2019-05-01')).toEqual({
      bound: 'minimum',
      limit: '2019-06-20',
      other: 'groundbreaking',
    });
    expect(actualDateOutOfOrder(ms, 'topping-out', '2021-06-01')).toEqual({
      bound: 'maximum',
      limit: '2021-05-01',
      other: 'completion',
    });
  });
});
