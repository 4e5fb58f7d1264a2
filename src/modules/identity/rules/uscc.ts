/**
 * Unified social credit code (统一社会信用代码), GB 32100-2015: registration authority (1 char),
 * organization category (1), administrative division code (6), subject identifier — the former
 * GB 11714 organization code — (9), check character (1).
 */

export type UsccProblem =
  'length' | 'format' | 'registration_authority' | 'division_code' | 'check_character';

export type UsccCheck =
  | { ok: true; value: string; divisionCode: string; organizationCode: string }
  | { ok: false; problem: UsccProblem };

// The standard leaves out I, O, Z, S and V so they cannot be misread as 1, 0, 2, 5 and U.
// A character's position in this string is its numeric value in the checksum.
const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

// From memory of the standard's table of registration authorities (not checked against the text):
// 1 机构编制, 2 外交, 3 司法行政, 4 文化, 5 民政, 6 旅游, 7 宗教, 8 工会, 9 工商 (market
// regulation), A 中央军委改革和编制办公室, N 农业, Y 其他. A and N may come from a later
// amendment rather than the 2015 text; they are accepted because such codes are issued. The
// second character (organization category) is not checked: its table varies per authority and a
// wrong guess would reject real codes.
const REGISTRATION_AUTHORITIES: ReadonlySet<string> = new Set('123456789ANY');

// W_i = 3^i mod 31. Not the GB 11714 weights 3, 7, 9, 10, 5, 8, 4, 2 — those belong to the
// 9-character organization code embedded in positions 9–17, which has its own mod-11 check.
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

const VALID_CHARACTERS = new RegExp(`^[${CHARSET}]*$`);

export function usccCheckCharacter(first17: string): string {
  if (first17.length !== 17 || !VALID_CHARACTERS.test(first17)) {
    throw new RangeError(`expected 17 code characters, got ${JSON.stringify(first17)}`);
  }
  let sum = 0;
  WEIGHTS.forEach((weight, i) => {
    sum += CHARSET.indexOf(first17.charAt(i)) * weight;
  });
  return CHARSET.charAt((31 - (sum % 31)) % 31);
}

export function checkUscc(input: string): UsccCheck {
  // People type these codes in lower case often enough; the standard's letters are all capitals.
  const value = input.trim().toUpperCase();
  if (value.length !== 18) return { ok: false, problem: 'length' };
  if (!VALID_CHARACTERS.test(value)) return { ok: false, problem: 'format' };
  if (!REGISTRATION_AUTHORITIES.has(value.charAt(0))) {
    return { ok: false, problem: 'registration_authority' };
  }
  const divisionCode = value.slice(2, 8);
  if (!/^\d{6}$/.test(divisionCode)) return { ok: false, problem: 'division_code' };
  if (usccCheckCharacter(value.slice(0, 17)) !== value.charAt(17)) {
    return { ok: false, problem: 'check_character' };
  }
  return { ok: true, value, divisionCode, organizationCode: value.slice(8, 17) };
}
