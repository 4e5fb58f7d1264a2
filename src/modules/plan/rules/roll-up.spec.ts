import { describe, expect, it } from 'vitest';
import { flattenRolledUp, rollUp, type RollUpNode } from './roll-up.ts';

const leaf = (key: string, progress: number | null, weight = 1): RollUpNode => ({
  key,
  weight,
  progress,
});

describe('rollUp', () => {
  it('weights the children by their weights when the parent says weighted', () => {
    const r = rollUp({
      key: 'c',
      weight: 1,
      rollUp: 'weighted',
      children: [leaf('a', 1, 3), leaf('b', 0, 1)],
    });
    expect(r.progress).toBeCloseTo(0.75);
  });

  it('ignores the weights when the parent says average', () => {
    const r = rollUp({
      key: 'c',
      weight: 1,
      rollUp: 'average',
      children: [leaf('a', 1, 3), leaf('b', 0, 1)],
    });
    expect(r.progress).toBeCloseTo(0.5);
  });

  it('rolls up through every level, each parent by its own method', () => {
    const tree: RollUpNode = {
      key: 'plan',
      weight: 1,
      rollUp: 'average',
      children: [
        {
          key: 'campaign',
          weight: 5,
          rollUp: 'weighted',
          children: [leaf('t1', 0.5, 1), leaf('t2', 1, 3)],
        },
        { key: 'focus', weight: 1, rollUp: 'average', children: [leaf('t3', 0.2)] },
      ],
    };
    const all = flattenRolledUp(rollUp(tree));
    expect(all.get('campaign')!.progress).toBeCloseTo(0.875);
    expect(all.get('focus')!.progress).toBeCloseTo(0.2);
    // The plan averages its two children; the campaign's weight 5 does not count here.
    expect(all.get('plan')!.progress).toBeCloseTo((0.875 + 0.2) / 2);
  });

  it('counts a target with no report as 0 and says how many are reported', () => {
    const r = rollUp({
      key: 'c',
      weight: 1,
      rollUp: 'average',
      children: [leaf('a', 0.8), leaf('b', null)],
    });
    expect(r.progress).toBeCloseTo(0.4);
    expect(r).toMatchObject({ targets: 2, reported: 1 });
    expect(r.children[1]).toMatchObject({ progress: 0, reported: 0, targets: 1 });
  });

  it('leaves a branch without targets out of its parent', () => {
    const r = rollUp({
      key: 'plan',
      weight: 1,
      rollUp: 'weighted',
      children: [
        { key: 'empty', weight: 10, rollUp: 'average', children: [] },
        { key: 'full', weight: 1, rollUp: 'average', children: [leaf('a', 0.6)] },
      ],
    });
    expect(r.children[0]!.progress).toBeNull();
    expect(r.progress).toBeCloseTo(0.6);
    expect(rollUp({ key: 'x', weight: 1, children: [] }).progress).toBeNull();
  });

  it('clamps over-achievement so that it cannot hide a lagging target', () => {
    const r = rollUp({
      key: 'c',
      weight: 1,
      rollUp: 'average',
      children: [leaf('a', 1.6), leaf('b', -0.4)],
    });
    expect(r.progress).toBeCloseTo(0.5);
  });

  it('moves the target and every parent when one report changes', () => {
    const tree = (p: number | null): RollUpNode => ({
      key: 'plan',
      weight: 1,
      rollUp: 'average',
      children: [
        {
          key: 'c',
          weight: 1,
          rollUp: 'weighted',
          children: [leaf('t', p, 2), leaf('u', 0.5, 1)],
        },
      ],
    });
    const before = flattenRolledUp(rollUp(tree(null)));
    const after = flattenRolledUp(rollUp(tree(0.5)));
    for (const key of ['t', 'c', 'plan'])
      expect(after.get(key)!.progress!, key).toBeGreaterThan(before.get(key)!.progress!);
  });

  it('refuses a weight that is not positive', () => {
    expect(() => rollUp({ key: 'a', weight: 0, progress: 1 })).toThrow(RangeError);
    expect(() =>
      rollUp({ key: 'p', weight: 1, children: [{ key: 'a', weight: -1, progress: 1 }] }),
    ).toThrow(/weight/);
  });
});
