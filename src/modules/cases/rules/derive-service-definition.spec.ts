import { describe, expect, it } from 'vitest';

import { evaluateCondition, type BundleDef, type ItemDef } from '../../catalogue/index.ts';
import { lookup } from './calendar-fixture.ts';
import { item } from './definition-fixture.ts';
import { deriveServiceDefinition } from './derive-service-definition.ts';
import { advance } from './open-steps.ts';
import { dueDate } from './step-deadline.ts';
import { validateDefinition } from './validate-definition.ts';

const licence = item('business-licence', {
  name: '营业执照',
  nameEn: 'Business licence',
  promisedDays: 1,
  statutoryDays: 15,
});
const food = item('food-permit', {
  name: '食品经营许可',
  nameEn: 'Food business permit',
  promisedDays: 5,
  statutoryDays: 20,
});
const sign = item('outdoor-sign', {
  name: '户外招牌设置',
  nameEn: 'Outdoor sign',
  department: 'urban-management',
  promisedDays: 3,
  statutoryDays: 10,
});
const catalogue = new Map<string, ItemDef>([licence, food, sign].map((i) => [i.key, i]));

const restaurant: BundleDef = {
  key: 'open-restaurant',
  name: '开餐馆',
  nameEn: 'Open a restaurant',
  audience: 'enterprise',
  stage: 'opening',
  description: '',
  promisedDays: 8,
  items: [
    { item: 'business-licence' },
    { item: 'food-permit', after: ['business-licence'] },
    { item: 'outdoor-sign', when: 'sign.planned == true', whenText: 'with a shop sign' },
  ],
};

describe('deriveServiceDefinition', () => {
  const def = deriveServiceDefinition({ kind: 'bundle', bundle: restaurant }, catalogue);

  it('names the process after the bundle and takes its promise', () => {
    expect(def).toMatchObject({
      key: 'service:bundle:open-restaurant',
      kind: 'service_application',
      name: '开餐馆',
      nameEn: 'Open a restaurant',
      promisedDays: 8,
    });
  });

  it('takes the statutory days from the longest chain of statutory limits', () => {
    // licence (15) then food (20) outlasts the sign (10), which runs in parallel.
    expect(def.statutoryDays).toBe(35);
  });

  it('lays out intake, one review per item following the bundle’s after, and delivery', () => {
    expect(def.steps.map((s) => [s.key, s.after])).toEqual([
      ['intake', []],
      ['review:business-licence', ['intake']],
      ['review:food-permit', ['intake', 'review:business-licence']],
      ['review:outdoor-sign', ['intake']],
      ['delivery', ['review:business-licence', 'review:food-permit', 'review:outdoor-sign']],
    ]);
  });

  it('starts intake in the window pool with no limit of its own', () => {
    expect(def.steps[0]).toEqual({
      key: 'intake',
      name: '受理',
      nameEn: 'Intake',
      owner: { kind: 'any_window' },
      role: 'window_clerk',
      after: [],
      actions: ['accept', 'request_correction', 'decline', 'withdraw'],
      pausing: ['request_correction'],
      limitDays: null,
    });
  });

  it('gives each review its item, department routing, promise and the ref’s condition', () => {
    expect(def.steps[3]).toEqual({
      key: 'review:outdoor-sign',
      name: '户外招牌设置审查',
      nameEn: 'Review: Outdoor sign',
      owner: { kind: 'item_department' },
      role: 'reviewer',
      after: ['intake'],
      actions: [
        'approve',
        'reject',
        'request_correction',
        'return',
        'escalate',
        'start_special_procedure',
        'end_special_procedure',
        'withdraw',
      ],
      pausing: ['request_correction', 'start_special_procedure'],
      limitDays: 3,
      item: 'outdoor-sign',
      when: 'sign.planned == true',
    });
    expect(def.steps[1]).not.toHaveProperty('when');
  });

  it('delivers from the window that accepted the case', () => {
    expect(def.steps[4]).toMatchObject({
      key: 'delivery',
      name: '出件',
      nameEn: 'Delivery',
      owner: { kind: 'intake_point' },
      role: 'window_clerk',
      actions: ['deliver'],
      pausing: [],
      limitDays: null,
    });
  });

  it('is valid, and runs: without a sign that review is skipped at acceptance', () => {
    expect(validateDefinition(def)).toEqual([]);
    const form = { 'sign.planned': false };
    const states = Object.fromEntries(def.steps.map((s) => [s.key, 'waiting' as const]));
    const accepted = advance(def, { ...states, intake: 'done' }, (w) => evaluateCondition(w, form));
    expect(accepted).toEqual({ open: ['review:business-licence'], skip: ['review:outdoor-sign'] });
    const withSign = advance(def, { ...states, intake: 'done' }, (w) =>
      evaluateCondition(w, { 'sign.planned': true }),
    );
    expect(withSign.open).toEqual(['review:business-licence', 'review:outdoor-sign']);
  });

  it('gives a review its deadline from the item’s promise', () => {
    const food = def.steps.find((s) => s.key === 'review:food-permit')!;
    expect(dueDate('2026-02-12', food.limitDays!, [], lookup).due).toBe('2026-02-26');
  });

  it('derives a single item as a bundle of one', () => {
    const single = deriveServiceDefinition({ kind: 'item', item: food }, new Map());
    expect(single).toMatchObject({
      key: 'service:item:food-permit',
      name: '食品经营许可',
      nameEn: 'Food business permit',
      promisedDays: 5,
      statutoryDays: 20,
    });
    expect(single.steps.map((s) => [s.key, s.after])).toEqual([
      ['intake', []],
      ['review:food-permit', ['intake']],
      ['delivery', ['review:food-permit']],
    ]);
    expect(validateDefinition(single)).toEqual([]);
  });

  it('refuses a bundle naming an item missing from the catalogue', () => {
    const broken = { ...restaurant, items: [...restaurant.items, { item: 'ghost' }] };
    expect(() => deriveServiceDefinition({ kind: 'bundle', bundle: broken }, catalogue)).toThrow(
      /ghost/,
    );
  });

  it('carries a prerequisite outside the bundle through for validation to report', () => {
    const stray = { ...restaurant, items: [{ item: 'food-permit', after: ['business-licence'] }] };
    const derived = deriveServiceDefinition({ kind: 'bundle', bundle: stray }, catalogue);
    expect(validateDefinition(derived)).toEqual([
      {
        code: 'process_unknown_after',
        field: 'steps[1].after[1]',
        params: { step: 'review:food-permit', after: 'review:business-licence' },
      },
    ]);
  });
});
