import { describe, expect, it } from 'vitest';
import { choice, ELEMENTS } from './elements.ts';

const enumerations = Object.entries(ELEMENTS).filter(([, p]) => p.enum);
const CJK = /[\u3000-\u9fff\uff00-\uffef]/;

describe('data elements', () => {
  it('gives every code of every enumeration an English label', () => {
    expect(enumerations.length).toBeGreaterThanOrEqual(22);
    for (const [key, p] of enumerations) {
      const labels = p['x-enum-en'] ?? {};
      expect(Object.keys(labels), key).toEqual(p.enum!.map(String));
      for (const [code, label] of Object.entries(labels)) {
        expect(label.trim(), `${key} ${code}`).not.toBe('');
        expect(label, `${key} ${code}`).not.toMatch(CJK);
        expect(label, `${key} ${code}`).not.toBe(code);
      }
    }
  });

  it('keeps the Chinese reading of each code in the help text', () => {
    expect(choice('经营场所权属', 'Ownership of the premises', {
      own: ['自有', 'Owned'],
      lease: ['租赁', 'Leased'],
    })).toMatchObject({
      enum: ['own', 'lease'],
      'x-help': 'own：自有；lease：租赁',
      'x-enum-en': { own: 'Owned', lease: 'Leased' },
    });
    expect(ELEMENTS['premises.ownership']?.['x-enum-en']).toEqual({ own: 'Owned', lease: 'Leased' });
  });
});
