/**
 * Calendar dates as plain `YYYY-MM-DD` strings. All arithmetic goes through UTC so that the
 * server's time zone (often UTC in containers, Asia/Shanghai on district hosts) can never shift
 * a date by one day.
 */

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function toUtcDate(iso: string): Date | undefined {
  const match = ISO_DATE.exec(iso);
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  // setUTCFullYear rather than Date.UTC: Date.UTC maps years 0–99 to 1900–1999.
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  // Date silently rolls 02-30 over into March; a round trip exposes that.
  if (
    date.getUTCFullYear() !== year ||
    date.getUTCMonth() !== month - 1 ||
    date.getUTCDate() !== day
  ) {
    return undefined;
  }
  return date;
}

export function isIsoDate(value: string): boolean {
  return toUtcDate(value) !== undefined;
}

/** Midnight UTC of the given date; throws RangeError on anything but a real `YYYY-MM-DD` date. */
export function parseIsoDate(iso: string): Date {
  const date = toUtcDate(iso);
  if (!date) throw new RangeError(`not a YYYY-MM-DD calendar date: ${JSON.stringify(iso)}`);
  return date;
}

export function formatIsoDate(date: Date): string {
  if (Number.isNaN(date.getTime())) throw new RangeError('invalid Date');
  const year = date.getUTCFullYear();
  if (year < 0 || year > 9999) throw new RangeError(`year out of range: ${year}`);
  const yyyy = String(year).padStart(4, '0');
  const mm = String(date.getUTCMonth() + 1).padStart(2, '0');
  const dd = String(date.getUTCDate()).padStart(2, '0');
  return `${yyyy}-${mm}-${dd}`;
}

export function addDays(iso: string, days: number): string {
  if (!Number.isSafeInteger(days)) throw new RangeError(`days must be an integer: ${days}`);
  return formatIsoDate(new Date(parseIsoDate(iso).getTime() + days * MS_PER_DAY));
}

/** Calendar days from `from` to `to`; negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((parseIsoDate(to).getTime() - parseIsoDate(from).getTime()) / MS_PER_DAY);
}

/** ISO 8601 weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(iso: string): number {
  const day = parseIsoDate(iso).getUTCDay();
  return day === 0 ? 7 : day;
}
