import { describe, expect, it } from 'vitest';
import { certificateIdentifier, identifierIsWellFormed, mod97Check } from './identifier.ts';

describe('certificate identifier', () => {
  it('has the type code, the division, the year, the sequence and two check digits', () => {
    const id = certificateIdentifier('YYZZ', '330106', 2026, 42);
    expect(id).toMatch(/^YYZZ-330106-2026-0000042-\d{2}$/);
    expect(identifierIsWellFormed(id)).toBe(true);
  });

  it('catches a changed digit and a swap of two digits', () => {
    const id = certificateIdentifier('SPJY', '330106', 2026, 1234567);
    expect(identifierIsWellFormed(id.replace('1234567', '1234568'))).toBe(false);
    expect(identifierIsWellFormed(id.replace('1234567', '1234576'))).toBe(false);
    expect(identifierIsWellFormed(id.replace('SPJY', 'SPJZ'))).toBe(false);
  });

  it('computes ISO 7064 MOD 97-10 as IBANs do', () => {
    // GB82 WEST 1234 5698 7654 32: BBAN + country + 00 → check 82.
    expect(mod97Check('WEST12345698765432GB')).toBe('82');
  });
});
