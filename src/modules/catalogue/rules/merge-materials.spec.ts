import { describe, expect, it } from 'vitest';
import { item, material } from './bundle-fixtures.ts';
import { mergeMaterials } from './merge-materials.ts';

describe('mergeMaterials', () => {
  it('asks each material key once, listing every item that wants it', () => {
    const a = item('a', { materials: [material('id-card'), material('lease-contract')] });
    const b = item('b', { materials: [material('id-card'), material('floor-plan')] });
    const merged = mergeMaterials([{ item: a }, { item: b }]);
    expect(merged.map((m) => m.key)).toEqual(['id-card', 'lease-contract', 'floor-plan']);
    expect(merged[0]?.items).toEqual(['a', 'b']);
    expect(merged[1]?.items).toEqual(['a']);
  });

  it('keeps the strictest requirement: required over conditional over optional', () => {
    const lease = (requirement: 'required' | 'conditional' | 'optional') =>
      material('lease', {
        requirement,
        ...(requirement === 'conditional' ? { condition: 'premises.rented' } : {}),
      });
    const merge = (...rs: ('required' | 'conditional' | 'optional')[]) =>
      mergeMaterials(rs.map((r, i) => ({ item: item(`i${i}`, { materials: [lease(r)] }) })))[0];

    expect(merge('optional', 'required')).toMatchObject({ requirement: 'required' });
    expect(merge('required', 'conditional')).toMatchObject({ requirement: 'required' });
    expect(merge('optional', 'conditional')).toMatchObject({
      requirement: 'conditional',
      condition: 'premises.rented',
    });
    expect(merge('optional', 'optional')).toMatchObject({ requirement: 'optional' });
  });

  it('drops the condition once another item requires the material outright', () => {
    const a = item('a', {
      materials: [
        material('m', { requirement: 'conditional', condition: 'x', conditionText: 'X' }),
      ],
    });
    const b = item('b', { materials: [material('m')] });
    const [m] = mergeMaterials([{ item: a }, { item: b }]);
    expect(m).not.toHaveProperty('condition');
    expect(m).not.toHaveProperty('conditionText');
    expect(m?.requirement).toBe('required');
  });

  it('joins two conditions with || and their texts with ；', () => {
    const a = item('a', {
      materials: [
        material('m', {
          requirement: 'conditional',
          condition: 'premises.area_m2 > 50',
          conditionText: '面积超过50平方米',
        }),
      ],
    });
    const b = item('b', {
      materials: [
        material('m', {
          requirement: 'conditional',
          condition: 'premises.has_outdoor_sign',
          conditionText: '设置户外招牌',
        }),
      ],
    });
    const c = item('c', {
      materials: [
        material('m', {
          requirement: 'conditional',
          condition: 'premises.area_m2 > 50',
          conditionText: '面积超过50平方米',
        }),
      ],
    });
    expect(mergeMaterials([{ item: a }, { item: b }, { item: c }])[0]).toMatchObject({
      requirement: 'conditional',
      condition: '(premises.area_m2 > 50) || (premises.has_outdoor_sign)',
      conditionText: '面积超过50平方米；设置户外招牌',
      items: ['a', 'b', 'c'],
    });
  });

  it("makes a conditional item's required materials conditional on its `when`", () => {
    const fire = item('fire', {
      materials: [material('fire-plan'), material('photos', { requirement: 'optional' })],
    });
    const merged = mergeMaterials([
      { item: fire, when: 'premises.area_m2 > 50', whenText: '面积超过50平方米' },
    ]);
    expect(merged).toMatchObject([
      {
        key: 'fire-plan',
        requirement: 'conditional',
        condition: 'premises.area_m2 > 50',
        conditionText: '面积超过50平方米',
      },
      { key: 'photos', requirement: 'optional' },
    ]);
  });

  it("combines the item's `when` with the material's own condition using &&", () => {
    const sign = item('sign', {
      materials: [
        material('lighting-cert', {
          requirement: 'conditional',
          condition: 'sign.lit',
          conditionText: '招牌带灯光',
        }),
      ],
    });
    const [m] = mergeMaterials([
      { item: sign, when: 'premises.has_outdoor_sign', whenText: '设置户外招牌' },
    ]);
    expect(m).toMatchObject({
      requirement: 'conditional',
      condition: '(premises.has_outdoor_sign) && (sign.lit)',
      conditionText: '设置户外招牌，且招牌带灯光',
    });
  });

  it('falls back to the expression when the `when` has no words', () => {
    const x = item('x', { materials: [material('m')] });
    expect(mergeMaterials([{ item: x, when: 'a.b' }])[0]?.conditionText).toBe('a.b');
  });

  it('lets an unconditional item override a conditional one', () => {
    const a = item('a', { materials: [material('id-card')] });
    const merged = mergeMaterials([
      { item: a, when: 'premises.area_m2 > 50' },
      { item: item('b', { materials: [material('id-card')] }) },
    ]);
    expect(merged[0]).toMatchObject({ requirement: 'required', items: ['a', 'b'] });
    expect(merged[0]).not.toHaveProperty('condition');
  });

  it('keeps the first definition but the largest number of copies', () => {
    const a = item('a', { materials: [material('m', { name: '租赁合同', copies: 1 })] });
    const b = item('b', { materials: [material('m', { name: '房屋租赁合同', copies: 2 })] });
    expect(mergeMaterials([{ item: a }, { item: b }])[0]).toMatchObject({
      name: '租赁合同',
      copies: 2,
    });
  });
});
