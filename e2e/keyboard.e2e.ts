/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSuite } from './browser.ts';
import { apiAs, PASSWORD, screenshot } from './helpers.ts';

const suite = browserSuite();

/**
 * Presses Tab until the focused element matches `selector` (and holds `text`), as someone
 * without a mouse does; fails if it is never reached.
 */
async function tabTo(page: Page, selector: string, text?: string, max = 250) {
  const here = () =>
    page.evaluate(
      ([selector, text]) => {
        const el = document.activeElement;
        return Boolean(el?.matches(selector!) && (!text || el.textContent?.includes(text)));
      },
      [selector, text] as const,
    );
  for (let i = 0; i < max && !(await here()); i++) await page.keyboard.press('Tab');
  expect(await here(), `reached ${selector} ${text ?? ''} by Tab`).toBe(true);
}

/** A focused control shows where the focus is: an outline or a ring, not colour of text alone. */
const focusShown = (page: Page) =>
  page.evaluate(() => {
    const s = getComputedStyle(document.activeElement!);
    return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none';
  });

describe('keyboard alone (适老化: every journey operable without a mouse)', () => {
  it('张三 signs in, switches to elder mode, finds 出生一件事, applies and saves, all by keyboard', async () => {
    const context = await suite.browser.newContext({
      locale: 'zh-CN',
      viewport: { width: 1280, height: 900 },
    });
    const page = await context.newPage();
    try {
      await page.goto(`${suite.baseUrl}/login?next=%2F`);
      await tabTo(page, 'input[autocomplete="username"]');
      await page.keyboard.type('zhangsan');
      await page.keyboard.press('Tab');
      await page.keyboard.type(PASSWORD);
      await page.keyboard.press('Enter');
      await page.waitForURL(`${suite.baseUrl}/`);

      await tabTo(page, '[data-testid="elder-toggle"]');
      expect(await focusShown(page)).toBe(true);
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.documentElement.hasAttribute('data-elder'));

      await tabTo(page, 'input#portal-search');
      await page.keyboard.type('生孩子');
      await page.keyboard.press('Enter');
      await page.getByRole('region', { name: '搜索结果' }).waitFor();
      await tabTo(page, 'a', '出生一件事');
      expect(await focusShown(page)).toBe(true);
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/guide\/bundle\/birth$/);

      await tabTo(page, 'a, button', '在线申请');
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
      const caseId = new URL(page.url()).pathname.split('/').at(-1)!;
      await page.getByTestId('application-form').waitFor();

      await tabTo(page, 'input[id="apply_child.name"]');
      await page.keyboard.type('张小宝');
      // The delivery choice: arrow keys move among the methods, Tab goes on to the address.
      await tabTo(page, '#delivery-method input[type="radio"]');
      await page.keyboard.press('ArrowDown');
      await page.getByLabel('收件人', { exact: true }).waitFor();
      await tabTo(page, '#delivery-post-recipient');
      await page.keyboard.type('张三');
      await page.keyboard.press('Tab');
      await page.keyboard.type('13800138000');
      await page.keyboard.press('Tab');
      await page.keyboard.type('西湖区文新街道 1 号');
      await tabTo(page, 'button', '保存草稿');
      expect(await focusShown(page)).toBe(true);
      await page.keyboard.press('Enter');
      await expect
        .poll(() => page.getByTestId('save-status').textContent())
        .toMatch(/^(草稿已保存|已自动保存)/);
      await screenshot(page, 'keyboard-saved');

      const zhangsan = await apiAs(suite.baseUrl, 'zhangsan');
      const saved = await zhangsan('GET', `/cases/${caseId}`);
      expect(saved.formData['child.name']).toBe('张小宝');
      expect(saved.deliveryChoice).toEqual({
        method: 'post',
        post: { recipient: '张三', phone: '13800138000', address: '西湖区文新街道 1 号' },
      });
    } finally {
      await context.close();
    }
  });
});
