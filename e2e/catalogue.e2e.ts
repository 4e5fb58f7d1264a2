import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSuite, screenshotPath } from './browser.ts';

const suite = browserSuite();

interface Material {
  key: string;
  name: string;
  items: string[];
}

const ITEM = 'food-business-permit';

async function getJson<T>(page: Page, path: string): Promise<T> {
  const response = await page.request.get(`${suite.baseUrl}${path}`);
  expect(response.status(), path).toBe(200);
  return (await response.json()) as T;
}

async function screenshot(page: Page, name: string) {
  const file = screenshotPath(name);
  await page.screenshot({ path: file, fullPage: true });
  expect(fs.statSync(file).size).toBeGreaterThan(10_000);
}

describe('the service catalogue', () => {
  it('finds 开餐饮店 from everyday words, and its guide shows an admin’s change', async () => {
    const guide = await suite.browser.newPage({ locale: 'zh-CN' });
    await guide.goto(`${suite.baseUrl}/`);
    await guide.getByLabel('搜索办事服务').fill('餐馆');
    await guide.getByRole('button', { name: '搜索', exact: true }).click();
    const results = guide.getByRole('region', { name: '搜索结果' });
    const hit = results.getByRole('link', { name: /开餐饮店/ }).first();
    await hit.waitFor();
    await hit.click();
    await guide.waitForURL(/\/guide\/bundle\/[^/]+$/);
    const bundleKey = decodeURIComponent(new URL(guide.url()).pathname.split('/').at(-1)!);

    // The compiled bundle says which material its items share; the guide lists that one once.
    const compiled = await getJson<{ materials: Material[]; trips: number }>(
      guide,
      `/api/v1/bundles/${bundleKey}/compiled`,
    );
    const table = guide.getByTestId('guide-materials');
    await table.waitFor();
    expect(await table.locator('tbody tr').count()).toBe(compiled.materials.length);
    const shared = compiled.materials.find((m) => m.items.length > 1);
    expect(shared, 'a material several items ask for').toBeTruthy();
    const names = await table.locator('tbody th').allTextContents();
    expect(names.filter((n) => n.startsWith(shared!.name))).toHaveLength(1);
    expect(
      await table.locator(`tr[data-material="${shared!.key}"] td`).last().textContent(),
    ).toContain('、');
    const trips = await guide.getByTestId('guide-trips').textContent();
    expect(trips).toContain(compiled.trips === 0 ? '零跑动' : `最多跑 ${compiled.trips} 次`);
    await screenshot(guide, 'catalogue-guide-before');

    // The merged entry takes its name from the first item asking for the material, so the rename
    // shows in the bundle's guide only for one the permit asks for first; any other shows in the
    // permit's own guide.
    const first = compiled.materials.find((m) => m.items[0] === ITEM);
    const item = await getJson<{ name: string; materials: { key: string; name: string }[] }>(
      guide,
      `/api/v1/items/${ITEM}`,
    );
    const index = first ? item.materials.findIndex((m) => m.key === first.key) : 0;
    const materialKey = item.materials[index]!.key;
    const renamed = `${item.materials[index]!.name}（含布局图）`;

    const admin = await suite.browser.newPage({ locale: 'zh-CN' });
    await admin.goto(`${suite.baseUrl}/login?next=${encodeURIComponent('/admin/catalogue')}`);
    await admin.getByLabel('用户名').fill('admin');
    await admin.getByLabel('密码').fill('OneTrip@2026');
    await admin.getByRole('button', { name: '登录' }).click();
    await admin.waitForURL(`${suite.baseUrl}/admin/catalogue`);
    await admin.getByLabel('搜索事项').fill(item.name);
    await admin.getByRole('link', { name: item.name, exact: true }).click();
    await admin.waitForURL(`${suite.baseUrl}/admin/catalogue/items/${ITEM}`);

    const material = admin.getByRole('group', { name: `材料 ${index + 1}`, exact: true });
    const nameInput = material.getByLabel('名称（中文）', { exact: true });
    expect(await nameInput.inputValue()).toBe(item.materials[index]!.name);
    await nameInput.fill(renamed);
    await admin.getByRole('button', { name: '保存', exact: true }).click();
    await admin.getByText('已保存。').waitFor();
    expect(await nameInput.inputValue()).toBe(renamed);
    await screenshot(admin, 'catalogue-admin-item-editor');

    if (first) await guide.reload();
    else await guide.goto(`${suite.baseUrl}/guide/item/${ITEM}`);
    const row = guide.getByTestId('guide-materials').locator(`tr[data-material="${materialKey}"]`);
    await expect.poll(() => row.locator('th').textContent()).toContain(renamed);
    await screenshot(guide, 'catalogue-guide-after');
    await admin.close();
    await guide.close();
  });
});

describe('好差评 in public', () => {
  it('shows every department’s 差评率 to anyone, worst first, as the ratings API counts it', async () => {
    const page = await suite.browser.newPage({ locale: 'zh-CN' });
    await page.goto(`${suite.baseUrl}/`);
    await page.getByRole('link', { name: '各部门好差评公示' }).click();
    const table = page.getByTestId('department-ratings');
    await table.waitFor();
    const api = await (await page.request.get(`${suite.baseUrl}/api/v1/ratings`)).json();
    expect(api.data.length).toBeGreaterThan(0);
    const rows = table.locator('tbody tr');
    expect(await rows.count()).toBe(api.data.length);
    const worst = api.data[0];
    expect(await rows.first().locator('th').textContent()).toBe(worst.unit.name);
    expect(await rows.first().locator('td').last().textContent()).toBe(
      `${(worst.badRate * 100).toFixed(1)}%`,
    );
    const rates = await rows.evaluateAll((trs) =>
      trs.map((tr) => parseFloat(tr.lastElementChild!.textContent!)),
    );
    expect([...rates].sort((a, b) => b - a)).toEqual(rates);
    await page.screenshot({ path: screenshotPath('ratings-public'), fullPage: true });
    await page.close();
  });
});
