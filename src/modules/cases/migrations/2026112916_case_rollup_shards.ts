import { sql, type Kysely, type RawBuilder } from 'kysely';

/**
 * The roll-up row of a busy day, item, street and channel was one row that every transition of
 * such a case locked until its commit, so concurrent transitions queued behind each other (the
 * benchmark's workers spent most of their time in `Lock:transactionid`). Each transaction now adds
 * its figures to one of 63 shard rows of the key, picked from its transaction id; a figure is the
 * sum over the shards, which every reader already computes (`sum(...) group by`).
 * `case_rollup_fold()` moves the shards into shard 0 in the background, skipping rows a
 * transaction holds, so the table stays about the size it was. The roll-up functions become
 * PL/pgSQL (see `rowFunctions`), inserting a draft no longer runs the trigger, and the rebuild
 * writes its rows in key order (see `rebuildFunction`).
 */
const COUNTERS = [
  'submitted',
  'accepted',
  'declined',
  'withdrawn',
  'completed',
  'completed_on_time',
  'overdue',
  'closed',
  'closed_zero_trip',
  'trips',
  'ratings',
  'bad_ratings',
  'stars',
] as const;
const KEY = ['day', 'division_code', 'street_code', 'subject', 'channel', 'department'] as const;
const SHARDS = 63;

const key = sql.raw(KEY.join(', '));
const list = sql.raw(COUNTERS.join(', '));
const sums = sql.raw(COUNTERS.map((c) => `sum(${c})::int`).join(', '));
const nonZero = sql.raw(COUNTERS.map((c) => `sum(${c}) <> 0`).join(' or '));
const add = sql.raw(COUNTERS.map((c) => `${c} = r.${c} + excluded.${c}`).join(', '));

/**
 * The functions that return roll-up rows list their columns by position, so they follow the
 * table's shape: with the shard column (`up`) or without it (`down`). `up` also makes them
 * PL/pgSQL: a SQL function called from a trigger is planned again on every call, which made a
 * transition's update of its case cost ~1.4 ms on the server; PL/pgSQL keeps its plans for the
 * session. Their queries are otherwise those of 2026112807.
 */
async function rowFunctions(db: Kysely<any>, shape: 'sharded' | 'original') {
  const shard = shape === 'sharded' ? sql`, 0::smallint` : sql``;
  const body = (query: RawBuilder<unknown>) =>
    shape === 'sharded'
      ? sql`language plpgsql stable as $$ begin return query ${query}; end $$`
      : sql`language sql stable as $$ ${query} $$`;
  await sql`
    create or replace function case_rollup_of_case(c cases, has_trip boolean, sign integer)
    returns setof case_rollup ${body(sql`
      select d.day, c.division_code, coalesce(c.applicant_street_code, ''), c.subject, c.channel, '',
             sign * d.submitted, sign * d.accepted, sign * d.declined, sign * d.withdrawn,
             sign * d.completed, sign * d.completed_on_time, sign * d.overdue, sign * d.closed,
             sign * d.closed_zero_trip, 0, 0, 0, 0 ${shard}
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
      where c.kind = 'service_application' and d.day is not null`)}`.execute(db);
  await sql`
    create or replace function case_rollup_of_trip(t trip, c cases, sign integer)
    returns setof case_rollup ${body(sql`
      select case_rollup_day(t.at), c.division_code, coalesce(c.applicant_street_code, ''),
             c.subject, c.channel, '', 0, 0, 0, 0, 0, 0, 0, 0, 0, sign, 0, 0, 0 ${shard}
      where c.kind = 'service_application'`)}`.execute(db);
  await sql`
    create or replace function case_rollup_of_rating(r rating, c cases, sign integer)
    returns setof case_rollup ${body(sql`
      select case_rollup_day(r.at), c.division_code, coalesce(c.applicant_street_code, ''),
             c.subject, c.channel, r.responsible_unit, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
             sign, sign * (case when r.score <= 2 then 1 else 0 end), sign * r.score ${shard}
      where c.kind = 'service_application'`)}`.execute(db);
}

/**
 * The count from scratch (2026112807), into shard 0. `ordered` (up) writes the rows in key order,
 * day first: hash-aggregate order scattered each day's rows over the whole table, so a period
 * read touched several times the pages it needed (3,682 heap pages for 30 days at 1 M cases).
 */
async function rebuildFunction(db: Kysely<any>, ordered: boolean) {
  await sql`
    create or replace function case_rollup_rebuild() returns void language sql volatile
    as $$
      delete from case_rollup;
      insert into case_rollup (${key}, ${list})
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
      having ${nonZero}
      ${ordered ? sql`order by ${key}` : sql``};
    $$`.execute(db);
}

export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table case_rollup add column shard smallint not null default 0`.execute(db);
  await sql`alter table case_rollup drop constraint case_rollup_pk`.execute(db);
  await sql`alter table case_rollup add constraint case_rollup_pk
    primary key (${key}, shard)`.execute(db);
  // The fold finds the shard rows without reading the whole table.
  await sql`create index case_rollup_shards_idx on case_rollup (${key}) where shard <> 0`.execute(
    db,
  );
  await rowFunctions(db, 'sharded');
  await rebuildFunction(db, true);
  // A new draft counts nowhere (no submission, acceptance, decision, closing or promised date):
  // its insert, the first statement of every application, no longer runs the trigger.
  await sql`drop trigger case_rollup_case_insert on cases`.execute(db);
  await sql`
    create trigger case_rollup_case_insert after insert on cases for each row
    when (new.kind = 'service_application' and num_nonnulls(new.submitted_at, new.accepted_on,
          new.decided_at, new.closed_at, new.promised_due) > 0)
    execute function case_rollup_on_case()`.execute(db);

  // One transaction, one shard: its rows are locked in key order, as before, so two transitions
  // still cannot deadlock, and they wait for each other only when their shards collide.
  await sql`
    create or replace function case_rollup_apply(deltas case_rollup[]) returns void
    language plpgsql volatile
    as $$ begin
      insert into case_rollup as r (${key}, shard, ${list})
      select ${key}, (1 + txid_current() % ${sql.lit(SHARDS)})::smallint, ${sums} from unnest(deltas)
      group by ${key}
      having ${nonZero}
      order by ${key}
      on conflict (${key}, shard) do update set ${add};
    end $$`.execute(db);

  // Never waits for a transaction: a shard row it holds is folded on a later call. Shard 0 is
  // written only here and by the rebuild, in key order.
  await sql`
    create function case_rollup_fold() returns integer
    language sql volatile
    as $$
      with moved as (
        delete from case_rollup where ctid = any(array(
          select ctid from case_rollup where shard <> 0 for update skip locked))
        returning *
      ), folded as (
        insert into case_rollup as r (${key}, shard, ${list})
        select ${key}, 0, ${sums} from moved
        group by ${key}
        having ${nonZero}
        order by ${key}
        on conflict (${key}, shard) do update set ${add}
      )
      select count(*)::int from moved
    $$`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop function case_rollup_fold()`.execute(db);
  // Folding every shard needs no waiting here: the migration runs alone.
  await sql`
    create temporary table case_rollup_folded on commit drop as
    select ${key}, ${sql.raw(COUNTERS.map((c) => `sum(${c})::int as ${c}`).join(', '))}
    from case_rollup group by ${key} having ${nonZero}`.execute(db);
  await sql`delete from case_rollup`.execute(db);
  await sql`alter table case_rollup drop constraint case_rollup_pk`.execute(db);
  await sql`drop index case_rollup_shards_idx`.execute(db);
  await sql`alter table case_rollup drop column shard`.execute(db);
  await sql`insert into case_rollup (${key}, ${list})
    select ${key}, ${list} from case_rollup_folded`.execute(db);
  await sql`alter table case_rollup add constraint case_rollup_pk primary key (${key})`.execute(db);
  await rowFunctions(db, 'original');
  await rebuildFunction(db, false);
  await sql`drop trigger case_rollup_case_insert on cases`.execute(db);
  await sql`
    create trigger case_rollup_case_insert after insert on cases for each row
    when (new.kind = 'service_application') execute function case_rollup_on_case()`.execute(db);
  await sql`
    create or replace function case_rollup_apply(deltas case_rollup[]) returns void
    language sql volatile
    as $$
      insert into case_rollup as r (${key}, ${list})
      select ${key}, ${sums} from unnest(deltas)
      group by ${key}
      having ${nonZero}
      order by ${key}
      on conflict (${key}) do update set ${add}
    $$`.execute(db);
}
