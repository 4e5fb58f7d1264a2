import { describe, expect, it } from 'vitest';
import { localDate } from './clock.ts';

const intl = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

describe('localDate', () => {
  it('turns at midnight in Shanghai, not at midnight UTC', () => {
    expect(localDate(new Date('2026-11-30T15:59:59.999Z'))).toBe('2026-11-30');
    expect(localDate(new Date('2026-11-30T16:00:00.000Z'))).toBe('2026-12-01');
  });

  it("agrees with the time-zone database hour by hour, over summer time's last years too", () => {
    const start = Date.UTC(1986, 0, 1);
    const end = Date.UTC(2040, 0, 1);
    let disagreements = 0;
    for (let t = start; t < end; t += 3600 * 1000 * 7) {
      const at = new Date(t);
      if (localDate(at) !== intl.format(at)) disagreements++;
    }
    expect(disagreements).toBe(0);
  });
});
