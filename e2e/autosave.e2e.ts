import { describe, expect, it } from 'vitest';
import { browserSuite } from './browser.ts';
import * as helpers from './helpers.ts';
import { screenshot } from './helpers.ts';

const suite = browserSuite();
const PHONE = { width: 390, height: 844 };

/**
 * 掌上办 on a train: 张三 fills in 出生一件事 on his phone; the network drops and comes back,
 * and later he closes the browser before it is back. Nothing he typed is lost.
 */
describe('a draft on the phone survives a lost network', () => {
  it('saves by itself, keeps what is typed offline, and sends it when the network is back', async () => {
    const zhangsan = await helpers.apiAs(suite.baseUrl, 'zhangsan');
    const draft = await zhangsan('POST', '/cases', { subject: { kind: 'bundle', key: 'birth' } });
    const signed = await helpers.signIn(
      suite.browser,
      suite.baseUrl,
      'zhangsan',
      `/m/cases/${draft.id}`,
      PHONE,
    );
    const page = signed.page;
    const context = page.context();
    const status = page.getByTestId('save-status');
    const onServer = async () => (await zhangsan('GET', `/cases/${draft.id}`)).formData;
    try {
      await page.getByTestId('application-form').waitFor();

      // Online: a moment after typing stops, the draft is on the server without a click.
      await page.getByLabel('新生儿姓名').fill('张小宝');
      await expect.poll(() => status.textContent(), { timeout: 10_000 }).toMatch(/^已自动保存/);
      expect((await onServer())['child.name']).toBe('张小宝');

      // Offline: what is typed stays on the phone and the page says so.
      await context.setOffline(true);
      await page.getByLabel('母亲姓名').fill('李梅');
      await expect
        .poll(() => status.textContent(), { timeout: 10_000 })
        .toBe('网络已断开：填写的内容已保存在本机，联网后自动上传。');
      await screenshot(page, 'autosave-offline');
      expect((await onServer())['mother.name']).not.toBe('李梅');

      // Back online: sent by itself.
      await context.setOffline(false);
      await expect
        .poll(() => onServer().then((f) => f['mother.name']), { timeout: 10_000 })
        .toBe('李梅');

      // Offline again, and the page closed before the network returns.
      await context.setOffline(true);
      await page.getByLabel('新生儿姓名').fill('张小宝宝');
      await expect.poll(() => status.textContent(), { timeout: 10_000 }).toMatch(/^网络已断开/);
      await page.close();
      await context.setOffline(false);
      expect((await onServer())['child.name']).toBe('张小宝');

      // Opened again: the phone's copy is back in the form, and saved.
      const again = await context.newPage();
      await again.goto(`${suite.baseUrl}/m/cases/${draft.id}`);
      await again.getByTestId('application-form').waitFor();
      expect(await again.getByLabel('新生儿姓名').inputValue()).toBe('张小宝宝');
      await expect
        .poll(() => onServer().then((f) => f['child.name']), { timeout: 10_000 })
        .toBe('张小宝宝');
      await expect
        .poll(() => again.getByTestId('save-status').textContent())
        .toMatch(/^已自动保存/);
      await screenshot(again, 'autosave-restored');
    } finally {
      await signed.close();
    }
  });
});
