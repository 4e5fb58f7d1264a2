import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import { residentIdCheckCharacter } from '../identity/index.ts';
import { demoKioskKey } from './index.ts';

const KEY = demoKioskKey('wenxin-street-centre');
const OTHER_KEY = demoKioskKey('xixi-street-centre');
const ZHANGSAN = '33010619900307123' + residentIdCheckCharacter('33010619900307123');
const NEWCOMER = '33010620010520452' + residentIdCheckCharacter('33010620010520452');
const wrongCheck = (id: string) => id.slice(0, 17) + (id.endsWith('1') ? '2' : '1');

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

const card = (over: Record<string, string> = {}) => ({
  name: '张三',
  residentId: ZHANGSAN,
  validFrom: '20200101',
  validTo: '20400101',
  ...over,
});

function post(url: string, body: unknown, key: string | null = KEY, locale = 'zh-CN') {
  return t.app.inject({
    method: 'POST',
    url,
    payload: body as object,
    headers: { 'accept-language': locale, ...(key ? { 'x-kiosk-key': key } : {}) },
  });
}

async function claim(key = KEY) {
  const res = await post('/api/v1/kiosk/sessions', {}, key);
  if (res.statusCode !== 200 || res.json().status !== 'signed_in') return { res, session: null };
  const cookie = res.cookies.find((c) => c.name === 'onetrip_session')!;
  return {
    res,
    session: { cookie: `onetrip_session=${cookie.value}`, csrf: res.json().csrfToken as string },
  };
}

describe('the card reader endpoint', () => {
  it('refuses a missing or wrong kiosk key with 401', async () => {
    for (const key of [null, 'not-a-real-kiosk-key-at-all']) {
      const res = await post('/api/v1/kiosk/card-reads', card(), key);
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('kiosk_key_invalid');
    }
    expect((await post('/api/v1/kiosk/sessions', {}, 'wrong-key-0123456789')).statusCode).toBe(401);
  });

  it('replays a card read only to the kiosk that sent it', async () => {
    const retry = async (kioskKey: string | null) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/kiosk/card-reads',
        payload: card(),
        headers: {
          'idempotency-key': 'card-read-replay-1',
          ...(kioskKey ? { 'x-kiosk-key': kioskKey } : {}),
        },
      });
    const first = await retry(KEY);
    expect(first.statusCode).toBe(201);
    const again = await retry(KEY);
    expect([again.statusCode, again.headers['idempotent-replayed']]).toEqual([201, 'true']);
    // The same key and body without the kiosk's own key is not that kiosk's request.
    const stranger = await retry(null);
    expect(stranger.statusCode).toBe(401);
    expect(stranger.body).toBe(
      JSON.stringify({
        error: { code: 'kiosk_key_invalid', message: stranger.json().error.message },
      }),
    );
  });

  it('refuses an expired card with 400 naming the field, in both languages', async () => {
    const zh = await post('/api/v1/kiosk/card-reads', card({ validTo: '20200101' }));
    expect(zh.statusCode).toBe(400);
    expect(zh.json().error).toEqual({
      code: 'card_expired',
      field: 'validTo',
      message: '身份证已过期（有效期限至 2020-01-01），请使用有效期内的身份证',
    });
    const en = await post('/api/v1/kiosk/card-reads', card({ validTo: '20200101' }), KEY, 'en-US');
    expect(en.json().error.message).toBe(
      'The ID card expired on 2020-01-01 (its validity period); please use a valid card',
    );
    const early = await post(
      '/api/v1/kiosk/card-reads',
      card({ validFrom: '20991231', validTo: '21191231' }),
    );
    expect(early.statusCode).toBe(400);
    expect(early.json().error).toMatchObject({ code: 'card_not_yet_valid', field: 'validFrom' });
    const unreadable = await post('/api/v1/kiosk/card-reads', card({ validTo: '2040-13-01' }));
    expect(unreadable.json().error).toMatchObject({ code: 'card_date_invalid', field: 'validTo' });
    // None of these leaves a sign-in behind; the kiosk page shows the last refusal, once.
    const refused = await claim();
    expect(refused.session).toBeNull();
    expect(refused.res.json()).toEqual({
      status: 'refused',
      code: 'card_date_invalid',
      field: 'validTo',
      message: '无法读取身份证的有效期限，请重新放置身份证',
    });
    expect((await claim()).res.statusCode).toBe(204);
  });

  it('refuses a wrong check digit with 400 naming the field', async () => {
    const res = await post('/api/v1/kiosk/card-reads', card({ residentId: wrongCheck(ZHANGSAN) }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({
      code: 'resident_id_check_character',
      field: 'residentId',
    });
    expect((await claim()).res.json()).toMatchObject({ status: 'refused', field: 'residentId' });
    expect((await claim()).res.statusCode).toBe(204);
  });

  it('turns a good read into a one-time token, then a kiosk session of the holder', async () => {
    const read = await post('/api/v1/kiosk/card-reads', card());
    expect(read.statusCode).toBe(201);
    const body = read.json();
    expect(body.holder).toEqual({
      name: '张三',
      residentId: '330106********' + ZHANGSAN.slice(-4),
    });
    expect(body.token).toMatch(/^[\w-]{40,}$/);
    expect(JSON.stringify(body)).not.toContain(ZHANGSAN);

    // Another kiosk cannot take it up.
    expect((await claim(OTHER_KEY)).res.statusCode).toBe(204);
    const { res, session } = await claim();
    expect(res.statusCode).toBe(200);
    expect(res.json().idleSeconds).toBe(60);
    const me = (await t.as(session, 'GET', '/api/v1/me')).json();
    expect(me).toMatchObject({ username: 'zhangsan', kind: 'person', displayName: '张三' });
    // Once only.
    expect((await claim()).res.statusCode).toBe(204);

    // The read is audited against the person, by the kiosk, without the number.
    const admin = await t.login('admin');
    const audit = (await t.as(admin, 'GET', '/api/v1/audit?action=pii.card_read&limit=5')).json();
    expect(audit.data[0]).toMatchObject({ action: 'pii.card_read', targetType: 'person' });
    expect(audit.data[0].actorLabel).toBe('kiosk:文新街道便民服务中心 自助终端 1');
    expect(JSON.stringify(audit)).not.toContain(ZHANGSAN);
  });

  it('records what a kiosk session does on the kiosk channel', async () => {
    await post('/api/v1/kiosk/card-reads', card());
    const { session } = await claim();
    const draft = await t.as(
      session,
      'POST',
      '/api/v1/cases',
      { subject: { kind: 'item', key: 'food-business-permit' } },
      { 'x-onetrip-channel': 'web' },
    );
    expect(draft.statusCode).toBe(201);
    expect(draft.json().timeline[0].channel).toBe('kiosk');
  });

  it('ends a kiosk session after 60 s without a request', async () => {
    await post('/api/v1/kiosk/card-reads', card());
    const { session } = await claim();
    expect((await t.as(session, 'GET', '/api/v1/me')).statusCode).toBe(200);
    const digest = (await import('node:crypto'))
      .createHash('sha256')
      .update(session!.cookie.split('=')[1]!)
      .digest('hex');
    const db = t.database.handle.db;
    await db
      .updateTable('session')
      .set({ last_seen_at: new Date(Date.now() - 59_000) })
      .where('id', '=', digest)
      .execute();
    // 59 s idle: still there, and the request counts as activity.
    expect((await t.as(session, 'GET', '/api/v1/me')).statusCode).toBe(200);
    await db
      .updateTable('session')
      .set({ last_seen_at: new Date(Date.now() - 61_000) })
      .where('id', '=', digest)
      .execute();
    expect((await t.as(session, 'GET', '/api/v1/me')).statusCode).toBe(401);
  });

  it('registers a resident not yet on file from the card, and they can sign in again', async () => {
    const read = await post(
      '/api/v1/kiosk/card-reads',
      card({ name: '赵新', residentId: NEWCOMER, validTo: '长期' }),
    );
    expect(read.statusCode).toBe(201);
    const { session } = await claim();
    const me = (await t.as(session, 'GET', '/api/v1/me')).json();
    expect(me).toMatchObject({ displayName: '赵新', kind: 'person' });
    expect(me.roles.map((r: { role: string }) => r.role)).toEqual(['applicant']);
    expect(
      (await post('/api/v1/kiosk/card-reads', card({ name: '赵新', residentId: NEWCOMER })))
        .statusCode,
    ).toBe(201);
    expect((await claim()).session).not.toBeNull();
  });
});

describe('the keyboard-wedge fallback', () => {
  it('signs in a person on file by number, with the kiosk key', async () => {
    const res = await post('/api/v1/kiosk/wedge-reads', { residentId: ZHANGSAN });
    expect(res.statusCode).toBe(201);
    const { session } = await claim();
    expect((await t.as(session, 'GET', '/api/v1/me')).json().username).toBe('zhangsan');
    expect(
      (await post('/api/v1/kiosk/wedge-reads', { residentId: ZHANGSAN }, null)).statusCode,
    ).toBe(401);
  });

  it('refuses a bad check digit and an unknown number', async () => {
    const bad = await post('/api/v1/kiosk/wedge-reads', { residentId: wrongCheck(ZHANGSAN) });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('residentId');
    const unknown = '33010619770707001' + residentIdCheckCharacter('33010619770707001');
    const res = await post('/api/v1/kiosk/wedge-reads', { residentId: unknown });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('kiosk_person_unknown');
  });
});

describe('face verification', () => {
  it('answers 501: not available in this deployment', async () => {
    const res = await post('/api/v1/kiosk/face-verifications', {
      residentId: ZHANGSAN,
      image: 'data',
    });
    expect(res.statusCode).toBe(501);
    expect(res.json().error).toEqual({
      code: 'face_verification_unavailable',
      message: '本终端暂未开通刷脸认证，请使用身份证',
    });
  });
});

describe('kiosk devices', () => {
  it('an admin registers a kiosk and sees its key once', async () => {
    const admin = await t.login('admin');
    const res = await t.as(admin, 'POST', '/api/v1/kiosk/devices', {
      name: '行政服务中心 自助终端 9',
      servicePointKey: 'xihu-district-centre',
      idleSeconds: 90,
    });
    expect(res.statusCode).toBe(201);
    const { key, idleSeconds } = res.json();
    expect(idleSeconds).toBe(90);
    const device = await t.app.inject({
      method: 'GET',
      url: '/api/v1/kiosk/device',
      headers: { 'x-kiosk-key': key },
    });
    expect(device.json()).toMatchObject({ name: '行政服务中心 自助终端 9', idleSeconds: 90 });
    const list = (await t.as(admin, 'GET', '/api/v1/kiosk/devices')).json();
    expect(list.total).toBeGreaterThan(10);
    expect(JSON.stringify(list)).not.toContain(key);
    // A retry with the same key registers nothing more and does not hand the key out again:
    // the answer carrying it is not kept.
    // A refusal is no secret: it is stored and replayed as usual.
    const wrongPoint = { name: '行政服务中心 自助终端 10', servicePointKey: 'no-such-point' };
    const refusedHeaders = { 'idempotency-key': 'kiosk-device-refused' };
    const refused = await t.as(admin, 'POST', '/api/v1/kiosk/devices', wrongPoint, refusedHeaders);
    expect(refused.statusCode).toBe(404);
    const refusedAgain = await t.as(
      admin,
      'POST',
      '/api/v1/kiosk/devices',
      wrongPoint,
      refusedHeaders,
    );
    expect([refusedAgain.statusCode, refusedAgain.json()]).toEqual([404, refused.json()]);
    expect(refusedAgain.headers['idempotent-replayed']).toBe('true');
    const body = { name: '行政服务中心 自助终端 10', servicePointKey: 'xihu-district-centre' };
    const headers = { 'idempotency-key': 'kiosk-device-10' };
    const first = await t.as(admin, 'POST', '/api/v1/kiosk/devices', body, headers);
    expect(first.statusCode).toBe(201);
    const again = await t.as(admin, 'POST', '/api/v1/kiosk/devices', body, headers);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('idempotency_secret_shown_once');
    expect(again.body).not.toContain(first.json().key);
    const named = (await t.as(admin, 'GET', '/api/v1/kiosk/devices?limit=200'))
      .json()
      .data.filter((x: { name: string }) => x.name === body.name);
    expect(named.length).toBe(1);
    const stored = await t.database.handle.db
      .selectFrom('idempotency_key')
      .select(['state', 'status_code', 'response'])
      .where('key', '=', 'kiosk-device-10')
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ state: 'done', status_code: 201, response: null });
    const clerk = await t.login('clerk');
    expect(
      (
        await t.as(clerk, 'POST', '/api/v1/kiosk/devices', {
          name: 'x',
          servicePointKey: 'xihu-district-centre',
        })
      ).statusCode,
    ).toBe(403);
  });
});

describe('preferences', () => {
  it('remembers elder mode on the account', async () => {
    const s = await t.login('zhangsan');
    const res = await t.as(s, 'PATCH', '/api/v1/me/preferences', { elderMode: true });
    expect(res.statusCode).toBe(200);
    expect(res.json().elderMode).toBe(true);
    const again = await t.login('zhangsan');
    expect((await t.as(again, 'GET', '/api/v1/me')).json().elderMode).toBe(true);
    const off = await t.as(again, 'PATCH', '/api/v1/me/preferences', { elderMode: false });
    expect(off.json().elderMode).toBe(false);
    expect(
      (await t.as(again, 'PATCH', '/api/v1/me/preferences', { elderMode: 'yes' })).statusCode,
    ).toBe(400);
  });
});
