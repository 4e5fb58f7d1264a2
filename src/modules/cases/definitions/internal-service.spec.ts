import { describe, expect, it } from 'vitest';

import { lookup } from '../rules/calendar-fixture.ts';
import { advance, isFinished } from '../rules/open-steps.ts';
import { routeOwner } from '../rules/route-owner.ts';
import { dueDate } from '../rules/step-deadline.ts';
import { validateDefinition } from '../rules/validate-definition.ts';
import { INTERNAL_SERVICE } from './internal-service.ts';

describe('INTERNAL_SERVICE', () => {
  it('is a valid definition', () => {
    expect(validateDefinition(INTERNAL_SERVICE)).toEqual([]);
  });

  it('opens provide once the request is made, with the department asked', () => {
    const { open } = advance(INTERNAL_SERVICE, { request: 'done', provide: 'waiting' }, () => true);
    expect(open).toEqual(['provide']);
    const provide = INTERNAL_SERVICE.steps[1]!;
    expect(
      routeOwner(provide, {
        targetDepartment: 'dept:public-security',
        requesterDepartment: 'dept:civil-affairs',
      }),
    ).toEqual({ ok: true, orgUnit: 'dept:public-security' });
    expect(
      routeOwner(INTERNAL_SERVICE.steps[0]!, { requesterDepartment: 'dept:civil-affairs' }),
    ).toEqual({ ok: true, orgUnit: 'dept:civil-affairs' });
  });

  it('promises what the provide step allows: 3 working days', () => {
    const limits = INTERNAL_SERVICE.steps.map((s) => s.limitDays ?? 0);
    expect(limits.reduce((a, b) => a + b, 0)).toBe(INTERNAL_SERVICE.promisedDays);
    expect(INTERNAL_SERVICE.statutoryDays).toBeNull();
    // Asked on the last day before Spring Festival: 02-14 (make-up), 02-24, 02-25.
    expect(dueDate('2026-02-13', 3, [], lookup).due).toBe('2026-02-25');
  });

  it('is finished when provide is done', () => {
    expect(isFinished(INTERNAL_SERVICE, { request: 'done', provide: 'done' })).toBe(true);
  });
});
