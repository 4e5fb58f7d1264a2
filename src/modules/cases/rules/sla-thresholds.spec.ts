import { describe, expect, it } from 'vitest';

import { lookup } from './calendar-fixture.ts';
import { slaLight } from './sla-light.ts';
import { lightFromThresholds, slaThresholds } from './sla-thresholds.ts';

const addDays = (iso: string, n: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const days = (from: string, n: number) => Array.from({ length: n }, (_, i) => addDays(from, i));

describe('slaThresholds', () => {
  it('puts the yellow edge after the next working day, past a whole Spring Festival', () => {
    // Friday 02-13 → make-up Saturday 02-14 is 1 left; 02-24 is the 2nd working day.
    expect(slaThresholds('2026-02-13', lookup)).toEqual({
      redBefore: '2026-02-13',
      yellowBefore: '2026-02-24',
    });
  });

  it.each([0, 1, 3])('agrees with slaLight for every due date (yellowWithin %i)', (within) => {
    for (const today of days('2025-09-25', 160)) {
      const t = slaThresholds(today, lookup, within);
      for (const due of days(addDays(today, -5), 30)) {
        expect(lightFromThresholds(due, t), `${today} → ${due}`).toBe(
          slaLight(due, today, lookup, within).light,
        );
      }
    }
  });
});
