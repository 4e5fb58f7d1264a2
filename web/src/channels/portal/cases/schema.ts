import { api } from '../../../api';
import type {
  BundleView,
  CompiledBundle,
  ItemView,
  MaterialSource,
  Named,
  Requirement,
} from '../../../catalogue/model';
import type { FieldSchema } from '../../../cases/useSubject';
import { conditionFields, conditionHolds } from './condition';

/** One data element of the form, as the catalogue declares it (JSON Schema with UI hints). */
export interface FieldDef extends FieldSchema {
  pattern?: string;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  'x-order'?: number;
}

/** An item of the application: its form fields, and the condition under which it applies. */
export interface Part extends Named {
  key: string;
  when?: string;
  whenText?: string;
}

export interface Field {
  /** The data element, e.g. 'premises.area_m2'. */
  key: string;
  schema: FieldDef;
  /** The items asking for it, and whether each requires it. */
  askedBy: { item: string; required: boolean }[];
}

/** The fields a part asks first (each field is asked once, by the first item wanting it). */
export interface Section {
  part: Part;
  fields: Field[];
}

export interface Material extends Named {
  key: string;
  requirement: Requirement;
  condition?: string;
  conditionText?: string;
  source: MaterialSource;
  /** Issued by an earlier item of the same bundle: never asked for. */
  producedBy?: string;
  /** The items asking for it. */
  items: string[];
}

export interface Application {
  kind: 'bundle' | 'item';
  key: string;
  name: Named;
  parts: Part[];
  sections: Section[];
  fields: Map<string, Field>;
  materials: Material[];
  /** Fields an item's condition reads: always asked, or nobody could ever answer them. */
  gates: Set<string>;
}

// The same bundle is opened again and again while a draft is edited: fetched once per page load.
const cache = new Map<string, Promise<Application>>();

/** The merged form (一表申请) and material list of a bundle or an item. */
export function loadApplication(kind: 'bundle' | 'item', key: string): Promise<Application> {
  const id = `${kind}:${key}`;
  let hit = cache.get(id);
  if (!hit) {
    hit = kind === 'bundle' ? loadBundle(key) : loadItem(key);
    hit.catch(() => cache.delete(id));
    cache.set(id, hit);
  }
  return hit;
}

const itemPath = (key: string) => `/api/v1/items/${encodeURIComponent(key)}`;

async function loadBundle(key: string): Promise<Application> {
  const path = `/api/v1/bundles/${encodeURIComponent(key)}`;
  const [bundle, compiled] = await Promise.all([
    api.get<BundleView>(path),
    api.get<CompiledBundle>(`${path}/compiled`),
  ]);
  const items = await Promise.all(bundle.items.map((ref) => api.get<ItemView>(itemPath(ref.item))));
  const parts: Part[] = bundle.items.map((ref) => ({
    key: ref.item,
    name: ref.name,
    nameEn: ref.nameEn,
    ...(ref.when ? { when: ref.when } : {}),
    ...(ref.whenText ? { whenText: ref.whenText } : {}),
  }));
  // The merged form keeps each element's definition from the first item asking for it.
  const merged = compiled.form.properties as Record<string, FieldDef>;
  return build(
    { kind: 'bundle', key, name: bundle },
    parts,
    items,
    merged,
    compiled.materials.map((m) => ({ ...m })),
  );
}

async function loadItem(key: string): Promise<Application> {
  const item = await api.get<ItemView>(itemPath(key));
  const part: Part = { key: item.key, name: item.name, nameEn: item.nameEn };
  return build(
    { kind: 'item', key, name: item },
    [part],
    [item],
    item.form.properties as Record<string, FieldDef>,
    item.materials.map((m) => ({ ...m, items: [item.key] })),
  );
}

const order = (s: FieldDef) => s['x-order'] ?? Number.MAX_SAFE_INTEGER;

function build(
  subject: { kind: 'bundle' | 'item'; key: string; name: Named },
  parts: Part[],
  items: ItemView[],
  merged: Record<string, FieldDef>,
  materials: Material[],
): Application {
  const fields = new Map<string, Field>();
  const sections: Section[] = [];
  parts.forEach((part, i) => {
    const form = items[i]?.form;
    if (!form) return;
    const properties = form.properties as Record<string, FieldDef>;
    const required = new Set(form.required);
    // The item's own order ('x-order'); JSON objects do not keep it.
    const keys = Object.keys(properties).sort(
      (a, b) => order(properties[a]!) - order(properties[b]!),
    );
    const section: Section = { part, fields: [] };
    for (const key of keys) {
      const asked = { item: part.key, required: required.has(key) };
      const known = fields.get(key);
      if (known) {
        known.askedBy.push(asked);
        continue;
      }
      const field: Field = { key, schema: merged[key] ?? properties[key]!, askedBy: [asked] };
      fields.set(key, field);
      section.fields.push(field);
    }
    sections.push(section);
  });
  // A material's condition reads fields of its own item, asked whenever the item applies.
  const gates = new Set(parts.flatMap((p) => conditionFields(p.when)));
  return {
    kind: subject.kind,
    key: subject.key,
    name: subject.name,
    parts,
    sections,
    fields,
    materials,
    gates,
  };
}

/** Whether each part applies to the form as filled in (null: cannot tell, so it is shown). */
export function partsApplying(app: Application, data: Record<string, unknown>) {
  return new Map(app.parts.map((p) => [p.key, conditionHolds(p.when, data)]));
}

export type Need = 'required' | 'notNeeded' | 'optional' | 'unknown' | 'produced';

/** What the application asks of one material, given the form as it stands. */
export function materialNeed(
  m: Material,
  applying: Map<string, boolean | null>,
  data: Record<string, unknown>,
): Need {
  if (m.producedBy) return 'produced';
  const parts = m.items.map((i) => applying.get(i) ?? null);
  if (parts.length && parts.every((a) => a === false)) return 'notNeeded';
  if (m.requirement === 'optional') return 'optional';
  if (m.requirement === 'required') return 'required';
  const holds = conditionHolds(m.condition, data);
  return holds === null ? 'unknown' : holds ? 'required' : 'notNeeded';
}

/** Whether a field is required now: some applying item requires it. */
export function fieldRequired(field: Field, applying: Map<string, boolean | null>): boolean {
  return field.askedBy.some((a) => a.required && applying.get(a.item) !== false);
}

/** Whether a field is asked now: some applying item asks it, or a condition reads it. */
export function fieldAsked(
  field: Field,
  applying: Map<string, boolean | null>,
  gates: Set<string>,
): boolean {
  return gates.has(field.key) || field.askedBy.some((a) => applying.get(a.item) !== false);
}
