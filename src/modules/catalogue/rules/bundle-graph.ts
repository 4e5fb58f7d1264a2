import type { BundleItemRef } from '../model.ts';
import type { BundleGraph } from './types.ts';

/**
 * The after-DAG for drawing: edges run from prerequisite to dependent, and an item's layer is
 * its longest distance from a root, so every edge points to a later column. Expects a DAG.
 */
export function bundleGraph(refs: readonly BundleItemRef[]): BundleGraph {
  const known = new Set(refs.map((r) => r.item));
  const nodes: BundleGraph['nodes'] = [];
  const edges: BundleGraph['edges'] = [];
  const prerequisites = new Map<string, string[]>();

  for (const ref of refs) {
    if (!prerequisites.has(ref.item)) {
      prerequisites.set(ref.item, []);
      nodes.push({ item: ref.item, layer: 0, ...(ref.when ? { when: ref.when } : {}) });
    }
    const list = prerequisites.get(ref.item)!;
    for (const from of ref.after ?? []) {
      if (!known.has(from) || list.includes(from)) continue;
      list.push(from);
      edges.push({ from, to: ref.item });
    }
  }

  const layers = new Map<string, number>();
  const layerOf = (node: string): number => {
    const cached = layers.get(node);
    if (cached !== undefined) return cached;
    layers.set(node, 0);
    const layer = Math.max(-1, ...(prerequisites.get(node) ?? []).map(layerOf)) + 1;
    layers.set(node, layer);
    return layer;
  };
  for (const node of nodes) node.layer = layerOf(node.item);

  return { nodes, edges };
}
