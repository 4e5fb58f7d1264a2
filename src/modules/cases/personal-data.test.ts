import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseDriver, type Json } from '../../../test/helpers/cases.ts';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.ts';

// A case's form carries the applicant's resident ID and phone, and often a family member's:
// staff see them masked, and a clerk or reviewer who needs them asks, which is audited.
let t: TestApp;
let d: ReturnType<typeof caseDriver>;
beforeAll(async () => {
  t = await createTestApp();
  d = caseDriver(t);
});
afterAll(() => t?.close());

const MOTHER = '330106199205061248';
const POST = { recipient: '张三', phone: '13805710000', address: '西湖区文三路 1 号' };

describe('personal data on a case', () => {
  let id: string;
  let own: Json;

  const piiReads = () =>
    t.database.handle.db
      .selectFrom('audit_entry')
      .select(['actor_label', 'target_type', 'division_code'])
      .where('action', '=', 'pii.read')
      .where('target_id', '=', id)
      .execute();

  it('is shown in full to the applicant who typed it', async () => {
    const draft = await d.ok('zhangsan', 'POST', '/cases', {
      subject: { kind: 'bundle', key: 'birth' },
      formData: { 'applicant.phone': '13900000000', 'mother.resident_id': MOTHER },
    });
    id = draft.id;
    own = await d.ok('zhangsan', 'PATCH', `/cases/${id}`, {
      version: draft.version,
      deliveryChoice: { method: 'post', post: POST },
    });
    expect(own.formData).toMatchObject({
      'applicant.resident_id': expect.stringMatching(/^33010619900307123[\dX]$/),
      'applicant.phone': '13900000000',
      'mother.resident_id': MOTHER,
    });
    expect(own.deliveryChoice.post.phone).toBe(POST.phone);
  });

  it('is masked for staff, in the answer and in the stored replay of that answer', async () => {
    const seen = await d.ok('clerk-wenxin', 'GET', `/cases/${id}`);
    expect(seen.formData).toMatchObject({
      'applicant.resident_id': expect.stringMatching(/^330106\*{8}\d{3}[\dX]$/),
      'applicant.phone': '139****0000',
      'mother.resident_id': '330106********1248',
      'applicant.name': '张三',
    });
    expect(seen.deliveryChoice.post).toEqual({ ...POST, phone: '138****0000' });

    // The clerk saves the form as shown, with one answer changed: the masked values mean
    // "unchanged", so what the applicant typed stays.
    const key = `personal-data-${Date.now()}`;
    const res = await t.as(
      await d.session('clerk-wenxin'),
      'PATCH',
      `/api/v1/cases/${id}`,
      {
        version: seen.version,
        formData: { ...seen.formData, 'child.name': '张小宝' },
        deliveryChoice: seen.deliveryChoice,
      },
      { 'idempotency-key': key },
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().formData['mother.resident_id']).toBe('330106********1248');
    const after = await d.ok('zhangsan', 'GET', `/cases/${id}`);
    expect(after.formData).toEqual({ ...own.formData, 'child.name': '张小宝' });
    expect(after.deliveryChoice).toEqual(own.deliveryChoice);

    const stored = await t.database.handle.db
      .selectFrom('idempotency_key')
      .select('response')
      .where('key', '=', key)
      .executeTakeFirstOrThrow();
    const text = JSON.stringify(stored.response);
    expect(text).toContain('张小宝');
    expect(text).not.toContain(MOTHER);
    expect(text).not.toContain('13805710000');
  });

  it('is never overwritten by an edited mask: the field is named instead', async () => {
    const seen = await d.ok('clerk-wenxin', 'GET', `/cases/${id}`);
    const res = await d.call('clerk-wenxin', 'PATCH', `/cases/${id}`, {
      version: seen.version,
      formData: { ...seen.formData, 'mother.resident_id': '330106********1249' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({
      code: 'personal_data_masked',
      field: 'formData.mother.resident_id',
    });
    expect((await d.ok('zhangsan', 'GET', `/cases/${id}`)).formData['mother.resident_id']).toBe(
      MOTHER,
    );
  });

  it('is revealed to a clerk who asks, and the read is audited', async () => {
    const before = (await piiReads()).length;
    const res = await d.call('clerk-wenxin', 'GET', `/cases/${id}/personal-data`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.json()).toEqual({
      formData: {
        'applicant.resident_id': own.formData['applicant.resident_id'],
        'applicant.phone': '13900000000',
        'mother.resident_id': MOTHER,
      },
      deliveryPhone: POST.phone,
    });
    const reads = await piiReads();
    expect(reads.length).toBe(before + 1);
    expect(reads.at(-1)).toMatchObject({ actor_label: 'clerk-wenxin', target_type: 'case' });
  });

  it('is not revealed to a leader, nor to a reviewer with no step on the case', async () => {
    const before = (await piiReads()).length;
    const seen = await d.ok('leader', 'GET', `/cases/${id}`);
    expect(seen.formData['mother.resident_id']).toBe('330106********1248');
    for (const user of ['leader', 'reviewer-market']) {
      const res = await d.call(user, 'GET', `/cases/${id}/personal-data`);
      expect(res.statusCode, user).toBe(403);
    }
    expect((await piiReads()).length).toBe(before);
  });

  it('answers 404 for a case that does not exist', async () => {
    const res = await d.call(
      'clerk-wenxin',
      'GET',
      '/cases/00000000-0000-4000-8000-000000000000/personal-data',
    );
    expect(res.statusCode).toBe(404);
  });
});
