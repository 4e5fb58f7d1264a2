import { describe, expect, it } from 'vitest';
import { pdfBytes } from '../src/modules/files/fixtures.ts';
import { browserSuite } from './browser.ts';
import * as helpers from './helpers.ts';
import { PASSWORD, screenshot } from './helpers.ts';

const suite = browserSuite();

const FILE_ID = /^\/api\/v1\/files\/([0-9a-f-]{36})$/;

describe('uploading materials (上传材料)', () => {
  it('uploads a file as it is chosen, refuses a renamed text file, and the case cites the upload', async () => {
    const context = await suite.browser.newContext({
      locale: 'zh-CN',
      viewport: { width: 1280, height: 900 },
    });
    const page = await context.newPage();
    await page.goto(
      `${suite.baseUrl}/login?next=${encodeURIComponent('/apply/bundle/open-restaurant')}`,
    );
    await page.getByLabel('用户名').fill('xixi-flavour');
    await page.getByLabel('密码').fill(PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
    const caseId = new URL(page.url()).pathname.split('/').at(-1)!;
    const form = page.getByTestId('application-form');
    await form.waitFor();

    // Every required material gets a small PDF; then the lease contract is given for real.
    await helpers.fillRestaurantApplication(page);
    const lease = form.locator('li[data-material="lease-contract"]');
    const picker = lease.locator('input[type="file"]');

    // A text file named .pdf is refused by its content, in the page's language.
    await picker.setInputFiles({
      name: '租赁合同.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('这只是改了扩展名的文本文件。'),
    });
    const refusal = lease.getByTestId('material-upload-error');
    await refusal.waitFor();
    expect(await refusal.textContent()).toBe(
      '“租赁合同.pdf”未能上传：“租赁合同.pdf”的内容不是允许的文件格式（PDF, JPEG, PNG, OFD），与文件扩展名无关',
    );
    expect(await picker.getAttribute('aria-invalid')).toBe('true');
    // The file given before is still there.
    expect(await lease.getByTestId('material-file').textContent()).toBe('lease-contract.pdf');

    const bytes = pdfBytes(20_480);
    await picker.setInputFiles({
      name: '营业场所租赁合同.pdf',
      mimeType: 'application/pdf',
      buffer: bytes,
    });
    const link = lease.getByRole('link', { name: '营业场所租赁合同.pdf' });
    await link.waitFor();
    expect(await lease.getByTestId('material-upload-error').count()).toBe(0);
    expect(await lease.getByTestId('material-file-size').textContent()).toBe(' (20 KB)');
    expect(await link.getAttribute('target')).toBe('_blank');
    const href = (await link.getAttribute('href'))!;
    const fileId = FILE_ID.exec(href)?.[1];
    expect(fileId).toBeTruthy();
    const opened = await page.request.get(`${suite.baseUrl}${href}`);
    expect(opened.status()).toBe(200);
    expect(opened.headers()['content-type']).toBe('application/pdf');
    expect(Buffer.compare(await opened.body(), bytes)).toBe(0);
    await screenshot(page, 'upload-material');

    // Saved and opened again, the file is shown by its name and size from the server.
    await page.getByRole('button', { name: '保存草稿' }).click();
    await page.getByText(/草稿已保存/).waitFor();
    await page.reload();
    await form.waitFor();
    await lease.getByRole('link', { name: '营业场所租赁合同.pdf' }).waitFor();
    expect(await lease.getByTestId('material-file-size').textContent()).toBe(' (20 KB)');

    await page.getByRole('button', { name: '提交申请' }).click();
    await expect.poll(() => page.getByTestId('case-state').textContent()).toBe('待受理');

    // The case cites the upload, and the window clerk can open it.
    const materials = page.getByTestId('case-materials');
    await materials.waitFor();
    const cites = materials
      .locator('tr[data-material="lease-contract"]')
      .getByRole('link', { name: '营业场所租赁合同.pdf' });
    expect(await cites.getAttribute('href')).toContain(fileId!);
    const clerk = await helpers.apiAs(suite.baseUrl, 'clerk');
    const atIntake = await clerk('GET', `/cases/${caseId}`);
    const cited = atIntake.materials.find((m: helpers.Json) => m.key === 'lease-contract');
    expect(cited).toMatchObject({ source: 'upload', reference: fileId });
    expect(await clerk('GET', `/files/${fileId}/metadata`)).toMatchObject({
      name: '营业场所租赁合同.pdf',
      mimeType: 'application/pdf',
      size: bytes.length,
    });
    const others = atIntake.materials.filter((m: helpers.Json) => m.source === 'upload');
    expect(others.every((m: helpers.Json) => FILE_ID.test(`/api/v1/files/${m.reference}`))).toBe(
      true,
    );
    await screenshot(page, 'upload-submitted');
    await context.close();
  });
});
