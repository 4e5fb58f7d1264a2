import type { ElementType, FormProperty, FormSchema, ItemDef } from '../model.ts';

export interface ElementConflict {
  element: string;
  /** The item whose definition the merged form keeps (the first to ask for the element). */
  itemA: string;
  typeA: ElementType;
  itemB: string;
  typeB: ElementType;
}

/**
 * One form for the whole bundle: a data element is asked once however many items need it. The
 * first item's definition is kept whole (title, widget, 'x-order', limits) because elements are
 * shared vocabulary and should read the same everywhere; each item still validates its own form
 * when the case is handled. Only a different type makes the element unanswerable for both items
 * at once, so that is the one disagreement reported.
 */
export function mergeForms(items: readonly Pick<ItemDef, 'key' | 'form'>[]): {
  form: FormSchema;
  conflicts: ElementConflict[];
} {
  const properties: Record<string, FormProperty> = {};
  const owner = new Map<string, string>();
  const required = new Set<string>();
  const conflicts: ElementConflict[] = [];

  for (const item of items) {
    for (const [element, property] of Object.entries(item.form.properties)) {
      const kept = properties[element];
      if (!kept) {
        properties[element] = property;
        owner.set(element, item.key);
      } else if (kept.type !== property.type) {
        conflicts.push({
          element,
          itemA: owner.get(element) ?? '',
          typeA: kept.type,
          itemB: item.key,
          typeB: property.type,
        });
      }
    }
    for (const element of item.form.required) required.add(element);
  }

  return { form: { type: 'object', properties, required: [...required] }, conflicts };
}
