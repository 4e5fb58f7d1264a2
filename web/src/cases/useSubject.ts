import { api } from '../api';
import type { Named } from '../catalogue/model';
import { useLoad, type Loadable } from '../catalogue/useLoad';
import { parseSubject } from './model';

export { enumLabel } from './localText';

/** One field of the merged form, as the catalogue declares it. */
export interface FieldSchema {
  type?: string;
  title?: string;
  'x-title-en'?: string;
  enum?: (string | number)[];
  format?: string;
  'x-widget'?: string;
  'x-help'?: string;
  /** English labels of the enumerated codes. */
  'x-enum-en'?: Record<string, string>;
}

export interface SubjectField {
  /** The data element key, e.g. 'premises.area_m2'. */
  key: string;
  schema: FieldSchema;
  required: boolean;
}

export interface SubjectMaterial extends Named {
  key: string;
  requirement?: string;
  condition?: string;
  conditionText?: string;
  /** A material an earlier item of the bundle issues (the licence): never asked of the applicant. */
  producedBy?: string;
}

export interface SubjectSchema {
  fields: SubjectField[];
  materials: SubjectMaterial[];
}

interface Answer {
  form: { properties: Record<string, FieldSchema>; required?: string[] };
  materials: SubjectMaterial[];
}

// A workbench opens many cases of the same few bundles: each one's form is fetched once.
const cache = new Map<string, Promise<SubjectSchema>>();

function fetchSubject(subject: string): Promise<SubjectSchema> {
  const hit = cache.get(subject);
  if (hit) return hit;
  const parsed = parseSubject(subject);
  const path = !parsed
    ? null
    : parsed.kind === 'bundle'
      ? `/api/v1/bundles/${encodeURIComponent(parsed.key)}/compiled`
      : `/api/v1/items/${encodeURIComponent(parsed.key)}`;
  const promise = (path ? api.get<Answer>(path) : Promise.resolve(null)).then((answer) => {
    const properties = answer?.form.properties ?? {};
    const required = new Set(answer?.form.required ?? []);
    return {
      fields: Object.entries(properties).map(([key, schema]) => ({
        key,
        schema,
        required: required.has(key),
      })),
      materials: answer?.materials ?? [],
    };
  });
  // A failure is not remembered: the next case view tries again.
  promise.catch(() => cache.delete(subject));
  cache.set(subject, promise);
  return promise;
}

/**
 * The form fields (with their titles) and materials of a case's bundle or item. A subject the
 * catalogue does not describe (an internal service) gives empty lists, not an error.
 */
export function useSubject(subject: string | null): Loadable<SubjectSchema> {
  const [state] = useLoad(subject, () => fetchSubject(subject!));
  return state;
}

/** The field's title in the UI language; the key where the catalogue gives none. */
export function fieldTitle(locale: string, field: { key: string; schema?: FieldSchema }): string {
  const s = field.schema;
  const title = locale === 'en-US' ? s?.['x-title-en'] || s?.title : s?.title;
  return title || field.key;
}
