// Builders for the bundle-compiler specs: a full ItemDef has twenty fields and the specs care
// about three or four of them, so everything else gets a plain default here.
import type {
  BundleDef,
  BundleItemRef,
  ElementType,
  FormProperty,
  FormSchema,
  ItemDef,
  MaterialDef,
} from '../model.ts';

export function prop(type: ElementType, extra: Partial<FormProperty> = {}): FormProperty {
  return { type, title: '', 'x-title-en': '', ...extra };
}

export function form(
  properties: Record<string, FormProperty>,
  required: string[] = Object.keys(properties),
): FormSchema {
  return { type: 'object', properties, required };
}

export function material(key: string, extra: Partial<MaterialDef> = {}): MaterialDef {
  return {
    key,
    name: key,
    nameEn: key,
    requirement: 'required',
    medium: 'either',
    source: { kind: 'upload' },
    copies: 1,
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
    form: form({}),
    ...extra,
  };
}

export function bundle(items: BundleItemRef[], extra: Partial<BundleDef> = {}): BundleDef {
  return {
    key: 'test-bundle',
    name: '测试一件事',
    nameEn: 'Test bundle',
    audience: 'enterprise',
    stage: 'opening',
    description: '',
    promisedDays: 30,
    items,
    ...extra,
  };
}

export function catalogueOf(...items: ItemDef[]): ReadonlyMap<string, ItemDef> {
  return new Map(items.map((i) => [i.key, i]));
}
