/**
 * Service figures per day, kept by triggers (migrations/2026112807_case_rollups.ts) in the same
 * transaction as every transition. Each counter is added on the day its event happened, in
 * Asia/Shanghai. Only the cases module reads it; other modules call `serviceKpis`.
 */
export interface CaseRollupTable {
  day: string;
  division_code: string;
  /** The applicant's street or town (division code); '' when not known. */
  street_code: string;
  /** `bundle:<key>` or `item:<key>`. */
  subject: string;
  channel: string;
  /** '' for the case counters; the rated department (`dept:<key>`) for the rating counters. */
  department: string;
  /**
   * 0, or the shard a transaction added its figures to (2026112916): a figure is the sum over
   * a key's shards; `case_rollup_fold()` moves shards into 0.
   */
  shard: number;
  submitted: number;
  accepted: number;
  declined: number;
  withdrawn: number;
  completed: number;
  completed_on_time: number;
  overdue: number;
  closed: number;
  closed_zero_trip: number;
  trips: number;
  ratings: number;
  bad_ratings: number;
  stars: number;
}

type CounterColumns = Omit<
  CaseRollupTable,
  'day' | 'division_code' | 'street_code' | 'subject' | 'channel' | 'department' | 'shard'
>;

/**
 * The roll-up's shard-0 rows summed per breakdown, day and month, kept by the fold and the
 * rebuild (migrations/2026112917_case_rollup_summary.ts).
 */
export interface CaseRollupSummaryTable extends CounterColumns {
  /** '*' for the whole district; otherwise a street's division code ('' street not known). */
  scope: string;
  span: 'day' | 'month';
  /** The day, or the month's first day. */
  day: string;
  breakdown: 'day' | 'channel' | 'street_code' | 'subject' | 'department';
  /** The day itself for the `day` breakdown; otherwise the channel, street, subject or unit. */
  key: string;
}

export interface CaseRollupTables {
  case_rollup: CaseRollupTable;
  case_rollup_summary: CaseRollupSummaryTable;
}
