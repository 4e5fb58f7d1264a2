import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../../test/helpers/test-db.ts';
import type { Database } from '../../../db/database.ts';
import { WorkingCalendar } from '../../calendar/index.ts';
import { hasCases, seedCases } from './seed.ts';

// The shared template may already hold the demo cases (once the main seed runs seedCases);
// when it does not, this file seeds its own copy, which is what a first start does.
let t: TestDatabase;
let db: Kysely<Database>;
const log: string[] = [];

const count = async (table: 'cases' | 'case_event' | 'trip' | 'rating' | 'person' | 'enterprise') =>
  Number(
    (
      await db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

beforeAll(async () => {
  t = await createTestDatabase();
  db = t.handle.db;
  if (!(await hasCases(db))) {
    const began = Date.now();
    await seedCases(db, new WorkingCalendar(db), (m) => log.push(m));
    log.push(`seedCases took ${((Date.now() - began) / 1000).toFixed(1)} s`);
    console.info(log.join('\n'));
  }
}, 600_000);
afterAll(() => t?.close());

describe('demo cases', () => {
  it('are a few hundred, in every state', async () => {
    expect(await count('cases')).toBeGreaterThanOrEqual(250);
    const states = await db
      .selectFrom('cases')
      .select('state')
      .distinct()
      .where('kind', '=', 'service_application')
      .execute();
    expect(states.map((s) => s.state).sort()).toEqual(
      [
        'closed',
        'correction',
        'declined',
        'delivering',
        'draft',
        'in_review',
        'submitted',
        'withdrawn',
      ].sort(),
    );
    const kinds = await db.selectFrom('cases').select('kind').distinct().execute();
    expect(kinds.map((k) => k.kind).sort()).toEqual(
      ['internal_service', 'rating_follow_up', 'service_application'].sort(),
    );
  });

  it('have green, yellow and red steps, and special procedures running', async () => {
    const lights = await db
      .selectFrom('task')
      .select('sla')
      .distinct()
      .where('state', '=', 'open')
      .where('due', 'is not', null)
      .execute();
    expect(lights.map((l) => l.sla)).toEqual(expect.arrayContaining(['green', 'yellow', 'red']));
    const special = await db
      .selectFrom('task')
      .select('special_procedure')
      .where('state', '=', 'paused')
      .where('special_procedure', 'is not', null)
      .execute();
    expect(special.length).toBeGreaterThan(0);
  });

  it('tell corrections and declines as the intake notices need them', async () => {
    const waiting = await db
      .selectFrom('cases')
      .select('correction')
      .where('state', '=', 'correction')
      .execute();
    expect(waiting.length).toBeGreaterThan(0);
    for (const c of waiting) {
      expect(c.correction!.items.length).toBeGreaterThanOrEqual(1);
      expect(c.correction!.items.length).toBeLessThanOrEqual(3);
    }
    const declined = await db
      .selectFrom('cases')
      .select(['correction', 'number'])
      .where('state', '=', 'declined')
      .execute();
    for (const c of declined) {
      expect(c.number).toBeTruthy();
      expect(c.correction!.items.map((i) => i.field)).toEqual(['reason', 'legalBasis']);
    }
  });

  it('are rated mostly well, and a bad rating has a follow-up, some worked on', async () => {
    const ratings = await db.selectFrom('rating').select(['score', 'follow_up_case_id']).execute();
    const good = ratings.filter((r) => r.score >= 4).length;
    expect(good / ratings.length).toBeGreaterThan(0.6);
    const bad = ratings.filter((r) => r.score <= 2);
    expect(bad.length).toBeGreaterThan(0);
    expect(bad.every((r) => r.follow_up_case_id)).toBe(true);
    const followUps = await db
      .selectFrom('cases')
      .select(['id', 'parent_case_id'])
      .where('kind', '=', 'rating_follow_up')
      .execute();
    expect(followUps.map((f) => f.id).sort()).toEqual(bad.map((r) => r.follow_up_case_id).sort());
    const worked = await db
      .selectFrom('task as t')
      .innerJoin('cases as c', 'c.id', 't.case_id')
      .select('t.id')
      .where('c.kind', '=', 'rating_follow_up')
      .where('t.state', '=', 'done')
      .execute();
    expect(worked.length).toBeGreaterThan(0);
  });

  it('come through at least three channels, with trips and mostly without', async () => {
    const channels = await db
      .selectFrom('cases')
      .select('channel')
      .distinct()
      .where('kind', '=', 'service_application')
      .execute();
    expect(channels.length).toBeGreaterThanOrEqual(3);
    const { rows } = await sql<{ with_trips: number; zero_trip: number }>`
      select count(*) filter (where n > 0)::int as with_trips,
             count(*) filter (where n = 0)::int as zero_trip
      from (select c.id, (select count(*) from trip where trip.case_id = c.id) as n
            from cases c where c.kind = 'service_application' and c.accepted_on is not null) x`.execute(
      db,
    );
    expect(rows[0]!.with_trips).toBeGreaterThan(0);
    expect(rows[0]!.zero_trip).toBeGreaterThan(rows[0]!.with_trips);
  });

  it('are spread over the past weeks, each timeline in order and none in the future', async () => {
    const { rows } = await sql<{ days: number; future: number; backwards: number }>`
      select (select extract(day from max(created_at) - min(created_at))::int from cases) as days,
             (select count(*)::int from case_event where at > now()) as future,
             (select count(*)::int from (
                select at < lag(at) over (partition by case_id order by id) as back from case_event
              ) x where back) as backwards`.execute(db);
    expect(rows[0]!.days).toBeGreaterThan(40);
    expect(rows[0]!.future).toBe(0);
    expect(rows[0]!.backwards).toBe(0);
    const misdated = await db
      .selectFrom('cases')
      .select('id')
      .where((eb) =>
        eb.or([
          eb('submitted_at', '<', eb.ref('created_at')),
          eb('closed_at', '<', eb.ref('submitted_at')),
        ]),
      )
      .execute();
    expect(misdated).toEqual([]);
  });

  it('are not added twice', async () => {
    const tables = ['cases', 'case_event', 'trip', 'rating', 'person', 'enterprise'] as const;
    const before = await Promise.all(tables.map(count));
    await seedCases(db, new WorkingCalendar(db));
    expect(await Promise.all(tables.map(count))).toEqual(before);
  });
});
