import { describe, expect, it } from 'vitest';
import { maskPhone, maskPiiInText, maskResidentId } from './mask.ts';

describe('masking personal data', () => {
  it('keeps only the region and last four of a resident ID', () => {
    expect(maskResidentId('33010619900307123X')).toBe('330106********123X');
  });
  it('keeps the first three and last four digits of a phone number', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
  });
  it('masks IDs and phone numbers inside free text such as URLs', () => {
    expect(maskPiiInText('/api/v1/persons?residentId=33010619900307123X&phone=13812345678')).toBe(
      '/api/v1/persons?residentId=330106********123X&phone=138****5678',
    );
  });
  it('masks a phone number written with the country code', () => {
    expect(maskPiiInText('tel 8613812345678, +86 13812345678, +86-13812345678')).toBe(
      'tel 86138****5678, +86 138****5678, +86-138****5678',
    );
  });
  it('leaves other long numbers alone', () => {
    expect(maskPiiInText('case 2026112800001234567890')).toBe('case 2026112800001234567890');
  });
});
