import type { Direction } from '../model.ts';

export interface TargetFigures {
  direction: Direction;
  baseline: number;
  target: number;
  /** The latest reported value; null when nothing has been reported. */
  latest: number | null;
}

export interface TargetProgress {
  /** 0–1: how far from the baseline towards the target; null when nothing is reported. */
  progress: number | null;
  /** The same ratio unclamped: 1.3 is 30 % beyond the target, −0.2 is worse than the baseline. */
  achievement: number | null;
  /** Whether the latest value reaches the target (in the target's direction). */
  met: boolean | null;
}

/**
 * Progress of one target from its baseline, its target value and the latest report.
 *
 * The distance covered is (latest − baseline) / (target − baseline), which reads the same way
 * for targets where more is better (123 new high-tech enterprises) and where less is better
 * (days to approve a permit, from 20 down to 5: at 11 days the target is 60 % reached).
 * A target equal to its baseline ("hold at 100 %") is either met (1) or not (0).
 */
export function targetProgress(f: TargetFigures): TargetProgress {
  if (f.latest === null) return { progress: null, achievement: null, met: null };
  const met = f.direction === 'increase' ? f.latest >= f.target : f.latest <= f.target;
  const span = f.target - f.baseline;
  if (span === 0) return { progress: met ? 1 : 0, achievement: met ? 1 : 0, met };
  const achievement = (f.latest - f.baseline) / span;
  return { progress: Math.min(1, Math.max(0, achievement)), achievement, met };
}

/**
 * What is wrong with a target's figures, if anything: a target on the wrong side of its
 * baseline for its direction cannot be reached by improving (an "increase" target below its
 * baseline). Returns the name of the field at fault, or null.
 */
export function targetFiguresProblem(f: Omit<TargetFigures, 'latest'>): 'targetValue' | null {
  if (!Number.isFinite(f.baseline) || !Number.isFinite(f.target)) return 'targetValue';
  if (f.direction === 'increase' && f.target < f.baseline) return 'targetValue';
  if (f.direction === 'decrease' && f.target > f.baseline) return 'targetValue';
  return null;
}
