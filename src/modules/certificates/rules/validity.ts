/** How long a certificate type is valid: a number of years, or long-term (长期). */
export type ValidityRule = { years: number } | { longTerm: true };

/**
 * The last valid day: issued 2026-11-28 for 5 years → valid through 2031-11-27. A start on
 * 29 February ends on 28 February.
 */
export function validUntil(issuedOn: string, rule: ValidityRule): string | null {
  if ('longTerm' in rule) return null;
  const [y, m, d] = issuedOn.split('-').map(Number) as [number, number, number];
  const end = new Date(Date.UTC(y + rule.years, m - 1, d));
  // 29 February in a year without one rolls over to 1 March: step back to the 28th first.
  if (end.getUTCMonth() !== m - 1) end.setUTCDate(0);
  else end.setUTCDate(end.getUTCDate() - 1);
  return end.toISOString().slice(0, 10);
}
