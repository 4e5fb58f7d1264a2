import { describe, expect, it } from 'vitest';
import { criticalPath } from './critical-path.ts';

const days = (entries: Record<string, number>) => new Map(Object.entries(entries));

describe('criticalPath', () => {
  it('is the single item when nothing depends on anything', () => {
    expect(criticalPath([{ item: 'a' }, { item: 'b' }], days({ a: 3, b: 5 }))).toEqual({
      days: 5,
      items: ['b'],
    });
  });

  it('sums promised days along the longest chain', () => {
    const refs = [
      { item: 'licence' },
      { item: 'food', after: ['licence'] },
      { item: 'sign', after: ['licence'] },
      { item: 'fire', after: ['food'] },
    ];
    expect(criticalPath(refs, days({ licence: 1, food: 10, sign: 12, fire: 7 }))).toEqual({
      days: 18,
      items: ['licence', 'food', 'fire'],
    });
  });

  it('counts on-the-spot items as steps of the chain (开办企业)', () => {
    const refs = [
      { item: 'registration' },
      { item: 'seal', after: ['registration'] },
      { item: 'invoice', after: ['registration'] },
      { item: 'social-security', after: ['registration'] },
      { item: 'bank-account', after: ['registration'] },
    ];
    const weights = days({
      registration: 1,
      seal: 0,
      invoice: 0,
      'social-security': 0,
      'bank-account': 0,
    });
    expect(criticalPath(refs, weights)).toEqual({ days: 1, items: ['registration', 'seal'] });
  });

  it('follows the heavier branch of a diamond', () => {
    const refs = [
      { item: 'a' },
      { item: 'b', after: ['a'] },
      { item: 'c', after: ['a'] },
      { item: 'd', after: ['b', 'c'] },
    ];
    expect(criticalPath(refs, days({ a: 1, b: 2, c: 5, d: 1 }))).toEqual({
      days: 7,
      items: ['a', 'c', 'd'],
    });
  });

  it('is zero days and no items for an empty bundle', () => {
    expect(criticalPath([], days({}))).toEqual({ days: 0, items: [] });
  });

  it('weighs items it has no days for as 0, keeping a lower bound', () => {
    expect(criticalPath([{ item: 'a' }, { item: 'b', after: ['a'] }], days({ b: 2 }))).toEqual({
      days: 2,
      items: ['a', 'b'],
    });
  });

  it('terminates even if handed a cycle', () => {
    const refs = [
      { item: 'a', after: ['b'] },
      { item: 'b', after: ['a'] },
    ];
    expect(criticalPath(refs, days({ a: 1, b: 1 })).days).toBeLessThanOrEqual(2);
  });
});
