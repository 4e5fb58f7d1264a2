import { describe, expect, it } from 'vitest';
import type { CompiledBundle, CompileProblem, CompileResult } from './compile-bundle.ts';
import { compileBundle } from './compile-bundle.ts';
import { bundle, catalogueOf, form, item, material, prop } from './bundle-fixtures.ts';

function compiled(result: CompileResult): CompiledBundle {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.problems)}`);
  expect(result.problems).toEqual([]);
  return result.compiled;
}

function problems(result: CompileResult): CompileProblem[] {
  if (result.ok) throw new Error('expected problems');
  return result.problems;
}

describe('compileBundle: 开办企业 (opening a company)', () => {
  const registration = item('registration', {
    promisedDays: 1,
    form: form({ 'company.name': prop('string'), 'applicant.name': prop('string') }),
    materials: [material('id-card'), material('articles-of-association')],
  });
  const sameDay = (key: string, visits = 0) =>
    item(key, {
      promisedDays: 0,
      visits,
      form: form({ 'company.name': prop('string') }),
      materials: [material('id-card')],
    });
  const catalogue = catalogueOf(
    registration,
    sameDay('seal'),
    sameDay('invoice'),
    sameDay('social-security'),
    sameDay('bank-account', 1),
  );
  const def = bundle(
    [
      { item: 'registration' },
      { item: 'seal', after: ['registration'] },
      { item: 'invoice', after: ['registration'] },
      { item: 'social-security', after: ['registration'] },
      { item: 'bank-account', after: ['registration'] },
    ],
    { promisedDays: 1 },
  );

  it('fits a one-day promise: the critical path is registration then one same-day item', () => {
    const c = compiled(compileBundle(def, catalogue));
    expect(c.criticalPath.days).toBe(1);
    expect(c.criticalPath.items).toHaveLength(2);
    expect(c.criticalPath.items[0]).toBe('registration');
    expect(['seal', 'invoice', 'social-security', 'bank-account']).toContain(
      c.criticalPath.items[1],
    );
  });

  it('needs as many trips as the most demanding item, not their sum', () => {
    expect(compiled(compileBundle(def, catalogue)).trips).toBe(1);
  });

  it('asks the shared ID card once for all five items', () => {
    const c = compiled(compileBundle(def, catalogue));
    expect(c.materials.map((m) => m.key)).toEqual(['id-card', 'articles-of-association']);
    expect(c.materials[0]?.items).toHaveLength(5);
  });

  it('draws registration as the root and the rest one layer after it', () => {
    const { graph } = compiled(compileBundle(def, catalogue));
    expect(graph.nodes.map((n) => [n.item, n.layer])).toEqual([
      ['registration', 0],
      ['seal', 1],
      ['invoice', 1],
      ['social-security', 1],
      ['bank-account', 1],
    ]);
    expect(graph.edges).toHaveLength(4);
  });

  it('refuses a promise of 0 days, naming the critical path', () => {
    expect(problems(compileBundle({ ...def, promisedDays: 0 }, catalogue))).toEqual([
      {
        code: 'bundle_promise_too_short',
        field: 'promisedDays',
        params: { promised: 0, critical: 1, path: 'registration → seal' },
      },
    ]);
  });
});

describe('compileBundle: 开餐饮店 (opening a restaurant)', () => {
  const licence = item('business-licence', {
    promisedDays: 1,
    visits: 0,
    form: form(
      {
        'applicant.name': prop('string', { 'x-order': 1 }),
        'premises.address': prop('string', { 'x-order': 2 }),
        'premises.area_m2': prop('number', { 'x-order': 3 }),
        'premises.has_outdoor_sign': prop('boolean', { 'x-order': 4 }),
      },
      ['applicant.name', 'premises.address'],
    ),
    materials: [material('id-card'), material('lease-contract', { requirement: 'optional' })],
  });
  const food = item('food-permit', {
    promisedDays: 7,
    visits: 1,
    form: form({
      'applicant.name': prop('string', { 'x-order': 10 }),
      'premises.area_m2': prop('number'),
      'food.category': prop('string'),
    }),
    materials: [
      material('id-card'),
      material('lease-contract'),
      material('health-certificates'),
      material('kitchen-layout', {
        requirement: 'conditional',
        condition: 'food.category == "hot"',
        conditionText: '经营热食',
      }),
    ],
  });
  const fire = item('fire-safety', {
    promisedDays: 5,
    form: form({ 'premises.area_m2': prop('number') }),
    materials: [
      material('fire-plan'),
      material('lease-contract'),
      material('evacuation-drawing', { requirement: 'optional' }),
    ],
  });
  const sign = item('outdoor-sign', {
    promisedDays: 3,
    form: form({ 'sign.width_m': prop('number') }),
    materials: [
      material('sign-design'),
      material('kitchen-layout', {
        requirement: 'conditional',
        condition: 'sign.width_m > 3',
        conditionText: '招牌宽度超过3米',
      }),
    ],
  });
  const catalogue = catalogueOf(licence, food, fire, sign);
  const def = bundle(
    [
      { item: 'business-licence' },
      { item: 'food-permit', after: ['business-licence'] },
      {
        item: 'fire-safety',
        after: ['business-licence'],
        when: 'premises.area_m2 > 50',
        whenText: '经营场所面积超过50平方米',
      },
      {
        item: 'outdoor-sign',
        after: ['business-licence'],
        when: 'premises.has_outdoor_sign',
        whenText: '设置户外招牌',
      },
    ],
    { promisedDays: 10 },
  );

  it('asks applicant.name and premises.area_m2 once each, in the first item’s wording', () => {
    const { form: merged } = compiled(compileBundle(def, catalogue));
    expect(Object.keys(merged.properties)).toEqual([
      'applicant.name',
      'premises.address',
      'premises.area_m2',
      'premises.has_outdoor_sign',
      'food.category',
      'sign.width_m',
    ]);
    expect(merged.properties['applicant.name']?.['x-order']).toBe(1);
    // area is optional for the licence but required by the food permit and the fire check.
    expect(merged.required).toEqual([
      'applicant.name',
      'premises.address',
      'premises.area_m2',
      'food.category',
      'sign.width_m',
    ]);
  });

  it('lists each material once with its strictest requirement', () => {
    const { materials } = compiled(compileBundle(def, catalogue));
    const byKey = new Map(materials.map((m) => [m.key, m]));
    expect(materials.map((m) => m.key)).toEqual([
      'id-card',
      'lease-contract',
      'health-certificates',
      'kitchen-layout',
      'fire-plan',
      'evacuation-drawing',
      'sign-design',
    ]);
    // Optional for the licence, required by the food permit: required.
    expect(byKey.get('lease-contract')).toMatchObject({
      requirement: 'required',
      items: ['business-licence', 'food-permit', 'fire-safety'],
    });
    expect(byKey.get('lease-contract')).not.toHaveProperty('condition');
    expect(byKey.get('id-card')).toMatchObject({
      requirement: 'required',
      items: ['business-licence', 'food-permit'],
    });
  });

  it("makes a conditional item's required materials conditional on its `when`", () => {
    const { materials } = compiled(compileBundle(def, catalogue));
    const byKey = new Map(materials.map((m) => [m.key, m]));
    expect(byKey.get('fire-plan')).toMatchObject({
      requirement: 'conditional',
      condition: 'premises.area_m2 > 50',
      conditionText: '经营场所面积超过50平方米',
      items: ['fire-safety'],
    });
    expect(byKey.get('evacuation-drawing')?.requirement).toBe('optional');
    expect(byKey.get('sign-design')).toMatchObject({
      requirement: 'conditional',
      condition: 'premises.has_outdoor_sign',
    });
    // Conditional in two items, once under the sign item's `when`: both ways in, joined by ||.
    expect(byKey.get('kitchen-layout')).toMatchObject({
      requirement: 'conditional',
      condition: '(food.category == "hot") || ((premises.has_outdoor_sign) && (sign.width_m > 3))',
      conditionText: '经营热食；设置户外招牌，且招牌宽度超过3米',
      items: ['food-permit', 'outdoor-sign'],
    });
  });

  it('puts the food permit on the critical path and keeps the conditions on the graph', () => {
    const c = compiled(compileBundle(def, catalogue));
    expect(c.criticalPath).toEqual({ days: 8, items: ['business-licence', 'food-permit'] });
    expect(c.trips).toBe(1);
    expect(c.graph.nodes).toEqual([
      { item: 'business-licence', layer: 0 },
      { item: 'food-permit', layer: 1 },
      { item: 'fire-safety', layer: 1, when: 'premises.area_m2 > 50' },
      { item: 'outdoor-sign', layer: 1, when: 'premises.has_outdoor_sign' },
    ]);
  });

  it('refuses a fire-safety form that types the area as text, naming both items', () => {
    const textArea = { ...fire, form: form({ 'premises.area_m2': prop('string') }) };
    expect(problems(compileBundle(def, catalogueOf(licence, food, textArea, sign)))).toEqual([
      {
        code: 'bundle_element_conflict',
        field: 'items[2].item',
        params: {
          element: 'premises.area_m2',
          itemA: 'business-licence',
          typeA: 'number',
          itemB: 'fire-safety',
          typeB: 'string',
        },
      },
    ]);
  });
});

describe('compileBundle: certificates issued inside the bundle', () => {
  it('never asks for the licence that the bundle’s first item issues', () => {
    const licence = item('business-licence', {
      result: { kind: 'certificate', certificateType: 'business_licence' },
      materials: [material('id-card')],
    });
    const food = item('food-permit', {
      materials: [
        material('id-card'),
        material('licence-copy', {
          source: { kind: 'certificate', certificateType: 'business_licence' },
        }),
      ],
    });
    const result = compileBundle(
      bundle([{ item: 'business-licence' }, { item: 'food-permit', after: ['business-licence'] }]),
      catalogueOf(licence, food),
    );
    const byKey = new Map(compiled(result).materials.map((m) => [m.key, m]));
    expect(byKey.get('licence-copy')?.producedBy).toBe('business-licence');
    expect(byKey.get('id-card')?.producedBy).toBeUndefined();
  });

  it('still asks for it when the bundle does not issue it', () => {
    const food = item('food-permit', {
      materials: [
        material('licence-copy', {
          source: { kind: 'certificate', certificateType: 'business_licence' },
        }),
      ],
    });
    const result = compileBundle(bundle([{ item: 'food-permit' }]), catalogueOf(food));
    expect(compiled(result).materials[0]!.producedBy).toBeUndefined();
  });
});

describe('compileBundle: refusals', () => {
  const a = item('a', { promisedDays: 2, form: form({ 'x.n': prop('number') }) });
  const b = item('b', { promisedDays: 3, form: form({ 'x.flag': prop('boolean') }) });
  const c = item('c', { promisedDays: 1 });
  const catalogue = catalogueOf(a, b, c);

  it('bundle_empty', () => {
    expect(problems(compileBundle(bundle([]), catalogue))).toEqual([
      { code: 'bundle_empty', field: 'items', params: {} },
    ]);
  });

  it('bundle_duplicate_item, at the second occurrence', () => {
    expect(
      problems(compileBundle(bundle([{ item: 'a' }, { item: 'b' }, { item: 'a' }]), catalogue)),
    ).toEqual([{ code: 'bundle_duplicate_item', field: 'items[2].item', params: { item: 'a' } }]);
  });

  it('bundle_unknown_item', () => {
    expect(problems(compileBundle(bundle([{ item: 'a' }, { item: 'zz' }]), catalogue))).toEqual([
      { code: 'bundle_unknown_item', field: 'items[1].item', params: { item: 'zz' } },
    ]);
  });

  it('bundle_unknown_dependency', () => {
    expect(
      problems(compileBundle(bundle([{ item: 'a' }, { item: 'b', after: ['a', 'c'] }]), catalogue)),
    ).toEqual([
      {
        code: 'bundle_unknown_dependency',
        field: 'items[1].after[1]',
        params: { item: 'b', dependency: 'c' },
      },
    ]);
  });

  it('bundle_cycle', () => {
    const def = bundle([
      { item: 'a', after: ['c'] },
      { item: 'b', after: ['a'] },
      { item: 'c', after: ['b'] },
    ]);
    expect(problems(compileBundle(def, catalogue))).toEqual([
      { code: 'bundle_cycle', field: 'items[0].after[0]', params: { cycle: 'a → b → c → a' } },
    ]);
  });

  it('bundle_element_conflict', () => {
    const a2 = item('a2', { form: form({ 'x.n': prop('integer') }) });
    expect(
      problems(compileBundle(bundle([{ item: 'a' }, { item: 'a2' }]), catalogueOf(a, a2))),
    ).toEqual([
      {
        code: 'bundle_element_conflict',
        field: 'items[1].item',
        params: { element: 'x.n', itemA: 'a', typeA: 'number', itemB: 'a2', typeB: 'integer' },
      },
    ]);
  });

  it('bundle_bad_condition: does not parse', () => {
    const [p] = problems(
      compileBundle(bundle([{ item: 'a' }, { item: 'b', when: 'x.n >' }]), catalogue),
    );
    expect(p).toMatchObject({
      code: 'bundle_bad_condition',
      field: 'items[1].when',
      params: { reason: expect.stringMatching(/^syntax error/) },
    });
  });

  it('bundle_bad_condition: reads an element no item asks for', () => {
    expect(
      problems(compileBundle(bundle([{ item: 'a' }, { item: 'c', when: 'x.m > 1' }]), catalogue)),
    ).toEqual([
      {
        code: 'bundle_bad_condition',
        field: 'items[1].when',
        params: { item: 'c', expression: 'x.m > 1', reason: "not in the bundle's form: x.m" },
      },
    ]);
  });

  it('bundle_bad_condition: may read elements of any item in the bundle, not only its own', () => {
    const def = bundle([{ item: 'a' }, { item: 'b' }, { item: 'c', when: 'x.n > 1 && x.flag' }]);
    expect(compileBundle(def, catalogue).ok).toBe(true);
  });

  it('bundle_promise_too_short', () => {
    const def = bundle([{ item: 'a' }, { item: 'b', after: ['a'] }, { item: 'c' }], {
      promisedDays: 4,
    });
    expect(problems(compileBundle(def, catalogue))).toEqual([
      {
        code: 'bundle_promise_too_short',
        field: 'promisedDays',
        params: { promised: 4, critical: 5, path: 'a → b' },
      },
    ]);
    expect(compileBundle({ ...def, promisedDays: 5 }, catalogue).ok).toBe(true);
  });

  it('reports every problem at once, layer by layer and in item order', () => {
    const a2 = item('a2', { form: form({ 'x.n': prop('string') }) });
    const def = bundle(
      [
        { item: 'a', after: ['b'] },
        { item: 'b', after: ['a', 'ghost'] },
        { item: 'nope' },
        { item: 'a2', when: 'x.m' },
        { item: 'a' },
      ],
      { promisedDays: 0 },
    );
    expect(
      problems(compileBundle(def, catalogueOf(a, b, a2))).map((p) => [p.code, p.field]),
    ).toEqual([
      ['bundle_unknown_item', 'items[2].item'],
      ['bundle_duplicate_item', 'items[4].item'],
      ['bundle_unknown_dependency', 'items[1].after[1]'],
      ['bundle_cycle', 'items[0].after[0]'],
      ['bundle_element_conflict', 'items[3].item'],
      ['bundle_bad_condition', 'items[3].when'],
    ]);
  });

  it('leaves the promise unchecked while the order between items is broken', () => {
    const def = bundle(
      [
        { item: 'a', after: ['b'] },
        { item: 'b', after: ['a'] },
      ],
      {
        promisedDays: 0,
      },
    );
    expect(problems(compileBundle(def, catalogue)).map((p) => p.code)).toEqual(['bundle_cycle']);
  });

  it('still refuses a promise below the known items when another item is unknown', () => {
    const def = bundle([{ item: 'b' }, { item: 'gone', after: ['b'] }], { promisedDays: 1 });
    expect(problems(compileBundle(def, catalogue))).toEqual([
      { code: 'bundle_unknown_item', field: 'items[1].item', params: { item: 'gone' } },
      {
        code: 'bundle_promise_too_short',
        field: 'promisedDays',
        params: { promised: 1, critical: 3, path: 'b → gone' },
      },
    ]);
  });
});
