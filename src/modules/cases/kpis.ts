import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../../db/database.ts';
import { badRequest } from '../../shared/app-error.ts';
import { bundleNames, itemCatalogue } from '../catalogue/index.ts';
import { orgUnitsByCode, streetDirectory } from '../identity/index.ts';
import { localDate } from './clock.ts';

/**
 * Service figures (办件量, 按时办结率, 跑零次率, 好差评) over a period, read from the daily roll-up
 * that triggers keep (see migrations/2026112807_case_rollups.ts): a period of a year reads a few
 * thousand roll-up rows, whatever the number of cases. Only the overdue list reads cases, the
 * open red ones, through their partial index.
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

/**
 * Every breakdown the KPI set shows, per day, from the days not summarized (or all of them when
 * no summary fits the filter): one scan of those days' roll-up rows (grouping sets), each group
 * named by its breakdown and key as in `case_rollup_summary`.
 */
function liveRows(q: KpiQuery, summarized: boolean) {
  let where = summarized
    ? sql`day = any(array(
        select x::date from generate_series(${q.from}::date, ${q.to}::date, interval '1 day') x
        where not exists (select 1 from case_rollup_summary_day s where s.day = x::date)))`
    : sql`day between ${q.from}::date and ${q.to}::date`;
  if (q.street !== undefined) where = sql`${where} and street_code = ${q.street}`;
  if (q.subject !== undefined) where = sql`${where} and subject = ${q.subject}`;
  const cols = DIMENSIONS.map((g) => sql.ref(g));
  const pick = (value: (g: Group) => RawBuilder<unknown>) =>
    sql.join(
      GROUPS.map((g) => sql`when ${sql.lit(maskOf(g))} then ${value(g)}`),
      sql` `,
    );
  return sql`
    select case g ${pick((g) => sql.lit(g))} end as breakdown,
           case g ${pick((g) => (g === 'day' ? sql`day::text` : sql.ref(g)))} end as key,
           ${sql.join(COLUMNS.map(([, c]) => sql.ref(c)))}
    from (
      select grouping(${sql.join(cols)}) as g, day, ${sql.join(cols)},
        ${sql.join(COLUMNS.map(([, c]) => sql`sum(${sql.ref(c)})::int as ${sql.ref(c)}`))}
      from case_rollup where ${where}
      group by grouping sets ((day), ${sql.join(cols.map((c) => sql`(day, ${c})`))})
    ) l`;
}

/**
 * Sums the period per breakdown in one statement: closed days from their summaries (one row per
 * breakdown and key a day, for the district or one street; see migration 2026112917), the rest
 * from the roll-up. A subject filter has no summary and reads the roll-up alone.
 */
async function aggregate(db: Kysely<Database>, q: KpiQuery) {
  const scope = q.subject === undefined ? (q.street ?? '*') : null;
  const cols = sql.join(COLUMNS.map(([, c]) => sql.ref(c)));
  const parts =
    scope === null
      ? liveRows(q, false)
      : sql`select breakdown, key, ${cols} from case_rollup_summary
            where scope = ${scope} and day between ${q.from}::date and ${q.to}::date
            union all ${liveRows(q, true)}`;
  const rows = await sql<Record<string, unknown>>`
    select breakdown, key,
      ${sql.join(COLUMNS.map(([, c], i) => sql`sum(${sql.ref(c)})::int as ${sql.ref(`c${i}`)}`))}
    from (${parts}) p group by breakdown, key`.execute(db);
  const by = Object.fromEntries(GROUPS.map((g) => [g, [] as Row[]])) as Record<Group, Row[]>;
  const total: Counts = { ...ZERO };
  for (const r of rows.rows) {
    const group = r['breakdown'] as Group;
    const key = r['key'] as string;
    const counts = Object.fromEntries(
      COLUMNS.map(([k], i) => [k, Number(r[`c${i}`])]),
    ) as unknown as Counts;
    if (group === 'day') for (const [k] of COLUMNS) total[k] += counts[k];
    // Roll-up rows of no department (not yet routed) count in every breakdown but that one.
    if (group === 'department' && !key) continue;
    by[group].push({ key, counts });
  }
  for (const g of GROUPS) by[g].sort((a, b) => String(a.key).localeCompare(String(b.key)));
  return { ...by, total };
}

/**
 * Sums each closed day that has roll-up rows and no current summary (migration 2026112917), the
 * oldest first, and answers how many it summed. Stops at the first day whose lock it could not
 * take within 200 ms (transitions were writing); the next call goes on from there.
 */
export async function summarizeRollup(db: Kysely<Database>): Promise<number> {
  // Days with roll-up rows, one index probe each, up to today.
  const { rows } = await sql<{ day: string }>`
    with recursive d(day) as (
      select min(day) from case_rollup
      union all
      select (select min(r.day) from case_rollup r where r.day > d.day)
      from d where d.day < case_rollup_day(clock_timestamp())
    )
    select to_char(day, 'YYYY-MM-DD') as day from d
    where day < case_rollup_day(clock_timestamp())
      and not exists (select 1 from case_rollup_summary_day s where s.day = d.day)
    order by day`.execute(db);
  let summed = 0;
  for (const { day } of rows) {
    try {
      const r = await sql<{
        done: boolean;
      }>`select case_rollup_summarize(${day}::date) as done`.execute(db);
      if (r.rows[0]?.done) summed++;
    } catch (error) {
      if ((error as { code?: string }).code === '55P03') break;
      throw error;
    }
  }
  return summed;
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
    .sort((a, b) => a.code.localeCompare(b.code));
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
      .sort((a, b) => b.submitted - a.submitted || a.subject.code.localeCompare(b.subject.code)),
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
  const [rows, count, streets] = await Promise.all([
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
      .orderBy('promised_due')
      .orderBy('id')
      .limit(limit)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    directory,
  ]);
  return {
    total: Number(count.n),
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
