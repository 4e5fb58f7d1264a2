import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseDriver, type Json } from '../../../test/helpers/cases.ts';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import { localDate } from './clock.ts';
import { foldRollup, KPI_MAX_DAYS, serviceKpis, type Counts } from './kpis.ts';

let t: TestApp;
let d: ReturnType<typeof caseDriver>;
beforeAll(async () => {
  t = await createTestApp();
  d = caseDriver(t);
});
afterAll(() => t?.close());

const today = localDate(new Date());
const daysBefore = (n: number) =>
  new Date(Date.parse(`${today}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);
/** The longest period one call may cover: every demo case lies in it. */
const everything = { from: daysBefore(KPI_MAX_DAYS - 1), to: today };

const COLUMNS =
  'submitted, accepted, declined, withdrawn, completed, completed_on_time, overdue, closed, closed_zero_trip, trips, ratings, bad_ratings, stars';

/** The roll-up's figures per key (summed over its shards), non-zero ones, in key order. */
async function rollupRows() {
  const { rows } = await sql
    .raw(
      `select day::text, division_code, street_code, subject, channel, department,
         ${COLUMNS.split(', ')
           .map((c) => `sum(${c})::int as ${c}`)
           .join(', ')}
       from case_rollup group by 1, 2, 3, 4, 5, 6
       having ${COLUMNS.split(', ')
         .map((c) => `sum(${c}) <> 0`)
         .join(' or ')}
       order by 1, 2, 3, 4, 5, 6`,
    )
    .execute(t.database.handle.db);
  return rows;
}

/** The same figures counted directly from the engine's rows, with the definitions of docs/brain.md. */
async function directCounts(from: string, to: string): Promise<Counts> {
  const db = t.database.handle.db;
  const local = (col: string) => sql.raw(`(${col} at time zone 'Asia/Shanghai')::date`);
  const inPeriod = (day: ReturnType<typeof sql.raw>) =>
    sql`${day} between ${from}::date and ${to}::date`;
  const { rows } = await sql<Record<string, number>>`
    select
      count(*) filter (where ${inPeriod(local('c.submitted_at'))})::int as submitted,
      count(*) filter (where ${inPeriod(sql.raw('c.accepted_on'))})::int as accepted,
      count(*) filter (where c.state = 'declined'
        and ${inPeriod(local('coalesce(c.decided_at, c.closed_at)'))})::int as declined,
      count(*) filter (where c.state = 'withdrawn' and ${inPeriod(local('c.closed_at'))})::int as withdrawn,
      count(*) filter (where c.state <> 'declined' and ${inPeriod(local('c.decided_at'))})::int as completed,
      count(*) filter (where c.state <> 'declined' and ${inPeriod(local('c.decided_at'))}
        and (c.promised_due is null or ${local('c.decided_at')} <= c.promised_due))::int as completed_on_time,
      count(*) filter (where c.promised_due is not null
        and ${inPeriod(sql.raw('c.promised_due + 1'))}
        and ((c.decided_at is not null and c.state <> 'declined' and ${local('c.decided_at')} > c.promised_due)
             or (c.decided_at is null and c.sla = 'red')))::int as overdue,
      count(*) filter (where c.state = 'closed' and ${inPeriod(local('c.closed_at'))})::int as closed,
      count(*) filter (where c.state = 'closed' and ${inPeriod(local('c.closed_at'))}
        and not exists (select 1 from trip where trip.case_id = c.id))::int as closed_zero_trip,
      (select count(*) from trip join cases x on x.id = trip.case_id
        where x.kind = 'service_application' and ${inPeriod(local('trip.at'))})::int as trips,
      (select count(*) from rating r join cases x on x.id = r.case_id
        where x.kind = 'service_application' and ${inPeriod(local('r.at'))})::int as ratings,
      (select count(*) from rating r join cases x on x.id = r.case_id
        where x.kind = 'service_application' and r.score <= 2 and ${inPeriod(local('r.at'))})::int as bad_ratings,
      (select coalesce(sum(r.score), 0) from rating r join cases x on x.id = r.case_id
        where x.kind = 'service_application' and ${inPeriod(local('r.at'))})::int as stars
    from cases c where c.kind = 'service_application'`.execute(db);
  const r = rows[0]!;
  return {
    submitted: r['submitted']!,
    accepted: r['accepted']!,
    declined: r['declined']!,
    withdrawn: r['withdrawn']!,
    completed: r['completed']!,
    completedOnTime: r['completed_on_time']!,
    overdue: r['overdue']!,
    closed: r['closed']!,
    closedZeroTrip: r['closed_zero_trip']!,
    trips: r['trips']!,
    ratings: r['ratings']!,
    badRatings: r['bad_ratings']!,
    stars: r['stars']!,
  };
}

const countsOf = (k: Awaited<ReturnType<typeof serviceKpis>>['totals']): Counts => ({
  submitted: k.submitted,
  accepted: k.accepted,
  declined: k.declined,
  withdrawn: k.withdrawn,
  completed: k.completed,
  completedOnTime: k.completedOnTime,
  overdue: k.overdue,
  closed: k.closed,
  closedZeroTrip: k.closedZeroTrip,
  trips: k.trips,
  ratings: k.ratings,
  badRatings: k.badRatings,
  stars: k.stars,
});

const SHORT: Record<string, string> = { 'market-regulation': 'market', 'fire-rescue': 'fire' };
const reviewerOf = (unit: string) => {
  const key = unit.replace(/^dept:/, '');
  return `reviewer-${SHORT[key] ?? key}`;
};

/** Approves every open review, department by department, until the case leaves review. */
async function approveAll(c: Json): Promise<Json> {
  for (let round = 0; round < 10 && c.state === 'in_review'; round++) {
    for (const step of d.openSteps(c).filter((s) => s.startsWith('review:'))) {
      c = await d.actOn(reviewerOf(d.task(c, step).ownerUnit.code), c, step, 'approve');
    }
  }
  return c;
}

describe('the service roll-up', () => {
  it('after the demo seed (which back-dates its cases) equals a count from scratch', async () => {
    const incremental = await rollupRows();
    expect(incremental.length).toBeGreaterThan(50);
    await sql`select case_rollup_rebuild()`.execute(t.database.handle.db);
    expect(await rollupRows()).toEqual(incremental);
  });

  it('equals a direct count of the rows after cases are driven through the engine', async () => {
    const db = t.database.handle.db;
    const before = await serviceKpis(db, { from: today, to: today });

    // A: accepted at the counter (a trip), approved, delivered, rated 2.
    let a = await d.newCase('xixi-flavour', 'open-restaurant', {
      'premises.area_m2': 30,
      'premises.has_outdoor_sign': false,
    });
    a = await d.actOn('clerk', a, 'intake', 'accept', {
      visit: { servicePoint: 'xihu-district-centre' },
    });
    a = await approveAll(a);
    expect(a.state).toBe('delivering');
    a = await d.actOn('clerk', a, 'delivery', 'deliver', { delivery: { method: 'electronic' } });
    expect(a.state).toBe('closed');
    await d.ok('xixi-flavour', 'POST', `/cases/${a.id}/rating`, { score: 2, text: '太慢' });

    // B: accepted without a visit, delivered electronically: zero trips; rated 5.
    let b = await d.newCase('xixi-flavour', 'open-restaurant', {
      'premises.area_m2': 30,
      'premises.has_outdoor_sign': false,
    });
    b = await d.actOn('clerk', b, 'intake', 'accept');
    b = await approveAll(b);
    b = await d.actOn('clerk', b, 'delivery', 'deliver', { delivery: { method: 'electronic' } });
    await d.ok('xixi-flavour', 'POST', `/cases/${b.id}/rating`, { score: 5 });

    // C: declined at intake. D: withdrawn before a decision.
    const c = await d.newCase('xixi-flavour', 'open-restaurant');
    await d.actOn('clerk', c, 'intake', 'decline', {
      reason: '不属于本区',
      legalBasis: '行政许可法第三十二条',
    });
    const w = await d.newCase('xixi-flavour', 'open-restaurant');
    await d.actOn('xixi-flavour', w, 'intake', 'withdraw');

    // E: a trip recorded after delivery ends its 跑零次.
    let e = await d.newCase('xixi-flavour', 'open-restaurant', {
      'premises.area_m2': 30,
      'premises.has_outdoor_sign': false,
    });
    e = await d.actOn('clerk', e, 'intake', 'accept');
    e = await approveAll(e);
    e = await d.actOn('clerk', e, 'delivery', 'deliver', { delivery: { method: 'electronic' } });
    const zeroBefore = (await serviceKpis(db, { from: today, to: today })).totals.closedZeroTrip;
    await d.ok('clerk', 'POST', `/cases/${e.id}/trips`, {
      servicePoint: 'xihu-district-centre',
      purpose: 'pickup',
    });
    const zeroAfter = (await serviceKpis(db, { from: today, to: today })).totals.closedZeroTrip;
    expect(zeroAfter).toBe(zeroBefore - 1);

    const after = await serviceKpis(db, { from: today, to: today });
    const delta = (k: keyof Counts) => after.totals[k] - before.totals[k];
    expect(delta('submitted')).toBe(5);
    expect(delta('accepted')).toBe(3);
    expect(delta('declined')).toBe(1);
    expect(delta('withdrawn')).toBe(1);
    expect(delta('completed')).toBe(3);
    expect(delta('completedOnTime')).toBe(3);
    expect(delta('closed')).toBe(3);
    expect(delta('closedZeroTrip')).toBe(1);
    expect(delta('trips')).toBe(2);
    expect(delta('ratings')).toBe(2);
    expect(delta('badRatings')).toBe(1);
    expect(delta('stars')).toBe(7);

    // Every figure, today and over the whole history, equals a count of the rows themselves.
    expect(countsOf(after.totals)).toEqual(await directCounts(today, today));
    const all = await serviceKpis(db, everything);
    expect(countsOf(all.totals)).toEqual(await directCounts(everything.from, everything.to));
    expect(all.totals.submitted).toBeGreaterThan(200);

    // And the incremental table still equals a count from scratch.
    const incremental = await rollupRows();
    await sql`select case_rollup_rebuild()`.execute(db);
    expect(await rollupRows()).toEqual(incremental);
  });

  it('folds its shard rows into one row per key without changing a figure', async () => {
    const db = t.database.handle.db;
    const shardRows = async () =>
      Number(
        (
          await sql<{
            n: number;
          }>`select count(*)::int as n from case_rollup where shard <> 0`.execute(db)
        ).rows[0]!.n,
      );
    const c = await d.newCase('xixi-flavour', 'open-restaurant', {
      'premises.area_m2': 12,
      'premises.has_outdoor_sign': false,
    });
    await d.actOn('clerk', c, 'intake', 'accept');
    expect(await shardRows()).toBeGreaterThan(0);
    const figures = await rollupRows();
    const kpis = await serviceKpis(db, everything);

    expect(await foldRollup(db)).toBeGreaterThan(0);
    expect(await shardRows()).toBe(0);
    expect(await rollupRows()).toEqual(figures);
    expect(await serviceKpis(db, everything)).toEqual(kpis);
    expect(await foldRollup(db)).toBe(0);
  });

  it('keeps its day and month summary equal to the folded rows', async () => {
    const db = t.database.handle.db;
    const summary = async () =>
      (
        await sql`select scope, span, day::text, breakdown, key, ${sql.raw(COLUMNS)}
          from case_rollup_summary
          where ${sql.raw(
            COLUMNS.split(', ')
              .map((c) => `${c} <> 0`)
              .join(' or '),
          )}
          order by 1, 2, 3, 4, 5`.execute(db)
      ).rows;
    const district = await serviceKpis(db, everything);
    const street = district.byStreet.find((s) => s.submitted > 0)!.street.code;
    const queries = [
      everything,
      { ...everything, street },
      { ...everything, street: '' },
      { ...everything, street, subject: district.bySubject[0]!.subject.code },
      { from: daysBefore(44), to: daysBefore(3) },
    ];
    const kpis = () => Promise.all(queries.map((q) => serviceKpis(db, q)));

    // A back-dated correction moves a submission to the day before, in a shard row.
    const { rows } = await sql<{ id: string; day: string }>`
      select id, to_char((submitted_at at time zone 'Asia/Shanghai')::date, 'YYYY-MM-DD') as day
      from cases where kind = 'service_application'
        and (submitted_at at time zone 'Asia/Shanghai')::date between ${daysBefore(30)}::date
          and ${daysBefore(3)}::date
      order by submitted_at limit 1`.execute(db);
    const moved = rows[0]!;
    const earlier = new Date(Date.parse(`${moved.day}T00:00:00Z`) - 86_400_000)
      .toISOString()
      .slice(0, 10);
    const series = (k: Awaited<ReturnType<typeof serviceKpis>>) =>
      new Map(k.byDay.map((r) => [r.day, r.submitted]));
    await sql`update cases set submitted_at = submitted_at - interval '1 day'
      where id = ${moved.id}`.execute(db);
    const before = await kpis();
    expect(series(before[0]!).get(moved.day)).toBe(series(district).get(moved.day)! - 1);
    expect(series(before[0]!).get(earlier)).toBe(series(district).get(earlier)! + 1);
    expect(countsOf(before[0]!.totals)).toEqual(await directCounts(everything.from, everything.to));

    // Each item's figures from the summary equal the roll-up's own, read with the item filter
    // (which has no summary), counter by counter.
    for (const row of before[0]!.bySubject.slice(0, 5)) {
      const alone = await serviceKpis(db, { ...everything, subject: row.subject.code });
      expect(countsOf(alone.totals)).toEqual(countsOf(row));
    }
    // Folded into shard 0 and the summary: the same figures; recounted from scratch: the same
    // summary.
    // A period inside one month reads that month minus the days at both ends, so put a
    // submission on each of those days (folded below, so they come from the summary).
    const month = daysBefore(60).slice(0, 8);
    const inMonth = { from: `${month}02`, to: `${month}27` };
    await sql`update cases set submitted_at = case
        when id = (select id from cases where kind = 'service_application' and id <> ${moved.id}
                   order by submitted_at offset 1 limit 1)
          then (${`${month}01 12:00`}::timestamp at time zone 'Asia/Shanghai')
        else (${`${month}28 12:00`}::timestamp at time zone 'Asia/Shanghai') end
      where id in (select id from cases where kind = 'service_application' and id <> ${moved.id}
                   order by submitted_at offset 1 limit 2)`.execute(db);
    const afterMove = await kpis();

    await foldRollup(db);
    expect(await kpis()).toEqual(afterMove);
    const month26 = await serviceKpis(db, inMonth);
    expect(countsOf(month26.totals)).toEqual(await directCounts(inMonth.from, inMonth.to));
    // The total comes from the day rows, each breakdown from the month row and its days.
    for (const rows of [month26.byChannel, month26.byStreet, month26.bySubject]) {
      const summed = { ...countsOf(month26.totals) };
      for (const k of Object.keys(summed) as (keyof Counts)[])
        summed[k] = rows.reduce((n, r) => n + r[k], 0);
      expect(summed).toEqual(countsOf(month26.totals));
    }
    const folded = await summary();
    expect(folded.length).toBeGreaterThan(100);
    await sql`select case_rollup_rebuild()`.execute(db);
    expect(await summary()).toEqual(folded);
    expect(await kpis()).toEqual(afterMove);
  });

  it('breaks the figures down by day, channel, street, item and rated department', async () => {
    const db = t.database.handle.db;
    const k = await serviceKpis(db, everything);
    const sum = (rows: { submitted: number }[]) => rows.reduce((s, r) => s + r.submitted, 0);
    expect(k.byDay).toHaveLength(KPI_MAX_DAYS);
    expect(sum(k.byDay)).toBe(k.totals.submitted);
    expect(sum(k.byChannel)).toBe(k.totals.submitted);
    expect(sum(k.byStreet)).toBe(k.totals.submitted);
    expect(sum(k.bySubject)).toBe(k.totals.submitted);
    expect(k.byStreet.length).toBeGreaterThanOrEqual(12);
    expect(k.bySubject[0]!.subject.name).not.toMatch(/^(bundle|item):/);
    const ratings = k.byDepartment.reduce((s, r) => s + r.ratings, 0);
    expect(ratings).toBe(k.totals.ratings);
    expect(
      k.byDepartment.every((r) => r.department.name && !r.department.name.startsWith('dept:')),
    ).toBe(true);

    // Drill-down: one street, then one item in it.
    const street = k.byStreet.find((s) => s.submitted > 0)!;
    const inStreet = await serviceKpis(db, { ...everything, street: street.street.code });
    expect(inStreet.totals.submitted).toBe(street.submitted);
    expect(inStreet.byStreet).toHaveLength(1);
    const item = inStreet.bySubject[0]!;
    const one = await serviceKpis(db, {
      ...everything,
      street: street.street.code,
      subject: item.subject.code,
    });
    expect(one.totals.submitted).toBe(item.submitted);
  });

  it('lists the open red cases, longest overdue first', async () => {
    const db = t.database.handle.db;
    const k = await serviceKpis(db, { from: today, to: today });
    const { rows } = await sql<{ n: number }>`
      select count(*)::int as n from cases where kind = 'service_application' and sla = 'red'`.execute(
      db,
    );
    expect(k.overdue.total).toBe(rows[0]!.n);
    const days = k.overdue.data.map((c) => c.daysOverdue);
    expect(days).toEqual([...days].sort((x, y) => y - x));
  });

  it('refuses a period that is not one', async () => {
    const db = t.database.handle.db;
    await expect(serviceKpis(db, { from: '2026-02-30', to: today })).rejects.toMatchObject({
      status: 400,
      field: 'from',
    });
    await expect(serviceKpis(db, { from: today, to: daysBefore(1) })).rejects.toMatchObject({
      status: 400,
      field: 'to',
    });
    await expect(
      serviceKpis(db, { from: daysBefore(KPI_MAX_DAYS), to: today }),
    ).rejects.toMatchObject({
      status: 400,
    });
  });
});
