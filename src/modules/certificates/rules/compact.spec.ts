import { generateKeyPairSync, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  canonicalJson,
  decodeCompact,
  encodeCompact,
  findCompact,
  strictBase64Url,
  type CertificatePayload,
} from './compact.ts';

const payload: CertificatePayload = {
  v: 1,
  kid: 'k1',
  id: 'YYZZ-330106-2026-0000001-00',
  type: 'business-licence',
  typeName: '营业执照',
  holder: { kind: 'enterprise', name: '杭州西溪味道餐饮有限公司', id: '91330106MA2H3K5N0X' },
  issuer: { code: 'dept:market-regulation', name: '西湖区市场监督管理局' },
  issuedOn: '2026-11-28',
  validFrom: '2026-11-28',
  validUntil: null,
  fields: { registeredCapital: 50, businessScope: '餐饮服务' },
};

describe('canonical payload', () => {
  it('sorts keys at every level and has no white space, whatever the order they were written in', () => {
    const reverse = (o: unknown): unknown =>
      o && typeof o === 'object'
        ? Object.fromEntries(
            Object.entries(o)
              .reverse()
              .map(([k, v]) => [k, reverse(v)]),
          )
        : o;
    const shuffled = reverse(payload) as CertificatePayload;
    expect(JSON.stringify(shuffled)).not.toBe(JSON.stringify(payload));
    const text = canonicalJson(payload);
    expect(canonicalJson(shuffled)).toBe(text);
    expect(text.startsWith('{"fields":{"businessScope":"餐饮服务","registeredCapital":50},')).toBe(
      true,
    );
    expect(text).not.toMatch(/\s(?=["{}])/);
  });
});

describe('compact form OT1.<payload>.<signature>', () => {
  const { privateKey } = generateKeyPairSync('ed25519');
  const text = canonicalJson(payload);
  const compact = encodeCompact(text, sign(null, Buffer.from(text), privateKey));

  it('round-trips', () => {
    expect(compact).toMatch(/^OT1\.[\w-]+\.[\w-]{86}$/);
    const d = decodeCompact(compact)!;
    expect(d.payload).toEqual(payload);
    expect(d.signed.toString()).toBe(text);
    expect(d.signature).toHaveLength(64);
  });

  it('is found in a /verify link, in a file, or bare', () => {
    expect(findCompact(`https://x.gov.cn/verify?c=${compact}`)).toBe(compact);
    expect(findCompact(`%PDF-1.3 /Keywords (${compact}) endobj`)).toBe(compact);
    expect(findCompact(`  ${compact}\n`)).toBe(compact);
    expect(findCompact('nothing here')).toBeNull();
  });

  it('refuses other versions, missing parts, bad base64 and a non-canonical payload', () => {
    const [, body, sig] = compact.split('.');
    expect(decodeCompact(`OT2.${body}.${sig}`)).toBeNull();
    expect(decodeCompact(`OT1.${body}`)).toBeNull();
    expect(decodeCompact(`OT1.${body}.${sig}.x`)).toBeNull();
    expect(decodeCompact(`OT1.${body}=.${sig}`)).toBeNull();
    const spaced = Buffer.from(JSON.stringify(payload, null, 1)).toString('base64url');
    expect(decodeCompact(`OT1.${spaced}.${sig}`)).toBeNull();
    const notJson = Buffer.from('{"v":1').toString('base64url');
    expect(decodeCompact(`OT1.${notJson}.${sig}`)).toBeNull();
  });

  it('decodes base64url strictly: unused bits of the last character must be zero', () => {
    // 64 bytes → 86 characters, the last of which carries 4 unused bits.
    const sig = compact.split('.')[2]!;
    const last = sig.at(-1)!;
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const sibling = alphabet[alphabet.indexOf(last) ^ 1]!;
    const loose = sig.slice(0, -1) + sibling;
    expect(Buffer.from(loose, 'base64url')).toEqual(Buffer.from(sig, 'base64url'));
    expect(strictBase64Url(loose)).toBeNull();
    expect(strictBase64Url(sig)).not.toBeNull();
  });
});
