import { describe, expect, it } from 'vitest';
import { DEFAULT_THROTTLE, loginThrottle } from './login-throttle.ts';

const now = new Date('2026-11-28T08:00:00Z');
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);

describe('loginThrottle', () => {
  it('allows a sign-in below the limits', () => {
    expect(
      loginThrottle({ usernameFailures: 4, ipFailures: 4, oldestFailureAt: minutesAgo(3) }, now),
    ).toEqual({
      allowed: true,
    });
  });
  it('blocks the fifth failure of a username until the oldest one leaves the window', () => {
    expect(
      loginThrottle({ usernameFailures: 5, ipFailures: 5, oldestFailureAt: minutesAgo(3) }, now),
    ).toEqual({
      allowed: false,
      retryAfterMinutes: DEFAULT_THROTTLE.windowMinutes - 3,
    });
  });
  it('blocks an address spraying many usernames', () => {
    const r = loginThrottle(
      { usernameFailures: 0, ipFailures: 30, oldestFailureAt: minutesAgo(14.5) },
      now,
    );
    expect(r).toEqual({ allowed: false, retryAfterMinutes: 1 });
  });
});
