export type { CalendarTables } from './calendar.table.ts';
export { WorkingCalendar, type CalendarDayView, type DaySource } from './service.ts';
export type { DayLookup, DayStatus } from './rules/day-status.ts';
export { addWorkingDays } from './rules/add-working-days.ts';
export { workingDaysBetween } from './rules/working-days-between.ts';
export { nextWorkingDay } from './rules/next-working-day.ts';
export { calendarRoutes } from './routes.ts';
