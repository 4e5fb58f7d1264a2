import { MILESTONES, type MilestoneKey, type ProjectStatus } from '../model.ts';

export interface MilestoneDates {
  key: MilestoneKey;
  plannedOn: string | null;
  actualOn: string | null;
}

export type MilestoneState =
  | 'done' // reached on or before the planned date (or with no plan)
  | 'done-late' // reached after the planned date
  | 'overdue' // planned date passed, not reached
  | 'pending' // planned date still ahead (or today), not reached
  | 'unplanned'; // no planned date, not reached

export interface MilestoneCheck {
  key: MilestoneKey;
  state: MilestoneState;
  /** Calendar days late: actual − planned when late, today − planned when overdue; else 0. */
  slipDays: number;
  /** A slip: reached late, or planned date passed without being reached. */
  warning: boolean;
}

const MS_PER_DAY = 86_400_000;
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days from `a` to `b` (both `YYYY-MM-DD`), in UTC so that no time zone shifts a date. */
export function daysBetween(a: string, b: string): number {
  return (utc(b) - utc(a)) / MS_PER_DAY;
}

function utc(iso: string): number {
  const m = ISO.exec(iso);
  if (!m) throw new RangeError(`not a YYYY-MM-DD date: ${JSON.stringify(iso)}`);
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  if (new Date(t).toISOString().slice(0, 10) !== iso)
    throw new RangeError(`not a calendar date: ${iso}`);
  return t;
}

/**
 * Whether a milestone slips (the slippage warning): its actual date is after its planned date,
 * or its planned date has passed (before `today`) without an actual date. Project milestones
 * are counted in calendar days, not working days: a building site does not stop for holidays
 * in the plan's own bookkeeping.
 */
export function checkMilestone(m: MilestoneDates, today: string): MilestoneCheck {
  if (m.actualOn) {
    const late = m.plannedOn ? daysBetween(m.plannedOn, m.actualOn) : 0;
    return late > 0
      ? { key: m.key, state: 'done-late', slipDays: late, warning: true }
      : { key: m.key, state: 'done', slipDays: 0, warning: false };
  }
  if (!m.plannedOn) return { key: m.key, state: 'unplanned', slipDays: 0, warning: false };
  const overdue = daysBetween(m.plannedOn, today);
  return overdue > 0
    ? { key: m.key, state: 'overdue', slipDays: overdue, warning: true }
    : { key: m.key, state: 'pending', slipDays: 0, warning: false };
}

/** A project's status from the furthest milestone it has reached. */
export function projectStatus(milestones: readonly MilestoneDates[]): ProjectStatus {
  const reached = new Set(milestones.filter((m) => m.actualOn).map((m) => m.key));
  if (reached.has('in-use')) return 'in-use';
  if (reached.has('completion')) return 'completed';
  if (reached.has('groundbreaking') || reached.has('topping-out')) return 'under-construction';
  return 'preparing';
}

/**
 * Where a new actual date for `key` would break the milestones' order: it may not come before
 * an earlier milestone's actual date, nor after a later one's. Returns the bound it breaks.
 */
export function actualDateOutOfOrder(
  milestones: readonly MilestoneDates[],
  key: MilestoneKey,
  actualOn: string,
): { bound: 'minimum' | 'maximum'; limit: string; other: MilestoneKey } | null {
  const at = MILESTONES.indexOf(key);
  for (const m of milestones) {
    if (!m.actualOn || m.key === key) continue;
    const i = MILESTONES.indexOf(m.key);
    if (i < at && m.actualOn > actualOn)
      return { bound: 'minimum', limit: m.actualOn, other: m.key };
    if (i > at && m.actualOn < actualOn)
      return { bound: 'maximum', limit: m.actualOn, other: m.key };
  }
  return null;
}
