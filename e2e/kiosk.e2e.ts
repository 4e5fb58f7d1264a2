/// <reference lib="dom" />
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { residentIdCheckCharacter } from '../src/modules/identity/index.ts';
import { demoKioskKey } from '../src/modules/kiosk/index.ts';
import { launchChromium } from './browser.ts';
import { screenshot } from './helpers.ts';
import { serveKiosk } from './kiosk-server.ts';

const POINT = 'wenxin-street-centre';
const KEY = demoKioskKey(POINT);
const ZHANGSAN = '33010619900307123' + residentIdCheckCharacter('33010619900307123');

let server: Awaited<ReturnType<typeof serveKiosk>>;
let chromium: Awaited<ReturnType<typeof launchChromium>>;
let browser: Browser;

beforeAll(async () => {
  [server, chromium] = await Promise.all([serveKiosk(), launchChromium()]);
  browser = chromium.browser;
});
afterAll(async () => {
  await chromium?.close();
  await server?.close();
});

/** What the kiosk's card reader does: post the card's fields with the kiosk's key. */
async function readCard(card: Record<string, string>) {
  const response = await fetch(`${server.baseUrl}/api/v1/kiosk/card-reads`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Kiosk-Key': KEY },
    body: JSON.stringify(card),
  });
  return response.status;
}

/** A fresh kiosk browser, set up by staff with its key, showing the card screen. */
async function kioskPage(): Promise<{ page: Page; close(): Promise<void> }> {
  const context = await browser.newContext({
    locale: 'zh-CN',
    viewport: { width: 1080, height: 1920 },
  });
  const page = await context.newPage();
  await page.goto(`${server.baseUrl}/kiosk/setup`);
  await page.getByLabel('终端密钥').fill(KEY);
  await page.getByRole('button', { name: '保存' }).click();
  await page.getByText('已保存：文新街道便民服务中心 自助终端 1').waitFor();
  await page.getByRole('link', { name: '返回读卡页面' }).click();
  await page.getByRole('heading', { name: '请将身份证放在读卡区' }).waitFor();
  return { page, close: () => context.close() };
}

describe('the self-service kiosk', () => {
  it('signs in by the card reader while the page waits; an expired card is refused in plain words', async () => {
    const { page, close } = await kioskPage();
    // Elder mode is the kiosk's default.
    expect(await page.evaluate(() => document.documentElement.hasAttribute('data-elder'))).toBe(
      true,
    );
    await screenshot(page, 'kiosk-card-screen');

    const card = { name: '张三', residentId: ZHANGSAN, validFrom: '20200101', validTo: '20400101' };
    expect(await readCard({ ...card, validTo: '20240101' })).toBe(400);
    const message = page.getByTestId('kiosk-card-message');
    await message.waitFor();
    expect(await message.textContent()).toContain('身份证已过期');
    await screenshot(page, 'kiosk-card-expired');
    expect((await page.request.get(`${server.baseUrl}/api/v1/me`)).status()).toBe(401);

    expect(await readCard(card)).toBe(201);
    await page.getByRole('heading', { name: '请选择要办理的业务' }).waitFor();
    for (const tile of ['办事', '我的办件', '打印回执', '退出']) {
      await page
        .getByRole(tile === '退出' ? 'button' : 'link', { name: new RegExp(`^${tile}\\s`) })
        .waitFor();
    }
    expect(await page.getByTestId('kiosk-idle').textContent()).toMatch(/\d+ 秒后无操作将自动退出/);
    expect(await page.getByText('张三').first().isVisible()).toBe(true);
    await screenshot(page, 'kiosk-home');

    // Receipts: each accepted case's acceptance notice as PDF.
    await page.getByRole('link', { name: /^打印回执\s/ }).click();
    await page.getByRole('heading', { name: '打印回执' }).waitFor();
    const list = page.getByTestId('kiosk-receipts');
    // 张三 has accepted cases among the (deterministic) demo cases, so there is one to print.
    // The list is rendered empty before its cases arrive: wait for a link, not for the list.
    const links = list.getByRole('link', { name: '打印受理通知书' });
    await links.first().waitFor();
    expect(await links.count()).toBeGreaterThan(0);
    const href = await links.first().getAttribute('href');
    const pdf = await page.request.get(`${server.baseUrl}${href}`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toContain('application/pdf');
    expect((await pdf.body()).subarray(0, 4).toString()).toBe('%PDF');
    await screenshot(page, 'kiosk-receipts');

    await page.getByRole('link', { name: /返回首页/ }).click();
    await page.getByRole('button', { name: /^退出\s/ }).click();
    await page.getByRole('heading', { name: '请将身份证放在读卡区' }).waitFor();
    expect((await page.request.get(`${server.baseUrl}/api/v1/me`)).status()).toBe(401);
    await close();
  });

  it('signs in from a keyboard-wedge reader and signs out after the idle limit', async () => {
    // A few seconds instead of the default 60, for the test.
    await server.db
      .updateTable('kiosk_device')
      .set({ idle_seconds: 6 })
      .where('service_point_key', '=', POINT)
      .execute();
    const { page, close } = await kioskPage();
    // The wedge types into the focused field and presses Enter: keyboard only.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('kiosk-wedge');
    await page.keyboard.type(ZHANGSAN);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: '请选择要办理的业务' }).waitFor();
    // The countdown is on screen, from the kiosk's own limit.
    await page
      .getByTestId('kiosk-idle')
      .getByText(/^[1-6] 秒后无操作将自动退出$/)
      .waitFor();
    const started = Date.now();
    await page.getByText('因长时间无操作，已自动退出。').waitFor({ timeout: 15_000 });
    const took = Date.now() - started;
    expect(took).toBeGreaterThan(3_000);
    expect(took).toBeLessThan(10_000);
    await page.getByRole('heading', { name: '请将身份证放在读卡区' }).waitFor();
    expect((await page.request.get(`${server.baseUrl}/api/v1/me`)).status()).toBe(401);
    await screenshot(page, 'kiosk-idle-signed-out');
    await close();
  });
});
