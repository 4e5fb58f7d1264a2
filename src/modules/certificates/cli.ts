import fs from 'node:fs';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import { findCompact } from './rules/compact.ts';
import type { VerifyOutcome } from './rules/outcome.ts';
import { verifyCertificate, type Verification } from './verify.service.ts';

/** Exit codes of `onetrip verify`: scripts can tell the outcomes apart. */
export const VERIFY_EXIT: Record<VerifyOutcome, number> = {
  valid: 0,
  forged: 3,
  revoked: 4,
  expired: 5,
};

const WORDS: Record<VerifyOutcome, string> = {
  valid: 'VALID 有效',
  revoked: 'REVOKED 已注销',
  expired: 'EXPIRED 已过期',
  forged: 'FORGED 伪造或被篡改',
};

/** The text to check: a file (a PDF carries the compact form in its metadata, a text file as is), or the QR text itself. */
export function readVerifyInput(arg: string): string {
  if (!/^OTR?1\./.test(arg) && !/^https?:/.test(arg) && fs.existsSync(arg)) {
    const raw = fs.readFileSync(arg).toString('latin1');
    return findCompact(raw) ?? raw;
  }
  return arg;
}

export function describe(v: Verification): string {
  const lines = [`${WORDS[v.outcome]}`];
  if (v.reason) lines.push(`  reason: ${v.reason}`);
  const c = v.certificate;
  if (c && v.outcome !== 'forged') {
    lines.push(`  ${c.typeName} ${c.id}`);
    lines.push(`  holder: ${c.holder.name} (${c.holder.id})`);
    lines.push(`  issuer: ${c.issuer.name}, ${c.issuedOn}`);
    lines.push(`  valid: ${c.validFrom} – ${c.validUntil ?? 'long-term'}`);
  }
  if (v.revokedAt) lines.push(`  revoked: ${v.revokedAt.slice(0, 10)} — ${v.revokeReason ?? ''}`);
  return lines.join('\n');
}

/**
 * `onetrip verify <file-or-qr-text> [--server URL]`: against a running server's API, or this
 * deployment's database. Prints the outcome and exits 0 valid, 3 forged, 4 revoked, 5 expired.
 */
export async function verifyCommand(
  args: string[],
  openDb: () => Promise<{ db: Kysely<Database>; close(): Promise<void> }>,
  out: (line: string) => void,
): Promise<number> {
  const serverAt = args.indexOf('--server');
  const server = serverAt >= 0 ? args[serverAt + 1] : process.env.ONETRIP_URL;
  const input = args.filter((_, i) => (i !== serverAt && i !== serverAt + 1) || serverAt < 0)[0];
  if (!input) {
    out('usage: onetrip verify <file-or-qr-text> [--server http://host:port]');
    return 2;
  }
  const text = readVerifyInput(input);
  let v: Verification;
  if (server) {
    const url = new URL('/api/v1/certificates/verify', server);
    url.searchParams.set('c', findCompact(text) ?? text.slice(0, 8000));
    const res = await fetch(url);
    if (!res.ok) {
      out(`the server answered ${res.status}`);
      return 1;
    }
    v = (await res.json()) as Verification;
  } else {
    const h = await openDb();
    try {
      v = await verifyCertificate(h.db, text);
    } finally {
      await h.close();
    }
  }
  out(describe(v));
  return VERIFY_EXIT[v.outcome];
}
