import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

const add = async (from: string, days: number) =>
  (await t.as(null, 'GET', `/api/v1/calendar/add-working-days?from=${from}&days=${days}`)).json();

describe('working-day calendar API', () => {
  it('counts across the 2026 Spring Festival, make-up Saturday included', async () => {
    expect(await add('2026-02-13', 5)).toEqual({ date: '2026-02-27', provisional: false });
  });

  it('describes the National Day week of 2025 day by day', async () => {
    const days = (
      await t.as(null, 'GET', '/api/v1/calendar/days?from=2025-09-28&to=2025-10-09')
    ).json().data;
    const byDate = Object.fromEntries(days.map((d: { date: string }) => [d.date, d]));
    expect(byDate['2025-09-28']).toMatchObject({ working: true, source: 'package' });
    for (let d = 1; d <= 8; d++) expect(byDate[`2025-10-0${d}`].working).toBe(false);
    expect(byDate['2025-10-01'].name).toBe('国庆节');
    expect(byDate['2025-10-09'].working).toBe(true);
  });

  it('flags dates past the holiday data as provisional until the year is imported', async () => {
    expect(await add('2026-12-30', 3)).toMatchObject({ provisional: true });
    const coverage = (await t.as(null, 'GET', '/api/v1/calendar/coverage')).json();
    expect(coverage.packageLastYear).toBe(2026);

    const admin = await t.login('admin');
    // An illustrative 2027 notice: New Year's Day on a Friday, with the weekend after it off.
    const res = await t.as(admin, 'POST', '/api/v1/calendar/years/2027', {
      notice: '示例通知（测试）',
      days: [
        { date: '2027-01-01', working: false, name: '元旦' },
        { date: '2027-01-04', working: false, name: '元旦' },
      ],
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().importedYears).toContain(2027);
    // 2026-12-30 (Wed) + 3 working days: 12-31, then 01-05 and 01-06.
    expect(await add('2026-12-30', 3)).toEqual({ date: '2027-01-06', provisional: false });
  });

  it('applies a local change made by an admin, and audits it', async () => {
    const admin = await t.login('admin');
    // A district-wide day off for a typhoon on Thursday 2026-07-16.
    const set = await t.as(admin, 'PUT', '/api/v1/calendar/days/2026-07-16', {
      working: false,
      name: '台风停工',
    });
    expect(set.json()).toMatchObject({ date: '2026-07-16', working: false, source: 'local' });
    expect(await add('2026-07-15', 1)).toEqual({ date: '2026-07-17', provisional: false });
    const audit = (
      await t.as(admin, 'GET', '/api/v1/audit?targetType=calendar_day&targetId=2026-07-16')
    ).json();
    expect(audit.data[0].action).toBe('calendar.set_day');
    expect((await t.as(admin, 'DELETE', '/api/v1/calendar/days/2026-07-16')).statusCode).toBe(204);
    expect(await add('2026-07-15', 1)).toEqual({ date: '2026-07-16', provisional: false });
  });

  it('lets only admins change the calendar', async () => {
    const clerk = await t.login('clerk');
    const res = await t.as(clerk, 'PUT', '/api/v1/calendar/days/2026-07-16', { working: false });
    expect(res.statusCode).toBe(403);
  });

  it('refuses bad dates naming the field', async () => {
    const bad = await t.as(null, 'GET', '/api/v1/calendar/add-working-days?from=2026-02-30&days=1');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('from');
    const missing = await t.as(
      null,
      'GET',
      '/api/v1/calendar/add-working-days?from=2026-02-10',
      undefined,
      { 'accept-language': 'en' },
    );
    expect(missing.json().error).toEqual({
      code: 'validation_required',
      field: 'days',
      message: 'Field "days" is required',
    });
    const long = await t.as(null, 'GET', '/api/v1/calendar/days?from=2026-01-01&to=2027-12-31');
    expect(long.json().error.code).toBe('calendar_range_too_long');
  });
});
