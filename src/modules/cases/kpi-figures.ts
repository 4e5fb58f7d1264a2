import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import { kpiTerms } from './rules/kpi-terms.ts';

/**
 * What a KPI set reads from the cases module's own tables: the period's sums per breakdown, in
 * one statement and so from one snapshot (the roll-up's day and month summary, migration
 * 2026112917, plus the shard rows not yet folded), and the page of open applications whose
 * light is red now. kpis.ts names what they mention and shapes the answer.
 */
export interface Counts {
  submitted: number;
  accepted: number;
  declined: number;
  withdrawn: number;
  completed: number;
  completedOnTime: number;
  overdue: number;
  closed: number;
  closedZeroTrip: number;
  trips: number;
  ratings: number;
  badRatings: number;
  stars: number;
}

const COLUMNS: [keyof Counts, string][] = [
  ['submitted', 'submitted'],
  ['accepted', 'accepted'],
  ['declined', 'declined'],
  ['withdrawn', 'withdrawn'],
  ['completed', 'completed'],
  ['completedOnTime', 'completed_on_time'],
  ['overdue', 'overdue'],
  ['closed', 'closed'],
  ['closedZeroTrip', 'closed_zero_trip'],
  ['trips', 'trips'],
  ['ratings', 'ratings'],
  ['badRatings', 'bad_ratings'],
  ['stars', 'stars'],
];

export const ZERO: Counts = Object.fromEntries(COLUMNS.map(([k]) => [k, 0])) as unknown as Counts;

export type Group = 'day' | 'channel' | 'street_code' | 'subject' | 'department';
const GROUPS: readonly Group[] = ['day', 'channel', 'street_code', 'subject', 'department'];
const DIMENSIONS = GROUPS.slice(1);

export type Row = { key: string | null; counts: Counts };

/**
 * `grouping(channel, street_code, subject, department)` of the set grouped by `group` (and the
 * day): a 1 bit per column summed over.
 */
const maskOf = (group: Group) =>
  DIMENSIONS.reduce((m, c, i) => (c === group ? m : m | (1 << (DIMENSIONS.length - 1 - i))), 0);

// The statement's fixed parts are built once, as text: composing them from a few hundred Kysely
// nodes on every call cost more CPU than PostgreSQL spends answering.
const COUNTER_LIST = COLUMNS.map(([, c]) => c).join(', ');
const pickBy = (value: (g: Group) => string) =>
  GROUPS.map((g) => `when ${maskOf(g)} then ${value(g)}`).join(' ');
const ROLLUP_HEAD = sql.raw(`
  select case g ${pickBy((g) => `'${g}'`)} end as breakdown,
         case g ${pickBy((g) => (g === 'day' ? "to_char(day, 'YYYY-MM-DD')" : g))} end as key,
         ${COUNTER_LIST}
  from (
    select grouping(${DIMENSIONS.join(', ')}) as g, day, ${DIMENSIONS.join(', ')},
      ${COLUMNS.map(([, c]) => `sum(${c})::int as ${c}`).join(', ')}
    from case_rollup where `);
const ROLLUP_TAIL = sql.raw(`
    group by grouping sets ((day), ${DIMENSIONS.map((c) => `(day, ${c})`).join(', ')})
  ) l`);
const SUMMARY_SERIES = sql.raw(`select breakdown, key, ${COUNTER_LIST} from case_rollup_summary
  where breakdown = 'day' and span = 'day' and `);
const SUMMARY_TERMS = sql.raw(
  `select s.breakdown, s.key, ${COLUMNS.map(([, c]) => `t.sign * s.${c}`).join(', ')} from `,
);
const SUMMARY_JOIN = sql.raw(`as t(span, day, sign)
  cross join (values ${DIMENSIONS.map((g) => `('${g}')`).join(', ')}) as b(breakdown)
  join case_rollup_summary s on s.breakdown = b.breakdown and s.span = t.span and s.day = t.day
  where `);
// One JSON array per breakdown and key: node-postgres parses a few hundred rows of 15 columns
// field by field, which cost more CPU than the whole statement on the server; JSON.parse is one
// native call.
const SUMS = sql.raw(`select coalesce(json_agg(json_build_array(breakdown, key, ${COLUMNS.map(
  (_, i) => `c${i}`,
).join(', ')})), '[]') from (
  select breakdown, key, ${COLUMNS.map(([, c], i) => `sum(${c})::int as c${i}`).join(', ')} from `);
const SUMS_TAIL = sql.raw(` p group by breakdown, key) s`);

/**
 * Roll-up rows as summary rows (breakdown, key, counters), one per day and breakdown: the whole
 * period's rows when no summary fits the filter, otherwise only the shard rows not yet folded
 * (a minute's transitions at most), through the partial index on them.
 */
function rollupRows(q: FigureQuery, shardsOnly: boolean) {
  let where = sql`day between ${q.from}::date and ${q.to}::date`;
  if (shardsOnly) where = sql`${where} and shard <> 0`;
  if (q.street !== undefined) where = sql`${where} and street_code = ${q.street}`;
  if (q.subject !== undefined) where = sql`${where} and subject = ${q.subject}`;
  return sql`${ROLLUP_HEAD}${where}${ROLLUP_TAIL}`;
}

/**
 * The period's summary rows: the days' own rows for the series of days, and for every other
 * breakdown the months and days `kpiTerms` picks (a month row minus the days it should not
 * count).
 */
function summaryRows(q: FigureQuery, scope: string) {
  const terms = kpiTerms(q.from, q.to).map((t) => sql`(${t.span}, ${t.day}::date, ${t.sign}::int)`);
  return sql`
    ${SUMMARY_SERIES} scope = ${scope} and day between ${q.from}::date and ${q.to}::date
    union all
    ${SUMMARY_TERMS} (values ${sql.join(terms)}) ${SUMMARY_JOIN} s.scope = ${scope}`;
}

const byKey = (a: Row, b: Row) => (a.key! < b.key! ? -1 : a.key! > b.key! ? 1 : 0);

export interface FigureQuery {
  from: string;
  to: string;
  street?: string | undefined;
  subject?: string | undefined;
  /** How many overdue cases to list. */
  overdueLimit: number;
}

export interface OverdueRow {
  id: string;
  number: string | null;
  title: string;
  subject: string;
  state: string;
  channel: string;
  street: string | null;
  promised_due: string | null;
}

/**
 * The red open applications of the filter, the longest overdue first, through the partial
 * index on red cases; their count rides along as an uncorrelated subquery, still an index-only
 * scan (the index includes the filter columns, 2026112918). The page's order is the
 * aggregate's own: a subquery's order does not bind json_agg.
 */
function overdueParts(q: FigureQuery) {
  let where = sql`sla = 'red' and kind = 'service_application'`;
  if (q.street !== undefined)
    where =
      q.street === ''
        ? sql`${where} and applicant_street_code is null`
        : sql`${where} and applicant_street_code = ${q.street}`;
  if (q.subject !== undefined) where = sql`${where} and subject = ${q.subject}`;
  return {
    page: sql`select coalesce(json_agg(o order by o.promised_due, o.id), '[]') from (
      select id, number, title, subject, state, channel, applicant_street_code as street,
             promised_due
      from cases where ${where} order by promised_due, id limit ${q.overdueLimit}) o`,
    count: sql`select count(*)::int from cases where ${where}`,
  };
}

/**
 * The period's sums per breakdown (a subject filter has no summary and sums the roll-up alone)
 * and the overdue page with its count.
 */
export async function caseFigures(db: Kysely<Database>, q: FigureQuery) {
  const scope = q.subject === undefined ? (q.street ?? '*') : null;
  const rows =
    scope === null
      ? rollupRows(q, false)
      : sql`${summaryRows(q, scope)} union all ${rollupRows(q, true)}`;
  const overdue = overdueParts(q);
  // Two statements on two connections: the server answers them side by side, sooner than one
  // statement that runs both parts one after the other.
  const [sums, red] = await Promise.all([
    sql<{ sums: unknown[][] }>`select (${SUMS} (${rows}) ${SUMS_TAIL}) as sums`.execute(db),
    sql<{ page: OverdueRow[]; total: number }>`
      select (${overdue.page}) as page, (${overdue.count}) as total`.execute(db),
  ]);
  const by = Object.fromEntries(GROUPS.map((g) => [g, [] as Row[]])) as Record<Group, Row[]>;
  const total: Counts = { ...ZERO };
  for (const r of sums.rows[0]!.sums) {
    const group = r[0] as Group;
    const key = r[1] as string;
    const counts = { ...ZERO };
    COLUMNS.forEach(([k], i) => (counts[k] = r[i + 2] as number));
    if (group === 'day') for (const [k] of COLUMNS) total[k] += counts[k];
    // Roll-up rows of no department (not yet routed) count in every breakdown but that one.
    if (group === 'department' && !key) continue;
    by[group].push({ key, counts });
  }
  for (const g of GROUPS) by[g].sort(byKey);
  const { page, total: redTotal } = red.rows[0]!;
  return { sums: { ...by, total }, overdue: { total: redTotal, rows: page } };
}
