import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { browserSuite, screenshotPath } from './browser.ts';

const suite = browserSuite();

describe('signing in', () => {
  it('takes a window clerk to the counter, showing the clerk’s org unit', async () => {
    const page = await suite.browser.newPage({ locale: 'zh-CN' });
    await page.goto(`${suite.baseUrl}/login`);
    await page.getByLabel('用户名').fill('clerk');
    await page.getByLabel('密码').fill('OneTrip@2026');
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL(`${suite.baseUrl}/counter`);
    await expect
      .poll(() => page.getByTestId('user-org-unit').textContent())
      .toBe('杭州市西湖区行政服务中心');
    expect(await page.getByTestId('user-name').textContent()).toBe('王晓燕');
    expect(await page.getByTestId('user-roles').textContent()).toContain('窗口受理人员');
    const file = screenshotPath('login-counter');
    await page.screenshot({ path: file, fullPage: true });
    expect(fs.statSync(file).size).toBeGreaterThan(10_000);
    await page.close();
  });

  it('sends a signed-out visitor of a workbench to the login page and back', async () => {
    const page = await suite.browser.newPage({ locale: 'en-US' });
    await page.goto(`${suite.baseUrl}/review`);
    await page.waitForURL(/\/login\?next=%2Freview/);
    await page.getByTestId('locale-switch').getByRole('button', { name: 'English' }).click();
    await page.getByLabel('Username').fill('reviewer-market');
    await page.getByLabel('Password').fill('wrong password');
    await page.getByRole('button', { name: 'Log in' }).click();
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toContain('Wrong username or password');
    await page.getByLabel('Password').fill('OneTrip@2026');
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.waitForURL(`${suite.baseUrl}/review`);
    await expect.poll(() => page.getByTestId('user-roles').textContent()).toBe('Reviewer');
    await page.close();
  });
});
