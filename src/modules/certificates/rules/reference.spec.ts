import { describe, expect, it } from 'vitest';
import {
  decodeReference,
  qrContent,
  QR_COMPACT_MAX,
  REFERENCE_PREFIX,
  referenceMatches,
  referenceTo,
} from './reference.ts';

const signed = (fields: Record<string, string>) =>
  JSON.stringify({ v: 1, id: 'ZZ330106-2026-000042-17', fields });
const compactOf = (text: string) =>
  `OT1.${Buffer.from(text).toString('base64url')}.${Buffer.alloc(64, 7).toString('base64url')}`;

describe('what a certificate QR code carries', () => {
  it('is the signed form itself while it is short enough to scan', () => {
    const compact = compactOf(signed({ businessScope: '餐饮服务' }));
    expect(qrContent(compact)).toBe(compact);
  });

  it('is a short reference for a long business scope, which no QR code could hold', () => {
    const text = signed({ businessScope: '餐饮服务；食品销售；'.repeat(100) });
    const compact = compactOf(text);
    expect(compact.length).toBeGreaterThan(2331);
    const qr = qrContent(compact);
    expect(qr.startsWith(`${REFERENCE_PREFIX}.`)).toBe(true);
    expect(qr.length).toBeLessThan(QR_COMPACT_MAX / 10);
    const ref = decodeReference(qr)!;
    expect(ref.number).toBe('ZZ330106-2026-000042-17');
    expect(referenceMatches(ref, text)).toBe(true);
    expect(referenceMatches(ref, text.replace('餐饮', '烟草'))).toBe(false);
  });

  it('refuses a malformed reference', () => {
    const good = referenceTo(compactOf(signed({})))!;
    const [p, n, d] = good.split('.');
    for (const bad of [`${p}.${n}`, `OT1.${n}.${d}`, `${p}.${n}.${d}A`, `${p}.${n}!.${d}`, '']) {
      expect(decodeReference(bad), bad).toBeNull();
    }
    expect(referenceTo('OT1.not-json.sig')).toBeNull();
    // A number no certificate can have (a NUL, which the database cannot even compare).
    const nul = Buffer.from('\u0000', 'utf8').toString('base64url');
    expect(decodeReference(`${p}.${nul}.${d}`)).toBeNull();
  });
});
