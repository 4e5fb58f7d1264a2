import { describe, expect, it } from 'vitest';

import { checkResidentId, residentIdCheckCharacter } from './resident-id.ts';

const TODAY = new Date('2026-03-01T04:00:00Z');

function withCheck(first17: string): string {
  return first17 + residentIdCheckCharacter(first17);
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

describe('residentIdCheckCharacter', () => {
  it('computes the standard examples', () => {
    expect(residentIdCheckCharacter('11010519491231002')).toBe('X');
    expect(residentIdCheckCharacter('44052418800101001')).toBe('4');
  });

  it('refuses anything but 17 digits', () => {
    expect(() => residentIdCheckCharacter('1101051949123100')).toThrow(RangeError);
    expect(() => residentIdCheckCharacter('1101051949123100A')).toThrow(RangeError);
  });
});

describe('checkResidentId', () => {
  it('accepts the GB 11643 example with check character X', () => {
    expect(checkResidentId('11010519491231002X', TODAY)).toEqual({
      ok: true,
      value: '11010519491231002X',
      divisionCode: '110105',
      birthDate: '1949-12-31',
      sex: 'female',
    });
  });

  it('accepts the GB 11643 example born in 1880', () => {
    expect(checkResidentId('440524188001010014', TODAY)).toEqual({
      ok: true,
      value: '440524188001010014',
      divisionCode: '440524',
      birthDate: '1880-01-01',
      sex: 'male',
    });
  });

  it('accepts a lower-case x and surrounding whitespace', () => {
    const result = checkResidentId('  11010519491231002x\t', TODAY);
    expect(result).toMatchObject({ ok: true, value: '11010519491231002X' });
  });

  it('reads the sex from the parity of the 17th digit', () => {
    expect(checkResidentId(withCheck('33010620000229001'), TODAY)).toMatchObject({ sex: 'male' });
    expect(checkResidentId(withCheck('33010620000229002'), TODAY)).toMatchObject({
      sex: 'female',
    });
  });

  it('accepts a Hong Kong, Macao or Taiwan residence permit number', () => {
    expect(checkResidentId(withCheck('83000019900101123'), TODAY)).toMatchObject({
      ok: true,
      divisionCode: '830000',
    });
  });

  it.each([
    ['', 'length'],
    ['11010519491231002', 'length'],
    ['11010519491231002X1', 'length'],
    ['110105194912310', 'length'],
    ['1101051949123100A2', 'format'],
    ['X10105194912310021', 'format'],
    ['11010519491231 002', 'format'],
    ['１１０１０５１９４９１２３１００２X', 'format'],
    [withCheck('99010519491231002'), 'division_code'],
    [withCheck('00000019491231002'), 'division_code'],
    [withCheck('11010519990230002'), 'birth_date'],
    [withCheck('11010519491301002'), 'birth_date'],
    [withCheck('11010520250229002'), 'birth_date'],
    [withCheck('11010518791231002'), 'birth_date'],
    [withCheck('11010520260302002'), 'birth_date'],
    ['110105194912310021', 'check_character'],
    ['440524188001010015', 'check_character'],
  ] as const)('rejects %j with problem %s', (input, problem) => {
    expect(checkResidentId(input, TODAY)).toEqual({ ok: false, problem });
  });

  it('accepts a birth date of today in China even when it is still yesterday in UTC', () => {
    // 2026-03-01 01:00 in Beijing.
    const justAfterMidnight = new Date('2026-02-28T17:00:00Z');
    expect(checkResidentId(withCheck('11010520260301002'), justAfterMidnight).ok).toBe(true);
    expect(checkResidentId(withCheck('11010520260302002'), justAfterMidnight)).toEqual({
      ok: false,
      problem: 'birth_date',
    });
  });

  it('defaults today to now', () => {
    expect(checkResidentId(withCheck('11010520991231002'))).toEqual({
      ok: false,
      problem: 'birth_date',
    });
    expect(checkResidentId(withCheck('11010520000101002')).ok).toBe(true);
  });

  it('rejects every single-character change of a valid number', () => {
    const random = mulberry32(20_260_301);
    const provinces = ['11', '31', '33', '44', '51', '65', '81'];
    const digit = () => String(Math.floor(random() * 10));
    const wronglyAccepted: string[] = [];
    for (let n = 0; n < 300; n += 1) {
      const province = provinces[Math.floor(random() * provinces.length)] ?? '33';
      const birth = new Date(Date.UTC(1900, 0, 1) + Math.floor(random() * 45_000) * 86_400_000);
      const yyyymmdd = birth.toISOString().slice(0, 10).replaceAll('-', '');
      const first17 = `${province}${digit()}${digit()}${digit()}${digit()}${yyyymmdd}${digit()}${digit()}${digit()}`;
      const id = withCheck(first17);
      expect(checkResidentId(id, TODAY).ok, id).toBe(true);

      for (let position = 0; position < 18; position += 1) {
        for (const replacement of '0123456789X') {
          if (replacement === id[position]) continue;
          if (replacement === 'X' && position < 17) continue;
          const changed = id.slice(0, position) + replacement + id.slice(position + 1);
          if (checkResidentId(changed, TODAY).ok) wronglyAccepted.push(changed);
        }
      }
    }
    expect(wronglyAccepted).toEqual([]);
  });
});
