// Builders for the specs: a StepDef has ten fields, an ItemDef twenty, and each spec cares
// about two or three of them.
import type { ItemDef } from '../../catalogue/index.ts';
import type { ProcessDefinition, StepDef } from '../model.ts';

export function step(key: string, extra: Partial<StepDef> = {}): StepDef {
  return {
    key,
    name: key,
    nameEn: key,
    owner: { kind: 'fixed', orgUnit: 'dept:market-regulation' },
    role: 'reviewer',
    after: [],
    actions: ['approve', 'reject'],
    pausing: [],
    limitDays: 5,
    ...extra,
  };
}

export function definition(
  steps: StepDef[],
  extra: Partial<ProcessDefinition> = {},
): ProcessDefinition {
  return {
    key: 'test',
    kind: 'service_application',
    name: 'test',
    nameEn: 'test',
    steps,
    promisedDays: 10,
    statutoryDays: 20,
    ...extra,
  };
}

export function item(key: string, extra: Partial<ItemDef> = {}): ItemDef {
  return {
    key,
    basicCode: key,
    implementationCode: key,
    name: key,
    nameEn: key,
    type: 'permit',
    department: 'market-regulation',
    legalBasis: '',
    conditions: '',
    statutoryDays: 20,
    promisedDays: 1,
    visits: 0,
    fees: [],
    channels: ['web'],
    handlingLevels: ['district'],
    result: { kind: 'none' },
    materials: [],
    form: { type: 'object', properties: {}, required: [] },
    ...extra,
  };
}
