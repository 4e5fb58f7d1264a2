import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseDriver, type Json } from '../../../test/helpers/cases.ts';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.ts';

// 领取方式: the applicant says on the form how the result should reach them.
let t: TestApp;
let d: ReturnType<typeof caseDriver>;
beforeAll(async () => {
  t = await createTestApp();
  d = caseDriver(t);
});
afterAll(() => t?.close());

let keys = 0;
async function save(id: string, body: Json, lang = 'zh-CN') {
  return t.as(await d.session('zhangsan'), 'PATCH', `/api/v1/cases/${id}`, body, {
    'idempotency-key': `delivery-${++keys}`,
    'accept-language': lang,
  });
}

describe('the applicant’s delivery choice', () => {
  let draft: Json;
  beforeAll(async () => {
    draft = await d.ok('zhangsan', 'POST', '/cases', { subject: { kind: 'bundle', key: 'birth' } });
  });

  it('refuses post without an address, naming every missing part, and stores nothing', async () => {
    const res = await save(draft.id, {
      version: draft.version,
      formData: { 'child.name': '张小宝' },
      deliveryChoice: { method: 'post', post: { recipient: '张三', phone: '', address: ' ' } },
    });
    expect(res.statusCode).toBe(400);
    const fields = res.json().error.details.map((p: Json) => p.field);
    expect(fields).toEqual(['deliveryChoice.post.phone', 'deliveryChoice.post.address']);
    expect(res.json().error.details[0].message).toContain('缺少必填字段');
    const now = await d.ok('zhangsan', 'GET', `/cases/${draft.id}`);
    expect(now.version).toBe(draft.version);
    expect(now.deliveryChoice).toBeNull();
    expect(now.formData['child.name']).not.toBe('张小宝');
  });

  it('says in English that a phone is not a mobile number', async () => {
    const res = await save(
      draft.id,
      {
        version: draft.version,
        deliveryChoice: {
          method: 'post',
          post: { recipient: '张三', phone: '0571-8888', address: '西湖区文三路 1 号' },
        },
      },
      'en-US',
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([
      expect.objectContaining({
        field: 'deliveryChoice.post.phone',
        message: expect.stringContaining('11-digit mobile number'),
      }),
    ]);
  });

  it('refuses a pick-up point the district does not have', async () => {
    const res = await save(draft.id, {
      version: draft.version,
      deliveryChoice: { method: 'pickup', servicePoint: 'nowhere' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.field).toBe('deliveryChoice.servicePoint');
  });

  it('keeps a postal address, and drops it when the applicant switches to electronic', async () => {
    const posted = await save(draft.id, {
      version: draft.version,
      deliveryChoice: {
        method: 'post',
        post: { recipient: '张三', phone: '138 0571 0000', address: '西湖区文三路 1 号' },
      },
    });
    expect(posted.statusCode).toBe(200);
    expect(posted.json().deliveryChoice).toEqual({
      method: 'post',
      post: { recipient: '张三', phone: '13805710000', address: '西湖区文三路 1 号' },
    });
    const electronic = await save(draft.id, {
      version: posted.json().version,
      deliveryChoice: { method: 'electronic', post: posted.json().deliveryChoice.post },
    });
    expect(electronic.json().deliveryChoice).toEqual({ method: 'electronic' });
  });

  it('records pick-up at the accepting window when an application is handed in without a choice', async () => {
    const c = await d.newCase('zhangsan', 'birth');
    expect(c.deliveryChoice).toEqual({ method: 'pickup' });
  });
});
