import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueCertificate } from '../src/modules/certificates/index.ts';
import { listEnterprises } from '../src/modules/identity/index.ts';
import { WEB_DIST } from '../src/server/web-build.ts';
import { buildApp } from '../src/server/app.ts';
import { SYSTEM_ACTOR } from '../src/shared/actor.ts';
import { createTestDatabase, type TestDatabase } from '../test/helpers/test-db.ts';
import { launchChromium } from './browser.ts';
import { apiAs, screenshot, signIn } from './helpers.ts';

let database: TestDatabase;
let app: Awaited<ReturnType<typeof buildApp>>;
let baseUrl: string;
let chromium: Awaited<ReturnType<typeof launchChromium>>;
let browser: Browser;
const issued: Record<
  'licence' | 'permit' | 'old',
  { id: string; compact: string; number: string }
> = {} as never;

beforeAll(async () => {
  // The real server, as serveForBrowser starts it, keeping the app for its signing keys.
  [database, chromium] = await Promise.all([createTestDatabase(), launchChromium()]);
  browser = chromium.browser;
  app = await buildApp({
    database: database.handle,
    config: { logLevel: 'silent', secureCookies: false, sessionTtlHours: 1 },
    webDistDir: WEB_DIST,
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  baseUrl = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;

  const db = database.handle.db;
  const enterpriseId = (await listEnterprises(db, { name: '西溪味道', limit: 1, offset: 0 }))
    .data[0]!.id;
  await db.transaction().execute(async (trx) => {
    const issue = (type: string, formData: Record<string, unknown>) =>
      issueCertificate(trx, app.services.certificateKeys, SYSTEM_ACTOR, {
        type,
        holder: { enterpriseId },
        department: 'market-regulation',
        issuedOn: '2026-03-02',
        formData,
      });
    issued.licence = await issue('business-licence', {
      'enterprise.type': '有限责任公司',
      'enterprise.legal_representative': '张三',
      'enterprise.business_scope': '餐饮服务；食品销售',
      'premises.address': '杭州市西湖区文三路100号',
    });
    issued.old = await issueCertificate(trx, app.services.certificateKeys, SYSTEM_ACTOR, {
      type: 'food-business-permit',
      holder: { enterpriseId },
      department: 'market-regulation',
      issuedOn: '2020-07-01',
    });
    issued.permit = await issue('food-business-permit', {
      'food.business_type': '餐饮服务经营者',
      'premises.address': '杭州市西湖区文三路100号',
      'premises.area_m2': 80,
    });
  });
  const reviewer = await apiAs(baseUrl, 'reviewer-market');
  await reviewer('POST', `/certificates/${issued.permit.id}/revoke`, {
    reason: '经营场所已变更，原许可注销',
  });
});
afterAll(async () => {
  await chromium?.close();
  await app?.close();
  await database?.close();
});

async function openVerify(page: Page, code: string) {
  await page.goto(`${baseUrl}/verify?c=${code}`);
  const outcome = page.getByTestId('verify-outcome');
  await outcome.waitFor();
  return outcome;
}

describe('the /verify page, for anyone with a QR code', () => {
  it('says valid for an issued certificate, with what it certifies', async () => {
    const page = await browser.newPage({ locale: 'zh-CN', viewport: { width: 1100, height: 900 } });
    const outcome = await openVerify(page, issued.licence.compact);
    expect(await outcome.textContent()).toContain('有效');
    expect(await page.getByTestId('verify-result').getAttribute('data-outcome')).toBe('valid');
    await expect.poll(() => page.getByText(issued.licence.number).count()).toBeGreaterThan(0);
    await expect.poll(() => page.getByText('杭州西溪味道餐饮有限公司').count()).toBeGreaterThan(0);
    await screenshot(page, 'verify-valid');
    await page.close();
  });

  it('says revoked, with the date and the reason', async () => {
    const page = await browser.newPage({ locale: 'zh-CN', viewport: { width: 1100, height: 900 } });
    const outcome = await openVerify(page, issued.permit.compact);
    const text = (await outcome.textContent()) ?? '';
    expect(text).toMatch(/已注销：该证照已于 \d{4}-\d{2}-\d{2} 注销/);
    expect(await page.getByTestId('verify-result').getAttribute('data-outcome')).toBe('revoked');
    await expect.poll(() => page.getByText('经营场所已变更，原许可注销').count()).toBe(1);
    await screenshot(page, 'verify-revoked');
    await page.close();
  });

  it('says expired past the last valid day', async () => {
    const page = await browser.newPage({ locale: 'zh-CN', viewport: { width: 1100, height: 900 } });
    const outcome = await openVerify(page, issued.old.compact);
    expect(await outcome.textContent()).toContain('已过期：该证照的有效期已于 2025-06-30 届满');
    expect(await page.getByTestId('verify-result').getAttribute('data-outcome')).toBe('expired');
    await screenshot(page, 'verify-expired');
    await page.close();
  });

  it('shows the zero-material rate on a guide page', async () => {
    const page = await browser.newPage({ locale: 'zh-CN', viewport: { width: 1100, height: 900 } });
    await page.goto(`${baseUrl}/guide/item/food-business-permit`);
    const zero = page.getByTestId('zero-material');
    await zero.waitFor();
    expect(await zero.textContent()).toMatch(/可免提交率 \d+%/);
    await zero.scrollIntoViewIfNeeded();
    await screenshot(page, 'guide-zero-material');
    await page.close();
  });

  it('says forged for an altered code pasted into the box, never valid', async () => {
    const page = await browser.newPage({ locale: 'zh-CN', viewport: { width: 1100, height: 900 } });
    await page.goto(`${baseUrl}/verify`);
    const [p, body, sig] = issued.licence.compact.split('.') as [string, string, string];
    const altered = `${p}.${body.slice(0, 30)}${body[30] === 'A' ? 'B' : 'A'}${body.slice(31)}.${sig}`;
    await page.getByLabel('二维码内容').fill(altered);
    await page.getByRole('button', { name: '查验' }).click();
    const outcome = page.getByTestId('verify-outcome');
    await outcome.waitFor();
    expect(await outcome.textContent()).toContain('伪造或被篡改');
    expect(await page.getByTestId('verify-result').getAttribute('data-outcome')).toBe('forged');
    await screenshot(page, 'verify-forged');
    await page.close();
  });

  it('lists the holder’s certificates in the wallet, each with its status', async () => {
    const { page, close } = await signIn(browser, baseUrl, 'xixi-flavour', '/certificates');
    await page.getByTestId(`status-${issued.licence.number}`).waitFor();
    expect(await page.getByTestId(`status-${issued.licence.number}`).textContent()).toBe('有效');
    expect(await page.getByTestId(`status-${issued.permit.number}`).textContent()).toBe('已注销');
    await screenshot(page, 'wallet');
    await page.getByRole('button', { name: '分享' }).first().click();
    await page.getByRole('button', { name: '生成链接' }).click();
    const link = page.getByTestId('share-link').getByRole('link');
    // The link, or the error the dialog shows instead (which then says why).
    const refused = page.getByRole('dialog').getByRole('alert');
    await link.or(refused).waitFor();
    expect(await refused.count(), (await refused.allTextContents()).join()).toBe(0);
    const href = (await link.getAttribute('href'))!;
    expect(href).toContain('/verify?share=');
    await page.goto(href);
    const outcome = page.getByTestId('verify-outcome');
    await outcome.waitFor();
    expect(await outcome.textContent()).toContain('有效');
    await screenshot(page, 'wallet-shared-link');
    await close();
  });

  it('lists the holder’s certificates on the phone too, each opening its verify page', async () => {
    const { page, close } = await signIn(browser, baseUrl, 'xixi-flavour', '/m', {
      width: 390,
      height: 844,
    });
    await page.getByRole('link', { name: '我的证照' }).click();
    const wallet = page.getByTestId('mobile-wallet');
    await wallet.waitFor();
    const licence = wallet.locator(`li[data-number="${issued.licence.number}"]`);
    expect(await licence.textContent()).toContain('有效');
    expect(
      await wallet.locator(`li[data-number="${issued.permit.number}"]`).textContent(),
    ).toContain('已注销');
    await screenshot(page, 'wallet-mobile');
    await licence.getByRole('link', { name: '查验' }).click();
    const outcome = page.getByTestId('verify-outcome');
    await outcome.waitFor();
    expect(await outcome.textContent()).toContain('有效');
    await close();
  });
});
