import { describe, expect, it } from 'vitest';

import { formatCaseNumber, parseCaseNumber } from './case-number.ts';

describe('formatCaseNumber', () => {
  it('joins division, date and a six-digit sequence', () => {
    expect(formatCaseNumber('330106', '2026-11-28', 42)).toBe('330106-20261128-000042');
  });

  it('keeps every digit of a sequence past six', () => {
    expect(formatCaseNumber('330106', '2026-11-28', 1_234_567)).toBe('330106-20261128-1234567');
  });

  it('refuses a bad division, date or sequence', () => {
    expect(() => formatCaseNumber('330106013', '2026-11-28', 1)).toThrow(RangeError);
    expect(() => formatCaseNumber('330106', '2026-02-29', 1)).toThrow(RangeError);
    expect(() => formatCaseNumber('330106', '2026-11-28', -1)).toThrow(RangeError);
    expect(() => formatCaseNumber('330106', '2026-11-28', 1.5)).toThrow(RangeError);
  });
});

describe('parseCaseNumber', () => {
  it('reads back what formatCaseNumber wrote', () => {
    expect(parseCaseNumber('330106-20261128-000042')).toEqual({
      divisionCode: '330106',
      acceptedOn: '2026-11-28',
      sequence: 42,
    });
    for (const sequence of [0, 1, 999_999, 1_000_000, 123_456_789]) {
      const parsed = parseCaseNumber(formatCaseNumber('330106', '2025-10-09', sequence));
      expect(parsed?.sequence).toBe(sequence);
    }
  });

  it.each([
    '330106-20261128-42', // sequence too short
    '330106-20261128-0000042', // padded past six digits
    '330106-20260229-000042', // no such date
    '33010-20261128-000042',
    '330106-2026-11-28-000042',
    ' 330106-20261128-000042',
    '',
  ])('rejects %j', (value) => {
    expect(parseCaseNumber(value)).toBeNull();
  });
});
