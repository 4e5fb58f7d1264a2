import { describe, expect, it } from 'vitest';
import { evaluateCondition } from './evaluate-condition.ts';

describe('evaluateCondition', () => {
  it('reads dotted data elements as nested fields', () => {
    expect(evaluateCondition('premises.area_m2 > 50', { 'premises.area_m2': 80 })).toBe(true);
    expect(evaluateCondition('premises.area_m2 > 50', { 'premises.area_m2': 30 })).toBe(false);
    expect(evaluateCondition('premises.area_m2 > 50', { 'premises.area_m2': 50.5 })).toBe(true);
  });

  it('handles booleans, strings, integers and several elements under one root', () => {
    const data = {
      'premises.has_outdoor_sign': true,
      'premises.use': 'restaurant',
      'premises.floors': 2,
      'applicant.name': '张三',
    };
    expect(evaluateCondition('premises.has_outdoor_sign', data)).toBe(true);
    expect(evaluateCondition('!premises.has_outdoor_sign', data)).toBe(false);
    expect(evaluateCondition('premises.use in ["restaurant", "cafe"]', data)).toBe(true);
    expect(evaluateCondition('premises.floors == 2 && applicant.name.startsWith("张")', data)).toBe(
      true,
    );
  });

  it('is false when an element it reads is missing, null or undefined', () => {
    expect(evaluateCondition('premises.area_m2 > 50', {})).toBe(false);
    expect(evaluateCondition('premises.area_m2 > 50', { 'premises.floors': 2 })).toBe(false);
    expect(evaluateCondition('premises.area_m2 > 50', { 'premises.area_m2': null })).toBe(false);
    expect(
      evaluateCondition('!premises.has_outdoor_sign', { 'premises.has_outdoor_sign': undefined }),
    ).toBe(false);
  });

  it('lets the other side of || and && decide when one side is missing', () => {
    const data = { 'premises.has_outdoor_sign': true };
    expect(evaluateCondition('premises.area_m2 > 50 || premises.has_outdoor_sign', data)).toBe(
      true,
    );
    expect(evaluateCondition('premises.area_m2 > 50 && premises.has_outdoor_sign', data)).toBe(
      false,
    );
  });

  it('asks for presence with has()', () => {
    expect(evaluateCondition('has(premises.area_m2)', { 'premises.area_m2': 1 })).toBe(true);
    expect(evaluateCondition('has(premises.area_m2)', { 'premises.floors': 1 })).toBe(false);
  });

  it('is false for anything but a boolean true, and for what does not parse', () => {
    expect(evaluateCondition('premises.area_m2', { 'premises.area_m2': 80 })).toBe(false);
    expect(evaluateCondition('premises.area_m2 >', { 'premises.area_m2': 80 })).toBe(false);
  });

  it('keeps the first of two keys where one is a prefix of the other', () => {
    expect(
      evaluateCondition('premises.area_m2 > 50', { premises: 'x', 'premises.area_m2': 80 }),
    ).toBe(false);
    expect(
      evaluateCondition('premises.area_m2 > 50', { 'premises.area_m2': 80, premises: 'x' }),
    ).toBe(true);
  });

  it('does not let an element key reach an object prototype', () => {
    expect(evaluateCondition('true', { '__proto__.polluted': 1 })).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
