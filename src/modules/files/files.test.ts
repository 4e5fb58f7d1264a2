import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app.ts';
import { DEMO_PASSWORD } from '../identity/index.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/test-db.ts';
import type { Session } from '../../../test/helpers/test-app.ts';
import { multipartBody, ofdBytes, pdfBytes, pngBytes, zipBytes } from './fixtures.ts';
import type { FileScanner } from './index.ts';

const EICAR = 'X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*';
const MB = 1024 * 1024;

// A scanner as a deployment would plug in: it refuses the EICAR test signature.
const scanned: string[] = [];
const scanner: FileScanner = {
  async scan(bytes, meta) {
    scanned.push(meta.name);
    return Buffer.from(bytes).includes('EICAR-STANDARD-ANTIVIRUS-TEST-FILE')
      ? { clean: false, reason: 'Eicar-Test-Signature' }
      : { clean: true };
  },
};

let database: TestDatabase;
let app: Awaited<ReturnType<typeof buildApp>>;
let zhangsan: Session;
let xixi: Session;

async function login(username: string): Promise<Session> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username, password: DEMO_PASSWORD },
  });
  expect(res.statusCode).toBe(200);
  const cookie = res.cookies.find((c) => c.name === 'onetrip_session')!;
  return { cookie: `onetrip_session=${cookie.value}`, csrf: res.json().csrfToken };
}

beforeAll(async () => {
  database = await createTestDatabase();
  // The default limit (10 MB): the test sends files on either side of it.
  app = await buildApp({
    database: database.handle,
    config: { logLevel: 'silent', secureCookies: false, sessionTtlHours: 1 },
    webDistDir: '/nonexistent',
    files: { scanner },
  });
  await app.ready();
  [zhangsan, xixi] = await Promise.all([login('zhangsan'), login('xixi-flavour')]);
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

async function upload(
  session: Session | null,
  file: { name: string; type?: string; bytes: Uint8Array; field?: string },
  headers: Record<string, string> = {},
): Promise<LightMyRequestResponse> {
  const body = await multipartBody([{ type: 'application/pdf', ...file }]);
  return app.inject({
    method: 'POST',
    url: '/api/v1/files',
    payload: body.payload,
    headers: {
      ...body.headers,
      ...(session ? { cookie: session.cookie, 'x-csrf-token': session.csrf } : {}),
      ...headers,
    },
  });
}

const get = (session: Session | null, url: string, headers: Record<string, string> = {}) =>
  app.inject({
    method: 'GET',
    url,
    headers: { ...(session ? { cookie: session.cookie } : {}), ...headers },
  });

const fileCount = async () =>
  Number(
    (
      await database.handle.db
        .selectFrom('file')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('uploading a file', () => {
  it('stores a PDF with its digest, size and detected type, and gives it back to its owner', async () => {
    const bytes = pdfBytes(4000);
    const res = await upload(zhangsan, {
      name: '房屋租赁合同.pdf',
      type: 'application/octet-stream',
      bytes,
    });
    expect(res.statusCode).toBe(201);
    const file = res.json();
    expect(file).toMatchObject({
      name: '房屋租赁合同.pdf',
      mimeType: 'application/pdf',
      size: bytes.length,
      sha256: (await import('node:crypto')).createHash('sha256').update(bytes).digest('hex'),
    });
    expect(file.id).toMatch(/^[0-9a-f-]{36}$/);

    const back = await get(zhangsan, `/api/v1/files/${file.id}`);
    expect(back.statusCode).toBe(200);
    expect(back.headers['content-type']).toBe('application/pdf');
    expect(back.headers['content-disposition']).toBe(
      `inline; filename="______.pdf"; filename*=UTF-8''${encodeURIComponent('房屋租赁合同.pdf')}`,
    );
    expect(back.headers['x-content-type-options']).toBe('nosniff');
    expect(Buffer.compare(back.rawPayload, bytes)).toBe(0);
    const saved = await get(zhangsan, `/api/v1/files/${file.id}?download=true`);
    expect(saved.headers['content-disposition']).toMatch(/^attachment; /);
    const meta = await get(zhangsan, `/api/v1/files/${file.id}/metadata`);
    expect(meta.json()).toEqual(file);
  });

  it('takes PNG and OFD by their content, whatever they are called', async () => {
    const png = await upload(zhangsan, { name: '照片', type: 'text/plain', bytes: pngBytes() });
    expect(png.statusCode).toBe(201);
    expect(png.json()).toMatchObject({ name: '照片', mimeType: 'image/png' });
    const back = await get(zhangsan, `/api/v1/files/${png.json().id}`);
    expect(back.headers['content-disposition']).toContain(`filename="__.png"`);
    const ofd = await upload(zhangsan, { name: '营业执照.ofd', bytes: ofdBytes() });
    expect(ofd.statusCode).toBe(201);
    expect(ofd.json().mimeType).toBe('application/ofd');
  });

  it('refuses a text file renamed .pdf, and a ZIP that is not OFD, by their bytes', async () => {
    const before = await fileCount();
    const text = await upload(zhangsan, {
      name: '申请书.pdf',
      type: 'application/pdf',
      bytes: Buffer.from('这不是 PDF，只是改了扩展名的文本文件。\n'),
    });
    expect(text.statusCode).toBe(400);
    expect(text.json().error).toEqual({
      code: 'file_type_not_allowed',
      field: 'file',
      message: '“申请书.pdf”的内容不是允许的文件格式（PDF, JPEG, PNG, OFD），与文件扩展名无关',
    });
    const zip = await upload(
      zhangsan,
      { name: 'x.ofd', bytes: zipBytes({ 'word/document.xml': '<w/>' }) },
      { 'accept-language': 'en-US' },
    );
    expect(zip.statusCode).toBe(400);
    expect(zip.json().error.message).toBe(
      'The content of "x.ofd" is not an allowed file type (PDF, JPEG, PNG, OFD), whatever its extension says',
    );
    const empty = await upload(zhangsan, { name: 'empty.pdf', bytes: new Uint8Array(0) });
    expect(empty.json().error).toMatchObject({ code: 'file_empty', field: 'file' });
    expect(await fileCount()).toBe(before);
  });

  it('takes a file of exactly 10 MB and refuses one byte more, naming the field', async () => {
    const big = pdfBytes(10 * MB);
    const ok = await upload(zhangsan, { name: 'scan.pdf', bytes: big });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().size).toBe(10 * MB);
    const back = await get(zhangsan, `/api/v1/files/${ok.json().id}`);
    expect(Buffer.compare(back.rawPayload, big)).toBe(0);

    const before = await fileCount();
    const tooBig = await upload(zhangsan, { name: 'scan2.pdf', bytes: pdfBytes(10 * MB + 1) });
    expect(tooBig.statusCode).toBe(400);
    expect(tooBig.json().error).toEqual({
      code: 'file_too_large',
      field: 'file',
      message: '文件超过 10 MB 的上限，请压缩或分拆后再上传',
    });
    const en = await upload(
      zhangsan,
      { name: 'scan2.pdf', bytes: pdfBytes(11 * MB) },
      { 'accept-language': 'en-US' },
    );
    expect(en.json().error.message).toBe(
      'The file is larger than the 10 MB limit; compress or split it and try again',
    );
    expect(await fileCount()).toBe(before);
  });

  it('refuses what is not one file in a multipart form, with the field named', async () => {
    const json = await app.inject({
      method: 'POST',
      url: '/api/v1/files',
      payload: { file: 'a.pdf' },
      headers: { cookie: zhangsan.cookie, 'x-csrf-token': zhangsan.csrf },
    });
    expect(json.statusCode).toBe(400);
    expect(json.json().error).toMatchObject({ code: 'file_not_multipart', field: 'file' });
    const wrongField = await upload(zhangsan, {
      field: 'document',
      name: 'a.pdf',
      bytes: pdfBytes(),
    });
    expect(wrongField.json().error).toMatchObject({ code: 'file_missing', field: 'file' });
    const form = new FormData();
    form.append('file', 'a.pdf');
    const textOnly = new Request('http://localhost/', { method: 'POST', body: form });
    const noFile = await app.inject({
      method: 'POST',
      url: '/api/v1/files',
      payload: Buffer.from(await textOnly.arrayBuffer()),
      headers: {
        'content-type': textOnly.headers.get('content-type')!,
        cookie: zhangsan.cookie,
        'x-csrf-token': zhangsan.csrf,
      },
    });
    expect(noFile.statusCode).toBe(400);
    expect(noFile.json().error).toMatchObject({ code: 'file_missing', field: 'file' });
    const two = await multipartBody([
      { name: 'a.pdf', type: 'application/pdf', bytes: pdfBytes() },
      { name: 'b.pdf', type: 'application/pdf', bytes: pdfBytes(500) },
    ]);
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/files',
      payload: two.payload,
      headers: { ...two.headers, cookie: zhangsan.cookie, 'x-csrf-token': zhangsan.csrf },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'file_one_only', field: 'file' });
  });

  it('needs a signed-in applicant or window clerk, with the CSRF token', async () => {
    expect((await upload(null, { name: 'a.pdf', bytes: pdfBytes() })).statusCode).toBe(401);
    const noCsrf = await upload(
      { ...zhangsan, csrf: 'wrong' },
      { name: 'a.pdf', bytes: pdfBytes() },
    );
    expect(noCsrf.statusCode).toBe(403);
    const reviewer = await login('reviewer-market');
    expect((await upload(reviewer, { name: 'a.pdf', bytes: pdfBytes() })).statusCode).toBe(403);
    const clerk = await login('clerk');
    expect((await upload(clerk, { name: 'a.pdf', bytes: pdfBytes() })).statusCode).toBe(201);
  });

  it('gives a retry (same bytes, same name) the first file, with or without an Idempotency-Key', async () => {
    const bytes = pdfBytes(2000);
    const first = await upload(zhangsan, { name: '身份证复印件.pdf', bytes });
    expect(first.statusCode).toBe(201);
    const again = await upload(
      zhangsan,
      { name: '身份证复印件.pdf', bytes },
      { 'idempotency-key': 'upload-retry-0001' },
    );
    // 200, not 201: nothing new was created.
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(first.json());
    const replay = await upload(
      zhangsan,
      { name: '身份证复印件.pdf', bytes },
      { 'idempotency-key': 'upload-retry-0001' },
    );
    expect(replay.json().id).toBe(first.json().id);
    // Another name is another upload; another owner's same bytes are theirs.
    const renamed = await upload(zhangsan, { name: '复印件2.pdf', bytes });
    expect(renamed.statusCode).toBe(201);
    expect(renamed.json().id).not.toBe(first.json().id);
    const theirs = await upload(xixi, { name: '身份证复印件.pdf', bytes });
    expect(theirs.statusCode).toBe(201);
    expect(theirs.json().id).not.toBe(first.json().id);
  });

  it('stores nothing when the scanner refuses the file', async () => {
    const before = await fileCount();
    const auditBefore = await database.handle.db
      .selectFrom('audit_entry')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('action', '=', 'file.upload')
      .executeTakeFirstOrThrow();
    const infected = Buffer.concat([pdfBytes(), Buffer.from(EICAR)]);
    const res = await upload(zhangsan, { name: '病毒.pdf', bytes: infected });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toEqual({
      code: 'file_infected',
      field: 'file',
      message: '文件未通过病毒检查（Eicar-Test-Signature），未保存',
    });
    expect(scanned).toContain('病毒.pdf');
    expect(await fileCount()).toBe(before);
    const auditAfter = await database.handle.db
      .selectFrom('audit_entry')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('action', '=', 'file.upload')
      .executeTakeFirstOrThrow();
    expect(Number(auditAfter.n)).toBe(Number(auditBefore.n));
  });
});

describe('reading a file', () => {
  it('is for its owner and for staff (audited); another applicant gets 403', async () => {
    const res = await upload(zhangsan, { name: '户口本.pdf', bytes: pdfBytes(1500) });
    const id = res.json().id as string;
    expect((await get(xixi, `/api/v1/files/${id}`)).statusCode).toBe(403);
    expect((await get(xixi, `/api/v1/files/${id}/metadata`)).statusCode).toBe(403);
    expect((await get(null, `/api/v1/files/${id}`)).statusCode).toBe(401);
    const cadre = await login('cadre');
    expect((await get(cadre, `/api/v1/files/${id}`)).statusCode).toBe(403);

    const audited = () =>
      database.handle.db
        .selectFrom('audit_entry')
        .select(['actor_label'])
        .where('action', '=', 'file.read')
        .where('target_id', '=', id)
        .execute();
    expect((await get(zhangsan, `/api/v1/files/${id}`)).statusCode).toBe(200);
    expect(await audited()).toEqual([]);
    const reviewer = await login('reviewer-market');
    const read = await get(reviewer, `/api/v1/files/${id}`);
    expect(read.statusCode).toBe(200);
    expect(read.headers['content-type']).toBe('application/pdf');
    expect(await audited()).toEqual([{ actor_label: 'reviewer-market' }]);

    const missing = await get(zhangsan, '/api/v1/files/00000000-0000-4000-8000-000000000000');
    expect(missing.statusCode).toBe(404);
    expect((await get(zhangsan, '/api/v1/files/not-an-id')).json().error.field).toBe('id');
  });
});

describe('a case draft citing uploaded files', () => {
  const as = (s: Session, method: 'POST' | 'PATCH' | 'GET', url: string, body?: object) =>
    app.inject({
      method,
      url,
      ...(body ? { payload: body } : {}),
      headers: { cookie: s.cookie, ...(method === 'GET' ? {} : { 'x-csrf-token': s.csrf }) },
    });
  const material = (reference: string | null, key = 'lease-contract') => ({
    key,
    name: '租赁合同',
    source: 'upload' as const,
    reference,
  });

  it('takes the applicant’s own file, a legacy file name, and refuses a stranger’s file', async () => {
    const draft = (
      await as(zhangsan, 'POST', '/api/v1/cases', {
        subject: { kind: 'item', key: 'food-business-permit' },
      })
    ).json();
    const mine = (await upload(zhangsan, { name: '租赁合同.pdf', bytes: pdfBytes(3000) })).json();
    const saved = await as(zhangsan, 'PATCH', `/api/v1/cases/${draft.id}`, {
      version: draft.version,
      materials: [material('租赁合同（纸质）.pdf', 'floor-plan'), material(mine.id)],
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().materials).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ key: 'lease-contract', reference: mine.id }),
      ]),
    );

    const theirs = (await upload(xixi, { name: '别人的.pdf', bytes: pdfBytes(3100) })).json();
    for (const reference of [theirs.id, '00000000-0000-4000-8000-000000000000']) {
      const refused = await as(zhangsan, 'PATCH', `/api/v1/cases/${draft.id}`, {
        version: saved.json().version,
        materials: [material(mine.id), material(reference, 'floor-plan')],
      });
      expect(refused.statusCode).toBe(400);
      expect(refused.json().error).toEqual({
        code: 'file_reference_invalid',
        field: 'materials[1].reference',
        message: '“materials[1].reference”不是申请人本人或为其办理的窗口人员上传的文件',
      });
    }
    const after = (await as(zhangsan, 'GET', `/api/v1/cases/${draft.id}`)).json();
    expect(after.version).toBe(saved.json().version);
  });

  it('takes a file a clerk uploaded for the applicant, and the applicant may keep it', async () => {
    const clerk = await login('clerk');
    const person = await database.handle.db
      .selectFrom('account')
      .select('person_id')
      .where('username', '=', 'zhangsan')
      .executeTakeFirstOrThrow();
    const draft = (
      await as(clerk, 'POST', '/api/v1/cases', {
        subject: { kind: 'item', key: 'food-business-permit' },
        onBehalfOf: { personId: person.person_id },
      })
    ).json();
    const scannedAtCounter = (
      await upload(clerk, { name: '窗口扫描件.pdf', bytes: pdfBytes(3200) })
    ).json();
    const saved = await as(clerk, 'PATCH', `/api/v1/cases/${draft.id}`, {
      version: draft.version,
      materials: [material(scannedAtCounter.id)],
    });
    expect(saved.statusCode).toBe(200);
    // The applicant saves the draft later on the portal: the clerk's file stays cited.
    const again = await as(zhangsan, 'PATCH', `/api/v1/cases/${draft.id}`, {
      version: saved.json().version,
      materials: [material(scannedAtCounter.id)],
    });
    expect(again.statusCode).toBe(200);
    // … but another clerk's upload is not theirs to cite.
    const other = await login('clerk-wenxin');
    const elsewhere = (await upload(other, { name: '别处.pdf', bytes: pdfBytes(3300) })).json();
    const refused = await as(zhangsan, 'PATCH', `/api/v1/cases/${draft.id}`, {
      version: again.json().version,
      materials: [material(elsewhere.id)],
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.field).toBe('materials[0].reference');
  });
});
