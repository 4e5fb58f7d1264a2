import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSuite, screenshotPath } from './browser.ts';
import { screenshot, signIn, type Json } from './helpers.ts';

const suite = browserSuite();

/** The API as the signed-in page sees it (the same session cookie). */
async function apiOf(page: Page, path: string): Promise<Json> {
  const response = await page.request.get(`${suite.baseUrl}/api/v1${path}`);
  expect(response.status(), path).toBe(200);
  return (await response.json()) as Json;
}

const figureValue = (page: Page, key: string) =>
  page.getByTestId(`figure-${key}`).getByTestId('figure-value').textContent();

/** Charts are drawn into a canvas once their data is in. */
async function chartsDrawn(page: Page, scope = page.locator('body')) {
  await scope.locator('[data-testid^="chart-"] canvas').first().waitFor();
}

describe('the city brain', () => {
  it('shows a leader the service figures computed from the cases, and drills down to a street', async () => {
    const { page, close } = await signIn(suite.browser, suite.baseUrl, 'leader', '/brain', {
      width: 1440,
      height: 900,
    });
    try {
      await page.getByTestId('services-panel').waitFor();
      await chartsDrawn(page);
      const range = await page.getByTestId('services-period').textContent();
      const [from, to] = range!.split(' 至 ');
      const api = await apiOf(page, `/brain/services?from=${from}&to=${to}`);
      expect(api.totals.submitted).toBeGreaterThan(0);
      expect(await figureValue(page, 'submitted')).toBe(
        api.totals.submitted.toLocaleString('zh-CN'),
      );
      expect(await figureValue(page, 'completed')).toBe(
        api.totals.completed.toLocaleString('zh-CN'),
      );
      expect(await figureValue(page, 'openOverdue')).toBe(String(api.overdue.total));
      expect(await figureValue(page, 'zeroMaterialRate')).toBe(
        `${(api.zeroMaterial.rate * 100).toFixed(1)}%`,
      );
      const rows = page.getByTestId('overdue-list').locator('tbody tr.ant-table-row');
      expect(await rows.count()).toBe(api.overdue.data.length);

      // The definition of a figure on hover.
      await page.getByTestId('figure-onTimeRate').getByTestId('figure-name').hover();
      await page
        .getByRole('tooltip')
        .filter({ hasText: '承诺办结日' })
        .waitFor({ state: 'visible' });
      await page.mouse.move(0, 0);
      await screenshot(page, 'brain-services');

      // District → the street with the most applications.
      const street = [...api.byStreet].sort((a: Json, b: Json) => b.submitted - a.submitted)[0];
      await page
        .getByTestId('drill-links')
        .getByRole('button', { name: street.street.name, exact: true })
        .click();
      await page.waitForURL(new RegExp(`street=${street.street.code}`));
      const nav = page.getByRole('navigation', { name: '下钻路径' });
      await expect.poll(() => nav.textContent()).toContain(street.street.name);
      await expect
        .poll(() => figureValue(page, 'submitted'))
        .toBe(street.submitted.toLocaleString('zh-CN'));
      await page.getByTestId('chart-by-subject').waitFor();
      await screenshot(page, 'brain-services-street');

      // The plan panel: demo figures are marked.
      await page.getByRole('tab', { name: '发展规划' }).click();
      await page.getByTestId('plan-panel').waitFor();
      await chartsDrawn(page);
      expect(await page.getByTestId('demo-tag').count()).toBeGreaterThan(0);
      const plan = await apiOf(page, '/brain/plan');
      expect(await figureValue(page, 'projects')).toBe(String(plan.projects.total));
      const campaign = plan.tree.children[0];
      await page
        .getByTestId('plan-drill-links')
        .getByRole('button', { name: new RegExp(`^${campaign.name}`) })
        .click();
      await expect.poll(() => nav.textContent()).toContain(campaign.name);

      // Area → its projects.
      const north = plan.projects.byArea[0];
      await page
        .getByTestId('area-links')
        .getByRole('button', { name: `${north.name} (${north.projects})` })
        .click();
      await expect
        .poll(() => page.getByTestId('area-projects').locator('tbody tr.ant-table-row').count())
        .toBe(north.projects);
      await screenshot(page, 'brain-plan');
    } finally {
      await close();
    }
  });

  it('has a dark big-screen mode for 1920 × 1080 with both panels', async () => {
    const { page, close } = await signIn(
      suite.browser,
      suite.baseUrl,
      'leader',
      '/brain?screen=big',
      {
        width: 1920,
        height: 1080,
      },
    );
    try {
      await page.getByTestId('big-screen').waitFor();
      await page.getByTestId('services-panel').waitFor();
      await page.getByTestId('plan-panel').waitFor();
      await chartsDrawn(page);
      const range = await page
        .getByTestId('services-panel')
        .getByTestId('services-period')
        .textContent();
      const [from, to] = range!.split(' 至 ');
      const api = await apiOf(page, `/brain/services?from=${from}&to=${to}`);
      expect(await figureValue(page, 'submitted')).toBe(
        api.totals.submitted.toLocaleString('zh-CN'),
      );
      const background = await page
        .getByTestId('big-screen')
        .evaluate((el) => getComputedStyle(el).backgroundImage);
      expect(background).toContain('gradient');
      await page.waitForTimeout(300);
      await page.screenshot({
        path: screenshotPath('brain-big-screen'),
        animations: 'disabled',
      });
    } finally {
      await close();
    }
  });
});
