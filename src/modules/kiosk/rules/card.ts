import { checkResidentId, type ResidentIdProblem } from '../../identity/index.ts';

/**
 * What a resident ID card reader posts: the fields of the card's chip (GB 11643 number, name,
 * and the validity period printed on the back, 有效期限). A card of someone 46 or older is valid
 * for life (长期): `validTo` is then `长期` (or `long-term`).
 */
export interface CardRead {
  name: string;
  residentId: string;
  validFrom: string;
  validTo: string;
}

export type CardProblem =
  | { field: 'name'; problem: 'missing' }
  | { field: 'residentId'; problem: ResidentIdProblem }
  | { field: 'validFrom' | 'validTo'; problem: 'date_invalid' }
  | { field: 'validFrom'; problem: 'not_yet_valid'; date: string }
  | { field: 'validTo'; problem: 'expired'; date: string }
  | { field: 'validTo'; problem: 'before_valid_from' };

export type CardCheck =
  | { ok: true; residentId: string; name: string; validFrom: string; validTo: string | null }
  | ({ ok: false } & CardProblem);

const LONG_TERM = new Set(['长期', 'long-term', 'longterm', 'LONG-TERM']);
const CHINA_OFFSET_MS = 8 * 3_600_000;

/** Today's date in China (UTC+8, no daylight saving), as YYYY-MM-DD. */
export function chinaDate(now: Date): string {
  return new Date(now.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** `YYYYMMDD` (what card readers give), `YYYY-MM-DD` or `YYYY.MM.DD` → `YYYY-MM-DD`, else null. */
export function cardDate(value: string): string | null {
  const m = /^(\d{4})[-.]?(\d{2})[-.]?(\d{2})$/.exec(value.trim());
  if (!m) return null;
  const [, y, mo, d] = m as unknown as [string, string, string, string];
  const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  const real =
    date.getUTCFullYear() === Number(y) &&
    date.getUTCMonth() === Number(mo) - 1 &&
    date.getUTCDate() === Number(d);
  return real ? `${y}-${mo}-${d}` : null;
}

/**
 * Whether a card may sign its holder in today: a well-formed name, a resident ID with a valid
 * GB 11643 check character, and a validity period that includes today's date in China. A card
 * is valid through the last day printed on it. `now` is injectable for tests.
 */
export function checkCard(card: CardRead, now: Date = new Date()): CardCheck {
  const name = card.name.trim();
  if (!name) return { ok: false, field: 'name', problem: 'missing' };
  const id = checkResidentId(card.residentId, now);
  if (!id.ok) return { ok: false, field: 'residentId', problem: id.problem };
  const validFrom = cardDate(card.validFrom);
  if (!validFrom) return { ok: false, field: 'validFrom', problem: 'date_invalid' };
  const longTerm = LONG_TERM.has(card.validTo.trim());
  const validTo = longTerm ? null : cardDate(card.validTo);
  if (!longTerm && !validTo) return { ok: false, field: 'validTo', problem: 'date_invalid' };
  if (validTo && validTo < validFrom) {
    return { ok: false, field: 'validTo', problem: 'before_valid_from' };
  }
  const today = chinaDate(now);
  if (validFrom > today) {
    return { ok: false, field: 'validFrom', problem: 'not_yet_valid', date: validFrom };
  }
  if (validTo && validTo < today) {
    return { ok: false, field: 'validTo', problem: 'expired', date: validTo };
  }
  return { ok: true, residentId: id.value, name, validFrom, validTo };
}
