import type { BundleItemRef } from '../model.ts';
import type { CompileProblem } from './types.ts';

/**
 * The `after` lists must form a DAG over the bundle's own items, or no order of handling exists.
 * Cycles are named in handling order ('a → b → a': a before b before a), starting from the item
 * listed first in the bundle, so the same mistake always reads the same way.
 */
export function checkDag(refs: readonly BundleItemRef[]): CompileProblem[] {
  const problems: CompileProblem[] = [];
  const position = new Map<string, number>();
  refs.forEach((ref, i) => {
    if (!position.has(ref.item)) position.set(ref.item, i);
  });

  // A duplicated item is reported elsewhere; here its prerequisites count as one node's.
  const prerequisites = new Map<string, string[]>();
  refs.forEach((ref, i) => {
    const list = prerequisites.get(ref.item) ?? [];
    prerequisites.set(ref.item, list);
    (ref.after ?? []).forEach((dependency, j) => {
      if (!position.has(dependency)) {
        problems.push({
          code: 'bundle_unknown_dependency',
          field: `items[${i}].after[${j}]`,
          params: { item: ref.item, dependency },
        });
      } else if (!list.includes(dependency)) {
        list.push(dependency);
      }
    });
  });

  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const seen = new Set<string>();

  const visit = (node: string): void => {
    state.set(node, 'open');
    stack.push(node);
    for (const dependency of prerequisites.get(node) ?? []) {
      const s = state.get(dependency);
      if (s === 'open') {
        // The stack runs dependent → prerequisite; reversed it is the order of handling.
        const cycle = stack.slice(stack.indexOf(dependency)).reverse();
        const problem = cycleProblem(cycle, refs, position);
        if (!seen.has(problem.params.cycle as string)) {
          seen.add(problem.params.cycle as string);
          problems.push(problem);
        }
      } else if (s === undefined) {
        visit(dependency);
      }
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const node of prerequisites.keys()) if (!state.has(node)) visit(node);

  return problems;
}

function cycleProblem(
  cycle: string[],
  refs: readonly BundleItemRef[],
  position: ReadonlyMap<string, number>,
): CompileProblem {
  const first = cycle.reduce((best, node) =>
    (position.get(node) ?? 0) < (position.get(best) ?? 0) ? node : best,
  );
  const start = cycle.indexOf(first);
  const ordered = [...cycle.slice(start), ...cycle.slice(0, start)];
  // The `after` entry that closes the loop back to the first item.
  const closing = ordered[ordered.length - 1]!;
  const i = refs.findIndex((r) => r.item === first && (r.after ?? []).includes(closing));
  const j = refs[i]?.after?.indexOf(closing) ?? 0;
  return {
    code: 'bundle_cycle',
    field: `items[${i}].after[${j}]`,
    params: { cycle: [...ordered, first].join(' → ') },
  };
}
