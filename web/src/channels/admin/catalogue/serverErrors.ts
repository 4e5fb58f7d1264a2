import type { FormInstance } from 'antd';
import type { ApiError } from '../../../api';

export type NamePath = (string | number)[];

/** The server's field names ('materials[2].condition') as antd name paths. */
export function toNamePath(field: string): NamePath {
  return [...field.matchAll(/[^.[\]]+/g)].map(([part]) =>
    /^\d+$/.test(part) ? Number(part) : part,
  );
}

/**
 * Puts each problem next to the field it names. `locate` maps a server path onto a field of
 * this form, or null when the form has no such field; those problems are returned to be listed
 * above the form instead.
 */
export function showServerErrors(
  form: FormInstance,
  error: ApiError,
  locate: (path: NamePath) => NamePath | null,
): string[] {
  const problems = error.details?.length
    ? error.details
    : [{ message: error.message, field: error.field }];
  const byField = new Map<string, { name: NamePath; errors: string[] }>();
  const unplaced: string[] = [];
  for (const problem of problems) {
    const name = problem.field ? locate(toNamePath(problem.field)) : null;
    if (!name) {
      unplaced.push(problem.message);
      continue;
    }
    const id = JSON.stringify(name);
    const entry = byField.get(id) ?? { name, errors: [] };
    entry.errors.push(problem.message);
    byField.set(id, entry);
  }
  form.setFields([...byField.values()]);
  return unplaced;
}

/** Optional text left empty is left out, rather than sent as '' the server would keep. */
export function withoutBlanks<T extends object>(value: T, keys: readonly (keyof T)[]): T {
  const out = { ...value };
  for (const key of keys) {
    const v = out[key];
    if (v === undefined || v === null || (typeof v === 'string' && !v.trim())) delete out[key];
  }
  return out;
}
