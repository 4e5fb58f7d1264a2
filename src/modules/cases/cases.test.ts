import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseDriver, type Json } from '../../../test/helpers/cases.ts';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import { SYSTEM_ACTOR } from '../../shared/actor.ts';
import { listCases } from './queries.ts';

// The engine's clock: deadlines below are checked against the real 2026 Spring Festival
// arrangement (15–23 Feb off, Saturdays 14 and 28 Feb worked).
let now = new Date('2026-02-12T02:00:00Z');
const setDay = (day: string) => (now = new Date(`${day}T02:00:00Z`));

let t: TestApp;
let d: ReturnType<typeof caseDriver>;
beforeAll(async () => {
  t = await createTestApp({ clock: { now: () => now } });
  d = caseDriver(t);
});
afterAll(() => t?.close());

const call: ReturnType<typeof caseDriver>['call'] = (...a) => d.call(...a);
const ok: ReturnType<typeof caseDriver>['ok'] = (...a) => d.ok(...a);
const newCase: ReturnType<typeof caseDriver>['newCase'] = (...a) => d.newCase(...a);
const actOn: ReturnType<typeof caseDriver>['actOn'] = (...a) => d.actOn(...a);
const task = (c: Json, step: string) => d.task(c, step);
const openSteps = (c: Json) => d.openSteps(c);

describe('开餐饮店: one application, one window, parallel reviews, one delivery', () => {
  let c: Json;

  it('keeps the draft on the server and lists everything missing at once', async () => {
    setDay('2026-02-12');
    const draft = await ok('xixi-flavour', 'POST', '/cases', {
      subject: { kind: 'bundle', key: 'open-restaurant' },
    });
    expect(draft).toMatchObject({ state: 'draft', number: null, tasks: [] });
    const res = await call('xixi-flavour', 'POST', `/cases/${draft.id}/submit`, {
      version: draft.version,
    });
    expect(res.statusCode).toBe(400);
    const error = res.json().error;
    expect(error.code).toBe('case_incomplete');
    expect(error.details.length).toBeGreaterThan(10);
    const fields = error.details.map((d: Json) => d.field);
    expect(fields).toContain('formData.premises.area_m2');
    // What the register knows is filled in already, so it is not among the problems.
    expect(draft.formData).toMatchObject({
      'enterprise.name': '杭州西溪味道餐饮有限公司',
      'enterprise.uscc': expect.stringMatching(/^[0-9A-Z]{18}$/),
    });
    expect(fields).not.toContain('formData.enterprise.name');
    // The licence is issued by the bundle's first item: never asked of the applicant.
    expect(fields).not.toContain('materials.business-licence');
    // The clerk at a counter finds the same draft: one case, whatever the channel.
    const atCounter = await ok('clerk', 'GET', `/cases/${draft.id}`);
    expect(atCounter.id).toBe(draft.id);
  });

  it('is submitted online and accepted at a window: number, promised date past the holiday', async () => {
    setDay('2026-02-12');
    c = await newCase('xixi-flavour', 'open-restaurant', {
      'premises.area_m2': 80,
      'premises.has_outdoor_sign': false,
    });
    expect(c.state).toBe('submitted');
    expect(openSteps(c)).toEqual(['intake']);

    setDay('2026-02-13');
    c = await actOn('clerk', c, 'intake', 'accept');
    expect(c.state).toBe('in_review');
    expect(c.number).toMatch(/^330106-20260213-\d{6}$/);
    expect(c.acceptedOn).toBe('2026-02-13');
    // Six working days from the next working day: 14 (Sat, worked), 24, 25, 26, 27, 28 (Sat, worked).
    expect(c.promisedDue).toBe('2026-02-28');
    expect(c.trips).toBe(0);
    expect(openSteps(c)).toEqual(['review:business-registration']);
  });

  it('prints the acceptance notice as a PDF', async () => {
    const res = await call('xixi-flavour', 'GET', `/cases/${c.id}/notices/acceptance`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(res.rawPayload.length).toBeGreaterThan(5000);
    const none = await call('xixi-flavour', 'GET', `/cases/${c.id}/notices/decline`);
    expect(none.statusCode).toBe(404);
  });

  it('opens the dependent reviews in parallel, each in its own department, skipping what does not apply', async () => {
    c = await actOn('reviewer-market', c, 'review:business-registration', 'approve');
    const open = openSteps(c).sort();
    expect(open).toEqual(
      [
        'review:drainage-permit',
        'review:fire-safety-inspection',
        'review:food-business-permit',
        'review:kitchen-waste-declaration',
      ].sort(),
    );
    expect(task(c, 'review:outdoor-sign-permit').state).toBe('skipped');
    expect(task(c, 'review:fire-safety-inspection').ownerUnit.code).toBe('dept:fire-rescue');

    const fireQueue = await ok('reviewer-fire', 'GET', '/tasks?assignee=me');
    expect(fireQueue.data.map((x: Json) => x.case.id)).toContain(c.id);
    const healthQueue = await ok('reviewer-health', 'GET', '/tasks?assignee=me');
    expect(healthQueue.data.map((x: Json) => x.case.id)).not.toContain(c.id);

    // A department acts only on its own step.
    const foreign = await call('reviewer-fire', 'POST', `/cases/${c.id}/actions`, {
      taskId: task(c, 'review:food-business-permit').id,
      version: task(c, 'review:food-business-permit').version,
      action: 'approve',
    });
    expect(foreign.statusCode).toBe(403);
  });

  it('gives a second, concurrent decision on the same step a 409', async () => {
    const tk = task(c, 'review:food-business-permit');
    const body = { taskId: tk.id, version: tk.version, action: 'approve' };
    const [a, b] = await Promise.all([
      call('reviewer-market', 'POST', `/cases/${c.id}/actions`, body),
      // The same decision twice at once (two clicks, two clerks): whichever wins, the journey
      // goes on approved, and the other one is told the step has moved.
      call('reviewer-market', 'POST', `/cases/${c.id}/actions`, body),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    c = await ok('xixi-flavour', 'GET', `/cases/${c.id}`);
    expect(task(c, 'review:food-business-permit').decision).toBe('approved');
  });

  it('stops a step’s clock for an on-site inspection and moves its deadline on by the days it took', async () => {
    const before = task(c, 'review:fire-safety-inspection');
    setDay('2026-02-13');
    c = await actOn(
      'reviewer-fire',
      c,
      'review:fire-safety-inspection',
      'start_special_procedure',
      {
        procedure: 'on_site_inspection',
      },
    );
    expect(task(c, 'review:fire-safety-inspection')).toMatchObject({
      state: 'paused',
      specialProcedure: 'on_site_inspection',
    });
    setDay('2026-02-24');
    c = await actOn('reviewer-fire', c, 'review:fire-safety-inspection', 'end_special_procedure');
    const after = task(c, 'review:fire-safety-inspection');
    // (13 Feb, 24 Feb] holds two working days: 14 and 24.
    expect(after.pausedDays).toBe(2);
    expect(after.due > before.due).toBe(true);
  });

  it('completes when every review is done, then delivers by post and closes', async () => {
    for (const [user, step] of [
      ['reviewer-fire', 'review:fire-safety-inspection'],
      ['reviewer-urban-management', 'review:kitchen-waste-declaration'],
    ] as const) {
      c = await actOn(user, c, step, 'approve');
    }
    const drainage = task(c, 'review:drainage-permit');
    const drainageUser = `reviewer-${drainage.ownerUnit.code.replace('dept:', '')}`;
    c = await actOn(drainageUser, c, 'review:drainage-permit', 'approve');
    expect(c.state).toBe('delivering');
    expect(openSteps(c)).toEqual(['delivery']);

    const early = await call('xixi-flavour', 'POST', `/cases/${c.id}/rating`, { score: 5 });
    expect(early.statusCode).toBe(409);

    c = await actOn('clerk', c, 'delivery', 'deliver', {
      delivery: { method: 'post', trackingNumber: 'SF1234567890' },
    });
    expect(c.state).toBe('closed');
    expect(c.delivery).toMatchObject({ method: 'post', trackingNumber: 'SF1234567890' });
    const actions = c.timeline.map((e: Json) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining(['draft', 'submit', 'accept', 'approve', 'deliver']),
    );
  });

  it('takes one rating; a bad one opens a follow-up case for the department', async () => {
    const rated = await ok('xixi-flavour', 'POST', `/cases/${c.id}/rating`, {
      score: 2,
      text: '排水许可审查慢',
    });
    expect(rated.followUpCaseId).toBeTruthy();
    const again = await call('xixi-flavour', 'POST', `/cases/${c.id}/rating`, { score: 5 });
    expect(again.statusCode).toBe(409);
    const stats = await t.as(null, 'GET', '/api/v1/ratings');
    expect(stats.json().total).toBeGreaterThan(0);
  });
});

describe('correction (补正) after acceptance', () => {
  it('pauses the case’s clock and moves its promised date by the working days it took', async () => {
    setDay('2026-02-11');
    let c = await newCase('xixi-flavour', 'open-restaurant', { 'premises.area_m2': 30 });
    setDay('2026-02-12');
    c = await actOn('clerk', c, 'intake', 'accept');
    // 13, 14, 24, 25, 26, 27.
    expect(c.promisedDue).toBe('2026-02-27');
    const due = task(c, 'review:business-registration').due;

    setDay('2026-02-13');
    const missing = await call('reviewer-market', 'POST', `/cases/${c.id}/actions`, {
      taskId: task(c, 'review:business-registration').id,
      version: task(c, 'review:business-registration').version,
      action: 'request_correction',
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.field).toBe('corrections');

    c = await actOn('reviewer-market', c, 'review:business-registration', 'request_correction', {
      corrections: [
        { field: 'materials.articles-of-association', message: '章程缺少全体股东签字' },
        { field: 'formData.premises.address', message: '地址需写到门牌号' },
      ],
    });
    expect(c.state).toBe('correction');
    expect(c.correction.items).toHaveLength(2);
    const notice = await call('xixi-flavour', 'GET', `/cases/${c.id}/notices/correction`);
    expect(notice.statusCode).toBe(200);

    setDay('2026-02-25');
    c = await ok('xixi-flavour', 'PATCH', `/cases/${c.id}`, {
      version: c.version,
      formData: { 'premises.address': '西湖区文三路 90 号' },
    });
    c = await ok('xixi-flavour', 'POST', `/cases/${c.id}/submit`, { version: c.version });
    expect(c.state).toBe('in_review');
    // Paused over (13, 25 Feb]: 14, 24, 25 — three working days.
    expect(c.promisedDue).toBe('2026-03-03');
    const step = task(c, 'review:business-registration');
    expect(step.state).toBe('open');
    expect(step.pausedDays).toBe(3);
    expect(step.due > due).toBe(true);
  });
});

describe('decline, withdrawal and idempotency', () => {
  it('declines with reason and legal basis, numbers the notice, and closes', async () => {
    setDay('2026-03-02');
    let c = await newCase('zhangsan', 'birth');
    const noBasis = await call('clerk', 'POST', `/cases/${c.id}/actions`, {
      taskId: task(c, 'intake').id,
      version: task(c, 'intake').version,
      action: 'decline',
      reason: '不属于本机关职权范围',
    });
    expect(noBasis.statusCode).toBe(400);
    expect(noBasis.json().error.field).toBe('legalBasis');
    c = await actOn('clerk', c, 'intake', 'decline', {
      reason: '申请事项依法不属于本机关职权范围',
      legalBasis: '《中华人民共和国行政许可法》第三十二条第一款第（二）项',
    });
    expect(c.state).toBe('declined');
    expect(c.number).toBeTruthy();
    const pdf = await call('zhangsan', 'GET', `/cases/${c.id}/notices/decline`);
    expect(pdf.statusCode).toBe(200);
  });

  it('lets the applicant withdraw before a decision, not after', async () => {
    setDay('2026-03-02');
    let c = await newCase('zhangsan', 'birth');
    c = await actOn('zhangsan', c, 'intake', 'withdraw');
    expect(c.state).toBe('withdrawn');
    expect(openSteps(c)).toEqual([]);
  });

  it('replays a repeated accept with the same Idempotency-Key instead of acting twice', async () => {
    setDay('2026-03-02');
    const c = await newCase('zhangsan', 'birth');
    const body = {
      taskId: task(c, 'intake').id,
      version: task(c, 'intake').version,
      action: 'accept',
    };
    const headers = { 'idempotency-key': `accept-${c.id}` };
    const clerk = await d.session('clerk');
    const first = await t.as(clerk, 'POST', `/api/v1/cases/${c.id}/actions`, body, headers);
    const second = await t.as(clerk, 'POST', `/api/v1/cases/${c.id}/actions`, body, headers);
    expect(first.statusCode).toBe(200);
    expect(second.statusCode).toBe(200);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.json().number).toBe(first.json().number);
    const fresh = await ok('clerk', 'GET', `/cases/${c.id}`);
    expect(fresh.timeline.filter((e: Json) => e.action === 'accept')).toHaveLength(1);
  });

  it('refuses an action the step does not allow, naming the step and what it allows', async () => {
    setDay('2026-03-02');
    const c = await newCase('zhangsan', 'birth');
    const res = await call('clerk', 'POST', `/cases/${c.id}/actions`, {
      taskId: task(c, 'intake').id,
      version: task(c, 'intake').version,
      action: 'approve',
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('action_not_allowed');
    expect(res.json().error.message).toContain('accept');
    expect(res.json().error.message).toContain('request_correction');
  });

  it('marks a promised date past the published holiday data as provisional', async () => {
    // 出生一件事 promises 3 working days: from 30 Dec they run into 2027, not yet published.
    setDay('2026-12-30');
    let c = await newCase('zhangsan', 'birth');
    c = await actOn('clerk', c, 'intake', 'accept');
    expect(c.promisedDue > '2026-12-31').toBe(true);
    expect(c.dueProvisional).toBe(true);
    setDay('2026-03-02');
  });

  it('starts a citizen’s application filled in from the register, which the applicant may change', async () => {
    const db = t.database.handle.db;
    const piiReads = () =>
      db
        .selectFrom('audit_entry')
        .select(['target_id', 'division_code'])
        .where('action', '=', 'pii.read')
        .where('actor_label', '=', 'zhangsan')
        .execute();
    const before = await piiReads();
    const draft = await ok('zhangsan', 'POST', '/cases', {
      subject: { kind: 'bundle', key: 'birth' },
      formData: { 'applicant.phone': '13900000000' },
    });
    expect(draft.formData).toMatchObject({
      'applicant.name': '张三',
      'applicant.resident_id': expect.stringMatching(/^33010619900307123[0-9X]$/),
      'applicant.phone': '13900000000',
    });
    // Only the fields the form has: no stray keys from the register.
    expect(Object.keys(draft.formData).every((k) => !k.startsWith('enterprise.'))).toBe(true);
    // Reading the resident ID for the prefill is audited once, under the person's division.
    const person = await db
      .selectFrom('person')
      .select(['id', 'division_code'])
      .where('name', '=', '张三')
      .executeTakeFirstOrThrow();
    expect((await piiReads()).slice(before.length)).toEqual([
      { target_id: person.id, division_code: person.division_code },
    ]);
    const timeline = draft.timeline.map((e: Json) => [e.action, e.actor]);
    expect(timeline).toEqual([['draft', 'zhangsan']]);
  });

  it('starts nothing and audits no read for a person the register does not have', async () => {
    const db = t.database.handle.db;
    const count = async (table: 'cases' | 'audit_entry') =>
      Number(
        (
          await db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const [cases, audits] = [await count('cases'), await count('audit_entry')];
    const res = await call('clerk', 'POST', '/cases', {
      subject: { kind: 'bundle', key: 'birth' },
      onBehalfOf: { personId: '00000000-0000-4000-8000-000000000000' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.field).toBe('onBehalfOf');
    expect([await count('cases'), await count('audit_entry')]).toEqual([cases, audits]);
  });

  it('takes one department’s request to another: asked at once, open for the other to answer', async () => {
    const asked = await ok('reviewer-government-services', 'POST', '/internal-services', {
      targetDepartment: 'dept:ecology-environment',
      kind: 'data',
      title: '扬尘治理数据',
      detail: '请提供三墩镇在建工地的建筑垃圾处置核准信息。',
    });
    expect(asked.kind).toBe('internal_service');
    expect(asked.applicantName).toBe('杭州市西湖区行政服务中心');
    expect(asked.tasks.map((x: Json) => [x.state, x.decision, x.ownerUnit?.code ?? null])).toEqual([
      ['done', 'submitted', null],
      ['open', null, 'dept:ecology-environment'],
    ]);
    // A unit with a step on the case reads it; an applicant with none does not.
    const seen = await ok('reviewer-ecology-environment', 'GET', `/cases/${asked.id}`);
    expect(seen.tasks[1].allowedActions.length).toBeGreaterThan(0);
    expect([403, 404]).toContain((await call('zhangsan', 'GET', `/cases/${asked.id}`)).statusCode);
  });

  it('hides another applicant’s case', async () => {
    const c = await newCase('zhangsan', 'birth');
    const res = await call('xixi-flavour', 'GET', `/cases/${c.id}`);
    expect([403, 404]).toContain(res.statusCode);
  });

  it('lists cases newest first, and stops counting past the cap instead of counting them all', async () => {
    const page = await ok('supervisor', 'GET', '/cases?limit=2');
    expect(page.data).toHaveLength(2);
    expect(page.total).toBeGreaterThan(2);
    expect(page.totalCapped).toBe(false);
    expect(page.data[0].createdAt >= page.data[1].createdAt).toBe(true);
    const capped = await listCases(t.database.handle.db, SYSTEM_ACTOR, { limit: 2, offset: 0 }, 2);
    expect(capped).toMatchObject({ total: 2, totalCapped: true });
    expect(capped.data.map((c) => c.id)).toEqual(page.data.map((c: Json) => c.id));
  });

  it('serves a queue oldest first, so the first to come is the first served', async () => {
    const page = await ok('supervisor', 'GET', '/cases?limit=3&order=oldest');
    const dates = page.data.map((c: Json) => c.createdAt as string);
    expect(dates).toHaveLength(3);
    expect([...dates].sort()).toEqual(dates);
    const newest = await ok('supervisor', 'GET', '/cases?limit=1');
    expect(newest.data[0].createdAt > dates[0]).toBe(true);
    const bad = await call('supervisor', 'GET', '/cases?order=random');
    expect(bad.statusCode).toBe(400);
  });
});
