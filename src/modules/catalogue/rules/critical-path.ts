import type { BundleItemRef } from '../model.ts';
import type { CriticalPath } from './types.ts';

/**
 * The longest chain of prerequisites, weighted by each item's promised working days: no
 * promise for the whole bundle can be shorter. Items handled on the spot weigh 0 but still
 * count as steps, so among chains of equal days the one with more items wins (it is the chain
 * the applicant actually waits through); remaining ties go to the item listed first.
 *
 * Expects a DAG (see checkDag); a prerequisite outside the bundle or an unknown weight counts
 * as nothing, which keeps the result a lower bound.
 */
export function criticalPath(
  refs: readonly BundleItemRef[],
  days: ReadonlyMap<string, number>,
): CriticalPath {
  const prerequisites = new Map<string, string[]>();
  for (const ref of refs) {
    prerequisites.set(ref.item, [...(prerequisites.get(ref.item) ?? []), ...(ref.after ?? [])]);
  }

  const memo = new Map<string, CriticalPath>();
  const longestTo = (node: string): CriticalPath => {
    const known = memo.get(node);
    if (known) return known;
    // Placeholder so a cycle that slipped through ends the walk instead of recursing forever.
    memo.set(node, { days: 0, items: [] });
    let best: CriticalPath = { days: 0, items: [] };
    for (const p of prerequisites.get(node) ?? []) {
      if (!prerequisites.has(p)) continue;
      const candidate = longestTo(p);
      if (longer(candidate, best)) best = candidate;
    }
    const path = { days: best.days + (days.get(node) ?? 0), items: [...best.items, node] };
    memo.set(node, path);
    return path;
  };

  let result: CriticalPath = { days: 0, items: [] };
  for (const node of prerequisites.keys()) {
    const path = longestTo(node);
    if (longer(path, result)) result = path;
  }
  return result;
}

function longer(a: CriticalPath, b: CriticalPath): boolean {
  return a.days > b.days || (a.days === b.days && a.items.length > b.items.length);
}
