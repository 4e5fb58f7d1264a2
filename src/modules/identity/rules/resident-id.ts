/**
 * Citizen identity number (公民身份号码), GB 11643-1999: a 6-digit administrative division code
 * (GB/T 2260), an 8-digit birth date, a 3-digit sequence number whose last digit is odd for men
 * and even for women, and an ISO 7064 MOD 11-2 check character.
 */

export type ResidentIdProblem =
  'length' | 'format' | 'division_code' | 'birth_date' | 'check_character';

export type ResidentIdCheck =
  | {
      ok: true;
      value: string;
      divisionCode: string;
      birthDate: string /* YYYY-MM-DD */;
      sex: 'male' | 'female';
    }
  | { ok: false; problem: ResidentIdProblem };

// GB/T 2260 province-level codes. 71 (Taiwan), 81 (Hong Kong) and 82 (Macao) are the division
// codes; 83 is added because residence permits for Hong Kong, Macao and Taiwan residents
// (港澳台居民居住证, 2018) carry numbers in this same format with 810000, 820000 and 830000.
// prettier-ignore
const PROVINCE_CODES: ReadonlySet<string> = new Set([
  '11', '12', '13', '14', '15',
  '21', '22', '23',
  '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46',
  '50', '51', '52', '53', '54',
  '61', '62', '63', '64', '65',
  '71', '81', '82', '83',
]);

// 1880 rather than the more natural 1900: the standard's own example 440524188001010014 has
// birth year 1880, and a validator that rejects the standard's example invites doubt about the
// rest of it. Nobody alive was born before 1900, so the lower bound only catches typos anyway.
const EARLIEST_BIRTH_DATE = '1880-01-01';

// Birth dates are Chinese calendar dates. China has kept UTC+8 without DST since 1991, so a fixed
// offset gives the local date whatever time zone the server runs in.
const CHINA_OFFSET_MS = 8 * 3_600_000;

// W_i = 2^(17-i) mod 11 for positions i = 0..16, per ISO 7064 MOD 11-2.
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARACTERS = '10X98765432';

export function residentIdCheckCharacter(first17: string): string {
  if (!/^\d{17}$/.test(first17)) {
    throw new RangeError(`expected 17 digits, got ${JSON.stringify(first17)}`);
  }
  let sum = 0;
  WEIGHTS.forEach((weight, i) => {
    sum += Number(first17[i]) * weight;
  });
  return CHECK_CHARACTERS.charAt(sum % 11);
}

function isPlausibleBirthDate(yyyymmdd: string, today: Date): boolean {
  const year = Number(yyyymmdd.slice(0, 4));
  const month = Number(yyyymmdd.slice(4, 6));
  const day = Number(yyyymmdd.slice(6, 8));
  const date = new Date(Date.UTC(year, month - 1, day));
  const real =
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  if (!real) return false;
  const iso = `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`;
  const todayInChina = new Date(today.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
  return iso >= EARLIEST_BIRTH_DATE && iso <= todayInChina;
}

export function checkResidentId(input: string, today: Date = new Date()): ResidentIdCheck {
  const trimmed = input.trim();
  const value = trimmed.endsWith('x') ? `${trimmed.slice(0, -1)}X` : trimmed;
  if (value.length !== 18) return { ok: false, problem: 'length' };
  if (!/^\d{17}[\dX]$/.test(value)) return { ok: false, problem: 'format' };
  if (!PROVINCE_CODES.has(value.slice(0, 2))) return { ok: false, problem: 'division_code' };
  const birth = value.slice(6, 14);
  if (!isPlausibleBirthDate(birth, today)) return { ok: false, problem: 'birth_date' };
  if (residentIdCheckCharacter(value.slice(0, 17)) !== value.charAt(17)) {
    return { ok: false, problem: 'check_character' };
  }
  return {
    ok: true,
    value,
    divisionCode: value.slice(0, 6),
    birthDate: `${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6, 8)}`,
    sex: Number(value.charAt(16)) % 2 === 1 ? 'male' : 'female',
  };
}
