import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseDriver, type Json } from '../../../test/helpers/cases.ts';
import { createTestApp, type Session, type TestApp } from '../../../test/helpers/test-app.ts';

// 四端协同: one 出生一件事 draft, begun on the phone, continued at a kiosk and finished by a clerk
// at the counter on the applicant's behalf. Every step is recorded on the channel it came from.
const KIOSK_KEY = 'demo-kiosk-wenxin-street-centre';
// 张三's synthetic demo number (see the README).
const ZHANGSAN = '330106199003071236';

let t: TestApp;
let d: ReturnType<typeof caseDriver>;
beforeAll(async () => {
  t = await createTestApp();
  d = caseDriver(t);
});
afterAll(() => t?.close());

let keys = 0;
async function as(
  session: Session,
  channel: string,
  method: 'GET' | 'POST' | 'PATCH',
  url: string,
  body?: unknown,
) {
  return t.as(session, method, `/api/v1${url}`, body, {
    'x-onetrip-channel': channel,
    ...(method === 'GET' ? {} : { 'idempotency-key': `channels-${++keys}` }),
  });
}

/** What a kiosk's card reader and page do: post the card, then take up the session. */
async function kioskSession(): Promise<Session> {
  const headers = { 'x-kiosk-key': KIOSK_KEY };
  const read = await t.app.inject({
    method: 'POST',
    url: '/api/v1/kiosk/card-reads',
    headers,
    payload: { name: '张三', residentId: ZHANGSAN, validFrom: '20200101', validTo: '20400101' },
  });
  expect(read.statusCode).toBe(201);
  const claim = await t.app.inject({
    method: 'POST',
    url: '/api/v1/kiosk/sessions',
    headers,
    payload: {},
  });
  expect(claim.json().status).toBe('signed_in');
  const cookie = claim.cookies.find((c) => c.name === 'onetrip_session')!;
  return { cookie: `onetrip_session=${cookie.value}`, csrf: claim.json().csrfToken as string };
}

describe('四端协同: one case, one draft, whatever the channel', () => {
  let id: string;
  let version: number;

  it('is begun on the phone and continued at a kiosk, the same draft', async () => {
    const phone = await d.session('zhangsan');
    const started = await as(phone, 'mobile', 'POST', '/cases', {
      subject: { kind: 'bundle', key: 'birth' },
    });
    expect(started.statusCode).toBe(201);
    id = started.json().id;
    const saved = await as(phone, 'mobile', 'PATCH', `/cases/${id}`, {
      version: started.json().version,
      formData: { 'child.name': '张小宝', 'child.sex': 'male' },
    });
    expect(saved.statusCode).toBe(200);

    const kiosk = await kioskSession();
    const mine = (await as(kiosk, 'web', 'GET', '/cases?state=draft')).json();
    expect(mine.data.map((c: Json) => c.id)).toContain(id);
    const there = await as(kiosk, 'web', 'PATCH', `/cases/${id}`, {
      version: saved.json().version,
      formData: { 'child.birth_date': '2026-01-20', 'mother.name': '李梅' },
    });
    expect(there.statusCode).toBe(200);
    expect(there.json().formData).toMatchObject({ 'child.name': '张小宝', 'mother.name': '李梅' });
    version = there.json().version;
  });

  it('is found by the clerk by resident ID, drafts included, and finished on paper', async () => {
    const found = await d.ok('clerk-wenxin', 'GET', `/cases?residentId=${ZHANGSAN}&state=draft`);
    expect(found.data.map((c: Json) => c.id)).toContain(id);

    const clerk = await d.session('clerk-wenxin');
    const compiled = await d.ok('clerk-wenxin', 'GET', '/bundles/birth/compiled');
    const formData: Json = {};
    for (const [key, p] of Object.entries<Json>(compiled.form.properties)) {
      formData[key] = p.enum ? p.enum[0] : p.type === 'boolean' ? false : `测试${key}`;
    }
    formData['applicant.phone'] = '13800138000';
    delete formData['child.name'];
    // Handed in on paper at the window: no file, a material all the same.
    const materials = compiled.materials
      .filter((m: Json) => !m.producedBy && m.requirement !== 'optional')
      .map((m: Json) => ({ key: m.key, name: m.name, source: 'paper', reference: null }));
    const saved = await as(clerk, 'counter', 'PATCH', `/cases/${id}`, {
      version,
      formData,
      materials,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().formData['child.name']).toBe('张小宝');
    expect(saved.json().materials.filter((m: Json) => m.source === 'paper').length).toBe(
      materials.length,
    );

    const submitted = await as(clerk, 'counter', 'POST', `/cases/${id}/submit`, {
      version: saved.json().version,
    });
    expect(submitted.statusCode, submitted.body).toBe(200);
    const intake = submitted.json().tasks.find((x: Json) => x.stepKey === 'intake');
    const accepted = await as(clerk, 'counter', 'POST', `/cases/${id}/actions`, {
      taskId: intake.id,
      version: intake.version,
      action: 'accept',
      visit: { servicePoint: 'wenxin-street-centre' },
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const c = accepted.json();
    expect(c.state).toBe('in_review');
    expect(c.number).toMatch(/^330106-\d{8}-\d{6}$/);
    expect(c.trips).toBe(1);
  });

  it('shows the applicant one timeline with the channel of every step', async () => {
    const c = await d.ok('zhangsan', 'GET', `/cases/${id}`);
    const steps = c.timeline.map((e: Json) => `${e.action}:${e.channel}`);
    expect(steps).toEqual([
      'draft:mobile',
      'save:mobile',
      'save:kiosk',
      'save:counter',
      'submit:counter',
      'accept:counter',
    ]);
    expect(c.applicantName).toBe('张三');
    // The clerk acted for 张三: the case is still 张三's, on the portal and the phone.
    const mine = await d.ok('zhangsan', 'GET', '/cases?limit=5');
    expect(mine.data.map((x: Json) => x.id)).toContain(id);
  });

  it('lets no other applicant touch the draft', async () => {
    const phone = await d.session('zhangsan');
    const other = await as(phone, 'mobile', 'POST', '/cases', {
      subject: { kind: 'bundle', key: 'birth' },
    });
    const stranger = await d.call('xixi-flavour', 'PATCH', `/cases/${other.json().id}`, {
      version: other.json().version,
      formData: { 'child.name': '别人' },
    });
    expect(stranger.statusCode).toBe(403);
  });
});
