import { describe, expect, it } from 'vitest';
import { browserSuite } from './browser.ts';
import * as helpers from './helpers.ts';
import { PASSWORD, screenshot, type Api, type Json } from './helpers.ts';

const suite = browserSuite();

/** A complete 出生一件事 over the API, with the answers given, submitted: waiting at intake. */
async function submitBirth(applicant: Api, answers: Json): Promise<Json> {
  const compiled = await applicant('GET', '/bundles/birth/compiled');
  const formData: Json = {};
  for (const [key, p] of Object.entries<Json>(compiled.form.properties)) {
    formData[key] = p.enum
      ? p.enum[0]
      : p.type === 'boolean'
        ? false
        : p.type === 'number' || p.type === 'integer'
          ? 2
          : `测试${key}`;
  }
  const materials = compiled.materials
    .filter((m: Json) => !m.producedBy)
    .map((m: Json) => ({ key: m.key, name: m.name, source: 'upload', reference: `${m.key}.pdf` }));
  const draft = await applicant('POST', '/cases', { subject: { kind: 'bundle', key: 'birth' } });
  const saved = await applicant('PATCH', `/cases/${draft.id}`, {
    version: draft.version,
    formData: { ...formData, ...answers },
    materials,
  });
  return applicant('POST', `/cases/${draft.id}/submit`, { version: saved.version });
}

const CHINESE = /[\u4e00-\u9fff]/;

describe('the citizen pages in English', () => {
  it('张三 reads his accepted case, its steps, its message and his draft’s choices in English', async () => {
    const zhangsan = await helpers.apiAs(suite.baseUrl, 'zhangsan');
    const clerk = await helpers.apiAs(suite.baseUrl, 'clerk');
    // A case accepted at the window (by the clerk, over the API), and a draft left half-done.
    const submitted = await submitBirth(zhangsan, { 'child.sex': 'female' });
    const intake = submitted.tasks.find((x: Json) => x.stepKey === 'intake');
    const accepted = await clerk('POST', `/cases/${submitted.id}/actions`, {
      taskId: intake.id,
      version: intake.version,
      action: 'accept',
    });
    expect(accepted.state).toBe('in_review');
    const draft = await zhangsan('POST', '/cases', {
      subject: { kind: 'bundle', key: 'birth' },
      formData: { 'child.sex': 'male' },
    });
    await suite.deliverMessages();

    const context = await suite.browser.newContext({
      locale: 'en-US',
      viewport: { width: 1280, height: 900 },
    });
    const page = await context.newPage();
    await page.goto(`${suite.baseUrl}/login?next=${encodeURIComponent('/cases')}`);
    await page.getByTestId('locale-switch').getByRole('button', { name: 'English' }).click();
    await page.getByLabel('Username').fill('zhangsan');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.waitForURL(`${suite.baseUrl}/cases`);

    // My cases: the English title, and the acceptance told in English, marked new in words.
    const row = page.locator(`[data-case="${accepted.id}"]`);
    await expect.poll(() => row.getByRole('link').first().textContent()).toBe('A baby is born');
    const message = page
      .getByTestId('my-notifications')
      .locator('li[data-kind="case.accept"]')
      .filter({ hasText: accepted.number })
      .first();
    await message.waitFor();
    expect(await message.getByRole('link').textContent()).toBe(
      `A baby is born (${accepted.number})`,
    );
    expect(await message.textContent()).toContain(
      'Your application has been accepted. Follow its progress under “My cases”.',
    );
    expect(await message.textContent()).toContain('New');
    expect(await message.getAttribute('data-read')).toBe('false');

    // Opening it reads it, and shows the case under its English title with English steps.
    await message.getByRole('link').click();
    await page.waitForURL(`${suite.baseUrl}/cases/${accepted.id}`);
    await expect.poll(() => page.locator('#case-title').textContent()).toBe('A baby is born');
    const steps = page.getByTestId('case-steps');
    await steps.waitFor();
    const stepNames = await steps.locator('th[scope="row"]').allTextContents();
    expect(stepNames).toContain('Intake');
    expect(stepNames).toContain('Delivery');
    expect(stepNames.some((name) => name.startsWith('Review: '))).toBe(true);
    for (const name of stepNames) expect(name).not.toMatch(CHINESE);
    expect(await page.getByTestId('case-timeline').textContent()).not.toContain('受理');
    await screenshot(page, 'english-case');

    await page.goto(`${suite.baseUrl}/cases`);
    const read = page
      .getByTestId('my-notifications')
      .locator('li[data-kind="case.accept"]')
      .filter({ hasText: accepted.number })
      .first();
    await read.waitFor();
    expect(await read.getAttribute('data-read')).toBe('true');
    expect(await read.textContent()).not.toContain('New');

    // The draft's form: a choice reads in English, not as its code.
    await page.goto(`${suite.baseUrl}/cases/${draft.id}`);
    await page.getByTestId('application-form').waitFor();
    const sex = page.locator('.ant-select').filter({
      has: page.getByLabel("Child's sex", { exact: true }),
    });
    await expect.poll(() => sex.first().textContent()).toContain('Male');
    expect(await sex.first().textContent()).not.toMatch(/\bmale\b/);
    await context.close();
  });
});
