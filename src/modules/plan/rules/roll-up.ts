import type { RollUpMethod } from '../model.ts';

/**
 * A node of the goal tree as the roll-up sees it. A leaf is a target: its `progress` is 0–1, or
 * null when nothing has been reported yet. An inner node says how its children combine.
 */
export interface RollUpNode {
  key: string;
  /** Relative to the node's siblings; used when the parent is `weighted`. Must be > 0. */
  weight: number;
  rollUp?: RollUpMethod;
  /** Leaves only. */
  progress?: number | null;
  children?: readonly RollUpNode[];
}

export interface RolledUp {
  key: string;
  /** 0–1; null for a branch with no targets under it (it says nothing, so it is left out). */
  progress: number | null;
  /** Targets under the node (1 for a target itself). */
  targets: number;
  /** Of those, how many have a report. */
  reported: number;
  children: RolledUp[];
}

/**
 * Rolls progress up the goal tree, the way Decidim's accountability results do: a parent's
 * progress combines its children's, weighted by their weights or as a plain average, as the
 * parent node says.
 *
 * - A target with no report counts as 0: nothing reported is no progress shown, and the
 *   `reported` count tells the two apart. (Leaving it out would let one early report stand for
 *   a whole campaign.)
 * - A branch with no targets at all has no progress and is left out of its parent.
 * - Leaf progress is clamped to 0–1, so one over-achieved target cannot hide a lagging one.
 */
export function rollUp(node: RollUpNode): RolledUp {
  if (!(Number.isFinite(node.weight) && node.weight > 0))
    throw new RangeError(`node ${node.key}: weight must be a positive number`);
  if (!node.children) {
    const p = node.progress;
    return {
      key: node.key,
      progress: p === null || p === undefined ? 0 : clamp01(p),
      targets: 1,
      reported: p === null || p === undefined ? 0 : 1,
      children: [],
    };
  }
  const children = node.children.map(rollUp);
  const byWeight = (node.rollUp ?? 'weighted') === 'weighted';
  let sum = 0;
  let weights = 0;
  children.forEach((c, i) => {
    if (c.progress === null) return;
    const w = byWeight ? node.children![i]!.weight : 1;
    sum += w * c.progress;
    weights += w;
  });
  const progress = weights > 0 ? sum / weights : null;
  return {
    key: node.key,
    progress,
    targets: children.reduce((n, c) => n + c.targets, 0),
    reported: children.reduce((n, c) => n + c.reported, 0),
    children,
  };
}

/** Every node's result by key, for looking a node up after rolling up. */
export function flattenRolledUp(root: RolledUp): Map<string, RolledUp> {
  const all = new Map<string, RolledUp>();
  const walk = (n: RolledUp) => {
    all.set(n.key, n);
    n.children.forEach(walk);
  };
  walk(root);
  return all;
}

function clamp01(p: number): number {
  if (!Number.isFinite(p)) throw new RangeError('progress must be a finite number');
  return Math.min(1, Math.max(0, p));
}
