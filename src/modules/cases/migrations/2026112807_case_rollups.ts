import { sql, type Kysely } from 'kysely';

/**
 * Service figures for the city brain, kept up to date by triggers on the engine's own tables
 * (cases, trip, rating) inside the transaction of every transition: no scan of all cases when a
 * figure is read, and no change to the engine.
 *
 * Every counter is a pure function of the rows as they stand ("a case contributes 1 to
 * `completed` on the day it was decided"). A trigger subtracts the old row's contribution and
 * adds the new one's, so a transition, a correction of a timestamp (the demo seed back-dates
 * its cases) or a deleted row all leave the table equal to a fresh count; `case_rollup_rebuild()`
 * computes that fresh count with the same functions (it runs once here, as the backfill).
 */
const COUNTERS = [
  'submitted', // 申请: submitted (first submission), on the day submitted
  'accepted', // 受理, on the day accepted
  'declined', // 不予受理, on the day declined
  'withdrawn', // 撤回, on the day withdrawn
  'completed', // 办结: every decision made (approved or refused), on the day decided
  'completed_on_time', // 按时办结: decided no later than the promised date (or with none)
  'overdue', // 超期: decided after the promised date, or still open and red; on the day after it
  'closed', // 出件: delivered, on the day delivered
  'closed_zero_trip', // 跑零次: delivered without a single recorded trip
  'trips', // 跑动: trips recorded, on the day of the trip
  'ratings', // 评价, on the day rated
  'bad_ratings', // 差评: 1 or 2 stars
  'stars', // the sum of the stars (average = stars / ratings)
] as const;

const KEY = ['day', 'division_code', 'street_code', 'subject', 'channel', 'department'] as const;

export async function up(db: Kysely<any>): Promise<void> {
  let table = db.schema
    .createTable('case_rollup')
    .addColumn('day', 'date', (c) => c.notNull())
    .addColumn('division_code', 'text', (c) => c.notNull())
    // '' when the applicant's street is not known
    .addColumn('street_code', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    // '' for the case counters; the rated department for the rating counters
    .addColumn('department', 'text', (c) => c.notNull());
  for (const counter of COUNTERS)
    table = table.addColumn(counter, 'integer', (c) => c.notNull().defaultTo(0));
  await table.addPrimaryKeyConstraint('case_rollup_pk', [...KEY]).execute();

  const list = (prefix = '') => sql.raw(COUNTERS.map((c) => `${prefix}${c}`).join(', '));
  const sums = sql.raw(COUNTERS.map((c) => `sum(${c})::int`).join(', '));
  const nonZero = sql.raw(COUNTERS.map((c) => `sum(${c}) <> 0`).join(' or '));
  const add = sql.raw(COUNTERS.map((c) => `${c} = r.${c} + excluded.${c}`).join(', '));
  const key = sql.raw(KEY.join(', '));

  await sql`
    create function case_rollup_day(at timestamptz) returns date
    language sql immutable parallel safe
    as $$ select (at at time zone 'Asia/Shanghai')::date $$`.execute(db);

  // One row per counter a service application contributes, each on the day it happened.
  await sql`
    create function case_rollup_of_case(c cases, has_trip boolean, sign integer)
    returns setof case_rollup language sql stable
    as $$
      select d.day, c.division_code, coalesce(c.applicant_street_code, ''), c.subject, c.channel, '',
             sign * d.submitted, sign * d.accepted, sign * d.declined, sign * d.withdrawn,
             sign * d.completed, sign * d.completed_on_time, sign * d.overdue, sign * d.closed,
             sign * d.closed_zero_trip, 0, 0, 0, 0
      from (values
        (case_rollup_day(c.submitted_at), 1, 0, 0, 0, 0, 0, 0, 0, 0),
        (c.accepted_on, 0, 1, 0, 0, 0, 0, 0, 0, 0),
        (case when c.state = 'declined' then case_rollup_day(coalesce(c.decided_at, c.closed_at)) end,
          0, 0, 1, 0, 0, 0, 0, 0, 0),
        (case when c.state = 'withdrawn' then case_rollup_day(c.closed_at) end,
          0, 0, 0, 1, 0, 0, 0, 0, 0),
        (case when c.state <> 'declined' then case_rollup_day(c.decided_at) end,
          0, 0, 0, 0, 1,
          case when c.promised_due is null or case_rollup_day(c.decided_at) <= c.promised_due
               then 1 else 0 end,
          0, 0, 0),
        (case when c.promised_due is not null and (
                (c.decided_at is not null and c.state <> 'declined'
                   and case_rollup_day(c.decided_at) > c.promised_due)
                or (c.decided_at is null and c.sla = 'red'))
              then c.promised_due + 1 end,
          0, 0, 0, 0, 0, 0, 1, 0, 0),
        (case when c.state = 'closed' then case_rollup_day(c.closed_at) end,
          0, 0, 0, 0, 0, 0, 0, 1, case when has_trip then 0 else 1 end)
      ) as d(day, submitted, accepted, declined, withdrawn, completed, completed_on_time, overdue,
             closed, closed_zero_trip)
      where c.kind = 'service_application' and d.day is not null
    $$`.execute(db);

  await sql`
    create function case_rollup_of_trip(t trip, c cases, sign integer)
    returns setof case_rollup language sql stable
    as $$
      select case_rollup_day(t.at), c.division_code, coalesce(c.applicant_street_code, ''),
             c.subject, c.channel, '', 0, 0, 0, 0, 0, 0, 0, 0, 0, sign, 0, 0, 0
      where c.kind = 'service_application'
    $$`.execute(db);

  await sql`
    create function case_rollup_of_rating(r rating, c cases, sign integer)
    returns setof case_rollup language sql stable
    as $$
      select case_rollup_day(r.at), c.division_code, coalesce(c.applicant_street_code, ''),
             c.subject, c.channel, r.responsible_unit, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
             sign, sign * (case when r.score <= 2 then 1 else 0 end), sign * r.score
      where c.kind = 'service_application'
    $$`.execute(db);

  /** A case's trips and rating, for when its key (street, subject, channel) changes. */
  await sql`
    create function case_rollup_of_children(c cases, sign integer)
    returns setof case_rollup language sql stable
    as $$
      select x.* from trip t, case_rollup_of_trip(t, c, sign) x where t.case_id = c.id
      union all
      select x.* from rating r, case_rollup_of_rating(r, c, sign) x where r.case_id = c.id
    $$`.execute(db);

  // Adds the deltas, one upsert per key, in key order (two transitions lock rows in one order).
  await sql`
    create function case_rollup_apply(deltas case_rollup[]) returns void
    language sql volatile
    as $$
      insert into case_rollup as r (${key}, ${list()})
      select ${key}, ${sums} from unnest(deltas)
      group by ${key}
      having ${nonZero}
      order by ${key}
      on conflict (${key}) do update set ${add}
    $$`.execute(db);

  await sql`
    create function case_rollup_on_case() returns trigger language plpgsql as $$
    declare
      d case_rollup[] := '{}';
      moved boolean := tg_op = 'UPDATE' and
        (old.kind, old.division_code, old.applicant_street_code, old.subject, old.channel)
        is distinct from
        (new.kind, new.division_code, new.applicant_street_code, new.subject, new.channel);
    begin
      if tg_op <> 'INSERT' and old.kind = 'service_application' then
        d := d || array(select x from case_rollup_of_case(
          old, exists(select 1 from trip where case_id = old.id), -1) x);
        if moved then d := d || array(select x from case_rollup_of_children(old, -1) x); end if;
      end if;
      if tg_op <> 'DELETE' and new.kind = 'service_application' then
        d := d || array(select x from case_rollup_of_case(
          new, exists(select 1 from trip where case_id = new.id), 1) x);
        if moved then d := d || array(select x from case_rollup_of_children(new, 1) x); end if;
      end if;
      if cardinality(d) > 0 then perform case_rollup_apply(d); end if;
      return null;
    end $$`.execute(db);

  const watched = [
    'kind',
    'state',
    'submitted_at',
    'accepted_on',
    'decided_at',
    'closed_at',
    'promised_due',
    'sla',
    'division_code',
    'applicant_street_code',
    'subject',
    'channel',
  ];
  const olds = sql.raw(watched.map((c) => `old.${c}`).join(', '));
  const news = sql.raw(watched.map((c) => `new.${c}`).join(', '));
  await sql`
    create trigger case_rollup_case_insert after insert on cases for each row
    when (new.kind = 'service_application') execute function case_rollup_on_case()`.execute(db);
  // Most updates (a draft saved, a version bumped) touch nothing counted: they skip the trigger.
  await sql`
    create trigger case_rollup_case_update after update on cases for each row
    when ((${olds}) is distinct from (${news})) execute function case_rollup_on_case()`.execute(db);
  await sql`
    create trigger case_rollup_case_delete after delete on cases for each row
    when (old.kind = 'service_application') execute function case_rollup_on_case()`.execute(db);

  // A trip counts on its own day; the first trip of a delivered case also ends its 跑零次.
  await sql`
    create function case_rollup_on_trip() returns trigger language plpgsql as $$
    declare
      d case_rollup[] := '{}';
      c cases;
      cid uuid;
      had boolean;
      has boolean;
    begin
      if tg_op <> 'INSERT' then
        select * into c from cases where cases.id = old.case_id;
        if found then d := d || array(select x from case_rollup_of_trip(old, c, -1) x); end if;
      end if;
      if tg_op <> 'DELETE' then
        select * into c from cases where cases.id = new.case_id;
        if found then d := d || array(select x from case_rollup_of_trip(new, c, 1) x); end if;
      end if;
      foreach cid in array array_remove(array[
        case when tg_op <> 'INSERT' then old.case_id end,
        case when tg_op <> 'DELETE' and (tg_op = 'INSERT' or new.case_id <> old.case_id)
             then new.case_id end], null)
      loop
        select * into c from cases where cases.id = cid;
        continue when not found or c.kind <> 'service_application' or c.state <> 'closed';
        has := exists(select 1 from trip t where t.case_id = cid);
        had := (tg_op <> 'INSERT' and old.case_id = cid)
          or exists(select 1 from trip t where t.case_id = cid
                    and (tg_op = 'DELETE' or t.id <> new.id));
        if had <> has then
          d := d || array(select x from case_rollup_of_case(c, had, -1) x)
                 || array(select x from case_rollup_of_case(c, has, 1) x);
        end if;
      end loop;
      if cardinality(d) > 0 then perform case_rollup_apply(d); end if;
      return null;
    end $$`.execute(db);
  await sql`
    create trigger case_rollup_trip_insert_delete after insert or delete on trip for each row
    execute function case_rollup_on_trip()`.execute(db);
  await sql`
    create trigger case_rollup_trip_update after update on trip for each row
    when ((old.at, old.case_id) is distinct from (new.at, new.case_id))
    execute function case_rollup_on_trip()`.execute(db);

  await sql`
    create function case_rollup_on_rating() returns trigger language plpgsql as $$
    declare
      d case_rollup[] := '{}';
      c cases;
    begin
      if tg_op <> 'INSERT' then
        select * into c from cases where cases.id = old.case_id;
        if found then d := d || array(select x from case_rollup_of_rating(old, c, -1) x); end if;
      end if;
      if tg_op <> 'DELETE' then
        select * into c from cases where cases.id = new.case_id;
        if found then d := d || array(select x from case_rollup_of_rating(new, c, 1) x); end if;
      end if;
      if cardinality(d) > 0 then perform case_rollup_apply(d); end if;
      return null;
    end $$`.execute(db);
  await sql`
    create trigger case_rollup_rating_insert_delete after insert or delete on rating for each row
    execute function case_rollup_on_rating()`.execute(db);
  await sql`
    create trigger case_rollup_rating_update after update on rating for each row
    when ((old.case_id, old.score, old.at, old.responsible_unit)
          is distinct from (new.case_id, new.score, new.at, new.responsible_unit))
    execute function case_rollup_on_rating()`.execute(db);

  // The same count from scratch: the backfill below, and a repair for operators.
  await sql`
    create function case_rollup_rebuild() returns void language sql volatile
    as $$
      delete from case_rollup;
      insert into case_rollup (${key}, ${list()})
      select ${key}, ${sums} from (
        select x.* from cases c,
          case_rollup_of_case(c, exists(select 1 from trip t where t.case_id = c.id), 1) x
        where c.kind = 'service_application'
        union all
        select x.* from trip t join cases c on c.id = t.case_id, case_rollup_of_trip(t, c, 1) x
        union all
        select x.* from rating r join cases c on c.id = r.case_id, case_rollup_of_rating(r, c, 1) x
      ) d
      group by ${key}
      having ${nonZero};
    $$`.execute(db);
  await sql`select case_rollup_rebuild()`.execute(db);

  // The overdue list: open cases whose light is red, oldest deadline first.
  await sql`create index cases_red_idx on cases (promised_due, id) where sla = 'red'`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index if exists cases_red_idx`.execute(db);
  for (const [trigger, table] of [
    ['case_rollup_case_insert', 'cases'],
    ['case_rollup_case_update', 'cases'],
    ['case_rollup_case_delete', 'cases'],
    ['case_rollup_trip_insert_delete', 'trip'],
    ['case_rollup_trip_update', 'trip'],
    ['case_rollup_rating_insert_delete', 'rating'],
    ['case_rollup_rating_update', 'rating'],
  ] as const) {
    await sql`drop trigger if exists ${sql.raw(trigger)} on ${sql.raw(table)}`.execute(db);
  }
  for (const fn of [
    'case_rollup_rebuild()',
    'case_rollup_on_rating()',
    'case_rollup_on_trip()',
    'case_rollup_on_case()',
    'case_rollup_apply(case_rollup[])',
    'case_rollup_of_children(cases, integer)',
    'case_rollup_of_rating(rating, cases, integer)',
    'case_rollup_of_trip(trip, cases, integer)',
    'case_rollup_of_case(cases, boolean, integer)',
    'case_rollup_day(timestamptz)',
  ]) {
    await sql`drop function if exists ${sql.raw(fn)}`.execute(db);
  }
  await db.schema.dropTable('case_rollup').ifExists().execute();
}
