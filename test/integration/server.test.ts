import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { residentIdCheckCharacter } from '../../src/modules/identity/index.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

let t: TestApp;
const logs: string[] = [];
beforeAll(async () => {
  const stream = new PassThrough();
  stream.on('data', (chunk: Buffer) => logs.push(chunk.toString()));
  t = await createTestApp({ logStream: stream });
});
afterAll(() => t?.close());

describe('server', () => {
  it('reports health with the database backend', async () => {
    const res = await t.as(null, 'GET', '/healthz');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', database: 'ok' });
  });

  it('answers unknown API routes with the one error body', async () => {
    const res = await t.as(null, 'GET', '/api/v1/no-such-thing', undefined, {
      'accept-language': 'en-US',
    });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({
      error: { code: 'route_not_found', message: 'No such endpoint: GET /api/v1/no-such-thing' },
    });
  });

  it('refuses malformed JSON and unknown fields with 400', async () => {
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"username": ',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('invalid_json');
    const extra = await t.as(null, 'POST', '/api/v1/auth/login', {
      username: 'a',
      password: 'b',
      admin: true,
    });
    expect(extra.json().error).toMatchObject({ code: 'validation_additional', field: 'admin' });
  });

  it('refuses a NUL character anywhere in a request with 400 naming the field, not 500', async () => {
    const clerk = await t.login('clerk');
    const search = await t.as(null, 'GET', '/api/v1/search?q=%00', undefined, {
      'accept-language': 'en-US',
    });
    expect(search.statusCode).toBe(400);
    expect(search.json().error).toMatchObject({
      code: 'validation_control_character',
      field: 'q',
      message: 'Field "q" contains a NUL control character; remove it and try again',
    });
    const persons = await t.as(clerk, 'GET', '/api/v1/persons?name=%E5%BC%A0%00');
    expect([persons.statusCode, persons.json().error.field]).toEqual([400, 'name']);
    const draft = await t.as(
      clerk,
      'POST',
      '/api/v1/cases',
      { subject: { kind: 'bundle', key: 'birth' }, formData: { 'child.name': '张\u0000' } },
      { 'idempotency-key': 'nul-in-form-data' },
    );
    expect([draft.statusCode, draft.json().error.field]).toEqual([400, 'formData.child.name']);
    // A verification link whose certificate number decodes to a NUL is no certificate.
    const nul = Buffer.from('\u0000').toString('base64url');
    const verify = await t.as(
      null,
      'GET',
      `/api/v1/certificates/verify?c=OTR1.${nul}.AAAAAAAAAAAAAAAAAAAAAA`,
    );
    expect(verify.statusCode).toBeLessThan(500);
  });

  it('publishes an OpenAPI 3.1 document in which every operation declares its responses', async () => {
    const doc = (await t.as(null, 'GET', '/docs/json')).json();
    expect(doc.openapi).toBe('3.1.0');
    const ops = Object.entries(
      doc.paths as Record<string, Record<string, { responses?: object }>>,
    ).flatMap(([p, methods]) =>
      Object.entries(methods).map(([m, op]) => ({ id: `${m} ${p}`, responses: op.responses })),
    );
    expect(ops.map((o) => o.id)).toEqual(
      expect.arrayContaining([
        'post /api/v1/auth/login',
        'get /api/v1/me',
        'get /api/v1/org-units',
      ]),
    );
    for (const op of ops) {
      const codes = Object.keys(op.responses ?? {});
      // A success answer is declared (some have two: 200 with a body, 204 with none).
      expect(codes.filter((c) => /^2\d\d$/.test(c)).length, op.id).toBeGreaterThanOrEqual(1);
      if (op.id.includes('/api/v1/')) expect(codes, op.id).toContain('400');
    }
  });

  it('never writes resident IDs, phone numbers, passwords or cookies to the log', async () => {
    const first17 = '33010619881212003';
    const id = first17 + residentIdCheckCharacter(first17);
    const clerk = await t.login('clerk');
    await t.as(clerk, 'POST', '/api/v1/persons', {
      residentId: id,
      name: '日志',
      phone: '13712345678',
    });
    await t.as(clerk, 'GET', `/api/v1/persons?name=${id}&phone=13712345678`);
    await t.as(null, 'POST', '/api/v1/auth/login', {
      username: 'clerk',
      password: 'secret-password-typo',
    });
    const text = logs.join('');
    expect(text).toContain('/api/v1/persons');
    expect(text).not.toContain(id);
    expect(text).not.toContain('13712345678');
    expect(text).not.toContain('secret-password-typo');
    expect(text).not.toContain(clerk.cookie.split('=')[1]);
  });
});
