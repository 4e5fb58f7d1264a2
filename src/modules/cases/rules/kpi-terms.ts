/**
 * Which summary rows make up a period's sums (see migration 2026112917): a whole calendar month
 * is one month row; a month the period mostly covers is its month row minus the days left out;
 * the rest are day rows. A 30-day period then reads about 3 terms' rows, not 30 days' rows.
 * Dates are YYYY-MM-DD; both ends inclusive.
 */
export interface KpiTerm {
  span: 'day' | 'month';
  /** The day, or the first day of the month. */
  day: string;
  sign: 1 | -1;
}

const DAY_MS = 86_400_000;
const toMs = (d: string) => Date.parse(`${d}T00:00:00Z`);
const toDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

function daysBetween(first: number, last: number, sign: 1 | -1): KpiTerm[] {
  const out: KpiTerm[] = [];
  for (let t = first; t <= last; t += DAY_MS) out.push({ span: 'day', day: toDay(t), sign });
  return out;
}

export function kpiTerms(from: string, to: string): KpiTerm[] {
  const start = toMs(from);
  const end = toMs(to);
  const terms: KpiTerm[] = [];
  for (
    let monthStart = Date.UTC(new Date(start).getUTCFullYear(), new Date(start).getUTCMonth(), 1);
    monthStart <= end;
  ) {
    const m = new Date(monthStart);
    const next = Date.UTC(m.getUTCFullYear(), m.getUTCMonth() + 1, 1);
    const monthEnd = next - DAY_MS;
    const first = Math.max(start, monthStart);
    const last = Math.min(end, monthEnd);
    const covered = (last - first) / DAY_MS + 1;
    const left = (monthEnd - monthStart) / DAY_MS + 1 - covered;
    if (covered > left + 1) {
      terms.push({ span: 'month', day: toDay(monthStart), sign: 1 });
      terms.push(...daysBetween(monthStart, first - DAY_MS, -1));
      terms.push(...daysBetween(last + DAY_MS, monthEnd, -1));
    } else {
      terms.push(...daysBetween(first, last, 1));
    }
    monthStart = next;
  }
  return terms;
}
