import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  randomBytes,
  sign,
  type KeyObject,
} from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';

/** Where the embedded default keeps a generated master key. */
export const MASTER_KEY_FILE = 'certificate-master.key';
export const MASTER_KEY_ENV = 'ONETRIP_CERT_MASTER_KEY';

/** Signing keys exist but cannot be opened: the server must not start (nor issue unsigned). */
export class MasterKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MasterKeyError';
  }
}

/** 32 bytes, written as 64 hex digits or as base64/base64url. */
export function parseMasterKey(text: string, where: string): Buffer {
  const t = text.trim();
  const bytes = /^[0-9a-fA-F]{64}$/.test(t) ? Buffer.from(t, 'hex') : Buffer.from(t, 'base64');
  if (bytes.length !== 32)
    throw new MasterKeyError(
      `${where} must hold a 256-bit key (64 hex digits or 44 base64 characters)`,
    );
  return bytes;
}

async function keysExist(db: Kysely<Database>): Promise<boolean> {
  return Boolean(await db.selectFrom('signing_key').select('kid').limit(1).executeTakeFirst());
}

/**
 * The master key that wraps the departments' private keys: $ONETRIP_CERT_MASTER_KEY, else the
 * file in the data folder. With neither, a new key is generated into that file (with a warning)
 * only while no signing key exists: once keys exist, a missing master key is an error, never a
 * reason to make new keys.
 */
export async function resolveMasterKey(
  db: Kysely<Database>,
  opts: { env: NodeJS.ProcessEnv; dataDir: string; log: (msg: string) => void },
): Promise<Buffer> {
  const fromEnv = opts.env[MASTER_KEY_ENV];
  if (fromEnv) return parseMasterKey(fromEnv, MASTER_KEY_ENV);
  const file = path.join(opts.dataDir, MASTER_KEY_FILE);
  if (fs.existsSync(file)) return parseMasterKey(fs.readFileSync(file, 'utf8'), file);
  if (await keysExist(db))
    throw new MasterKeyError(
      `certificate signing keys exist but the master key is missing: set ${MASTER_KEY_ENV} or restore ${file}. Refusing to start rather than issue unsigned certificates.`,
    );
  fs.mkdirSync(opts.dataDir, { recursive: true });
  const key = randomBytes(32);
  try {
    // 'wx': two processes starting together keep one key, the first one's.
    fs.writeFileSync(file, `${key.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  } catch {
    return parseMasterKey(fs.readFileSync(file, 'utf8'), file);
  }
  opts.log(
    `WARNING: generated a certificate master key in ${file}. Back it up: without it the signing keys cannot be opened. In production set ${MASTER_KEY_ENV} instead.`,
  );
  return key;
}

export interface PublicJwk {
  kty: 'OKP';
  crv: 'Ed25519';
  x: string;
  kid: string;
  use: 'sig';
  alg: 'EdDSA';
  /** The issuing department (not a JWK member of RFC 7517, ignored by JWK libraries). */
  issuer: string;
  /** Retired keys stay published: they still verify what they signed. */
  retired: boolean;
}

/** RFC 7638 thumbprint of an Ed25519 public JWK. */
export function jwkThumbprint(x: string): string {
  return createHash('sha256')
    .update(JSON.stringify({ crv: 'Ed25519', kty: 'OKP', x }))
    .digest('base64url');
}

function wrap(master: Buffer, kid: string, secret: Buffer): string {
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', master, iv);
  c.setAAD(Buffer.from(kid));
  const ct = Buffer.concat([c.update(secret), c.final()]);
  return ['v1', iv, c.getAuthTag(), ct]
    .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
    .join('.');
}

function unwrap(master: Buffer, kid: string, wrapped: string): Buffer {
  const [v, iv, tag, ct] = wrapped.split('.');
  if (v !== 'v1' || !iv || !tag || !ct) throw new MasterKeyError(`key ${kid}: unknown wrapping`);
  try {
    const d = createDecipheriv('aes-256-gcm', master, Buffer.from(iv, 'base64url'));
    d.setAAD(Buffer.from(kid));
    d.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([d.update(Buffer.from(ct, 'base64url')), d.final()]);
  } catch {
    throw new MasterKeyError(
      `the certificate master key does not open signing key ${kid} (wrong ${MASTER_KEY_ENV} or key file). Refusing to start rather than issue unsigned certificates.`,
    );
  }
}

/**
 * The departments' signing keys. Private keys are decrypted only to sign and never leave this
 * object; a department's first certificate creates its key.
 */
export class SigningKeys {
  private readonly cache = new Map<string, { kid: string; key: KeyObject }>();

  constructor(
    /** The database the keys live in (not a transaction): caches are keyed by it. */
    readonly db: Kysely<Database>,
    private readonly master: Buffer,
  ) {}

  /** Opens every stored key once: a wrong master key fails here, at start-up. */
  async check(): Promise<number> {
    const rows = await this.db.selectFrom('signing_key').selectAll().execute();
    for (const r of rows)
      createPrivateKey({
        key: unwrap(this.master, r.kid, r.private_key_enc),
        format: 'der',
        type: 'pkcs8',
      });
    return rows.length;
  }

  /** The issuer's active key, made on first use (two processes racing keep one). */
  async activeKey(
    trx: Kysely<Database>,
    issuerCode: string,
  ): Promise<{ kid: string; key: KeyObject }> {
    const cached = this.cache.get(issuerCode);
    if (cached) return cached;
    let row = await trx
      .selectFrom('signing_key')
      .selectAll()
      .where('issuer_code', '=', issuerCode)
      .where('retired_at', 'is', null)
      .executeTakeFirst();
    let created = false;
    if (!row) {
      await this.create(trx, issuerCode);
      created = true;
      row = await trx
        .selectFrom('signing_key')
        .selectAll()
        .where('issuer_code', '=', issuerCode)
        .where('retired_at', 'is', null)
        .executeTakeFirstOrThrow();
    }
    const key = createPrivateKey({
      key: unwrap(this.master, row.kid, row.private_key_enc),
      format: 'der',
      type: 'pkcs8',
    });
    const active = { kid: row.kid, key };
    // A key made in this transaction is cached only once it is committed (the next call).
    if (!created) this.cache.set(issuerCode, active);
    return active;
  }

  private async create(trx: Kysely<Database>, issuerCode: string): Promise<string> {
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    const x = publicKey.export({ format: 'jwk' }).x!;
    const kid = jwkThumbprint(x);
    const secret = privateKey.export({ format: 'der', type: 'pkcs8' });
    await trx
      .insertInto('signing_key')
      .values({
        kid,
        issuer_code: issuerCode,
        public_jwk: JSON.stringify({ kty: 'OKP', crv: 'Ed25519', x }) as never,
        private_key_enc: wrap(this.master, kid, secret),
        retired_at: null,
      })
      .onConflict((oc) => oc.doNothing())
      .execute();
    return kid;
  }

  /** A new key for the issuer; the old one is retired but stays published. */
  async rotate(issuerCode: string): Promise<string> {
    const kid = await this.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('signing_key')
        .set({ retired_at: new Date() })
        .where('issuer_code', '=', issuerCode)
        .where('retired_at', 'is', null)
        .execute();
      return this.create(trx, issuerCode);
    });
    this.cache.delete(issuerCode);
    return kid;
  }

  async sign(trx: Kysely<Database>, issuerCode: string, bytes: Buffer) {
    const { kid, key } = await this.activeKey(trx, issuerCode);
    return { kid, signature: sign(null, bytes, key) };
  }
}

/** The published keys, retired ones included. Public: no master key needed. */
export async function publicKeySet(db: Kysely<Database>): Promise<{ keys: PublicJwk[] }> {
  const rows = await db
    .selectFrom('signing_key')
    .select(['kid', 'issuer_code', 'public_jwk', 'retired_at'])
    .orderBy('created_at')
    .execute();
  return {
    keys: rows.map((r) => ({
      kty: 'OKP',
      crv: 'Ed25519',
      x: r.public_jwk.x,
      kid: r.kid,
      use: 'sig',
      alg: 'EdDSA',
      issuer: r.issuer_code,
      retired: r.retired_at !== null,
    })),
  };
}

export function publicKeyOf(jwk: { x: string }): KeyObject {
  return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: jwk.x }, format: 'jwk' });
}
