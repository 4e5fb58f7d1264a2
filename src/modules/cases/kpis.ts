import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import { badRequest } from '../../shared/app-error.ts';
import { catalogueNames } from '../catalogue/index.ts';
import { orgUnitsByCode, unitDirectory, type UnitByCode } from '../identity/index.ts';
import { localDate } from './clock.ts';
import { caseFigures, ZERO, type Counts, type OverdueRow } from './kpi-figures.ts';

export type { Counts } from './kpi-figures.ts';

/**
 * Service figures (办件量, 按时办结率, 跑零次率, 好差评) over a period, read from the daily roll-up
 * that triggers keep (see migrations/2026112807_case_rollups.ts) through its day and month
 * summary (2026112917): the default 30 days read a couple of hundred rows, whatever the number
 * of cases. Only the overdue list reads cases, the open red ones, through their partial index.
 * kpi-figures.ts reads them; this file checks the query, names what was found and shapes it.
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

const ratio = (a: number, b: number) => (b ? a / b : null);

export function ratesOf(c: Counts): Rates {
  return {
    onTimeRate: ratio(c.completedOnTime, c.completed),
    zeroTripRate: ratio(c.closedZeroTrip, c.closed),
    satisfaction: ratio(c.stars, c.ratings),
    badRate: ratio(c.badRatings, c.ratings),
  };
}

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

export interface Named {
  code: string;
  name: string;
  nameEn: string;
}

type Catalogue = Awaited<ReturnType<typeof catalogueNames>>;

/** Names of bundles and items: `bundle:open-restaurant` → 开餐饮店一件事. */
function subjectName({ items, bundles }: Catalogue, subject: string): Named {
  const [kind, key = ''] = subject.split(':');
  const found = kind === 'item' ? items.get(key) : kind === 'bundle' ? bundles.get(key) : null;
  return { code: subject, name: found?.name ?? subject, nameEn: found?.nameEn ?? subject };
}

const STREET_KINDS = new Set(['subdistrict', 'town']);

const UNKNOWN_STREET: Named = { code: '', name: '未填街道', nameEn: 'Street not given' };

/**
 * Service KPIs over a period, optionally narrowed to one street and one bundle or item, for the
 * city brain and the monthly report. The zero-material rate (零材料) is the catalogue's, not the
 * period's: the brain adds it from the certificates module. `catalogue` lets a caller that also
 * needs the catalogue share one check of it.
 */
export async function serviceKpis(
  db: Kysely<Database>,
  q: KpiQuery,
  today = localDate(new Date()),
  catalogue?: Promise<Catalogue>,
) {
  const days = checkPeriod(q);
  // One round of three statements in parallel: the figures (the sums; the overdue page) and
  // the small query that finds the catalogue current. The names of streets and departments come
  // from identity's directory, which only the seed writes and a process keeps for a minute.
  const limit = Math.min(Math.max(q.overdueLimit ?? 20, 1), 100);
  const [figures, unitByCode, names] = await Promise.all([
    caseFigures(db, { ...q, overdueLimit: limit }),
    unitDirectory(db),
    catalogue ?? catalogueNames(db),
  ]);
  const {
    total,
    day: byDay,
    channel: byChannel,
    street_code: byStreet,
    subject: bySubject,
    department: byDepartment,
  } = figures.sums;
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
  const streetList: Named[] = [...unitByCode.values()]
    .filter((u) => STREET_KINDS.has(u.kind))
    .map((s) => ({ code: s.code, name: s.name, nameEn: s.nameEn }))
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  if (streetRows.has('')) streetList.push(UNKNOWN_STREET);
  const shownStreets =
    q.street === undefined ? streetList : streetList.filter((s) => s.code === q.street);

  // A rating may name a unit that is not a department (a street's office): a second, rare look.
  const unnamed = byDepartment.map((r) => r.key!).filter((k) => !unitByCode.has(k));
  const departments: Map<string, UnitByCode> = unnamed.length
    ? new Map([...unitByCode, ...(await orgUnitsByCode(db, unnamed))])
    : unitByCode;

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
      .map((r) => ({ subject: subjectName(names, r.key!), ...r.counts, ...ratesOf(r.counts) }))
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
    overdue: {
      total: figures.overdue.total,
      data: figures.overdue.rows.map((r) => overdueCase(r, unitByCode, today)),
    },
  };
}

export type ServiceKpis = Awaited<ReturnType<typeof serviceKpis>>;

/** An open application whose light is red now (today's state, whatever the period). */
function overdueCase(r: OverdueRow, units: Map<string, Named>, today: string) {
  const s = r.street ? units.get(r.street) : undefined;
  return {
    id: r.id,
    number: r.number,
    title: r.title,
    subject: r.subject,
    state: r.state,
    channel: r.channel,
    street: s
      ? { code: s.code, name: s.name, nameEn: s.nameEn }
      : r.street
        ? { code: r.street, name: r.street, nameEn: '' }
        : UNKNOWN_STREET,
    promisedDue: r.promised_due,
    daysOverdue: r.promised_due ? Math.max(0, dayNumber(today) - dayNumber(r.promised_due)) : 0,
  };
}
