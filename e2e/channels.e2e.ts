/// <reference lib="dom" />
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfBytes } from '../src/modules/files/fixtures.ts';
import { residentIdCheckCharacter } from '../src/modules/identity/index.ts';
import { demoKioskKey } from '../src/modules/kiosk/index.ts';
import { launchChromium } from './browser.ts';
import { apiAs, choose, screenshot, signIn, type Json, type SignedIn } from './helpers.ts';
import { serveKiosk } from './kiosk-server.ts';

/**
 * 四端协同: 张三 starts 出生一件事 on his phone, goes on with it at the kiosk of his street after
 * putting his ID card on the reader, and a clerk at the window finishes it for him with the paper
 * he brought, submits and accepts it. He follows it on the portal at his desk and on his phone:
 * one case, one timeline, each step with the channel it came from.
 */
const KIOSK_KEY = demoKioskKey('wenxin-street-centre');
const ZHANGSAN = '33010619900307123' + residentIdCheckCharacter('33010619900307123');
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1366, height: 768 };

let server: Awaited<ReturnType<typeof serveKiosk>>;
let chromium: Awaited<ReturnType<typeof launchChromium>>;
let browser: Browser;
const sessions: SignedIn[] = [];

beforeAll(async () => {
  [server, chromium] = await Promise.all([serveKiosk(), launchChromium()]);
  browser = chromium.browser;
});
afterAll(async () => {
  for (const s of sessions) await s.close();
  await chromium?.close();
  await server?.close();
});

async function as(user: string, next: string, viewport: { width: number; height: number }) {
  const session = await signIn(browser, server.baseUrl, user, next, viewport);
  sessions.push(session);
  return session.page;
}

/** Every control a finger can hit, smaller than `min` px in either direction. */
function smallTargets(page: Page, min: number) {
  return page.evaluate((min) => {
    const selector =
      'a[href], button, textarea, input:not([type="hidden"], [type="radio"], [type="checkbox"]), .ant-select, .ant-radio-wrapper, .ant-checkbox-wrapper';
    return Array.from(document.querySelectorAll(selector))
      .filter(
        (el) =>
          !el.closest('.ot-skip-link, .ant-select, .ant-input-number') || el.matches('.ant-select'),
      )
      .map((el) => ({ el, r: el.getBoundingClientRect() }))
      .filter(({ r }) => r.width > 1 && r.height > 1)
      .filter(({ r }) => r.width < min - 0.5 || r.height < min - 0.5)
      .map(
        ({ el, r }) =>
          `${el.tagName} "${el.textContent?.trim().slice(0, 20)}" ${r.width}×${r.height}`,
      );
  }, min);
}

async function saveDraft(page: Page) {
  await page.getByRole('button', { name: '保存草稿' }).click();
  await page.getByText(/草稿已保存/).waitFor();
}

describe('四端协同: one 出生一件事, four channels', () => {
  it('is started on the phone, continued at the kiosk, finished and accepted at the counter, followed on the portal', async () => {
    // 1. On the phone (390 × 844): search, the guide, apply; the draft is saved on the server.
    const phone = await as('zhangsan', '/m', PHONE);
    await phone.getByLabel('搜索办事服务').fill('生孩子');
    await phone.getByRole('button', { name: '搜索' }).click();
    await phone.waitForURL(/\/m\/search\?q=/);
    await phone.getByRole('link', { name: /出生一件事/ }).click();
    await phone.waitForURL(/\/m\/guide\/bundle\/birth$/);
    await phone.getByTestId('m-guide-materials').waitFor();
    expect(await smallTargets(phone, 44)).toEqual([]);
    await screenshot(phone, 'channels-00-mobile-guide');
    await phone.getByRole('link', { name: '在线申请' }).click();
    await phone.waitForURL(/\/m\/cases\/[0-9a-f-]{36}$/);
    const caseId = new URL(phone.url()).pathname.split('/').at(-1)!;
    await phone.getByTestId('application-form').waitFor();
    await phone.getByLabel('新生儿姓名').fill('张小宝');
    await choose(phone, '新生儿性别', '男');
    await phone.getByLabel('出生日期').fill('2026-11-20');
    await saveDraft(phone);
    // Nothing runs off a phone's screen: the form is one column.
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      PHONE.width,
    );
    expect(await smallTargets(phone, 44)).toEqual([]);
    await screenshot(phone, 'channels-01-mobile-start');

    // 2. At the kiosk of his street: the ID card signs him in, 我的办件 lists the draft.
    const kioskContext = await browser.newContext({
      locale: 'zh-CN',
      viewport: { width: 1080, height: 1920 },
    });
    await kioskContext.addInitScript(
      (key) => localStorage.setItem('onetrip.kiosk.key', key),
      KIOSK_KEY,
    );
    const kiosk = await kioskContext.newPage();
    await kiosk.goto(`${server.baseUrl}/kiosk`);
    await kiosk.getByRole('heading', { name: '请将身份证放在读卡区' }).waitFor();
    const read = await fetch(`${server.baseUrl}/api/v1/kiosk/card-reads`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Kiosk-Key': KIOSK_KEY },
      body: JSON.stringify({
        name: '张三',
        residentId: ZHANGSAN,
        validFrom: '20200101',
        validTo: '20400101',
      }),
    });
    expect(read.status).toBe(201);
    await kiosk.getByRole('link', { name: /^我的办件\s/ }).click();
    const row = kiosk.getByTestId('kiosk-cases').locator('li', { hasText: '出生一件事' }).first();
    await row.getByRole('link', { name: '继续填写' }).click();
    await kiosk.waitForURL(`${server.baseUrl}/kiosk/cases/${caseId}`);
    await kiosk.getByTestId('application-form').waitFor();
    expect(await kiosk.evaluate(() => document.documentElement.hasAttribute('data-elder'))).toBe(
      true,
    );
    // What was typed on the phone is there.
    expect(await kiosk.getByLabel('新生儿姓名').inputValue()).toBe('张小宝');
    await kiosk.getByLabel('出生医院（助产机构）').fill('浙江大学医学院附属妇产科医院');
    await kiosk.getByLabel('母亲姓名').fill('李梅');
    await kiosk.getByLabel('父亲姓名').fill('张三');
    await saveDraft(kiosk);
    expect(await kiosk.getByTestId('kiosk-idle').isVisible()).toBe(true);
    await screenshot(kiosk, 'channels-02-kiosk-continue');
    await kioskContext.close();

    // 3. At the window: the clerk finds him by resident ID, draft included, and finishes it.
    const clerk = await as('clerk-wenxin', '/counter', DESKTOP);
    await choose(clerk, '查找方式', '居民身份证号');
    await clerk.getByRole('textbox', { name: '居民身份证号' }).fill(ZHANGSAN);
    await clerk.getByRole('button', { name: '查找' }).click();
    const found = clerk.getByTestId('counter-search-results').locator(`tr[data-case="${caseId}"]`);
    await found.waitFor();
    expect(await found.textContent()).toContain('草稿');
    await found.getByRole('link').first().click();
    await clerk.waitForURL(`${server.baseUrl}/counter/cases/${caseId}`);
    expect(await clerk.getByTestId('counter-draft-intro').textContent()).toContain('掌上办');
    expect(await clerk.getByLabel('母亲姓名').inputValue()).toBe('李梅');
    // His resident ID, filled in from the register, is masked for the clerk until asked for.
    const ownId = clerk.getByLabel('申请人公民身份号码');
    expect(await ownId.inputValue()).toBe(`330106********${ZHANGSAN.slice(-4)}`);
    await clerk.getByRole('button', { name: /查看完整号码/ }).click();
    await expect.poll(() => ownId.inputValue()).toBe(ZHANGSAN);
    await clerk.getByLabel('母亲公民身份号码').fill('330106199205061248');
    await clerk.getByLabel('父亲公民身份号码').fill(ZHANGSAN);
    await clerk.getByLabel('联系电话').fill('13800138000');
    await choose(clerk, '婚姻状况', '已婚');
    await clerk.getByLabel('申请人姓名').fill('张三');
    await clerk.getByLabel('申请人公民身份号码').fill(ZHANGSAN);
    await clerk.getByLabel('联系地址').fill('西湖区文新街道');
    await clerk
      .getByRole('radiogroup', { name: '母亲是否参加职工基本医疗保险（含生育保险）' })
      .getByRole('radio', { name: '否' })
      .check();
    // The ID card's paper original is seen; the photo is scanned and kept as a file.
    const paper = clerk.getByTestId('paper-materials');
    await paper.locator('li[data-material="id-card"]').getByRole('checkbox').check();
    const photo = paper.locator('li[data-material="photo"]');
    await photo.locator('input[type="file"]').setInputFiles({
      name: '近期免冠照片.pdf',
      mimeType: 'application/pdf',
      buffer: pdfBytes(4096),
    });
    const link = photo.getByRole('link', { name: '近期免冠照片.pdf' });
    await link.waitFor();
    const stored = await clerk.request.get(
      new URL((await link.getAttribute('href'))!, clerk.url()).href,
    );
    expect(stored.status()).toBe(200);
    expect((await stored.body()).byteLength).toBe(4096);
    await screenshot(clerk, 'channels-03-counter-draft');
    await clerk.getByRole('button', { name: '提交申请' }).click();
    const intake = clerk.getByTestId('counter-intake');
    await intake.waitFor();
    await intake.locator('label.ant-radio-button-wrapper', { hasText: /^受理$/ }).click();
    await intake.getByRole('checkbox', { name: /申请人本人在窗口/ }).check();
    await intake.getByRole('button', { name: '确认：受理' }).click();
    await clerk.getByTestId('counter-outcome').waitFor();
    expect(await clerk.getByTestId('case-number').textContent()).toMatch(/^330106-\d{8}-\d{6}$/);
    await screenshot(clerk, 'channels-04-counter-accepted');

    // On the workbench the family's resident IDs are masked; the clerk may ask to see them in
    // full, and that view is logged.
    const mother = clerk.getByTestId('case-form').locator('[data-field="mother.resident_id"]');
    expect(await mother.textContent()).toBe('330106********1248');
    await clerk.getByRole('button', { name: /查看完整号码/ }).click();
    await clerk.getByText('已显示完整号码').waitFor();
    expect(await mother.textContent()).toBe('330106199205061248');
    await screenshot(clerk, 'channels-04b-counter-personal-data');
    const logged = await (
      await apiAs(server.baseUrl, 'admin')
    )('GET', `/audit?targetType=case&targetId=${caseId}&action=pii.read`);
    // Both views are logged: the draft's and this one.
    expect(logged.data.map((e: Json) => e.actorLabel)).toEqual(['clerk-wenxin', 'clerk-wenxin']);

    const staff = await apiAs(server.baseUrl, 'supervisor');
    const c = await staff('GET', `/cases/${caseId}`);
    expect(c.state).toBe('in_review');
    expect(c.trips).toBe(1);
    const given = (source: string) =>
      c.materials.filter((m: Json) => m.source === source).map((m: Json) => m.key);
    expect(given('paper')).toEqual(['id-card']);
    expect(given('upload')).toEqual(['photo']);
    // An autosave between two clicks adds a save on the same channel: one entry per run of them.
    const channels = c.timeline
      .map((e: Json) => `${e.action}:${e.channel}`)
      .filter((e: string, i: number, all: string[]) => e !== all[i - 1]);
    expect(channels).toEqual([
      'draft:mobile',
      'save:mobile',
      'save:kiosk',
      'save:counter',
      'submit:counter',
      'accept:counter',
    ]);

    // 4. At his desk: the portal shows one timeline, each step with its channel.
    const desk = await as('zhangsan', `/cases/${caseId}`, DESKTOP);
    const timeline = desk.getByTestId('case-timeline');
    await timeline.waitFor();
    expect(await desk.getByTestId('case-state').textContent()).toBe('审查中');
    const text = (await timeline.textContent())!;
    for (const channel of ['掌上办', '自助终端', '窗口']) expect(text).toContain(channel);
    await screenshot(desk, 'channels-05-portal-track');

    // 5. And on the phone, the same case page at phone size.
    await phone.goto(`${server.baseUrl}/m/cases/${caseId}`);
    await phone.getByTestId('case-timeline').waitFor();
    expect(await phone.getByTestId('case-facts').textContent()).toContain(c.promisedDue);
    expect(await phone.getByTestId('case-timeline').textContent()).toContain('自助终端');
    await screenshot(phone, 'channels-06-mobile-track');
  }, 240_000);

  it('keeps the phone pages usable on a desktop browser', async () => {
    const page = await as('zhangsan', '/m/cases', DESKTOP);
    await page.getByTestId('my-cases').locator('li').first().waitFor();
    await page.getByRole('link', { name: '返回掌上办首页' }).click();
    await page.getByRole('link', { name: '出生' }).click();
    await page.getByRole('link', { name: /出生一件事/ }).waitFor();
    const width = await page.locator('.ot-shell-mobile').evaluate((el) => el.clientWidth);
    expect(width).toBeLessThanOrEqual(PHONE.width);
    await screenshot(page, 'channels-07-mobile-on-desktop');
  });

  it('answers a correction on the phone', async () => {
    const resident = await apiAs(server.baseUrl, 'zhangsan');
    const clerk = await apiAs(server.baseUrl, 'clerk-wenxin');
    const compiled = await resident('GET', '/bundles/birth/compiled');
    const formData: Json = {};
    for (const [key, p] of Object.entries<Json>(compiled.form.properties)) {
      formData[key] = p.enum ? p.enum[0] : p.type === 'boolean' ? false : `测试${key}`;
    }
    // Valid where the form checks a format, as a resident would have typed them.
    for (const key of ['father.resident_id', 'mother.resident_id', 'applicant.resident_id']) {
      formData[key] = ZHANGSAN;
    }
    formData['child.birth_date'] = '2026-11-20';
    formData['applicant.phone'] = '13800138000';
    formData['applicant.marital_status'] = 'married';
    const draft = await resident('POST', '/cases', { subject: { kind: 'bundle', key: 'birth' } });
    // On paper: what matters here is the correction, not how the documents came in. What the
    // platform attached from certificates or shared data is left as it is.
    const held = new Set(draft.materials.map((m: Json) => m.key));
    const materials = compiled.materials
      .filter((m: Json) => !m.producedBy && m.requirement !== 'optional' && !held.has(m.key))
      .map((m: Json) => ({ key: m.key, name: m.name, source: 'paper', reference: null }));
    const saved = await resident('PATCH', `/cases/${draft.id}`, {
      version: draft.version,
      formData,
      materials,
    });
    const submitted = await resident('POST', `/cases/${draft.id}/submit`, {
      version: saved.version,
    });
    const intake = submitted.tasks.find((x: Json) => x.stepKey === 'intake');
    await clerk('POST', `/cases/${draft.id}/actions`, {
      taskId: intake.id,
      version: intake.version,
      action: 'request_correction',
      corrections: [{ field: 'formData.child.birth_hospital', message: '请填写助产机构全称' }],
    });

    const phone = await as('zhangsan', `/m/cases/${draft.id}`, PHONE);
    const asked = phone.getByTestId('correction');
    await asked.waitFor();
    expect(await asked.textContent()).toContain('请填写助产机构全称');
    await phone.getByLabel('出生医院（助产机构）').fill('浙江大学医学院附属妇产科医院');
    await screenshot(phone, 'channels-08-mobile-correction');
    await phone.getByRole('button', { name: '提交补正' }).click();
    await expect.poll(() => phone.getByTestId('case-state').textContent()).toBe('待受理');
    const after = await resident('GET', `/cases/${draft.id}`);
    expect(after.timeline.at(-1)).toMatchObject({ action: 'resubmit', channel: 'mobile' });
  });
});
