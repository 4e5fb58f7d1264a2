import { sql, type Kysely } from 'kysely';

/**
 * A KPI set over 30 days read and summed every roll-up row of those days (46,619 rows at 10 M
 * cases, 62 ms p95): its cost followed the breadth of the roll-up, not the figures shown. A past
 * day's figures are final in normal operation (every counter is added on the day its event
 * happened), so a closed day is summed once per breakdown the KPI set shows, for the district
 * and for each street, into `case_rollup_summary`. A reader takes the summarized days from there
 * and only the others (today, and any day changed since) from `case_rollup`.
 *
 * A day is summarized when it has a row in `case_rollup_summary_day`. Any later change to a
 * closed day's roll-up (a back-dated correction, a late SLA sweep, the demo seed) deletes that
 * row, and with it the day's summary, in the writer's transaction, so the day is read from the
 * roll-up again until it is summarized anew. `case_rollup_summarize(day)` locks the roll-up
 * against writers (SHARE) while it sums, so no write can slip between its read and its commit;
 * it gives up after 200 ms rather than keep transitions waiting, and a later call retries.
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

/** The columns a breakdown groups by; `grouping()` over them gives each set its mask. */
const DIMENSIONS = ['channel', 'street_code', 'subject', 'department'] as const;
type Dimension = (typeof DIMENSIONS)[number];

/** Each grouping set, and the summary rows (scope, breakdown, key) one of its groups gives. */
const SETS: { by: Dimension[]; rows: [scope: string, breakdown: string, key: string][] }[] = [
  { by: [], rows: [["'*'", "'day'", 'd::text']] },
  { by: ['channel'], rows: [["'*'", "'channel'", 'channel']] },
  {
    by: ['street_code'],
    rows: [
      ["'*'", "'street_code'", 'street_code'],
      ['street_code', "'day'", 'd::text'],
      ['street_code', "'street_code'", 'street_code'],
    ],
  },
  { by: ['subject'], rows: [["'*'", "'subject'", 'subject']] },
  { by: ['department'], rows: [["'*'", "'department'", 'department']] },
  { by: ['street_code', 'channel'], rows: [['street_code', "'channel'", 'channel']] },
  { by: ['street_code', 'subject'], rows: [['street_code', "'subject'", 'subject']] },
  { by: ['street_code', 'department'], rows: [['street_code', "'department'", 'department']] },
];

/** `grouping(channel, street_code, subject, department)` of a set: a 1 bit per column summed over. */
const maskOf = (by: Dimension[]) =>
  DIMENSIONS.reduce((m, c, i) => (by.includes(c) ? m : m | (1 << (DIMENSIONS.length - 1 - i))), 0);

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create table case_rollup_summary_day (day date primary key)`.execute(db);
  let table = db.schema
    .createTable('case_rollup_summary')
    .addColumn('day', 'date', (c) =>
      c.notNull().references('case_rollup_summary_day.day').onDelete('cascade'),
    )
    // '*' for the whole district; otherwise a street's division code ('' street not known)
    .addColumn('scope', 'text', (c) => c.notNull())
    // day, channel, street_code, subject or department
    .addColumn('breakdown', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull());
  for (const counter of COUNTERS)
    table = table.addColumn(counter, 'integer', (c) => c.notNull().defaultTo(0));
  await table
    .addPrimaryKeyConstraint('case_rollup_summary_pk', ['scope', 'day', 'breakdown', 'key'])
    .execute();

  await sql`
    create function case_rollup_unsummarize() returns trigger language plpgsql as $$ begin
      delete from case_rollup_summary_day where day = new.day;
      return null;
    end $$`.execute(db);
  // Shard 0 is written by the fold (sums unchanged) and the rebuild (which drops every summary).
  await sql`
    create trigger case_rollup_unsummarize after insert or update on case_rollup for each row
    when (new.shard <> 0 and new.day < case_rollup_day(clock_timestamp()))
    execute function case_rollup_unsummarize()`.execute(db);

  const sums = sql.raw(COUNTERS.map((c) => `sum(${c})::int as ${c}`).join(', '));
  const list = sql.raw(COUNTERS.join(', '));
  const fanOut = sql.raw(
    SETS.flatMap((s) => s.rows.map((r) => `(${maskOf(s.by)}, ${r.join(', ')})`)).join(',\n'),
  );
  const sets = sql.raw(SETS.map((s) => `(${s.by.join(', ')})`).join(', '));
  await sql`
    create function case_rollup_summarize(d date) returns boolean language plpgsql volatile
    as $$ begin
      perform set_config('lock_timeout', '200ms', true);
      lock table case_rollup in share mode;
      if d >= case_rollup_day(clock_timestamp())
         or exists (select 1 from case_rollup_summary_day s where s.day = d) then
        return false;
      end if;
      insert into case_rollup_summary_day (day) values (d);
      insert into case_rollup_summary (day, scope, breakdown, key, ${list})
      select d, v.scope, v.breakdown, v.key, ${list}
      from (
        select grouping(${sql.raw(DIMENSIONS.join(', '))}) as g,
               ${sql.raw(DIMENSIONS.join(', '))}, ${sums}
        from case_rollup where day = d
        group by grouping sets (${sets})
      ) x
      cross join lateral (values ${fanOut}) v(mask, scope, breakdown, key)
      where v.mask = x.g
      order by v.scope, v.breakdown, v.key;
      return true;
    end $$`.execute(db);

  // The rebuild recounts every day: no summary survives it.
  await sql`alter function case_rollup_rebuild() rename to case_rollup_recount`.execute(db);
  await sql`
    create function case_rollup_rebuild() returns void language sql volatile as $$
      delete from case_rollup_summary_day;
      select case_rollup_recount();
    $$`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop function case_rollup_rebuild()`.execute(db);
  await sql`alter function case_rollup_recount() rename to case_rollup_rebuild`.execute(db);
  await sql`drop function case_rollup_summarize(date)`.execute(db);
  await sql`drop trigger case_rollup_unsummarize on case_rollup`.execute(db);
  await sql`drop function case_rollup_unsummarize()`.execute(db);
  await sql`drop table case_rollup_summary`.execute(db);
  await sql`drop table case_rollup_summary_day`.execute(db);
}
