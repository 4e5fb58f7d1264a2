import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import {
  DEMO_ACCOUNTS,
  residentIdCheckCharacter,
  UNIT_DIRECTORY_TTL_MS,
  unitDirectory,
  usccCheckCharacter,
} from './index.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

describe('sign-in', () => {
  it.each(DEMO_ACCOUNTS.map((a) => [a.username, a] as const))(
    'demo account %s signs in and sees its unit and roles',
    async (_u, account) => {
      const session = await t.login(account.username);
      const me = (await t.as(session, 'GET', '/api/v1/me')).json();
      expect(me.username).toBe(account.username);
      expect(me.displayName).toBe(account.displayName);
      expect(me.roles.map((r: { role: string }) => r.role)).toEqual(account.roles);
      for (const r of me.roles) expect(r.orgUnit.name).toMatch(/\S/);
      if (account.kind === 'staff') expect(me.orgUnit.name).toMatch(/西湖|街道/);
    },
  );

  it('answers a wrong password with a generic 401 in the caller’s language', async () => {
    const zh = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'admin', password: 'nope' },
    });
    expect(zh.statusCode).toBe(401);
    expect(zh.json()).toEqual({ error: { code: 'login_failed', message: '用户名或密码错误' } });
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'accept-language': 'en-US,en;q=0.9' },
      payload: { username: 'no-such-user', password: 'nope' },
    });
    expect(unknown.statusCode).toBe(401);
    // The same message for an unknown user: the answer does not reveal which usernames exist.
    expect(unknown.json().error.message).toBe('Wrong username or password');
  });

  it('throttles a username after five failures, even with the right password', async () => {
    const attempt = (password: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        remoteAddress: '10.9.9.9',
        payload: { username: 'cadre', password },
      });
    for (let i = 0; i < 5; i++) expect((await attempt('wrong')).statusCode).toBe(401);
    const blocked = await attempt('OneTrip@2026');
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().error.code).toBe('login_throttled');
  });

  it('requires a session for /me and the CSRF token for writes', async () => {
    expect((await t.as(null, 'GET', '/api/v1/me')).statusCode).toBe(401);
    const session = await t.login('clerk');
    const noCsrf = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { cookie: session.cookie },
    });
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.json().error.code).toBe('csrf_invalid');
    const out = await t.as(session, 'POST', '/api/v1/auth/logout');
    expect(out.statusCode).toBe(204);
    expect((await t.as(session, 'GET', '/api/v1/me')).statusCode).toBe(401);
  });

  it('sets an httpOnly SameSite session cookie', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'leader', password: 'OneTrip@2026' },
    });
    const cookie = res.cookies.find((c) => c.name === 'onetrip_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
  });
});

describe('org tree', () => {
  it('holds Xihu with its 10 subdistricts, 2 towns, departments and communities', async () => {
    const get = async (q: string) => (await t.as(null, 'GET', `/api/v1/org-units?${q}`)).json();
    const district = await get('kind=district');
    expect(district.data[0]).toMatchObject({ name: '西湖区', divisionCode: '330106' });
    expect((await get('kind=subdistrict')).total).toBe(10);
    const towns = await get('kind=town');
    expect(towns.data.map((x: { code: string }) => x.code).sort()).toEqual([
      '330106109',
      '330106110',
    ]);
    expect((await get('kind=department')).total).toBeGreaterThanOrEqual(20);
    const beishan = (await get('kind=subdistrict&q=北山')).data[0];
    expect(beishan.code).toBe('330106002');
    const communities = await get(`parentId=${beishan.id}`);
    expect(communities.total).toBeGreaterThan(0);
    expect(
      communities.data.every((c: { divisionCode: string }) =>
        c.divisionCode.startsWith('330106002'),
      ),
    ).toBe(true);
  });

  it('pages lists with limit and offset', async () => {
    const page1 = (await t.as(null, 'GET', '/api/v1/org-units?kind=community&limit=5')).json();
    const page2 = (
      await t.as(null, 'GET', '/api/v1/org-units?kind=community&limit=5&offset=5')
    ).json();
    expect(page1.data).toHaveLength(5);
    expect(page1.total).toBe(page2.total);
    expect(page1.data[0].id).not.toBe(page2.data[0].id);
    const tooMany = await t.as(null, 'GET', '/api/v1/org-units?limit=1000');
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().error.field).toBe('limit');
  });
});

describe('persons and enterprises', () => {
  const validId = (first17: string) => first17 + residentIdCheckCharacter(first17);

  it('refuses a malformed resident ID with 400 naming the field, and stores nothing', async () => {
    const clerk = await t.login('clerk');
    const before = (await t.as(clerk, 'GET', '/api/v1/persons')).json().total;
    const good = validId('33010620010101002');
    const wrongCheck = good.slice(0, 17) + (good.endsWith('1') ? '2' : '1');
    const res = await t.as(clerk, 'POST', '/api/v1/persons', {
      residentId: wrongCheck,
      name: '测试',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({
      code: 'resident_id_check_character',
      field: 'residentId',
    });
    const badDate = await t.as(
      clerk,
      'POST',
      '/api/v1/persons',
      { residentId: validId('33010620010230002'), name: '测试' },
      { 'accept-language': 'en' },
    );
    expect(badDate.json().error).toEqual({
      code: 'resident_id_birth_date',
      field: 'residentId',
      message: '"residentId" contains an invalid birth date',
    });
    expect((await t.as(clerk, 'GET', '/api/v1/persons')).json().total).toBe(before);
  });

  it('registers a person, masks the ID in lists and audits the full read', async () => {
    const clerk = await t.login('clerk');
    const id = validId('33010619920815004');
    const created = await t.as(clerk, 'POST', '/api/v1/persons', {
      residentId: id,
      name: '林晓',
      phone: '13900001111',
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().residentId).toBe(`330106********${id.slice(-4)}`);
    const list = (await t.as(clerk, 'GET', '/api/v1/persons?name=林晓')).json();
    expect(list.data[0]).toMatchObject({
      residentId: `330106********${id.slice(-4)}`,
      phone: '139****1111',
    });
    expect(JSON.stringify(list)).not.toContain(id);

    const full = await t.as(clerk, 'GET', `/api/v1/persons/${created.json().id}`);
    expect(full.json().residentId).toBe(id);
    const admin = await t.login('admin');
    const audit = (
      await t.as(admin, 'GET', `/api/v1/audit?targetType=person&targetId=${created.json().id}`)
    ).json();
    expect(audit.data.map((e: { action: string }) => e.action).sort()).toEqual([
      'person.create',
      'pii.read',
    ]);
    expect(audit.data.every((e: { actorLabel: string }) => e.actorLabel === 'clerk')).toBe(true);
  });

  it('does not let an applicant read somebody else’s record', async () => {
    const zhangsan = await t.login('zhangsan');
    const clerk = await t.login('clerk');
    const other = (await t.as(clerk, 'GET', '/api/v1/persons?name=王芳')).json().data[0];
    expect((await t.as(zhangsan, 'GET', `/api/v1/persons/${other.id}`)).statusCode).toBe(403);
    expect((await t.as(zhangsan, 'GET', '/api/v1/persons')).statusCode).toBe(403);
  });

  it('refuses a malformed USCC with 400 naming the field', async () => {
    const clerk = await t.login('clerk');
    const res = await t.as(clerk, 'POST', '/api/v1/enterprises', {
      uscc: '91330106MA2H3K5N0I',
      name: '某公司',
      legalRepresentative: '某人',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'uscc_format', field: 'uscc' });
    const first17 = '91330106MA2HXY7Q1';
    const ok = await t.as(clerk, 'POST', '/api/v1/enterprises', {
      uscc: first17 + usccCheckCharacter(first17),
      name: '杭州云栖茶事有限公司',
      legalRepresentative: '何青',
    });
    expect(ok.statusCode).toBe(201);
  });
});

describe('idempotency', () => {
  it('replays the first answer for a retried key and refuses the key on another request', async () => {
    const clerk = await t.login('clerk');
    const body = { residentId: validIdFor('33010619770101003'), name: '重试' };
    const headers = { 'idempotency-key': 'retry-key-0001' };
    const first = await t.as(clerk, 'POST', '/api/v1/persons', body, headers);
    const again = await t.as(clerk, 'POST', '/api/v1/persons', body, headers);
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
    const list = (await t.as(clerk, 'GET', '/api/v1/persons?name=重试')).json();
    expect(list.total).toBe(1);
    const other = await t.as(clerk, 'POST', '/api/v1/persons', { ...body, name: '别人' }, headers);
    expect(other.statusCode).toBe(422);
    expect(other.json().error.code).toBe('idempotency_key_reused');
    const malformed = await t.as(clerk, 'POST', '/api/v1/persons', body, {
      'idempotency-key': 'x',
    });
    expect(malformed.json().error.field).toBe('Idempotency-Key');
  });
});

function validIdFor(first17: string) {
  return first17 + residentIdCheckCharacter(first17);
}

describe('the unit directory', () => {
  it('keeps names for a minute, then shows a renamed street without making a reader wait', async () => {
    const db = t.database.handle.db;
    const t0 = Date.now();
    const first = await unitDirectory(db, t0);
    const [code, street] = [...first].find(([, u]) => u.kind === 'subdistrict')!;
    expect([...first.values()].some((u) => u.kind === 'department')).toBe(true);
    const rename = (name: string) =>
      db.updateTable('org_unit').set({ name }).where('code', '=', code).execute();
    await rename(`${street.name}（更名）`);
    let restored = false;
    try {
      // Within the minute: the copy in hand.
      expect((await unitDirectory(db, t0 + 1_000)).get(code)?.name).toBe(street.name);
      // In the second minute: the caller still gets the copy in hand, and starts a reload.
      const late = t0 + UNIT_DIRECTORY_TTL_MS + 1;
      expect((await unitDirectory(db, late)).get(code)?.name).toBe(street.name);
      await vi.waitFor(
        async () =>
          expect((await unitDirectory(db, late)).get(code)?.name).toBe(`${street.name}（更名）`),
        { timeout: 5_000 },
      );
      // A copy two minutes old is not handed out: the caller waits for the reload.
      await rename(street.name);
      restored = true;
      const later = late + 2 * UNIT_DIRECTORY_TTL_MS;
      expect((await unitDirectory(db, later)).get(code)?.name).toBe(street.name);
    } finally {
      if (!restored) await rename(street.name);
    }
  });
});
