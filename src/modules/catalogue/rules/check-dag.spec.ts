import { describe, expect, it } from 'vitest';
import { checkDag } from './check-dag.ts';

describe('checkDag', () => {
  it('accepts a DAG, including items with no prerequisites', () => {
    expect(
      checkDag([
        { item: 'licence' },
        { item: 'food', after: ['licence'] },
        { item: 'sign', after: ['licence', 'food'] },
      ]),
    ).toEqual([]);
  });

  it('reports a prerequisite that is not in the bundle, at its position', () => {
    expect(checkDag([{ item: 'a' }, { item: 'b', after: ['a', 'ghost'] }])).toEqual([
      {
        code: 'bundle_unknown_dependency',
        field: 'items[1].after[1]',
        params: { item: 'b', dependency: 'ghost' },
      },
    ]);
  });

  it('names a two-item cycle in handling order from the first-listed item', () => {
    expect(
      checkDag([
        { item: 'a', after: ['b'] },
        { item: 'b', after: ['a'] },
      ]),
    ).toEqual([
      { code: 'bundle_cycle', field: 'items[0].after[0]', params: { cycle: 'a → b → a' } },
    ]);
  });

  it('names a longer cycle the same way whichever item the search starts from', () => {
    // x before y before z before x; x is listed last.
    const problems = checkDag([
      { item: 'root' },
      { item: 'y', after: ['x'] },
      { item: 'z', after: ['y'] },
      { item: 'x', after: ['root', 'z'] },
    ]);
    expect(problems).toEqual([
      { code: 'bundle_cycle', field: 'items[1].after[0]', params: { cycle: 'y → z → x → y' } },
    ]);
  });

  it('catches an item that must come after itself', () => {
    expect(checkDag([{ item: 'a', after: ['a'] }])).toEqual([
      { code: 'bundle_cycle', field: 'items[0].after[0]', params: { cycle: 'a → a' } },
    ]);
  });

  it('reports every independent cycle and unknown prerequisite together', () => {
    const problems = checkDag([
      { item: 'a', after: ['b'] },
      { item: 'b', after: ['a', 'nowhere'] },
      { item: 'c', after: ['d'] },
      { item: 'd', after: ['c'] },
    ]);
    expect(problems.map((p) => [p.code, p.params.cycle ?? p.params.dependency])).toEqual([
      ['bundle_unknown_dependency', 'nowhere'],
      ['bundle_cycle', 'a → b → a'],
      ['bundle_cycle', 'c → d → c'],
    ]);
  });
});
