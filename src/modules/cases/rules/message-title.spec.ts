import { describe, expect, it } from 'vitest';
import { messageTitle } from './message-title.ts';

describe('messageTitle', () => {
  it('adds the case number in the brackets of the language', () => {
    expect(messageTitle('zh-CN', '开餐饮店一件事', '330106-20261128-000042')).toBe(
      '开餐饮店一件事（330106-20261128-000042）',
    );
    expect(messageTitle('en-US', 'Opening a restaurant', '330106-20261128-000042')).toBe(
      'Opening a restaurant (330106-20261128-000042)',
    );
  });
  it('is the title alone before a number is given', () => {
    expect(messageTitle('en-US', 'Opening a restaurant', null)).toBe('Opening a restaurant');
    expect(messageTitle('zh-CN', '开餐饮店一件事', undefined)).toBe('开餐饮店一件事');
  });
});
