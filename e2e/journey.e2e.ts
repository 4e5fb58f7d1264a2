import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, serveForBrowser } from './browser.ts';
import * as helpers from './helpers.ts';
import { reviewerOf, screenshot, type Json, type SignedIn } from './helpers.ts';

/**
 * 开餐饮店 from end to end, every step by the person who does it in the browser they use:
 * the owner online, a window clerk at the counter, three departments' reviewers, then the
 * owner again, and the department that answers for a poor rating.
 */
let server: Awaited<ReturnType<typeof serveForBrowser>>;
let chromium: Awaited<ReturnType<typeof launchChromium>>;
let browser: Browser;
const sessions: SignedIn[] = [];

beforeAll(async () => {
  [server, chromium] = await Promise.all([serveForBrowser(), launchChromium()]);
  browser = chromium.browser;
});
afterAll(async () => {
  for (const s of sessions) await s.close();
  await chromium?.close();
  await server?.close();
});

async function signIn(user: string, next: string): Promise<Page> {
  const session = await helpers.signIn(browser, server.baseUrl, user, next, {
    width: 1440,
    height: 900,
  });
  sessions.push(session);
  return session.page;
}

/** Picks one of an antd radio-button group by its visible text. */
async function pick(scope: ReturnType<Page['getByTestId']>, name: string) {
  await scope
    .locator('label.ant-radio-button-wrapper, label.ant-radio-wrapper', {
      hasText: new RegExp(`^${name}$`),
    })
    .click();
  expect(await scope.getByRole('radio', { name, exact: true }).isChecked()).toBe(true);
}

describe('开餐饮店, one trip at most (最多跑一次)', () => {
  it('goes online → correction → acceptance → three departments in parallel → e-delivery → 2-star rating → follow-up', async () => {
    const staff = await helpers.apiAs(server.baseUrl, 'supervisor');

    // 1. The owner applies on the portal.
    const owner = await signIn('xixi-flavour', '/apply/bundle/open-restaurant');
    await owner.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
    const caseId = new URL(owner.url()).pathname.split('/').at(-1)!;
    await owner.getByTestId('application-form').waitFor();
    await helpers.fillRestaurantApplication(owner);
    await owner.getByRole('button', { name: '提交申请' }).click();
    await expect.poll(() => owner.getByTestId('case-state').textContent()).toBe('待受理');
    await screenshot(owner, 'journey-01-submitted');

    // 2. At the window the clerk lists, at once, what to correct (一次告知).
    const clerk = await signIn('clerk', '/counter');
    const queued = clerk
      .getByTestId('counter-queue-submitted')
      .locator(`tr[data-case="${caseId}"]`);
    await queued.waitFor();
    await queued.getByRole('link', { name: '开餐饮店一件事' }).click();
    await clerk.waitForURL(`${server.baseUrl}/counter/cases/${caseId}`);
    const intake = clerk.getByTestId('counter-intake');
    await pick(intake, '一次性告知补正');
    await helpers.choose(clerk, '第 1 项：涉及', '经营场所地址');
    await intake.getByLabel('第 1 项：补正要求').fill('地址需写到门牌号');
    await screenshot(clerk, 'journey-02-correction-asked');
    await intake.getByRole('button', { name: '确认：一次性告知补正' }).click();
    await clerk.getByTestId('counter-outcome').waitFor();
    expect((await staff('GET', `/cases/${caseId}`)).state).toBe('correction');

    // 3. The owner sees what to fix beside the field, fixes it and sends it back.
    await owner.reload();
    await expect
      .poll(() => owner.getByTestId('correction').textContent())
      .toContain('经营场所地址：地址需写到门牌号');
    await owner.getByLabel('经营场所地址').fill('西湖区文三路 90 号');
    await screenshot(owner, 'journey-03-correcting');
    await owner.getByRole('button', { name: '提交补正' }).click();
    await expect.poll(() => owner.getByTestId('case-state').textContent()).toBe('待受理');

    // 4. The clerk accepts: a case number, and the acceptance notice as a PDF.
    await clerk.reload();
    await pick(intake, '受理');
    await intake.getByRole('button', { name: '确认：受理' }).click();
    const accepted = clerk.getByTestId('counter-outcome');
    await accepted.waitFor();
    const number = (await clerk.getByTestId('case-number').textContent())!;
    expect(number).toMatch(/^330106-\d{8}-\d{6}$/);
    const notice = await clerk.request.get(
      `${server.baseUrl}/api/v1/cases/${caseId}/notices/acceptance`,
    );
    expect(notice.headers()['content-type']).toBe('application/pdf');
    await screenshot(clerk, 'journey-04-accepted');

    // 5. Business registration first, then the rest in parallel, each by its own department.
    const reviewersSeen = new Set<string>();
    let parallelDepartments = 0;
    for (let round = 0; round < 5; round++) {
      const c = await staff('GET', `/cases/${caseId}`);
      const open = c.tasks.filter(
        (t: Json) => t.state === 'open' && t.stepKey.startsWith('review:'),
      );
      if (!open.length) break;
      const departments = new Set(open.map((t: Json) => t.ownerUnit.code));
      parallelDepartments = Math.max(parallelDepartments, departments.size);
      for (const task of open) {
        const reviewer = reviewerOf(task.ownerUnit.code);
        reviewersSeen.add(reviewer);
        const page = await signIn(reviewer, '/review');
        const row = page
          .getByTestId('review-queue')
          .locator(`tr[data-case="${caseId}"][data-step="${task.stepKey}"]`);
        await row.waitFor();
        await row.getByRole('link').first().click();
        await page.waitForURL(new RegExp(`/review/cases/${caseId}\\?task=`));
        const step = page.getByTestId(`review-step-${task.stepKey}`);
        await step.waitFor();
        // The promised date on the page is the case's, counted by the calendar.
        expect(await page.getByTestId('case-facts').textContent()).toContain(c.promisedDue);
        // The department sees the merged form and the materials, not only its own part.
        await page
          .getByTestId('case-form')
          .getByText('经营场所使用面积（平方米）')
          .first()
          .waitFor();
        await step.getByLabel('意见（选填）').fill(`${task.name}：符合条件。`);
        if (round > 0 && reviewersSeen.size === 2) await screenshot(page, 'journey-05-review');
        await step.getByRole('button', { name: '确认：审查通过' }).click();
        await page.getByTestId('review-outcome').waitFor();
      }
    }
    expect(parallelDepartments).toBeGreaterThanOrEqual(3);

    // 6. Every review done: the clerk delivers the licences electronically (no trip).
    await clerk.reload();
    const delivery = clerk.getByTestId('counter-delivery');
    await delivery.waitFor();
    await pick(delivery, '电子送达');
    await delivery.getByRole('button', { name: '确认：出件送达' }).click();
    await expect
      .poll(() => clerk.getByTestId('counter-outcome').textContent())
      .toContain('已出件，办件办结。');
    // The timeline says who acted by name, not by login.
    const acceptance = (await staff('GET', `/cases/${caseId}`)).timeline.find(
      (e: Json) => e.action === 'accept',
    );
    expect(acceptance.actor).toBe('clerk');
    expect(acceptance.actorName).not.toBe('clerk');
    expect(await clerk.getByTestId('case-timeline').textContent()).toContain(
      `${acceptance.actorName} · 窗口`,
    );
    await screenshot(clerk, 'journey-06-delivered');

    // 7. The owner, closed and with no trip made, gives 2 stars.
    await owner.reload();
    expect(await owner.getByTestId('case-state').textContent()).toBe('已办结');
    const rating = owner.getByTestId('rating');
    await rating.locator('label.ant-radio-button-wrapper', { hasText: '2 分 · 不满意' }).click();
    await rating.getByRole('checkbox', { name: '等待时间长' }).check();
    await rating.getByLabel('意见和建议（选填）').fill('补正来回一次，希望一开始就说清楚。');
    await rating.getByRole('button', { name: '提交评价' }).click();
    await rating.getByTestId('rating-given').waitFor();
    expect(await rating.textContent()).toContain('您的差评已转交有关部门整改');
    await screenshot(owner, 'journey-07-rated');
    const closed = await staff('GET', `/cases/${caseId}`);
    expect(closed.trips).toBe(0);
    expect(closed.delivery).toMatchObject({ method: 'electronic' });
    const followUpId = closed.rating.followUpCaseId as string;
    expect(followUpId).toBeTruthy();

    // 8. The department that decided last sees the follow-up in its queue and calls back.
    const followUp = await staff('GET', `/cases/${followUpId}`);
    const callBack = followUp.tasks.find((t: Json) => t.stepKey === 'call_back');
    const department = await signIn(reviewerOf(callBack.ownerUnit.code), '/review');
    const row = department
      .getByTestId('review-queue')
      .locator(`tr[data-case="${followUpId}"][data-step="call_back"]`);
    await row.waitFor();
    expect(await row.textContent()).toContain('差评整改');
    await screenshot(department, 'journey-08-follow-up-queue');
    await row.getByRole('link').first().click();
    const step = department.getByTestId('review-step-call_back');
    await step.waitFor();
    // What the owner said, under words rather than data keys.
    expect(await department.getByTestId('case-form').textContent()).toContain(
      '评价意见补正来回一次，希望一开始就说清楚。',
    );
    await pick(step, '办结本环节');
    await step.getByLabel('意见（选填）').fill('已电话回访，申请人反映补正往返一次。');
    await step.getByRole('button', { name: '确认：办结本环节' }).click();
    await department.getByTestId('review-outcome').waitFor();
    await screenshot(department, 'journey-09-called-back');
    const after = await staff('GET', `/cases/${followUpId}`);
    expect(after.tasks.find((t: Json) => t.stepKey === 'rectify_reply').state).toBe('open');
  }, 240_000);
});
