import { describe, expect, it } from 'vitest';
import { form, item, prop } from './bundle-fixtures.ts';
import { mergeForms } from './merge-form.ts';

describe('mergeForms', () => {
  it('asks a shared element once and keeps the first definition, x-order included', () => {
    const licence = item('licence', {
      form: form({
        'applicant.name': prop('string', { title: '申请人', 'x-order': 1 }),
        'premises.area_m2': prop('number', { 'x-order': 5 }),
      }),
    });
    const food = item('food', {
      form: form({
        'applicant.name': prop('string', { title: '经营者', 'x-order': 9 }),
        'food.category': prop('string'),
      }),
    });
    const { form: merged, conflicts } = mergeForms([licence, food]);
    expect(conflicts).toEqual([]);
    expect(Object.keys(merged.properties)).toEqual([
      'applicant.name',
      'premises.area_m2',
      'food.category',
    ]);
    expect(merged.properties['applicant.name']).toMatchObject({ title: '申请人', 'x-order': 1 });
  });

  it('requires an element when any item requires it, listing it once', () => {
    const a = item('a', { form: form({ x: prop('string'), y: prop('string') }, ['x']) });
    const b = item('b', { form: form({ x: prop('string'), y: prop('string') }, ['y', 'x']) });
    const c = item('c', { form: form({ z: prop('boolean') }, []) });
    expect(mergeForms([a, b, c]).form.required).toEqual(['x', 'y']);
  });

  it('reports a type disagreement naming the kept item and the disagreeing one', () => {
    const a = item('a', { form: form({ 'premises.area_m2': prop('number') }) });
    const b = item('b', { form: form({ 'premises.area_m2': prop('number') }) });
    const c = item('c', { form: form({ 'premises.area_m2': prop('string') }) });
    const { form: merged, conflicts } = mergeForms([a, b, c]);
    expect(conflicts).toEqual([
      { element: 'premises.area_m2', itemA: 'a', typeA: 'number', itemB: 'c', typeB: 'string' },
    ]);
    expect(merged.properties['premises.area_m2']?.type).toBe('number');
  });

  it('treats number and integer as different types', () => {
    const a = item('a', { form: form({ n: prop('integer') }) });
    const b = item('b', { form: form({ n: prop('number') }) });
    expect(mergeForms([a, b]).conflicts).toHaveLength(1);
  });

  it('merges nothing into an empty form', () => {
    expect(mergeForms([])).toEqual({
      form: { type: 'object', properties: {}, required: [] },
      conflicts: [],
    });
  });
});
