export interface DayStatus {
  working: boolean;
  /**
   * The answer comes from a guess (typically the plain Monday–Friday rule) rather than a
   * published State Council schedule, so a deadline computed from it may still move.
   */
  provisional: boolean;
}

/**
 * The single authority on whether a `YYYY-MM-DD` date is a working day. The working-day rules
 * never apply their own weekday logic on top: make-up workdays (调休上班) fall on weekends.
 */
export type DayLookup = (isoDate: string) => DayStatus;
