import { describe, expect, it } from 'vitest';
import { attachable, verifyOutcome } from './outcome.ts';
import { validUntil } from './validity.ts';

const base = {
  signatureOk: true,
  registered: true,
  revokedAt: null,
  validFrom: '2026-01-10',
  validUntil: '2031-01-09' as string | null,
  today: '2026-11-28',
};

describe('verification outcome', () => {
  it('is valid within the dates, through the last day', () => {
    expect(verifyOutcome(base)).toBe('valid');
    expect(verifyOutcome({ ...base, today: '2031-01-09' })).toBe('valid');
    expect(verifyOutcome({ ...base, validUntil: null, today: '2099-01-01' })).toBe('valid');
  });

  it('is expired the day after the last valid day, and before the first', () => {
    expect(verifyOutcome({ ...base, today: '2031-01-10' })).toBe('expired');
    expect(verifyOutcome({ ...base, today: '2026-01-09' })).toBe('expired');
  });

  it('is revoked when revoked, even past its end', () => {
    const revoked = { ...base, revokedAt: '2026-06-01T02:00:00Z' };
    expect(verifyOutcome(revoked)).toBe('revoked');
    expect(verifyOutcome({ ...revoked, today: '2032-01-01' })).toBe('revoked');
  });

  it('is forged with a bad signature or off the register, whatever else holds', () => {
    expect(verifyOutcome({ ...base, signatureOk: false })).toBe('forged');
    expect(verifyOutcome({ ...base, registered: false })).toBe('forged');
    expect(verifyOutcome({ ...base, signatureOk: false, revokedAt: '2026-06-01' })).toBe('forged');
  });

  it('attaches only what is valid today', () => {
    const { signatureOk: _s, registered: _r, ...facts } = base;
    expect(attachable(facts)).toBe(true);
    expect(attachable({ ...facts, today: '2031-01-10' })).toBe(false);
    expect(attachable({ ...facts, revokedAt: '2026-06-01' })).toBe(false);
  });
});

describe('validity', () => {
  it('ends the day before the anniversary, or never', () => {
    expect(validUntil('2026-11-28', { years: 5 })).toBe('2031-11-27');
    expect(validUntil('2026-01-01', { years: 1 })).toBe('2026-12-31');
    expect(validUntil('2028-02-29', { years: 1 })).toBe('2029-02-28');
    expect(validUntil('2026-11-28', { longTerm: true })).toBeNull();
  });
});
