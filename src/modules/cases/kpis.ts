import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import { badRequest } from '../../shared/app-error.ts';
import { bundleNames, itemCatalogue } from '../catalogue/index.ts';
import { orgUnitsByCode, streetDirectory } from '../identity/index.ts';
import { localDate } from './clock.ts';
import { kpiTerms } from './rules/kpi-terms.ts';

/**
 * Service figures (办件量, 按时办结率, 跑零次率, 好差评) over a period, read from the daily roll-up
 * that triggers keep (see migrations/2026112807_case_rollups.ts) through its day and month
 * summary (2026112917): the default 30 days read a couple of hundred rows, whatever the number
 * of cases. Only the overdue list reads cases, the open red ones, through their partial index.
 */
export interface KpiQuery {
  /** First and last day, inclusive, Asia/Shanghai dates (YYYY-MM-DD). */
  from: string;
  to: string;
  /** A street's or town's division code; '' for cases whose street is not known. */
  street?: string | undefined;
  /** `bundle:<key>` or `item:<key>`. */
  subject?: string | undefined;
  /** How many overdue cases to list (default 20, at most 100). */
  overdueLimit?: number | undefined;
}

/** The longest period one request may cover. */
export const KPI_MAX_DAYS = 400;

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

export interface Rates {
  /** completedOnTime / completed; null when nothing was completed. */
  onTimeRate: number | null;
  /** closedZeroTrip / closed; null when nothing was delivered. */
  zeroTripRate: number | null;
  /** stars / ratings (1–5); null without ratings. */
  satisfaction: number | null;
  /** badRatings / ratings; null without ratings. */
  badRate: number | null;
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

const ratio = (a: number, b: number) => (b ? a / b : null);

export function ratesOf(c: Counts): Rates {
  return {
    onTimeRate: ratio(c.completedOnTime, c.completed),
    zeroTripRate: ratio(c.closedZeroTrip, c.closed),
    satisfaction: ratio(c.stars, c.ratings),
    badRate: ratio(c.badRatings, c.ratings),
  };
}

const ZERO: Counts = Object.fromEntries(COLUMNS.map(([k]) => [k, 0])) as unknown as Counts;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const dayNumber = (d: string) => Date.parse(`${d}T00:00:00Z`) / 86_400_000;
const dayOf = (n: number) => new Date(n * 86_400_000).toISOString().slice(0, 10);

function checkPeriod(q: KpiQuery) {
  for (const field of ['from', 'to'] as const) {
    const v = q[field];
    if (!DATE.test(v) || Number.isNaN(dayNumber(v)) || dayOf(dayNumber(v)) !== v)
      throw badRequest('date_invalid', field);
  }
  const days = dayNumber(q.to) - dayNumber(q.from) + 1;
  if (days < 1) throw badRequest('validation_minimum', 'to', { limit: q.from });
  if (days > KPI_MAX_DAYS)
    throw badRequest('validation_maximum', 'to', {
      limit: dayOf(dayNumber(q.from) + KPI_MAX_DAYS - 1),
    });
  return days;
}

/**
 * Moves the roll-up's shard rows into shard 0 (see migration 2026112916) and answers how many
 * it moved. Figures read the same before and after; it only keeps the table small. Never waits
 * for a running transition: rows one holds are left for the next call.
 */
export async function foldRollup(db: Kysely<Database>): Promise<number> {
  const r = await sql<{ n: number }>`select case_rollup_fold() as n`.execute(db);
  return r.rows[0]?.n ?? 0;
}

type Group = 'day' | 'channel' | 'street_code' | 'subject' | 'department';
const GROUPS: readonly Group[] = ['day', 'channel', 'street_code', 'subject', 'department'];
const DIMENSIONS = GROUPS.slice(1);

type Row = { key: string | null; counts: Counts };

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
const SUMS = sql.raw(
  `select breakdown, key, ${COLUMNS.map(([, c], i) => `sum(${c})::int as c${i}`).join(', ')} from `,
);

/**
 * Roll-up rows as summary rows (breakdown, key, counters), one per day and breakdown: the whole
 * period's rows when no summary fits the filter, otherwise only the shard rows not yet folded
 * (a minute's transitions at most), through the partial index on them.
 */
function rollupRows(q: KpiQuery, shardsOnly: boolean) {
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
function summaryRows(q: KpiQuery, scope: string) {
  const terms = kpiTerms(q.from, q.to).map((t) => sql`(${t.span}, ${t.day}::date, ${t.sign}::int)`);
  return sql`
    ${SUMMARY_SERIES} scope = ${scope} and day between ${q.from}::date and ${q.to}::date
    union all
    ${SUMMARY_TERMS} (values ${sql.join(terms)}) ${SUMMARY_JOIN} s.scope = ${scope}`;
}

const byKey = (a: Row, b: Row) => (a.key! < b.key! ? -1 : a.key! > b.key! ? 1 : 0);

/**
 * Sums the period per breakdown in one statement, so from one snapshot: the summary of the
 * folded rows (migration 2026112917) plus the shard rows not yet folded. A subject filter has
 * no summary and sums the roll-up alone.
 */
async function aggregate(db: Kysely<Database>, q: KpiQuery) {
  const scope = q.subject === undefined ? (q.street ?? '*') : null;
  const parts =
    scope === null
      ? rollupRows(q, false)
      : sql`${summaryRows(q, scope)} union all ${rollupRows(q, true)}`;
  const rows = await sql<Record<string, number | string>>`
    ${SUMS} (${parts}) p group by breakdown, key`.execute(db);
  const by = Object.fromEntries(GROUPS.map((g) => [g, [] as Row[]])) as Record<Group, Row[]>;
  const total: Counts = { ...ZERO };
  for (const r of rows.rows) {
    const group = r['breakdown'] as Group;
    const key = r['key'] as string;
    const counts = { ...ZERO };
    COLUMNS.forEach(([k], i) => (counts[k] = Number(r[`c${i}`])));
    if (group === 'day') for (const [k] of COLUMNS) total[k] += counts[k];
    // Roll-up rows of no department (not yet routed) count in every breakdown but that one.
    if (group === 'department' && !key) continue;
    by[group].push({ key, counts });
  }
  for (const g of GROUPS) by[g].sort(byKey);
  return { ...by, total };
}

export interface Named {
  code: string;
  name: string;
  nameEn: string;
}

/** Names of bundles and items: `bundle:open-restaurant` → 开餐饮店一件事. */
async function subjectNames(
  db: Kysely<Database>,
  items: Map<string, { name: string; nameEn: string }>,
  subjects: readonly string[],
) {
  const split = subjects.map((s) => [s, ...s.split(':')] as [string, string, string?]);
  const bundles = await bundleNames(
    db,
    split.filter(([, kind]) => kind === 'bundle').map(([, , key = '']) => key),
  );
  const names = new Map<string, Named>();
  for (const [s, kind, key = ''] of split) {
    const found = kind === 'item' ? items.get(key) : kind === 'bundle' ? bundles.get(key) : null;
    names.set(s, { code: s, name: found?.name ?? s, nameEn: found?.nameEn ?? s });
  }
  return names;
}

const UNKNOWN_STREET: Named = { code: '', name: '未填街道', nameEn: 'Street not given' };

/**
 * Service KPIs over a period, optionally narrowed to one street and one bundle or item, for the
 * city brain and the monthly report. Zero-material (零材料) is not measured yet: materials
 * satisfied from certificates are the certificates module's, still being built.
 */
export async function serviceKpis(
  db: Kysely<Database>,
  q: KpiQuery,
  today = localDate(new Date()),
) {
  const days = checkPeriod(q);
  // Two rounds of statements in parallel: what the period needs, then the names it found.
  const directory = streetDirectory(db);
  const [sums, streets, items, overdue] = await Promise.all([
    aggregate(db, q),
    directory,
    itemCatalogue(db),
    overdueCases(db, q, today, directory),
  ]);
  const {
    total,
    day: byDay,
    channel: byChannel,
    street_code: byStreet,
    subject: bySubject,
    department: byDepartment,
  } = sums;
  const totals = total;

  const daily = new Map(byDay.map((r) => [r.key!, r.counts]));
  const first = dayNumber(q.from);
  const series = Array.from({ length: days }, (_, i) => {
    const day = dayOf(first + i);
    const c = daily.get(day) ?? ZERO;
    return { day, submitted: c.submitted, accepted: c.accepted, completed: c.completed };
  });

  // Every street and town, with zeros where there were no cases (a street filter: that one).
  const streetRows = new Map(byStreet.map((r) => [r.key ?? '', r.counts]));
  const streetList: Named[] = [...streets.values()]
    .map((s) => ({ code: s.code, name: s.name, nameEn: s.nameEn }))
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  if (streetRows.has('')) streetList.push(UNKNOWN_STREET);
  const shownStreets =
    q.street === undefined ? streetList : streetList.filter((s) => s.code === q.street);

  const [subjects, departments] = await Promise.all([
    subjectNames(
      db,
      items,
      bySubject.map((r) => r.key!),
    ),
    orgUnitsByCode(
      db,
      byDepartment.map((r) => r.key!),
    ),
  ]);

  return {
    period: { from: q.from, to: q.to, days },
    filter: { street: q.street ?? null, subject: q.subject ?? null },
    totals: { ...totals, ...ratesOf(totals) },
    byDay: series,
    byChannel: byChannel.map((r) => ({ channel: r.key!, ...r.counts, ...ratesOf(r.counts) })),
    byStreet: shownStreets.map((s) => {
      const c = streetRows.get(s.code) ?? ZERO;
      return { street: s, ...c, ...ratesOf(c) };
    }),
    bySubject: bySubject
      .map((r) => ({ subject: subjects.get(r.key!)!, ...r.counts, ...ratesOf(r.counts) }))
      .sort(
        (a, b) =>
          b.submitted - a.submitted ||
          (a.subject.code < b.subject.code ? -1 : a.subject.code > b.subject.code ? 1 : 0),
      ),
    byDepartment: byDepartment
      .map((r) => {
        const u = departments.get(r.key!);
        return {
          department: { code: r.key!, name: u?.name ?? r.key!, nameEn: u?.nameEn ?? r.key! },
          ratings: r.counts.ratings,
          badRatings: r.counts.badRatings,
          stars: r.counts.stars,
          satisfaction: ratio(r.counts.stars, r.counts.ratings),
          badRate: ratio(r.counts.badRatings, r.counts.ratings),
        };
      })
      .sort((a, b) => (b.badRate ?? 0) - (a.badRate ?? 0) || b.ratings - a.ratings),
    overdue,
  };
}

export type ServiceKpis = Awaited<ReturnType<typeof serviceKpis>>;

/**
 * Open applications whose light is red now (today's state, whatever the period), the longest
 * overdue first, through the partial index on red cases. Streets are named from the directory.
 */
async function overdueCases(
  db: Kysely<Database>,
  q: KpiQuery,
  today: string,
  directory: Promise<Map<string, Named>>,
) {
  let query = db
    .selectFrom('cases')
    .where('sla', '=', 'red')
    .where('kind', '=', 'service_application');
  if (q.street !== undefined)
    query =
      q.street === ''
        ? query.where('applicant_street_code', 'is', null)
        : query.where('applicant_street_code', '=', q.street);
  if (q.subject !== undefined) query = query.where('subject', '=', q.subject);
  const limit = Math.min(Math.max(q.overdueLimit ?? 20, 1), 100);
  // The count rides along as an uncorrelated subquery: one statement, and still an index-only
  // scan (the partial index includes the filter columns, 2026112918).
  const count = query.select((eb) => eb.fn.countAll<number>().as('n'));
  const [rows, streets] = await Promise.all([
    query
      .select([
        'id',
        'number',
        'title',
        'subject',
        'state',
        'channel',
        'applicant_street_code',
        'promised_due',
      ])
      .select(count.as('total'))
      .orderBy('promised_due')
      .orderBy('id')
      .limit(limit)
      .execute(),
    directory,
  ]);
  return {
    total: Number(rows[0]?.total ?? 0),
    data: rows.map((r) => {
      const s = r.applicant_street_code ? streets.get(r.applicant_street_code) : undefined;
      return {
        id: r.id,
        number: r.number,
        title: r.title,
        subject: r.subject,
        state: r.state,
        channel: r.channel,
        street: s
          ? { code: s.code, name: s.name, nameEn: s.nameEn }
          : r.applicant_street_code
            ? { code: r.applicant_street_code, name: r.applicant_street_code, nameEn: '' }
            : UNKNOWN_STREET,
        promisedDue: r.promised_due,
        daysOverdue: r.promised_due ? Math.max(0, dayNumber(today) - dayNumber(r.promised_due)) : 0,
      };
    }),
  };
}
