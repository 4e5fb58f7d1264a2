import { describe, expect, it } from 'vitest';
import { bundleGraph } from './bundle-graph.ts';

describe('bundleGraph', () => {
  it('puts roots in layer 0 and each item one past its deepest prerequisite', () => {
    const graph = bundleGraph([
      { item: 'licence' },
      { item: 'food', after: ['licence'] },
      { item: 'fire', after: ['licence', 'food'], when: 'premises.area_m2 > 50' },
      { item: 'tax' },
    ]);
    expect(graph.nodes).toEqual([
      { item: 'licence', layer: 0 },
      { item: 'food', layer: 1 },
      { item: 'fire', layer: 2, when: 'premises.area_m2 > 50' },
      { item: 'tax', layer: 0 },
    ]);
    expect(graph.edges).toEqual([
      { from: 'licence', to: 'food' },
      { from: 'licence', to: 'fire' },
      { from: 'food', to: 'fire' },
    ]);
  });

  it('draws each item and each edge once', () => {
    const graph = bundleGraph([
      { item: 'a' },
      { item: 'b', after: ['a', 'a'] },
      { item: 'b', after: ['a'] },
    ]);
    expect(graph.nodes).toEqual([
      { item: 'a', layer: 0 },
      { item: 'b', layer: 1 },
    ]);
    expect(graph.edges).toEqual([{ from: 'a', to: 'b' }]);
  });

  it('leaves out prerequisites that are not in the bundle', () => {
    expect(bundleGraph([{ item: 'a', after: ['ghost'] }])).toEqual({
      nodes: [{ item: 'a', layer: 0 }],
      edges: [],
    });
  });
});
