import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import { screenshotPath } from './browser.ts';

/** Every demo account's password (see the identity seed). */
export const PASSWORD = 'OneTrip@2026';
export type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
export type Api = (method: 'GET' | 'POST' | 'PATCH', path: string, body?: unknown) => Promise<Json>;

export async function screenshot(page: Page, name: string): Promise<void> {
  const file = screenshotPath(name);
  await page.screenshot({ path: file, fullPage: true, animations: 'disabled' });
  expect(fs.statSync(file).size).toBeGreaterThan(10_000);
}

/** The API as a second person would use it: plain fetch, the session cookie and CSRF header. */
export async function apiAs(baseUrl: string, user: string): Promise<Api> {
  const login = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: user, password: PASSWORD }),
  });
  expect(login.status).toBe(200);
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  let keys = 0;
  return async (method, path, body) => {
    const response = await fetch(`${baseUrl}/api/v1${path}`, {
      method,
      headers: {
        Cookie: cookie,
        ...(method === 'GET'
          ? {}
          : {
              'Content-Type': 'application/json',
              'X-CSRF-Token': csrfToken,
              'Idempotency-Key': `e2e-${user}-${++keys}-${Date.now()}`,
            }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    expect(response.status, `${method} ${path}: ${text.slice(0, 500)}`).toBeLessThan(300);
    return JSON.parse(text) as Json;
  };
}

export interface SignedIn {
  page: Page;
  close(): Promise<void>;
}

/** A fresh browser profile signed in through the login page, landing on `next`. */
export async function signIn(
  browser: Browser,
  baseUrl: string,
  user: string,
  next: string,
  viewport = { width: 1280, height: 900 },
): Promise<SignedIn> {
  const context = await browser.newContext({ locale: 'zh-CN', viewport });
  const page = await context.newPage();
  await page.goto(`${baseUrl}/login?next=${encodeURIComponent(next)}`);
  await page.getByLabel('用户名').fill(user);
  await page.getByLabel('密码').fill(PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL(`${baseUrl}${next}`);
  return { page, close: () => context.close() };
}

/** antd draws a select as a combobox whose options live in a pop-up list. */
export async function choose(page: Page, label: string, option: string): Promise<void> {
  const input = page.getByLabel(label, { exact: true });
  const select = page.locator('.ant-select').filter({ has: input }).first();
  // A click that lands while the list is still animating open can leave nothing chosen, or the
  // list can close under the pointer (a re-render): check that the choice shows, and otherwise
  // close the list and open it again.
  for (let attempt = 1; ; attempt++) {
    try {
      await input.click();
      await page
        .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
        .filter({ hasText: new RegExp(`^${option}$`) })
        .click({ timeout: 5000 });
      await expect.poll(() => select.textContent(), { timeout: 3000 }).toContain(option);
      return;
    } catch (error) {
      if (attempt === 4) throw error;
      await page.keyboard.press('Escape');
    }
  }
}

export async function answer(page: Page, group: string, option: '是' | '否'): Promise<void> {
  await page
    .getByRole('radiogroup', { name: group, exact: true })
    .getByRole('radio', { name: option, exact: true })
    .check();
}

/**
 * Fills the whole 开餐饮店 form as an applicant would: 80 m² rented premises (so the fire-safety
 * materials and the lease are needed), no outdoor sign, and a file for every required material.
 * Returns how many files were attached.
 */
export async function fillRestaurantApplication(page: Page, phone = '13800138000') {
  const form = page.getByTestId('application-form');
  await page.getByLabel('企业（市场主体）名称').fill('杭州西溪味道餐饮有限公司');
  await choose(page, '市场主体类型', '有限责任公司');
  await page.getByLabel('注册资本（万元）').fill('50');
  await page.getByLabel('经营范围').fill('餐饮服务；食品销售。');
  await page.getByLabel('法定代表人（负责人）').fill('李西溪');
  await page.getByLabel('经营场所地址').fill('西湖区文三路');
  await choose(page, '经营场所权属', '租赁');
  await page.getByLabel('申请人姓名').fill('李西溪');
  await page.getByLabel('申请人公民身份号码').fill('33010619900101123X');
  await page.getByLabel('联系电话').fill(phone);
  await page.getByLabel('统一社会信用代码').fill('91330106MA2H4K7L3B');
  await page.getByLabel('经营场所使用面积（平方米）').fill('80');
  await choose(page, '食品经营主体业态', '餐饮服务经营者');
  await answer(page, '是否制售冷食类、生食类食品', '否');
  await answer(page, '是否设置户外招牌', '否');
  expect(await page.getByLabel('招牌文字内容').count()).toBe(0);

  // Over 50 m² the fire-safety materials are needed; renting, the lease contract.
  const needed = form.locator('li[data-need="required"]');
  await form.locator('li[data-material="fire-safety-commitment"][data-need="required"]').waitFor();
  await form.locator('li[data-material="lease-contract"][data-need="required"]').waitFor();
  const pickers = needed.locator('input[type="file"]');
  const count = await pickers.count();
  for (let i = 0; i < count; i++) {
    const picker = pickers.nth(i);
    const key = await picker.evaluate((el) => el.closest('li')!.dataset['material']!);
    await picker.setInputFiles({
      name: `${key}.pdf`,
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n'),
    });
    await form
      .locator(`li[data-material="${key}"] [data-testid="material-file"]`)
      .getByText(`${key}.pdf`)
      .waitFor();
  }
  return count;
}

/** A complete 开餐饮店 application made over the API and submitted: waiting at intake. */
export async function submitRestaurantByApi(applicant: Api): Promise<Json> {
  const compiled = await applicant('GET', '/bundles/open-restaurant/compiled');
  const formData: Json = {};
  for (const [key, p] of Object.entries<Json>(compiled.form.properties)) {
    formData[key] = p.enum
      ? p.enum[0]
      : p.type === 'boolean'
        ? false
        : p.type === 'number' || p.type === 'integer'
          ? 20
          : `测试${key}`;
  }
  formData['premises.area_m2'] = 80;
  const materials = compiled.materials
    .filter((m: Json) => !m.producedBy)
    .map((m: Json) => ({ key: m.key, name: m.name, source: 'upload', reference: `${m.key}.pdf` }));
  const draft = await applicant('POST', '/cases', {
    subject: { kind: 'bundle', key: 'open-restaurant' },
  });
  const saved = await applicant('PATCH', `/cases/${draft.id}`, {
    version: draft.version,
    formData,
    materials,
  });
  const submitted = await applicant('POST', `/cases/${draft.id}/submit`, {
    version: saved.version,
  });
  expect(submitted.state).toBe('submitted');
  return submitted;
}

/** The demo reviewer of a department unit: reviewer-market, reviewer-fire, else reviewer-<key>. */
export function reviewerOf(unitCode: string): string {
  const department = unitCode.replace(/^dept:/, '');
  const short: Record<string, string> = { 'market-regulation': 'market', 'fire-rescue': 'fire' };
  return `reviewer-${short[department] ?? department}`;
}
