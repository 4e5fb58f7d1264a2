import type { Kysely } from 'kysely';
import chineseDays from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import type { Database } from '../../db/database.ts';
import { assertRole, type Actor } from '../../shared/actor.ts';
import { AppError, badRequest } from '../../shared/app-error.ts';
import { recordAudit } from '../audit/index.ts';
import { addWorkingDays } from './rules/add-working-days.ts';
import { CHINESE_DAYS_LAST_YEAR, chineseDaysLookup } from './rules/chinese-days-lookup.ts';
import type { DayLookup, DayStatus } from './rules/day-status.ts';
import { addDays, daysBetween, isIsoDate, isoWeekday } from './rules/iso-date.ts';
import { nextWorkingDay } from './rules/next-working-day.ts';
import { workingDaysBetween } from './rules/working-days-between.ts';

export type DaySource = 'package' | 'official_notice' | 'local' | 'weekday';

export interface CalendarDayView extends DayStatus {
  date: string;
  name: string | null;
  source: DaySource;
}

interface Snapshot {
  overrides: Map<
    string,
    { working: boolean; name: string | null; source: 'official_notice' | 'local' }
  >;
  importedYears: Set<number>;
  loadedAt: number;
}

// Overrides are a few dozen rows a year; keeping them in memory keeps deadline arithmetic
// synchronous and free. Another process's edit shows here within CACHE_MS.
const CACHE_MS = 30_000;
const packageNames: Record<string, string> = { ...chineseDays.holidays, ...chineseDays.workdays };

/**
 * The working-day calendar: the holiday package, overlaid with the years an admin imported
 * from a State Council notice and with local changes. Anything else after the package's
 * last year is computed from weekdays and flagged provisional.
 */
export class WorkingCalendar {
  private snapshot: Snapshot | undefined;
  private loading: Promise<Snapshot> | undefined;

  constructor(private readonly db: Kysely<Database>) {}

  private async load(): Promise<Snapshot> {
    const [days, years] = await Promise.all([
      this.db.selectFrom('calendar_day').select(['date', 'working', 'name', 'source']).execute(),
      this.db.selectFrom('calendar_year').select('year').execute(),
    ]);
    return {
      overrides: new Map(
        days.map((d) => [d.date, { working: d.working, name: d.name, source: d.source }]),
      ),
      importedYears: new Set(years.map((y) => y.year)),
      loadedAt: Date.now(),
    };
  }

  /** After a change: the next lookup sees it. Loads now, outside any caller's transaction. */
  async refresh(): Promise<void> {
    this.snapshot = await this.load();
  }

  /** A synchronous lookup over the current data, for the pure working-day rules. */
  async lookup(): Promise<DayLookup> {
    const snap = await this.current();
    return (date) => this.describe(snap, date);
  }

  /**
   * A stale snapshot is served while a fresh one loads in the background. Waiting for it would
   * be wrong inside a transaction: on the embedded database the pool has one connection, which
   * that transaction holds, so the reload could never run (the caller would deadlock).
   * Only the very first lookup waits; the server warms the cache at start.
   */
  private async current(): Promise<Snapshot> {
    const fresh = this.snapshot && Date.now() - this.snapshot.loadedAt < CACHE_MS;
    if (!fresh) {
      this.loading ??= this.load()
        .then((snap) => (this.snapshot = snap))
        .finally(() => {
          this.loading = undefined;
        });
      // A failed background reload keeps the old data; the next lookup tries again.
      this.loading.catch(() => {});
    }
    return this.snapshot ?? (await this.loading!);
  }

  private describe(snap: Snapshot, date: string): CalendarDayView {
    const o = snap.overrides.get(date);
    if (o) return { date, working: o.working, provisional: false, name: o.name, source: o.source };
    const year = Number(date.slice(0, 4));
    if (snap.importedYears.has(year)) {
      return {
        date,
        working: isoWeekday(date) <= 5,
        provisional: false,
        name: null,
        source: 'weekday',
      };
    }
    const s = chineseDaysLookup(date);
    const listed = packageNames[date];
    return {
      date,
      ...s,
      name: listed ? (listed.split(',')[1] ?? null) : null,
      source: listed ? 'package' : 'weekday',
    };
  }

  async days(from: string, to: string): Promise<CalendarDayView[]> {
    requireDate(from, 'from');
    requireDate(to, 'to');
    const span = daysBetween(from, to);
    if (span < 0) throw badRequest('validation_minimum', 'to', { limit: from });
    if (span > 400) throw badRequest('calendar_range_too_long', 'to', { limit: 400 });
    const snap = await this.current();
    const out: CalendarDayView[] = [];
    for (let d = from; d <= to; d = addDays(d, 1)) out.push(this.describe(snap, d));
    return out;
  }

  async addWorkingDays(from: string, n: number) {
    requireDate(from, 'from');
    return addWorkingDays(from, n, await this.lookup());
  }

  async workingDaysBetween(from: string, to: string) {
    requireDate(from, 'from');
    requireDate(to, 'to');
    return workingDaysBetween(from, to, await this.lookup());
  }

  async nextWorkingDay(date: string) {
    requireDate(date, 'date');
    return nextWorkingDay(date, await this.lookup());
  }

  async coverage() {
    const snap = await this.current();
    return {
      packageLastYear: CHINESE_DAYS_LAST_YEAR,
      importedYears: [...snap.importedYears].sort(),
      localChanges: [...snap.overrides.values()].filter((o) => o.source === 'local').length,
    };
  }

  async setDay(
    actor: Actor | null,
    date: string,
    input: { working: boolean; name?: string | undefined },
  ) {
    assertRole(actor, 'admin');
    requireDate(date, 'date');
    await this.db.transaction().execute(async (trx) => {
      const before = await trx
        .selectFrom('calendar_day')
        .selectAll()
        .where('date', '=', date)
        .executeTakeFirst();
      const row = {
        date,
        working: input.working,
        name: input.name ?? null,
        source: 'local' as const,
        updated_by: actor.username,
      };
      await trx
        .insertInto('calendar_day')
        .values(row)
        .onConflict((oc) => oc.column('date').doUpdateSet({ ...row, updated_at: new Date() }))
        .execute();
      await recordAudit(trx, actor, {
        action: 'calendar.set_day',
        targetType: 'calendar_day',
        targetId: date,
        before,
        after: row,
      });
    });
    await this.refresh();
    return (await this.days(date, date))[0]!;
  }

  async clearDay(actor: Actor | null, date: string) {
    assertRole(actor, 'admin');
    requireDate(date, 'date');
    await this.db.transaction().execute(async (trx) => {
      const before = await trx
        .deleteFrom('calendar_day')
        .where('date', '=', date)
        .returningAll()
        .executeTakeFirst();
      if (!before) throw new AppError(404, 'not_found', { what: date });
      await recordAudit(trx, actor, {
        action: 'calendar.clear_day',
        targetType: 'calendar_day',
        targetId: date,
        before,
      });
    });
    await this.refresh();
  }

  /**
   * Imports one year's State Council notice: the listed holidays and make-up workdays replace
   * any earlier import of that year, and the year stops being provisional.
   */
  async importYear(
    actor: Actor | null,
    year: number,
    input: {
      notice: string;
      days: { date: string; working: boolean; name?: string | undefined }[];
    },
  ) {
    assertRole(actor, 'admin');
    input.days.forEach((d, i) => {
      requireDate(d.date, `days[${i}].date`);
      if (Number(d.date.slice(0, 4)) !== year) throw badRequest('date_invalid', `days[${i}].date`);
    });
    await this.db.transaction().execute(async (trx) => {
      await trx
        .deleteFrom('calendar_day')
        .where('source', '=', 'official_notice')
        .where('date', '>=', `${year}-01-01`)
        .where('date', '<=', `${year}-12-31`)
        .execute();
      if (input.days.length) {
        await trx
          .insertInto('calendar_day')
          .values(
            input.days.map((d) => ({
              date: d.date,
              working: d.working,
              name: d.name ?? null,
              source: 'official_notice' as const,
              updated_by: actor.username,
            })),
          )
          // A local change made earlier stays the district's decision.
          .onConflict((oc) => oc.column('date').doNothing())
          .execute();
      }
      await trx
        .insertInto('calendar_year')
        .values({ year, notice: input.notice, imported_by: actor.username })
        .onConflict((oc) =>
          oc.column('year').doUpdateSet({
            notice: input.notice,
            imported_by: actor.username,
            imported_at: new Date(),
          }),
        )
        .execute();
      await recordAudit(trx, actor, {
        action: 'calendar.import_year',
        targetType: 'calendar_year',
        targetId: String(year),
        after: input,
      });
    });
    await this.refresh();
    return this.coverage();
  }
}

function requireDate(value: string, field: string) {
  if (!isIsoDate(value)) throw badRequest('date_invalid', field);
}
