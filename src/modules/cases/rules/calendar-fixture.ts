// A handwritten DayLookup for the specs, as the calendar rules' own specs use: the real 2025
// National Day and 2026 New Year / Spring Festival arrangements; other dates fall back to
// Monday–Friday, and 2027 is treated as not yet published.
import type { DayLookup } from '../../calendar/index.ts';

const MS_PER_DAY = 86_400_000;
const toUtc = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

function range(from: string, to: string): string[] {
  const dates: string[] = [];
  for (let t = toUtc(from); t <= toUtc(to); t += MS_PER_DAY) {
    dates.push(new Date(t).toISOString().slice(0, 10));
  }
  return dates;
}

const OFF = new Set([
  ...range('2025-10-01', '2025-10-08'),
  ...range('2026-01-01', '2026-01-03'),
  ...range('2026-02-15', '2026-02-23'),
]);
const MAKE_UP = new Set(['2025-09-28', '2025-10-11', '2026-01-04', '2026-02-14', '2026-02-28']);

export const lookup: DayLookup = (date) => {
  const weekday = new Date(toUtc(date)).getUTCDay(); // 0 Sunday … 6 Saturday
  return {
    working: MAKE_UP.has(date) || (!OFF.has(date) && weekday >= 1 && weekday <= 5),
    provisional: Number(date.slice(0, 4)) >= 2027,
  };
};
