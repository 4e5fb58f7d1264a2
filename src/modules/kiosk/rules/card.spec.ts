import { describe, expect, it } from 'vitest';
import { residentIdCheckCharacter } from '../../identity/index.ts';
import { cardDate, chinaDate, checkCard } from './card.ts';

const ID = '33010619900307123' + residentIdCheckCharacter('33010619900307123');
const WRONG_CHECK = ID.slice(0, 17) + (ID.endsWith('0') ? '1' : '0');
// 2026-11-28 09:00 in Hangzhou.
const NOW = new Date('2026-11-28T01:00:00Z');
const card = (over: Partial<Parameters<typeof checkCard>[0]> = {}) => ({
  name: '张三',
  residentId: ID,
  validFrom: '20160101',
  validTo: '20360101',
  ...over,
});

describe('checkCard', () => {
  it('accepts a card valid today, in the formats readers give', () => {
    expect(checkCard(card(), NOW)).toEqual({
      ok: true,
      residentId: ID,
      name: '张三',
      validFrom: '2016-01-01',
      validTo: '2036-01-01',
    });
    expect(checkCard(card({ validFrom: '2016.01.01', validTo: '2036-01-01' }), NOW).ok).toBe(true);
  });

  it('accepts a long-term card (长期) and a lower-case x check character', () => {
    const x = '11010519491231002';
    const withX = x + residentIdCheckCharacter(x);
    expect(withX.endsWith('X')).toBe(true);
    const r = checkCard(card({ residentId: withX.toLowerCase(), validTo: '长期' }), NOW);
    expect(r).toMatchObject({ ok: true, residentId: withX, validTo: null });
  });

  it('rejects a wrong check digit, naming the field', () => {
    expect(checkCard(card({ residentId: WRONG_CHECK }), NOW)).toEqual({
      ok: false,
      field: 'residentId',
      problem: 'check_character',
    });
    expect(checkCard(card({ residentId: '3301061990' }), NOW)).toMatchObject({
      field: 'residentId',
      problem: 'length',
    });
  });

  it('rejects an expired card; the last printed day is still valid (China time)', () => {
    expect(checkCard(card({ validTo: '20261127' }), NOW)).toEqual({
      ok: false,
      field: 'validTo',
      problem: 'expired',
      date: '2026-11-27',
    });
    expect(checkCard(card({ validTo: '20261128' }), NOW).ok).toBe(true);
    // 23:30 UTC on the 27th is already the 28th in Hangzhou.
    expect(checkCard(card({ validTo: '20261127' }), new Date('2026-11-27T15:30:00Z')).ok).toBe(
      true,
    );
    expect(checkCard(card({ validTo: '20261127' }), new Date('2026-11-27T16:30:00Z')).ok).toBe(
      false,
    );
  });

  it('rejects a card not yet valid, and impossible or inverted dates', () => {
    expect(checkCard(card({ validFrom: '20261201' }), NOW)).toEqual({
      ok: false,
      field: 'validFrom',
      problem: 'not_yet_valid',
      date: '2026-12-01',
    });
    expect(checkCard(card({ validFrom: '20160231' }), NOW)).toMatchObject({
      field: 'validFrom',
      problem: 'date_invalid',
    });
    expect(checkCard(card({ validTo: 'soon' }), NOW)).toMatchObject({
      field: 'validTo',
      problem: 'date_invalid',
    });
    expect(checkCard(card({ validTo: '20150101' }), NOW)).toMatchObject({
      field: 'validTo',
      problem: 'before_valid_from',
    });
  });

  it('needs a name', () => {
    expect(checkCard(card({ name: '  ' }), NOW)).toEqual({
      ok: false,
      field: 'name',
      problem: 'missing',
    });
  });
});

describe('card dates', () => {
  it('reads the usual formats and refuses the rest', () => {
    expect(cardDate('20240229')).toBe('2024-02-29');
    expect(cardDate('20230229')).toBeNull();
    expect(cardDate('2024/01/01')).toBeNull();
    expect(chinaDate(new Date('2026-12-31T16:00:00Z'))).toBe('2027-01-01');
  });
});
