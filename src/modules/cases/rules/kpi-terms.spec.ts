import { describe, expect, it } from 'vitest';
import { kpiTerms, type KpiTerm } from './kpi-terms.ts';

const DAY_MS = 86_400_000;
/** How many times each day is counted by the terms, given each month's length. */
function coverage(terms: KpiTerm[]) {
  const count = new Map<string, number>();
  const add = (day: string, n: number) => count.set(day, (count.get(day) ?? 0) + n);
  for (const t of terms) {
    if (t.span === 'day') add(t.day, t.sign);
    else {
      const first = Date.parse(`${t.day}T00:00:00Z`);
      const m = new Date(first);
      const next = Date.UTC(m.getUTCFullYear(), m.getUTCMonth() + 1, 1);
      for (let d = first; d < next; d += DAY_MS)
        add(new Date(d).toISOString().slice(0, 10), t.sign);
    }
  }
  return new Map([...count].filter(([, n]) => n !== 0));
}
const daysOf = (from: string, to: string) => {
  const out = new Map<string, number>();
  for (let d = Date.parse(`${from}T00:00:00Z`); d <= Date.parse(`${to}T00:00:00Z`); d += DAY_MS)
    out.set(new Date(d).toISOString().slice(0, 10), 1);
  return out;
};

describe('kpiTerms', () => {
  it('reads the last 30 days as one day, a month and the month’s day still to come', () => {
    expect(kpiTerms('2026-10-31', '2026-11-29')).toEqual([
      { span: 'day', day: '2026-10-31', sign: 1 },
      { span: 'month', day: '2026-11-01', sign: 1 },
      { span: 'day', day: '2026-11-30', sign: -1 },
    ]);
  });

  it('reads a whole month as its month row alone, February of a leap year too', () => {
    expect(kpiTerms('2028-02-01', '2028-02-29')).toEqual([
      { span: 'month', day: '2028-02-01', sign: 1 },
    ]);
  });

  it('takes the days left out at both ends of a month from its month row', () => {
    expect(kpiTerms('2026-03-02', '2026-03-29')).toEqual([
      { span: 'month', day: '2026-03-01', sign: 1 },
      { span: 'day', day: '2026-03-01', sign: -1 },
      { span: 'day', day: '2026-03-30', sign: -1 },
      { span: 'day', day: '2026-03-31', sign: -1 },
    ]);
  });

  it('reads a short period as its days', () => {
    expect(kpiTerms('2026-11-10', '2026-11-12')).toEqual([
      { span: 'day', day: '2026-11-10', sign: 1 },
      { span: 'day', day: '2026-11-11', sign: 1 },
      { span: 'day', day: '2026-11-12', sign: 1 },
    ]);
    expect(kpiTerms('2026-11-29', '2026-11-29')).toEqual([
      { span: 'day', day: '2026-11-29', sign: 1 },
    ]);
  });

  it('counts every day of the period exactly once and no other day, across years', () => {
    for (const [from, to] of [
      ['2026-01-01', '2026-12-31'],
      ['2025-12-15', '2026-03-16'],
      ['2026-02-14', '2026-02-28'],
      ['2024-02-02', '2024-03-30'],
      ['2025-11-01', '2026-12-04'],
    ] as const) {
      const terms = kpiTerms(from, to);
      expect(coverage(terms)).toEqual(daysOf(from, to));
    }
    expect(kpiTerms('2026-01-01', '2026-12-31')).toHaveLength(12);
  });
});
