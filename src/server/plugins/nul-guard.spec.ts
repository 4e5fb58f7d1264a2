import { describe, expect, it } from 'vitest';
import { fieldWithNul } from './nul-guard.ts';

describe('fieldWithNul', () => {
  it('names the field holding a NUL, as the validator names fields', () => {
    expect(fieldWithNul({ q: 'a\u0000' })).toBe('q');
    expect(fieldWithNul({ formData: { 'child.name': '张\u0000' } })).toBe('formData.child.name');
    expect(fieldWithNul({ items: [{ field: 'x' }, { field: '\u0000' }] })).toBe('items[1].field');
    expect(fieldWithNul({ ['a\u0000']: 1 })).toBe('a\u0000');
    expect(fieldWithNul('\u0000')).toBe('request');
  });

  it('finds nothing in clean data, an upload’s bytes or a stream', () => {
    expect(fieldWithNul({ a: ['b', 1, null, true, { c: '张三' }] })).toBeNull();
    expect(fieldWithNul(Buffer.from([0, 0, 0]))).toBeNull();
    expect(fieldWithNul({ file: new Uint8Array([0]) })).toBeNull();
    expect(fieldWithNul({ pipe: () => undefined, text: '\u0000' })).toBeNull();
  });

  it('walks a body nested far deeper than the call stack would allow', () => {
    let deep: unknown = '\u0000';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(fieldWithNul(deep)).toBe(`${'[0]'.repeat(100_000)}`);
  });
});
