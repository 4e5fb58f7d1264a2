import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseDriver, type Json } from '../../../test/helpers/cases.ts';
import { extractText, pageCount } from '../../../test/helpers/pdf-text.ts';
import { createTestApp, type Session, type TestApp } from '../../../test/helpers/test-app.ts';
import { shanghaiToday } from './service.ts';

let t: TestApp;
let d: ReturnType<typeof caseDriver>;
let leader: Session;
const today = shanghaiToday();

beforeAll(async () => {
  t = await createTestApp();
  d = caseDriver(t);
  leader = await t.login('leader');
});
afterAll(() => t?.close());

const get = async (url: string, session: Session | null = leader) => {
  const res = await t.as(session, 'GET', `/api/v1${url}`);
  expect(res.statusCode, `${url}: ${res.body.slice(0, 300)}`).toBe(200);
  return res.json() as Json;
};
const figure = (view: Json, key: string) => view.figures.find((f: Json) => f.key === key);

const SHORT: Record<string, string> = { 'market-regulation': 'market', 'fire-rescue': 'fire' };
const reviewerOf = (unit: string) => {
  const key = unit.replace(/^dept:/, '');
  return `reviewer-${SHORT[key] ?? key}`;
};

describe('who reads the city brain', () => {
  it('is leaders, supervisors and admins; others get 403, the anonymous 401', async () => {
    for (const user of ['leader', 'supervisor', 'admin']) {
      const s = await t.login(user);
      for (const url of ['/brain/services', '/brain/plan'])
        expect((await t.as(s, 'GET', `/api/v1${url}`)).statusCode).toBe(200);
    }
    for (const user of ['reviewer-market', 'clerk', 'zhangsan']) {
      const s = await t.login(user);
      for (const url of [
        '/brain/services',
        '/brain/plan',
        `/brain/report.pdf?month=${today.slice(0, 7)}`,
      ])
        expect((await t.as(s, 'GET', `/api/v1${url}`)).statusCode, `${user} ${url}`).toBe(403);
    }
    expect((await t.as(null, 'GET', '/api/v1/brain/services')).statusCode).toBe(401);
  });
});

describe('GET /brain/services', () => {
  it('gives the last 30 days by default, each figure with its definition in both languages', async () => {
    const v = await get('/brain/services');
    expect(v.period).toMatchObject({ to: today, days: 30 });
    expect(v.byDay).toHaveLength(30);
    for (const f of v.figures) {
      expect(f.definition.length, f.key).toBeGreaterThan(5);
      expect(f.definitionEn.length, f.key).toBeGreaterThan(5);
    }
    expect(figure(v, 'submitted').value).toBe(v.totals.submitted);
    expect(v.totals.submitted).toBeGreaterThan(0);
    expect(figure(v, 'openOverdue').value).toBe(v.overdue.total);
    // Zero-material comes from the catalogue: the seeded items name certificates and data sets.
    expect(v.zeroMaterial.materials).toBeGreaterThan(100);
    expect(v.zeroMaterial.attachable).toBeGreaterThan(0);
    expect(v.zeroMaterial.attachable).toBeLessThan(v.zeroMaterial.materials);
    expect(figure(v, 'zeroMaterialRate').value).toBeCloseTo(
      v.zeroMaterial.attachable / v.zeroMaterial.materials,
      10,
    );
    expect(v.definitions.byStreet.name).toBe('各街道（镇）办件量');
    expect(v.byChannel.map((c: Json) => c.channel)).toEqual(
      expect.arrayContaining(['web', 'counter']),
    );
  });

  it('drills down from the district to a street and to one item there', async () => {
    const all = await get('/brain/services');
    const street = all.byStreet.find((s: Json) => s.submitted > 0);
    const inStreet = await get(`/brain/services?street=${street.street.code}`);
    expect(inStreet.filter.street).toBe(street.street.code);
    expect(inStreet.totals.submitted).toBe(street.submitted);
    const item = inStreet.bySubject[0];
    const one = await get(
      `/brain/services?street=${street.street.code}&subject=${encodeURIComponent(item.subject.code)}`,
    );
    expect(one.totals.submitted).toBe(item.submitted);
  });

  it('moves 差评率 and the department’s figures when an applicant gives 2 stars', async () => {
    const period = `?from=${today}&to=${today}`;
    const before = await get(`/brain/services${period}`);
    let c = await d.newCase('xixi-flavour', 'open-restaurant', {
      'premises.area_m2': 30,
      'premises.has_outdoor_sign': false,
    });
    c = await d.actOn('clerk', c, 'intake', 'accept');
    for (let round = 0; round < 10 && c.state === 'in_review'; round++)
      for (const step of d.openSteps(c).filter((s) => s.startsWith('review:')))
        c = await d.actOn(reviewerOf(d.task(c, step).ownerUnit.code), c, step, 'approve');
    c = await d.actOn('clerk', c, 'delivery', 'deliver', { delivery: { method: 'electronic' } });
    await d.ok('xixi-flavour', 'POST', `/cases/${c.id}/rating`, { score: 2, text: '等太久' });

    const after = await get(`/brain/services${period}`);
    expect(after.totals.ratings).toBe(before.totals.ratings + 1);
    expect(after.totals.badRatings).toBe(before.totals.badRatings + 1);
    const rate = (v: Json) => v.totals.badRatings / v.totals.ratings;
    expect(figure(after, 'badRate').value).toBeCloseTo(rate(after), 10);
    if (before.totals.ratings) expect(rate(after)).toBeGreaterThan(rate(before));
    const rated = (await d.ok('xixi-flavour', 'GET', `/cases/${c.id}`)) as Json;
    const decider = [...rated.tasks]
      .filter((x: Json) => x.stepKey.startsWith('review:') && x.decidedAt)
      .sort((a: Json, b: Json) => a.decidedAt.localeCompare(b.decidedAt))
      .at(-1).ownerUnit.code;
    const dept = (v: Json) => v.byDepartment.find((x: Json) => x.department.code === decider);
    expect(dept(after).badRatings).toBe((dept(before)?.badRatings ?? 0) + 1);
  });

  it('answers 400 naming the field for a period that is not one', async () => {
    const bad = await t.as(leader, 'GET', '/api/v1/brain/services?from=2026-13-01');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toMatch(/from/);
    const reversed = await t.as(
      leader,
      'GET',
      `/api/v1/brain/services?from=${today}&to=2020-01-01`,
    );
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().error.field).toBe('to');
    // Without `from`, the period is counted back from `to`: a `to` that is no day says so.
    for (const to of ['2026-13-01', '2026-02-30']) {
      const res = await t.as(leader, 'GET', `/api/v1/brain/services?to=${to}`);
      expect(res.statusCode, to).toBe(400);
      expect(res.json().error.field).toBe('to');
    }
  });
});

describe('GET /brain/plan', () => {
  it('gives the goal tree, projects by area and status, investment and slippage, demo flagged', async () => {
    const v = await get('/brain/plan');
    expect(v.plan.key).toBe('xihu-2020');
    expect(v.tree.children.map((n: Json) => n.kind)).toEqual(
      expect.arrayContaining(['campaign', 'focus']),
    );
    // The 2020 progress reports are demo data: the plan and its figures say so.
    expect(v.plan.demo).toBe(true);
    expect(figure(v, 'planProgress').demo).toBe(true);
    expect(figure(v, 'planProgress').value).toBe(v.tree.progress);
    expect(v.projects.byArea.map((a: Json) => a.area)).toEqual(['north', 'middle', 'south']);
    const count = v.projects.byArea.reduce((s: number, a: Json) => s + a.projects, 0);
    expect(count).toBe(v.projects.total);
    expect(v.projects.total).toBeGreaterThan(5);
    for (const a of v.projects.byArea) {
      const statuses = Object.values<number>(a.byStatus).reduce((s, n) => s + n, 0);
      expect(statuses).toBe(a.projects);
    }
    const inv = figure(v, 'investment');
    expect(inv.value).toBeCloseTo(
      v.projects.annualInvestmentDone / v.projects.annualInvestmentPlan,
      10,
    );
    expect(inv.demo).toBe(true);
    const slips = v.slippage.map((s: Json) => s.slipDays);
    expect(slips).toEqual([...slips].sort((a, b) => b - a));
    expect(v.definitions.slippage.definitionEn).toMatch(/planned date/);
  });

  it('shows a progress report at once, in its target and the campaign above it', async () => {
    const before = await get('/brain/plan');
    const node = before.tree.children.find((n: Json) => n.targets.length > 0);
    const target = node.targets.find((x: Json) => x.progress !== 1) ?? node.targets[0];
    const targets = await get(`/targets?limit=200&q=${encodeURIComponent(target.name)}`);
    const id = targets.data.find((x: Json) => x.key === target.key).id;
    const res = await t.as(
      leader,
      'POST',
      `/api/v1/targets/${id}/reports`,
      { value: target.targetValue, reportedOn: today, evidence: '城市大脑测试' },
      { 'x-csrf-token': leader.csrf, 'idempotency-key': `brain-${Date.now()}` },
    );
    expect(res.statusCode, res.body).toBe(201);
    const after = await get('/brain/plan');
    const nodeAfter = after.tree.children.find((n: Json) => n.key === node.key);
    const targetAfter = nodeAfter.targets.find((x: Json) => x.key === target.key);
    expect(targetAfter).toMatchObject({ progress: 1, met: true, latest: target.targetValue });
    expect(nodeAfter.progress).toBeGreaterThanOrEqual(node.progress ?? 0);
    if ((target.progress ?? 0) < 1) expect(nodeAfter.progress).toBeGreaterThan(node.progress ?? 0);
  });
});

describe('GET /brain/report.pdf', () => {
  it('is a PDF of the month’s service figures and the plan’s progress', async () => {
    const month = today.slice(0, 7);
    const services = await get(`/brain/services?from=${month}-01&to=${today}`);
    const res = await t.as(leader, 'GET', `/api/v1/brain/report.pdf?month=${month}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const pdf = res.rawPayload;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const pages = pageCount(pdf);
    expect(pages).toBeGreaterThanOrEqual(2);
    const lines = extractText(pdf);
    const text = lines.join('');
    const [y, m] = month.split('-').map(Number);
    expect(lines).toContain('西湖区城市大脑月度报告');
    expect(text).toContain(`${y}年${m}月`);
    expect(text).toContain('一、政务服务');
    expect(text).toContain('二、发展规划：西湖区2020年发展计划');
    expect(lines).toContain(services.totals.submitted.toLocaleString('zh-CN'));
    expect(text).toContain('零材料率');
    expect(text).toContain(`${(services.zeroMaterial.rate * 100).toFixed(1)}%`);
    expect(text).toContain('演示数据');
    expect(text).toContain('北强');
    expect(lines).toContain(`第 ${pages} 页  共 ${pages} 页`);
  });

  it('refuses a month that is not one, or has not begun', async () => {
    for (const month of ['2026-13', '2026-1', 'november']) {
      const res = await t.as(leader, 'GET', `/api/v1/brain/report.pdf?month=${month}`);
      expect(res.statusCode, month).toBe(400);
      expect(res.json().error.field).toMatch(/month/);
    }
    const future = await t.as(leader, 'GET', '/api/v1/brain/report.pdf?month=2999-01');
    expect(future.statusCode).toBe(400);
  });
});
