import { describe, expect, it } from 'vitest';

import { checkUscc, usccCheckCharacter } from './uscc.ts';

const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

function withCheck(first17: string): string {
  return first17 + usccCheckCharacter(first17);
}

// Deterministic so a failure can be reproduced; the seed is arbitrary.
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

describe('usccCheckCharacter', () => {
  it('computes the check character of the commonly cited example', () => {
    expect(usccCheckCharacter('91350100M000100Y4')).toBe('3');
  });

  it('maps a sum divisible by 31 to 0, not to a 32nd character', () => {
    expect(usccCheckCharacter('00000000000000000')).toBe('0');
  });

  it('refuses input that is not 17 code characters', () => {
    expect(() => usccCheckCharacter('91350100M000100Y')).toThrow(RangeError);
    expect(() => usccCheckCharacter('91350100M000100I4')).toThrow(RangeError);
  });
});

describe('checkUscc', () => {
  it('accepts 91350100M000100Y43', () => {
    expect(checkUscc('91350100M000100Y43')).toEqual({
      ok: true,
      value: '91350100M000100Y43',
      divisionCode: '350100',
      organizationCode: 'M000100Y4',
    });
  });

  it('accepts lower case and surrounding whitespace', () => {
    expect(checkUscc(' 91350100m000100y43 ')).toMatchObject({
      ok: true,
      value: '91350100M000100Y43',
    });
  });

  it.each([
    ['91330106MA27XU0E1', '330106'], // enterprise, 工商 / market regulation
    ['92330106MA2H4KQ01', '330106'], // 个体工商户
    ['12330100470116614', '330100'], // 事业单位, 机构编制
    ['51330106MJ8912345', '330106'], // 社会团体, 民政
    ['N2330106MF1234567', '330106'], // 村级集体经济组织, 农业
    ['Y1330106MC1234567', '330106'], // 其他
    ['91100000100003962', '100000'], // registered nationally: 100000 is not a province
  ])('accepts %s plus its computed check character', (first17, divisionCode) => {
    const code = withCheck(first17);
    expect(checkUscc(code)).toEqual({
      ok: true,
      value: code,
      divisionCode,
      organizationCode: code.slice(8, 17),
    });
  });

  it.each([
    ['', 'length'],
    ['91350100M000100Y4', 'length'],
    ['91350100M000100Y433', 'length'],
    ['91350100-M000100Y43', 'length'],
    ['91350100M000100I43', 'format'],
    ['91350100M000100O43', 'format'],
    ['91350100M000100Z43', 'format'],
    ['91350100M000100S43', 'format'],
    ['91350100M000100V43', 'format'],
    ['91350100M000100Y4-', 'format'],
    [withCheck('01350100M000100Y4'), 'registration_authority'],
    [withCheck('B1350100M000100Y4'), 'registration_authority'],
    [withCheck('9135A100M000100Y4'), 'division_code'],
    [withCheck('91M50100M000100Y4'), 'division_code'],
    ['91350100M000100Y44', 'check_character'],
    ['91350100M000100Y34', 'check_character'],
  ] as const)('rejects %j with problem %s', (input, problem) => {
    expect(checkUscc(input)).toEqual({ ok: false, problem });
  });

  it('rejects every single-character change of a valid code', () => {
    const random = mulberry32(32_100);
    const pick = (alphabet: string) => alphabet.charAt(Math.floor(random() * alphabet.length));
    const wronglyAccepted: string[] = [];
    for (let n = 0; n < 200; n += 1) {
      let first17 = `${pick('123456789ANY')}${pick(CHARSET)}`;
      for (let i = 0; i < 6; i += 1) first17 += pick('0123456789');
      for (let i = 0; i < 9; i += 1) first17 += pick(CHARSET);
      const code = withCheck(first17);
      expect(checkUscc(code).ok, code).toBe(true);

      for (let position = 0; position < 18; position += 1) {
        for (const replacement of CHARSET) {
          if (replacement === code[position]) continue;
          const changed = code.slice(0, position) + replacement + code.slice(position + 1);
          if (checkUscc(changed).ok) wronglyAccepted.push(changed);
        }
      }
    }
    expect(wronglyAccepted).toEqual([]);
  });
});
