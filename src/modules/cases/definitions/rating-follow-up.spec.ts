import { describe, expect, it } from 'vitest';

import { lookup } from '../rules/calendar-fixture.ts';
import { advance } from '../rules/open-steps.ts';
import { routeOwner } from '../rules/route-owner.ts';
import { dueDate } from '../rules/step-deadline.ts';
import { validateDefinition } from '../rules/validate-definition.ts';
import { RATING_FOLLOW_UP } from './rating-follow-up.ts';

describe('RATING_FOLLOW_UP', () => {
  it('is a valid definition', () => {
    expect(validateDefinition(RATING_FOLLOW_UP)).toEqual([]);
  });

  it('calls back first, then rectifies, both at the department responsible', () => {
    expect(advance(RATING_FOLLOW_UP, {}, () => true)).toEqual({ open: ['call_back'], skip: [] });
    expect(advance(RATING_FOLLOW_UP, { call_back: 'done' }, () => true).open).toEqual([
      'rectify_reply',
    ]);
    for (const step of RATING_FOLLOW_UP.steps) {
      expect(routeOwner(step, { responsibleDepartment: 'dept:housing' })).toEqual({
        ok: true,
        orgUnit: 'dept:housing',
      });
    }
  });

  it('promises the sum of its steps: 1 + 15 working days', () => {
    expect(RATING_FOLLOW_UP.steps.map((s) => s.limitDays)).toEqual([1, 15]);
    expect(RATING_FOLLOW_UP.promisedDays).toBe(16);
  });

  it('gives the call-back until the next working day, across National Day', () => {
    // Rated on the last day before the holiday: the call is due the day work resumes.
    expect(dueDate('2025-09-30', 1, [], lookup).due).toBe('2025-10-09');
    expect(dueDate('2025-09-30', 16, [], lookup).due).toBe('2025-10-29');
  });
});
