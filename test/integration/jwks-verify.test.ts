// Verifies a certificate's QR payload the way a third party would: Node's own crypto and the
// published JWK set, no project code. Every single-character change of the QR text must fail.
import { createPublicKey, verify } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueCertificate } from '../../src/modules/certificates/index.ts';
import { listEnterprises } from '../../src/modules/identity/index.ts';
import { SYSTEM_ACTOR } from '../../src/shared/actor.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

interface Jwk {
  kty: string;
  crv: string;
  x: string;
  kid: string;
}

/** The whole verifier: split, strict base64url, find the key by kid, check Ed25519. */
function verifyQr(text: string, jwks: { keys: Jwk[] }): boolean {
  const parts = text.split('.');
  if (parts.length !== 3 || parts[0] !== 'OT1') return false;
  const strict = (s: string) => {
    if (!/^[A-Za-z0-9_-]+$/.test(s)) return null;
    const b = Buffer.from(s, 'base64url');
    return b.toString('base64url') === s ? b : null;
  };
  const payload = strict(parts[1]!);
  const signature = strict(parts[2]!);
  if (!payload || !signature) return false;
  let kid: unknown;
  try {
    kid = JSON.parse(payload.toString('utf8')).kid;
  } catch {
    return false;
  }
  const jwk = jwks.keys.find((k) => k.kid === kid);
  if (!jwk) return false;
  const key = createPublicKey({ key: { kty: jwk.kty, crv: jwk.crv, x: jwk.x }, format: 'jwk' });
  return verify(null, payload, key, signature);
}

let t: TestApp;
let compact: string;
let jwks: { keys: Jwk[] };
beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.handle.db;
  const enterpriseId = (await listEnterprises(db, { name: '西溪味道', limit: 1, offset: 0 }))
    .data[0]!.id;
  compact = (
    await db.transaction().execute((trx) =>
      issueCertificate(trx, t.app.services.certificateKeys, SYSTEM_ACTOR, {
        type: 'business-licence',
        holder: { enterpriseId },
        department: 'market-regulation',
        issuedOn: '2026-11-28',
        formData: { 'enterprise.business_scope': '餐饮服务', 'premises.address': '文三路100号' },
      }),
    )
  ).compact;
  const res = await t.app.inject({ method: 'GET', url: '/api/v1/certificates/keys' });
  jwks = res.json();
});
afterAll(() => t?.close());

describe('a certificate QR checked with node:crypto and the JWK set only', () => {
  it('verifies as issued', () => {
    expect(jwks.keys.length).toBeGreaterThan(0);
    expect(jwks.keys[0]).toMatchObject({ kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA' });
    expect(verifyQr(compact, jwks)).toBe(true);
  });

  it('fails on any one-character change, at every position: prefix, separators, payload, signature', () => {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.';
    let tried = 0;
    for (let i = 0; i < compact.length; i++) {
      for (const replacement of [alphabet[(alphabet.indexOf(compact[i]!) + 1) % 65]!, '=']) {
        const changed = compact.slice(0, i) + replacement + compact.slice(i + 1);
        expect(verifyQr(changed, jwks), `position ${i}`).toBe(false);
        tried++;
      }
    }
    expect(tried).toBe(compact.length * 2);
  });

  it('fails on any one-byte change of the decoded payload or signature', () => {
    const [prefix, body, sig] = compact.split('.') as [string, string, string];
    const payload = Buffer.from(body, 'base64url');
    const signature = Buffer.from(sig, 'base64url');
    for (let i = 0; i < payload.length; i++) {
      const p = Buffer.from(payload);
      p[i] = p[i]! ^ 0x01;
      expect(verifyQr(`${prefix}.${p.toString('base64url')}.${sig}`, jwks), `payload ${i}`).toBe(
        false,
      );
    }
    for (let i = 0; i < signature.length; i++) {
      const s = Buffer.from(signature);
      s[i] = s[i]! ^ 0x80;
      expect(verifyQr(`${prefix}.${body}.${s.toString('base64url')}`, jwks), `sig ${i}`).toBe(
        false,
      );
    }
  });

  it('still verifies after the department rotates its key: old keys stay published', async () => {
    const admin = await t.login('admin');
    const res = await t.as(admin, 'POST', '/api/v1/certificates/keys/rotate', {
      issuer: 'dept:market-regulation',
    });
    expect(res.statusCode).toBe(200);
    const after = (await t.app.inject({ method: 'GET', url: '/api/v1/certificates/keys' })).json();
    expect(after.keys.length).toBe(jwks.keys.length + 1);
    expect(verifyQr(compact, after)).toBe(true);
    const old = after.keys.find((k: Jwk & { retired: boolean }) => k.kid === jwks.keys[0]!.kid);
    expect(old.retired).toBe(true);
  });
});
