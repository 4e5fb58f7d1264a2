export interface ThrottlePolicy {
  windowMinutes: number;
  /** Failures for one username since its last success, within the window. */
  maxFailuresPerUsername: number;
  /** Failures from one address within the window, whatever the username (password spraying). */
  maxFailuresPerIp: number;
}

export const DEFAULT_THROTTLE: ThrottlePolicy = {
  windowMinutes: 15,
  maxFailuresPerUsername: 5,
  maxFailuresPerIp: 30,
};

export interface AttemptCounts {
  usernameFailures: number;
  ipFailures: number;
  /** When the oldest counted failure leaves the window. */
  oldestFailureAt: Date | null;
}

/** Whether a sign-in may be tried now, and if not, for how many more minutes. */
export function loginThrottle(
  counts: AttemptCounts,
  now: Date,
  policy: ThrottlePolicy = DEFAULT_THROTTLE,
): { allowed: true } | { allowed: false; retryAfterMinutes: number } {
  const blocked =
    counts.usernameFailures >= policy.maxFailuresPerUsername ||
    counts.ipFailures >= policy.maxFailuresPerIp;
  if (!blocked) return { allowed: true };
  const windowMs = policy.windowMinutes * 60_000;
  const freeAt = counts.oldestFailureAt
    ? counts.oldestFailureAt.getTime() + windowMs
    : now.getTime() + windowMs;
  return {
    allowed: false,
    retryAfterMinutes: Math.max(1, Math.ceil((freeAt - now.getTime()) / 60_000)),
  };
}
