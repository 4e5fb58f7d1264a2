import { describe, expect, it } from 'vitest';
import { searchTerms } from './search-terms.ts';

describe('searchTerms', () => {
  it('puts the query first and the synonyms next', () => {
    expect(searchTerms('餐馆', ['开餐饮店'])).toEqual([
      { text: '餐馆', weight: 10 },
      { text: '开餐饮店', weight: 8 },
    ]);
  });
  it('adds two-character pieces of longer queries', () => {
    expect(searchTerms('餐饮店铺', []).map((t) => t.text)).toEqual([
      '餐饮店铺',
      '餐饮',
      '饮店',
      '店铺',
    ]);
  });
  it('keeps each string once at its highest weight', () => {
    expect(searchTerms('出生', ['出生'])).toEqual([{ text: '出生', weight: 10 }]);
  });
  it('lower-cases Latin queries', () => {
    expect(searchTerms('Birth', [])[0]).toEqual({ text: 'birth', weight: 10 });
  });
});
