export interface CaseNumber {
  /** The county-level division (6 digits) whose centre accepted the case. */
  divisionCode: string;
  /** YYYY-MM-DD. */
  acceptedOn: string;
  sequence: number;
}

const DIVISION = /^\d{6}$/;
const CASE_NUMBER = /^(\d{6})-(\d{4})(\d{2})(\d{2})-(\d+)$/;
const SEQUENCE_DIGITS = 6;

/**
 * The number printed on the acceptance notice (受理通知书) and quoted on the phone:
 * '330106-20261128-000042'. The division and date make it readable at a glance; the sequence
 * is zero-padded to six digits so numbers of one day sort as text, and keeps every digit past a
 * million rather than wrapping: two cases must never share a number.
 */
export function formatCaseNumber(
  divisionCode: string,
  acceptedOn: string,
  sequence: number,
): string {
  if (!DIVISION.test(divisionCode)) {
    throw new RangeError(`division code must be 6 digits: ${JSON.stringify(divisionCode)}`);
  }
  if (!isCalendarDate(acceptedOn)) {
    throw new RangeError(`not a YYYY-MM-DD calendar date: ${JSON.stringify(acceptedOn)}`);
  }
  if (!Number.isSafeInteger(sequence) || sequence < 0) {
    throw new RangeError(`sequence must be a non-negative integer: ${sequence}`);
  }
  const date = acceptedOn.replaceAll('-', '');
  return `${divisionCode}-${date}-${String(sequence).padStart(SEQUENCE_DIGITS, '0')}`;
}

/**
 * The parts of a case number, or null for anything formatCaseNumber could not have produced
 * (a typed-in number may be mistyped): an impossible date, a short sequence, or a long one
 * padded with extra zeros.
 */
export function parseCaseNumber(value: string): CaseNumber | null {
  const match = CASE_NUMBER.exec(value);
  if (!match) return null;
  const [, divisionCode, yyyy, mm, dd, digits] = match as unknown as [
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  const acceptedOn = `${yyyy}-${mm}-${dd}`;
  if (!isCalendarDate(acceptedOn)) return null;
  if (digits.length < SEQUENCE_DIGITS) return null;
  if (digits.length > SEQUENCE_DIGITS && digits.startsWith('0')) return null;
  const sequence = Number(digits);
  if (!Number.isSafeInteger(sequence)) return null;
  return { divisionCode, acceptedOn, sequence };
}

/** A real YYYY-MM-DD date: Date rolls 02-30 over into March, which the round trip exposes. */
function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC reads years 0–99 as 1900–1999; no case was accepted then, so those fail too.
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}
