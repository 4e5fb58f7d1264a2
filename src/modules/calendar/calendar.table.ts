import type { Generated, Selectable } from 'kysely';

/** A day whose status differs from what the holiday package says (or says nothing about). */
export interface CalendarDayTable {
  date: string;
  working: boolean;
  name: string | null;
  /** `official_notice` for a State Council notice imported by an admin, `local` for a district change. */
  source: 'official_notice' | 'local';
  updated_by: string | null;
  updated_at: Generated<Date>;
}
export type CalendarDay = Selectable<CalendarDayTable>;

/** A year whose official notice has been imported: its dates are no longer provisional. */
export interface CalendarYearTable {
  year: number;
  notice: string;
  imported_by: string | null;
  imported_at: Generated<Date>;
}

export interface CalendarTables {
  calendar_day: CalendarDayTable;
  calendar_year: CalendarYearTable;
}
