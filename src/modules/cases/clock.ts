/** The engine's sense of time, injectable so that seeds and tests can act on past dates. */
export interface Clock {
  now(): Date;
}

export const SYSTEM_CLOCK: Clock = { now: () => new Date() };

const shanghaiDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Deadlines are calendar dates in China: store UTC, count days in Asia/Shanghai. */
export function localDate(at: Date): string {
  return shanghaiDate.format(at);
}
