import { sql, type Kysely, type RawBuilder } from 'kysely';

/**
 * A KPI set over 30 days read and summed every roll-up row of those days (46,619 rows at 10 M
 * cases, 62 ms p95): its cost followed the breadth of the roll-up (streets × items × channels ×
 * departments a day), not the few hundred figures it shows. `case_rollup_summary` holds the
 * shard-0 rows of the roll-up summed per breakdown the KPI set shows (the total, each channel,
 * street, subject and rated department), per day and per calendar month, for the whole
 * district (`scope = '*'`) and for each street (`scope` = its code).
 *
 * Only the fold and the rebuild write shard 0 (2026112916), and both now update the summary in
 * the same statement, so the summary always equals the shard-0 rows; transitions still write
 * their shards only and never touch it. A reader adds the summary rows of its period (months
 * where it can, see rules/kpi-terms.ts) to the shard rows not yet folded, in one statement and
 * so one snapshot. The fold's locks on the summary are taken in key order, so two folds cannot
 * deadlock.
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
const ROLLUP_KEY = ['day', 'division_code', 'street_code', 'subject', 'channel', 'department'];
// The day series (breakdown 'day') of a period is one range of this key; every other breakdown
// is one probe per month or day the reader picks.
const SUMMARY_KEY = ['scope', 'breakdown', 'span', 'day', 'key'] as const;

/** The columns a breakdown groups by (with the day); `grouping()` over them gives each set's mask. */
const DIMENSIONS = ['channel', 'street_code', 'subject', 'department'] as const;
type Dimension = (typeof DIMENSIONS)[number];

/** A day as a key, whatever the session's DateStyle. */
const DAY_KEY = "to_char(day, 'YYYY-MM-DD')";

/** Each grouping set, and the summary rows (scope, breakdown, key) one of its groups gives. */
const SETS: { by: Dimension[]; rows: [scope: string, breakdown: string, key: string][] }[] = [
  { by: [], rows: [["'*'", "'day'", DAY_KEY]] },
  { by: ['channel'], rows: [["'*'", "'channel'", 'channel']] },
  {
    by: ['street_code'],
    rows: [
      ["'*'", "'street_code'", 'street_code'],
      ['street_code', "'day'", DAY_KEY],
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

const list = sql.raw(COUNTERS.join(', '));
const sums = sql.raw(COUNTERS.map((c) => `sum(${c})::int as ${c}`).join(', '));
const summaryKey = sql.raw(SUMMARY_KEY.join(', '));

/**
 * The summary rows of a set of roll-up rows (`source`: a select of the roll-up's columns), in
 * the summary's columns and key order: per day from grouping sets, then per month from the days. A month has
 * no `day` breakdown: the series of days always comes from the day rows.
 */
function summaryOf(source: RawBuilder<unknown>) {
  const fanOut = sql.raw(
    SETS.flatMap((s) => s.rows.map((r) => `(${maskOf(s.by)}, ${r.join(', ')})`)).join(',\n'),
  );
  const sets = sql.raw(SETS.map((s) => `(${['day', ...s.by].join(', ')})`).join(', '));
  return sql`
    with grouped as (
      select grouping(${sql.raw(DIMENSIONS.join(', '))}) as g,
             day, ${sql.raw(DIMENSIONS.join(', '))}, ${sums}
      from (${source}) src
      group by grouping sets (${sets})
    ), days as (
      select v.scope, v.breakdown, 'day'::text as span, x.day, v.key, ${list}
      from grouped x
      cross join lateral (values ${fanOut}) v(mask, scope, breakdown, key)
      where v.mask = x.g
    )
    select * from days
    union all
    select scope, breakdown, 'month', date_trunc('month', day)::date, key, ${sums}
    from days where breakdown <> 'day'
    group by scope, breakdown, date_trunc('month', day)::date, key
    order by ${summaryKey}`;
}

const addTo = (source: RawBuilder<unknown>) => sql`
  insert into case_rollup_summary as s (${summaryKey}, ${list})
  ${summaryOf(source)}
  on conflict (${summaryKey}) do update
  set ${sql.raw(COUNTERS.map((c) => `${c} = s.${c} + excluded.${c}`).join(', '))}`;

/** 2026112916's fold; with the summary, it also adds what it moves into shard 0 to it. */
function foldFunction(withSummary: boolean) {
  const key = sql.raw(ROLLUP_KEY.join(', '));
  const add = sql.raw(COUNTERS.map((c) => `${c} = r.${c} + excluded.${c}`).join(', '));
  const nonZero = sql.raw(COUNTERS.map((c) => `sum(${c}) <> 0`).join(' or '));
  return sql`
    create or replace function case_rollup_fold() returns integer
    language sql volatile
    as $$
      with moved as (
        delete from case_rollup where ctid = any(array(
          select ctid from case_rollup where shard <> 0 for update skip locked))
        returning *
      ), folded as (
        insert into case_rollup as r (${key}, shard, ${list})
        select ${key}, 0, ${sql.raw(COUNTERS.map((c) => `sum(${c})::int`).join(', '))} from moved
        group by ${key}
        having ${nonZero}
        order by ${key}
        on conflict (${key}, shard) do update set ${add}
      )${withSummary ? sql`, summed as (${addTo(sql`select * from moved`)})` : sql``}
      select count(*)::int from moved
    $$`;
}

export async function up(db: Kysely<any>): Promise<void> {
  // No transition or fold may write the roll-up until this commits: a fold of a running process
  // (the old function) that moved rows into shard 0 after the fill below would leave them out of
  // the summary for good. Transitions wait; at 1 M cases the fill takes about 16 s.
  await sql`lock table case_rollup in share mode`.execute(db);
  let table = db.schema
    .createTable('case_rollup_summary')
    // '*' for the whole district; otherwise a street's division code ('' street not known)
    .addColumn('scope', 'text', (c) => c.notNull())
    // 'day', or 'month' (then `day` is the month's first day)
    .addColumn('span', 'text', (c) => c.notNull())
    .addColumn('day', 'date', (c) => c.notNull())
    // day, channel, street_code, subject or department
    .addColumn('breakdown', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull());
  for (const counter of COUNTERS)
    table = table.addColumn(counter, 'integer', (c) => c.notNull().defaultTo(0));
  await table.addPrimaryKeyConstraint('case_rollup_summary_pk', [...SUMMARY_KEY]).execute();
  await addTo(sql`select * from case_rollup where shard = 0`).execute(db);

  await foldFunction(true).execute(db);

  // The rebuild recounts shard 0 from scratch; the summary is recounted from it.
  await sql`alter function case_rollup_rebuild() rename to case_rollup_recount`.execute(db);
  await sql`
    create function case_rollup_rebuild() returns void language sql volatile as $$
      select case_rollup_recount();
      delete from case_rollup_summary;
      ${addTo(sql`select * from case_rollup where shard = 0`)};
    $$`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop function case_rollup_rebuild()`.execute(db);
  await sql`alter function case_rollup_recount() rename to case_rollup_rebuild`.execute(db);
  await foldFunction(false).execute(db);
  await sql`drop table case_rollup_summary`.execute(db);
}
