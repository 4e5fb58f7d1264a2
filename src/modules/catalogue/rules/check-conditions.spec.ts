import { describe, expect, it } from 'vitest';
import { form, prop } from './bundle-fixtures.ts';
import { checkConditions, conditionChecker } from './check-conditions.ts';

const shopForm = form({
  'applicant.name': prop('string'),
  'premises.area_m2': prop('number'),
  'premises.floors': prop('integer'),
  'premises.has_outdoor_sign': prop('boolean'),
  'premises.use': prop('string', { enum: ['restaurant', 'cafe'] }),
  'staff.count': prop('integer'),
});
const check = conditionChecker(shopForm);

describe('conditionChecker', () => {
  it.each([
    'premises.area_m2 > 50',
    'premises.area_m2 > 50.5',
    'premises.floors == 2',
    'premises.has_outdoor_sign',
    '!premises.has_outdoor_sign && staff.count >= 10',
    'premises.use in ["restaurant", "cafe"]',
    'applicant.name.startsWith("张")',
    'premises["area_m2"] > 50',
    'has(premises.area_m2) && premises.area_m2 > 50',
    '[1, 2].exists(n, n == premises.floors)',
    'cel.bind(big, premises.area_m2 > 200, big || premises.has_outdoor_sign)',
    'type(premises.use) == string',
  ])('accepts %s', (expression) => {
    expect(check(expression)).toBeUndefined();
  });

  it('rejects what does not parse', () => {
    expect(check('premises.area_m2 >')).toMatch(/^syntax error: /);
    expect(check('')).toMatch(/^syntax error: /);
  });

  it('names every element the form does not ask for, as dotted keys', () => {
    expect(check('premises.aera_m2 > 50 || owner.age > 18')).toBe(
      "not in the bundle's form: premises.aera_m2, owner.age",
    );
  });

  it('wants the whole element key, not a prefix or a path through it', () => {
    expect(check('has(premises)')).toBe("not in the bundle's form: premises");
    expect(check('premises.area_m2.value > 1')).toBe(
      "not in the bundle's form: premises.area_m2.value",
    );
  });

  it('does not mistake macro and bind variables for elements, but checks their ranges', () => {
    expect(check('[1, 2].all(n, n < premises.floors)')).toBeUndefined();
    expect(check('[1, 2].all(n, n < premises.flors)')).toBe(
      "not in the bundle's form: premises.flors",
    );
    expect(check('cel.bind(x, ghost.value, x > 1)')).toBe("not in the bundle's form: ghost.value");
  });

  it('rejects type mistakes against the form', () => {
    expect(check('premises.has_outdoor_sign > 5')).toMatch(/^type error: /);
    expect(check('applicant.name == 3')).toMatch(/^type error: /);
  });

  it('rejects an expression that is not a yes/no question', () => {
    expect(check('applicant.name')).toBe('yields string, not a boolean');
  });
});

describe('checkConditions', () => {
  it('reports each bad `when` at its position and passes items without one', () => {
    const problems = checkConditions(
      [
        { item: 'licence' },
        { item: 'fire', when: 'premises.area_m2 > 50' },
        { item: 'sign', when: 'premises.has_sign' },
        { item: 'tax', when: 'staff.count >' },
      ],
      shopForm,
    );
    expect(problems).toEqual([
      {
        code: 'bundle_bad_condition',
        field: 'items[2].when',
        params: {
          item: 'sign',
          expression: 'premises.has_sign',
          reason: "not in the bundle's form: premises.has_sign",
        },
      },
      {
        code: 'bundle_bad_condition',
        field: 'items[3].when',
        params: expect.objectContaining({ item: 'tax', reason: expect.stringMatching(/^syntax/) }),
      },
    ]);
  });

  it('lets an element that is also a prefix of another be read loosely', () => {
    const odd = form({ premises: prop('string'), 'premises.area_m2': prop('number') });
    expect(checkConditions([{ item: 'a', when: 'premises.area_m2 > 1' }], odd)).toEqual([]);
  });

  it('copes with element keys CEL cannot declare as variables', () => {
    const odd = form({
      'int.x': prop('number'),
      'type.y': prop('string'),
      '__proto__.polluted': prop('string'),
    });
    expect(checkConditions([{ item: 'a', when: 'true' }], odd)).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
