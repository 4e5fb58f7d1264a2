import { describe, expect, it } from 'vitest';
import type { ItemDef } from '../model.ts';
import { checkItem } from './check-item.ts';

const base: Omit<ItemDef, 'key'> = {
  basicCode: '000000',
  implementationCode: '330106-000000',
  name: '公共场所卫生许可',
  nameEn: 'Public-place hygiene permit',
  type: 'permit',
  department: 'health',
  legalBasis: '《公共场所卫生管理条例》',
  conditions: '',
  statutoryDays: 20,
  promisedDays: 5,
  visits: 0,
  fees: [],
  channels: ['web', 'counter'],
  handlingLevels: ['district', 'street'],
  result: { kind: 'certificate', certificateType: 'public-place-hygiene-permit' },
  materials: [],
  form: { type: 'object', properties: {}, required: [] },
};
const departments = new Set(['health']);

describe('checkItem', () => {
  it('accepts a consistent item', () => {
    expect(checkItem(base, departments)).toEqual([]);
  });
  it('refuses a promised limit longer than the statutory one', () => {
    expect(checkItem({ ...base, promisedDays: 21 }, departments)).toEqual([
      {
        code: 'item_promise_exceeds_statutory',
        field: 'promisedDays',
        params: { promised: 21, statutory: 20 },
      },
    ]);
  });
  it('asks why a visit is needed', () => {
    expect(checkItem({ ...base, visits: 1 }, departments)[0]?.field).toBe('visitReason');
    expect(checkItem({ ...base, visits: 1, visitReason: '需现场核验' }, departments)).toEqual([]);
  });
  it('refuses an English label for a code the field does not offer', () => {
    const owned = {
      type: 'string' as const,
      title: '经营场所权属',
      'x-title-en': 'Ownership of the premises',
      enum: ['own', 'lease'],
    };
    const form = (labels: Record<string, string>) => ({
      type: 'object' as const,
      properties: { 'premises.ownership': { ...owned, 'x-enum-en': labels } },
      required: [],
    });
    expect(
      checkItem({ ...base, form: form({ own: 'Owned', lease: 'Leased' }) }, departments),
    ).toEqual([]);
    expect(
      checkItem({ ...base, form: form({ own: 'Owned', rent: 'Rented' }) }, departments),
    ).toEqual([
      {
        code: 'validation_other',
        field: 'form.properties.premises.ownership.x-enum-en',
        params: { code: 'rent' },
      },
    ]);
  });
  it('refuses an unknown department and a conditional material without condition, together', () => {
    const problems = checkItem(
      {
        ...base,
        department: 'nowhere',
        materials: [
          {
            key: 'layout',
            name: '平面图',
            nameEn: 'Layout',
            requirement: 'conditional',
            medium: 'paper',
            source: { kind: 'upload' },
            copies: 1,
          },
        ],
      },
      departments,
    );
    expect(problems.map((p) => p.field)).toEqual(['department', 'materials[0].condition']);
  });
});
