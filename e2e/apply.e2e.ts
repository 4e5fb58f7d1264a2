import { describe, expect, it } from 'vitest';
import { browserSuite } from './browser.ts';
import * as helpers from './helpers.ts';
import { PASSWORD, reviewerOf, screenshot, type Json } from './helpers.ts';

const suite = browserSuite();

const apiAs = (user: string) => helpers.apiAs(suite.baseUrl, user);
const signIn = (user: string, next: string) =>
  helpers.signIn(suite.browser, suite.baseUrl, user, next);

describe('applying online (网上办)', () => {
  it('xixi-flavour applies for 开餐饮店, hears of everything missing at once, then corrects once', async () => {
    const context = await suite.browser.newContext({
      locale: 'zh-CN',
      viewport: { width: 1280, height: 900 },
    });
    const page = await context.newPage();

    // Signing in is asked first, and leads back to the application.
    await page.goto(`${suite.baseUrl}/apply/bundle/open-restaurant`);
    await page.waitForURL(/\/login\?next=%2Fapply%2Fbundle%2Fopen-restaurant$/);
    await page.getByLabel('用户名').fill('xixi-flavour');
    await page.getByLabel('密码').fill(PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
    const caseId = new URL(page.url()).pathname.split('/').at(-1)!;
    const form = page.getByTestId('application-form');
    await form.waitFor();
    expect(await page.getByTestId('case-state').textContent()).toBe('草稿');
    expect(await page.getByTestId('upload-note').textContent()).toContain(
      '选择文件后立即上传。可上传 PDF、JPG、PNG 或 OFD 文件',
    );
    // The merged form asks in words, never by data key; the sign's details wait for a sign.
    await page.getByLabel('经营场所使用面积（平方米）').waitFor();
    expect(await form.textContent()).not.toContain('premises.area_m2');
    expect(await page.getByLabel('招牌文字内容').count()).toBe(0);
    await screenshot(page, 'apply-draft');

    // One answer given, the rest missing: the submission lists every problem at once.
    await page.getByLabel('企业（市场主体）名称').fill('杭州西溪味道餐饮有限公司');
    await page.getByRole('button', { name: '提交申请' }).click();
    const problems = page.getByTestId('apply-problems');
    await problems.waitFor();
    const title = (await problems.locator('.ant-alert-title').textContent())!;
    const missing = Number(/还缺 (\d+) 项/.exec(title)?.[1]);
    expect(missing).toBeGreaterThan(10);
    const listed = await problems.locator('li').allTextContents();
    expect(listed).toHaveLength(missing);
    expect(listed).toContain('缺少必填字段“经营场所使用面积（平方米）”');
    expect(listed).toContain('缺少材料“申请表（申请书）”');
    expect(listed.join()).not.toContain('企业（市场主体）名称');
    // The licence is issued on the way (营业执照), the ID card comes from the certificate library.
    expect(listed.join()).not.toContain('营业执照');
    expect(listed.join()).not.toContain('居民身份证');
    expect(listed.join()).not.toContain('formData.');
    // … and each one beside its field or material too.
    const fieldProblems = listed.filter((p) => p.startsWith('缺少必填字段')).length;
    const materialProblems = listed.filter((p) => p.startsWith('缺少材料')).length;
    await expect
      .poll(() => form.locator('.ant-form-item-explain-error').count())
      .toBe(fieldProblems);
    expect(await form.locator('li[data-invalid="true"]').count()).toBe(materialProblems);
    expect(
      await form
        .locator('.ant-form-item-has-error', { hasText: '经营场所使用面积（平方米）' })
        .textContent(),
    ).toContain('缺少必填字段“经营场所使用面积（平方米）”');
    // The summary takes focus, and each problem leads to its field.
    await expect
      .poll(() => problems.evaluate((el) => el === el.ownerDocument.activeElement))
      .toBe(true);
    await problems
      .getByRole('button', { name: '缺少必填字段“经营场所使用面积（平方米）”' })
      .click();
    expect(await page.locator(':focus').getAttribute('id')).toBe('apply_premises.area_m2');
    await screenshot(page, 'apply-problems');

    // Everything filled in: 80 m² (the fire-safety check applies), no outdoor sign, a phone
    // number one digit short.
    const count = await helpers.fillRestaurantApplication(page, '1380013800');
    expect(count).toBeGreaterThan(5);

    // A phone number one digit short is caught before anything is sent.
    await page.getByRole('button', { name: '提交申请' }).click();
    await expect.poll(() => problems.textContent()).toContain('请填写 11 位手机号码');
    expect(await problems.locator('li').count()).toBe(1);
    await page.getByLabel('联系电话').fill('13800138000');

    // The result by post: the address is asked for in full before anything is handed in.
    const delivery = page.getByTestId('delivery-choice');
    await delivery.getByText('邮寄送达').click();
    await delivery.getByLabel('收件人', { exact: true }).fill('王西溪');
    await page.getByRole('button', { name: '提交申请' }).click();
    await expect
      .poll(() => problems.locator('li').allTextContents())
      .toEqual(['缺少必填字段“收件人手机号码”', '缺少必填字段“收件地址”']);
    expect(await delivery.locator('.ant-form-item-explain-error').count()).toBe(2);
    await delivery.getByLabel('收件人手机号码').fill('139 0013 9000');
    await delivery.getByLabel('收件地址').fill('杭州市西湖区文三路 90 号');
    await screenshot(page, 'apply-filled');

    await page.getByRole('button', { name: '提交申请' }).click();
    await expect.poll(() => page.getByTestId('case-state').textContent()).toBe('待受理');
    expect(await page.locator('[data-fact="deliveryChoice"] dd').textContent()).toBe(
      '邮寄送达 · 寄往：王西溪，13900139000，杭州市西湖区文三路 90 号',
    );
    expect(await page.getByTestId('case-explanation').textContent()).toContain('等待窗口受理');
    await page.getByTestId('case-timeline').locator('li[data-action="submit"]').waitFor();
    await screenshot(page, 'apply-submitted');

    // A window clerk asks, once, for a fuller address.
    const clerk = await apiAs('clerk');
    const atIntake = await clerk('GET', `/cases/${caseId}`);
    const intake = atIntake.tasks.find((t: Json) => t.stepKey === 'intake');
    expect(atIntake.formData['premises.area_m2']).toBe(80);
    expect(atIntake.deliveryChoice.method).toBe('post');
    expect(atIntake.formData['premises.has_outdoor_sign']).toBe(false);
    expect(atIntake.materials.map((m: Json) => m.key)).toEqual(
      expect.arrayContaining(['id-card', 'lease-contract', 'fire-safety-plan']),
    );
    const corrected = await clerk('POST', `/cases/${caseId}/actions`, {
      taskId: intake.id,
      version: intake.version,
      action: 'request_correction',
      corrections: [{ field: 'formData.premises.address', message: '地址需写到门牌号' }],
    });
    expect(corrected.state).toBe('correction');

    // The applicant sees what to correct, where, and the notice that says so.
    await page.reload();
    const correction = page.getByTestId('correction');
    await correction.waitFor();
    expect(await page.getByTestId('case-state').textContent()).toBe('待补正');
    await expect.poll(() => correction.textContent()).toContain('经营场所地址：地址需写到门牌号');
    const notice = correction.getByRole('link', { name: /补正材料一次性告知书/ });
    const href = (await notice.getAttribute('href'))!;
    expect(href).toBe(`/api/v1/cases/${caseId}/notices/correction`);
    const pdf = await page.request.get(`${suite.baseUrl}${href}`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect(
      await form.locator('.ant-form-item', { hasText: '经营场所地址' }).textContent(),
    ).toContain('补正要求：地址需写到门牌号');
    // The answers and files given before are all still there.
    expect(await page.getByLabel('联系电话').inputValue()).toBe('13800138000');
    expect(await form.getByTestId('material-file').count()).toBe(count);
    await screenshot(page, 'apply-correction');

    await page.getByLabel('经营场所地址').fill('西湖区文三路 90 号');
    await page.getByRole('button', { name: '提交补正' }).click();
    await expect.poll(() => page.getByTestId('case-state').textContent()).toBe('待受理');
    await page.getByTestId('case-timeline').locator('li[data-action="resubmit"]').waitFor();
    const after = await clerk('GET', `/cases/${caseId}`);
    expect(after.state).toBe('submitted');
    expect(after.formData['premises.address']).toBe('西湖区文三路 90 号');
    await screenshot(page, 'apply-resubmitted');

    // My cases: newest first, with its state and no trip made.
    await page.getByRole('link', { name: '我的办件' }).click();
    await page.waitForURL(`${suite.baseUrl}/cases`);
    const row = page.getByTestId('my-cases').locator('tbody tr[data-case]').first();
    await row.waitFor();
    expect(await row.getAttribute('data-case')).toBe(caseId);
    expect(await row.textContent()).toContain('待受理');
    expect(await row.textContent()).toContain('跑零次');
    await screenshot(page, 'apply-my-cases');
    await context.close();
  });

  it('withdraws an application before a decision, confirmed on the page, not in a pop-up', async () => {
    const applicant = await apiAs('xixi-flavour');
    const c = await helpers.submitRestaurantByApi(applicant);
    const { page, close } = await signIn('xixi-flavour', `/cases/${c.id}`);
    await page.getByTestId('withdraw').click();
    const confirm = page.getByTestId('withdraw-confirm');
    await confirm.waitFor();
    expect(await page.getByRole('dialog').count()).toBe(0);
    // Changing one's mind leaves the case as it was.
    await confirm.getByRole('button', { name: '不撤回' }).click();
    expect(await page.getByTestId('case-state').textContent()).toBe('待受理');
    await page.getByTestId('withdraw').click();
    await page.getByTestId('withdraw-confirm').getByRole('button', { name: '确定撤回' }).click();
    await expect.poll(() => page.getByTestId('case-state').textContent()).toBe('已撤回');
    expect(await page.getByTestId('withdraw').count()).toBe(0);
    expect((await applicant('GET', `/cases/${c.id}`)).state).toBe('withdrawn');
    await close();
  });

  it('after delivery the applicant rates the case once (好差评), then adds one later review', async () => {
    // A complete application, through every step over the API: accepted, approved, delivered.
    const applicant = await apiAs('xixi-flavour');
    const clerk = await apiAs('clerk');
    let c = await helpers.submitRestaurantByApi(applicant);
    const act = async (user: Awaited<ReturnType<typeof apiAs>>, step: string, action: string) => {
      const task = c.tasks.find((t: Json) => t.stepKey === step);
      const extra =
        action === 'deliver' ? { delivery: { method: 'electronic' as const } } : undefined;
      c = await user('POST', `/cases/${c.id}/actions`, {
        taskId: task.id,
        version: task.version,
        action,
        ...extra,
      });
    };
    await act(clerk, 'intake', 'accept');
    const reviewers = new Map<string, Awaited<ReturnType<typeof apiAs>>>();
    for (let round = 0; round < 10; round++) {
      const open = c.tasks.filter((t: Json) => t.state === 'open' && t.stepKey !== 'delivery');
      if (!open.length) break;
      for (const t of open) {
        const reviewer = reviewerOf(t.ownerUnit.code);
        if (!reviewers.has(reviewer)) reviewers.set(reviewer, await apiAs(reviewer));
        await act(reviewers.get(reviewer)!, t.stepKey, 'approve');
      }
    }
    await act(clerk, 'delivery', 'deliver');
    expect(c.state).toBe('closed');

    const { page, close } = await signIn('xixi-flavour', `/cases/${c.id}`);
    const rating = page.getByTestId('rating');
    await rating.waitFor();
    expect(await page.getByTestId('case-state').textContent()).toBe('已办结');
    // No withdrawing once decided.
    expect(await page.getByTestId('withdraw').count()).toBe(0);
    const scores = await rating
      .getByRole('radio')
      .evaluateAll((radios) => radios.map((r) => r.closest('label')!.textContent));
    expect(scores).toEqual([
      '5 分 · 非常满意',
      '4 分 · 满意',
      '3 分 · 基本满意',
      '2 分 · 不满意',
      '1 分 · 非常不满意',
    ]);
    // Sending without a score is stopped beside the score.
    await rating.getByRole('button', { name: '提交评价' }).click();
    await rating.getByText('请选择评价等级').waitFor();
    await rating.locator('label.ant-radio-button-wrapper', { hasText: '2 分 · 不满意' }).click();
    await rating.getByRole('checkbox', { name: '等待时间长' }).check();
    await rating.getByLabel('意见和建议（选填）').fill('排水许可审查慢');
    await screenshot(page, 'apply-rating');
    await rating.getByRole('button', { name: '提交评价' }).click();

    // A bad rating opens a follow-up for the department; the one later review is offered.
    await rating.getByTestId('rating-given').waitFor();
    expect(await rating.textContent()).toContain('您的差评已转交有关部门整改');
    expect(await rating.getByTestId('rating-given').textContent()).toContain('2 分 · 不满意');
    expect(await rating.getByTestId('rating-given').textContent()).toContain('等待时间长');
    await rating.getByLabel('追评内容').fill('部门已主动联系，问题已解决。');
    await rating.getByRole('button', { name: '提交追评' }).click();
    await expect
      .poll(() => rating.getByTestId('rating-given').textContent())
      .toContain('部门已主动联系，问题已解决。');
    expect(await rating.getByLabel('追评内容').count()).toBe(0);
    const rated = await applicant('GET', `/cases/${c.id}`);
    expect(rated.rating).toMatchObject({
      score: 2,
      text: '排水许可审查慢',
      tags: ['等待时间长'],
      followUpText: '部门已主动联系，问题已解决。',
    });
    expect(rated.rating.followUpCaseId).toBeTruthy();
    await screenshot(page, 'apply-rated');
    await close();
  });
});
