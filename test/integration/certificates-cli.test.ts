import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { openDatabase, PGLITE_EXTENSIONS } from '../../src/db/connect.ts';
import { issueCertificate, SigningKeys } from '../../src/modules/certificates/index.ts';
import { listEnterprises } from '../../src/modules/identity/index.ts';
import { SYSTEM_ACTOR } from '../../src/shared/actor.ts';
import { BACKEND } from '../helpers/backend.ts';
import { freePort, runCli } from '../helpers/processes.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'onetrip-cert-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('onetrip verify <file-or-qr-text>', () => {
  let t: TestApp;
  let server: string;
  const issued: Record<'valid' | 'expired' | 'revoked', { id: string; compact: string }> =
    {} as never;

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.database.handle.db;
    const enterpriseId = (await listEnterprises(db, { name: '西溪味道', limit: 1, offset: 0 }))
      .data[0]!.id;
    await db.transaction().execute(async (trx) => {
      const issue = (type: string, issuedOn: string) =>
        issueCertificate(trx, t.app.services.certificateKeys, SYSTEM_ACTOR, {
          type,
          holder: { enterpriseId },
          department: 'market-regulation',
          issuedOn,
        });
      issued.valid = await issue('business-licence', '2026-03-01');
      issued.expired = await issue('food-business-permit', '2019-05-01');
      issued.revoked = await issue('food-business-permit', '2025-05-01');
    });
    const admin = await t.login('admin');
    const res = await t.as(admin, 'POST', `/api/v1/certificates/${issued.revoked.id}/revoke`, {
      reason: '以欺骗手段取得许可',
    });
    expect(res.statusCode).toBe(200);
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const addr = t.app.server.address() as { port: number };
    server = `http://127.0.0.1:${addr.port}`;
  });
  afterAll(() => t?.close());

  const run = async (...args: string[]) => {
    const cli = runCli(['verify', ...args, '--server', server], {});
    return { code: await cli.exited, out: cli.output() };
  };

  it('says valid (exit 0), from the QR text and from the PDF file', async () => {
    const text = await run(issued.valid.compact);
    expect(text.code).toBe(0);
    expect(text.out).toContain('VALID');
    expect(text.out).toContain('营业执照');

    const admin = await t.login('admin');
    const pdf = await t.as(admin, 'GET', `/api/v1/certificates/${issued.valid.id}/pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const file = path.join(tmp, 'licence.pdf');
    fs.writeFileSync(file, pdf.rawPayload);
    const fromFile = await run(file);
    expect(fromFile.code).toBe(0);
    expect(fromFile.out).toContain('VALID');
  });

  it('says expired (exit 5), revoked with its date and reason (exit 4), forged (exit 3)', async () => {
    const expired = await run(issued.expired.compact);
    expect(expired.code).toBe(5);
    expect(expired.out).toContain('EXPIRED');

    const revoked = await run(`${server}/verify?c=${issued.revoked.compact}`);
    expect(revoked.code).toBe(4);
    expect(revoked.out).toContain('REVOKED');
    expect(revoked.out).toMatch(/revoked: \d{4}-\d{2}-\d{2} — 以欺骗手段取得许可/);

    const [p, body, sig] = issued.valid.compact.split('.');
    const altered = `${p}.${body!.slice(0, 20)}${body![20] === 'A' ? 'B' : 'A'}${body!.slice(21)}.${sig}`;
    const forged = await run(altered);
    expect(forged.code).toBe(3);
    expect(forged.out).toContain('FORGED');
    expect(forged.out).not.toContain('VALID');
  });
});

describe('a lost master key', () => {
  let env: Record<string, string>;
  let testDb: TestDatabase | undefined;
  const dataDir = path.join(tmp, 'data');
  const keyA = randomBytes(32).toString('base64');

  beforeAll(async () => {
    // A database whose departments already have signing keys, wrapped with key A.
    let handle;
    let pglite: PGlite | undefined;
    if (BACKEND === 'pglite') {
      fs.mkdirSync(dataDir, { recursive: true });
      const dump = new Blob([fs.readFileSync(inject('templateDump'))]);
      pglite = await PGlite.create(path.join(dataDir, 'pglite'), {
        loadDataDir: dump,
        extensions: PGLITE_EXTENSIONS,
      });
      handle = await openDatabase({ pglite });
      env = { ONETRIP_DATA_DIR: dataDir };
    } else {
      testDb = await createTestDatabase();
      handle = testDb.handle;
      env = { DATABASE_URL: testDb.url!, ONETRIP_DATA_DIR: dataDir };
    }
    const keys = new SigningKeys(handle.db, Buffer.from(keyA, 'base64'));
    await handle.db.transaction().execute((trx) => keys.activeKey(trx, 'dept:market-regulation'));
    expect(await keys.check()).toBe(1);
    if (pglite) {
      await handle.db.destroy();
      await pglite.close();
    }
  });
  afterAll(() => testDb?.close());

  const start = async (extra: Record<string, string>) => {
    const cli = runCli(['start'], {
      ...env,
      ...extra,
      PORT: String(await freePort()),
      ONETRIP_SCHEDULER_MS: '0',
    });
    return { code: await cli.exited, out: cli.output() };
  };

  it('stops the server from starting when the master key is missing', async () => {
    const r = await start({});
    expect(r.code).toBe(1);
    expect(r.out).toContain('the master key is missing');
    expect(r.out).not.toContain('is ready');
    // No new key was made in its place.
    expect(fs.existsSync(path.join(dataDir, 'certificate-master.key'))).toBe(false);
  });

  it('stops the server from starting when the master key is wrong', async () => {
    const r = await start({ ONETRIP_CERT_MASTER_KEY: randomBytes(32).toString('base64') });
    expect(r.code).toBe(1);
    expect(r.out).toContain('does not open signing key');
    expect(r.out).not.toContain('is ready');
  });
});
