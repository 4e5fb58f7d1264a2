const shanghaiDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Today in China (`YYYY-MM-DD`): "in the future" and "overdue" are judged by the district's date. */
export const shanghaiToday = (at: Date = new Date()): string => shanghaiDate.format(at);

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether a string is a real `YYYY-MM-DD` calendar date (no 2020-02-30). */
export function isCalendarDate(value: string): boolean {
  const m = ISO.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return Number(m[1]) >= 1000 && d.toISOString().slice(0, 10) === value;
}
