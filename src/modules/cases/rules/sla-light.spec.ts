import { describe, expect, it } from 'vitest';

import { lookup } from './calendar-fixture.ts';
import { slaLight } from './sla-light.ts';

describe('slaLight', () => {
  it('is green with two working days left, yellow the day before, yellow on the day, red after', () => {
    expect(slaLight('2026-02-26', '2026-02-24', lookup)).toEqual({ light: 'green', remaining: 2 });
    expect(slaLight('2026-02-26', '2026-02-25', lookup)).toEqual({ light: 'yellow', remaining: 1 });
    expect(slaLight('2026-02-26', '2026-02-26', lookup)).toEqual({ light: 'yellow', remaining: 0 });
    expect(slaLight('2026-02-26', '2026-02-27', lookup)).toEqual({ light: 'red', remaining: -1 });
  });

  it('counts working days, not calendar days, across Spring Festival', () => {
    // Only 02-24 lies in (02-20, 02-24]: a week away on the calendar, one working day away.
    expect(slaLight('2026-02-24', '2026-02-20', lookup)).toEqual({ light: 'yellow', remaining: 1 });
    // 02-14 (make-up Saturday) and 02-24.
    expect(slaLight('2026-02-24', '2026-02-13', lookup)).toEqual({ light: 'green', remaining: 2 });
  });

  it('treats a make-up Saturday as a due date like any other', () => {
    expect(slaLight('2026-02-28', '2026-02-27', lookup).light).toBe('yellow');
    expect(slaLight('2026-02-28', '2026-03-01', lookup)).toEqual({ light: 'red', remaining: 0 });
  });

  it('is red on a holiday after the due date even with no working day gone yet', () => {
    expect(slaLight('2025-09-30', '2025-10-03', lookup)).toEqual({ light: 'red', remaining: 0 });
  });

  it('widens the yellow band with yellowWithin', () => {
    expect(slaLight('2026-02-26', '2026-02-13', lookup, 3)).toEqual({
      light: 'green',
      remaining: 4,
    });
    expect(slaLight('2026-02-26', '2026-02-14', lookup, 3)).toEqual({
      light: 'yellow',
      remaining: 3,
    });
    expect(slaLight('2026-02-26', '2026-02-25', lookup, 0).light).toBe('green');
  });

  it('is paused when the clock is stopped', () => {
    expect(slaLight(null, '2026-02-25', lookup)).toEqual({ light: 'paused', remaining: null });
  });
});
