import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, serveForBrowser } from './browser.ts';
import * as helpers from './helpers.ts';
import { screenshot, type Json } from './helpers.ts';

let server: Awaited<ReturnType<typeof serveForBrowser>>;
let chromium: Awaited<ReturnType<typeof launchChromium>>;
let browser: Browser;
const closers: (() => Promise<void>)[] = [];

beforeAll(async () => {
  [server, chromium] = await Promise.all([serveForBrowser(), launchChromium()]);
  browser = chromium.browser;
});
afterAll(async () => {
  for (const close of closers) await close();
  await chromium?.close();
  await server?.close();
});

const apiAs = (user: string) => helpers.apiAs(server.baseUrl, user);
const submitRestaurant = async () => helpers.submitRestaurantByApi(await apiAs('xixi-flavour'));

async function signIn(user: string, next: string): Promise<Page> {
  const signedIn = await helpers.signIn(browser, server.baseUrl, user, next, {
    width: 1440,
    height: 900,
  });
  closers.push(signedIn.close);
  return signedIn.page;
}

describe('the staff workbenches', () => {
  let application: Json;
  let number: string;

  it('a window clerk finds the application in the intake queue, accepts it and prints the notice', async () => {
    application = await submitRestaurant();
    const page = await signIn('clerk', '/counter');
    const queue = page.getByTestId('counter-queue-submitted');
    const row = queue.locator(`tr[data-case="${application.id}"]`);
    await row.waitFor();
    expect(await row.textContent()).toContain('杭州西溪味道餐饮有限公司');
    await screenshot(page, 'counter-queue');

    await row.getByRole('link', { name: '开餐饮店一件事' }).click();
    await page.waitForURL(`${server.baseUrl}/counter/cases/${application.id}`);
    // The merged form shows its fields by title, not by data key.
    const form = page.getByTestId('case-form');
    await form.getByText('经营场所使用面积（平方米）').first().waitFor();
    expect(await form.textContent()).not.toContain('premises.area_m2');
    const intake = page.getByTestId('counter-intake');
    // antd draws a radio group as buttons: the label takes the click, the radio the state.
    const choose = async (name: string) => {
      await intake
        .locator('label.ant-radio-button-wrapper', { hasText: new RegExp(`^${name}$`) })
        .click();
      expect(await intake.getByRole('radio', { name, exact: true }).isChecked()).toBe(true);
    };
    await choose('一次性告知补正');
    await intake.getByLabel('第 1 项：涉及').waitFor();
    await choose('不予受理');
    await intake.getByLabel('法律依据').waitFor();
    await screenshot(page, 'counter-case-decline-form');
    await choose('受理');
    await screenshot(page, 'counter-case');

    await intake.getByRole('button', { name: '确认：受理' }).click();
    const outcome = page.getByTestId('counter-outcome');
    await outcome.waitFor();
    number = (await page.getByTestId('case-number').textContent())!;
    expect(number).toMatch(/^330106-\d{8}-\d{6}$/);
    expect(await outcome.textContent()).toContain(number);
    await expect.poll(() => page.getByTestId('case-facts').textContent()).toContain('审查中');
    await screenshot(page, 'counter-accepted');

    // The notice link answers the acceptance notice as a PDF.
    const link = outcome.getByRole('link', { name: /打印受理通知书/ });
    const href = await link.getAttribute('href');
    expect(href).toBe(`/api/v1/cases/${application.id}/notices/acceptance`);
    const pdf = await page.request.get(`${server.baseUrl}${href}`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');

    // Found again by its number from the counter's search.
    await page.getByRole('link', { name: '返回受理工作台' }).click();
    await page.getByLabel('办件编号').fill(number);
    await page.getByRole('button', { name: '查找', exact: true }).click();
    const results = page.getByTestId('counter-search-results');
    await results.locator(`tr[data-case="${application.id}"]`).waitFor();
    expect(await results.textContent()).toContain('找到 1 件办件');
    await screenshot(page, 'counter-search');
  });

  it('the market regulator sees the step in its queue and approves it', async () => {
    const page = await signIn('reviewer-market', '/review');
    const queue = page.getByTestId('review-queue');
    const row = queue.locator(
      `tr[data-case="${application.id}"][data-step="review:business-registration"]`,
    );
    await row.waitFor();
    // The light is written out, not only coloured.
    expect(await row.locator('[data-sla]').textContent()).toMatch(/正常|临近到期|已超期/);
    await screenshot(page, 'review-queue');

    await row.getByRole('link').first().click();
    await page.waitForURL(new RegExp(`/review/cases/${application.id}\\?task=`));
    const step = page.getByTestId('review-step-review:business-registration');
    await step.waitFor();
    // Only what the step allows: a reviewer never withdraws for the applicant.
    const offered = await step
      .getByRole('radio')
      .evaluateAll((radios) =>
        radios.map((r) => r.parentElement?.parentElement?.textContent ?? ''),
      );
    expect(offered).toContain('审查通过');
    expect(offered).not.toContain('撤回申请');
    await page.getByTestId('case-timeline').getByText('受理', { exact: true }).first().waitFor();
    await screenshot(page, 'review-case');

    await step.getByLabel('意见（选填）').fill('材料齐全，准予登记。');
    await step.getByRole('button', { name: '确认：审查通过' }).click();
    await page.getByTestId('review-outcome').waitFor();
    await expect
      .poll(() =>
        page
          .getByTestId('case-steps')
          .locator('tr[data-step="review:business-registration"]')
          .textContent(),
      )
      .toContain('审查通过');
    await screenshot(page, 'review-approved');

    const api = await apiAs('clerk');
    const after = await api('GET', `/cases/${application.id}`);
    const registration = after.tasks.find(
      (t: Json) => t.stepKey === 'review:business-registration',
    );
    expect(registration.decision).toBe('approved');
    expect(registration.comment).toBe('材料齐全，准予登记。');
  });

  it('a supervisor sees the supervision page and moves a step to another department', async () => {
    const page = await signIn('supervisor', '/review');
    await page.getByRole('link', { name: /督查/ }).click();
    await page.waitForURL(`${server.baseUrl}/review/supervise`);
    await page.getByRole('heading', { name: '督查督办' }).waitFor();
    await page.getByRole('tab', { name: /已超期/ }).waitFor();
    // 餐厨垃圾申报 is a same-day step, so the approval above usually left something yellow.
    await page.getByRole('tab', { name: /临近到期/ }).click();
    await page.getByTestId('supervise-yellow').waitFor();
    await expect
      .poll(() => page.getByTestId('supervise-yellow').locator('.ant-spin-spinning').count())
      .toBe(0);
    await screenshot(page, 'review-supervise');

    await page.getByRole('tab', { name: /全部在办/ }).click();
    const row = page
      .getByTestId('supervise-all')
      .locator(`tr[data-case="${application.id}"][data-step="review:kitchen-waste-declaration"]`);
    await row.waitFor();
    await row.getByRole('button', { name: /改派/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('改派到').fill('市场监督');
    // Chosen by keyboard: the first match of what was typed.
    await page.locator('.ant-select-item-option-active', { hasText: '市场监督管理局' }).waitFor();
    await dialog.getByLabel('改派到').press('Enter');
    await dialog.getByText('杭州市西湖区市场监督管理局').filter({ visible: true }).waitFor();
    await dialog.getByLabel('改派理由').fill('餐厨垃圾申报并入市场监管窗口审查');
    await screenshot(page, 'review-supervise-reassign');
    await dialog.getByRole('button', { name: '改派' }).click();
    await expect
      .poll(() => page.getByTestId('supervise-status').textContent())
      .toContain('杭州市西湖区市场监督管理局');

    const api = await apiAs('reviewer-market');
    const queue = await api('GET', '/tasks?assignee=me&limit=200');
    expect(
      queue.data.some(
        (t: Json) =>
          t.case.id === application.id && t.stepKey === 'review:kitchen-waste-declaration',
      ),
    ).toBe(true);
  });
});
