import type { ProblemDetail } from '../../../shared/app-error.ts';
import type { ItemDef } from '../model.ts';

/**
 * What the JSON schema cannot say about an item: limits, visits and conditions that depend
 * on one another, and a department that must exist. Every problem is reported at once.
 */
export function checkItem(
  item: Omit<ItemDef, 'key'>,
  departments: ReadonlySet<string>,
): ProblemDetail[] {
  const problems: ProblemDetail[] = [];
  if (item.promisedDays > item.statutoryDays) {
    problems.push({
      code: 'item_promise_exceeds_statutory',
      field: 'promisedDays',
      params: { promised: item.promisedDays, statutory: item.statutoryDays },
    });
  }
  if (item.visits > 0 && !item.visitReason?.trim()) {
    problems.push({ code: 'item_visit_reason_required', field: 'visitReason' });
  }
  if (!departments.has(item.department)) {
    problems.push({
      code: 'item_unknown_department',
      field: 'department',
      params: { department: item.department },
    });
  }
  item.materials.forEach((m, i) => {
    if (m.requirement === 'conditional' && !m.condition?.trim()) {
      problems.push({ code: 'item_condition_required', field: `materials[${i}].condition` });
    }
  });
  // A label for a code the field does not offer would never show, and hides a typo in either.
  for (const [key, property] of Object.entries(item.form.properties)) {
    const codes = new Set((property.enum ?? []).map(String));
    for (const code of Object.keys(property['x-enum-en'] ?? {})) {
      if (!codes.has(code)) {
        problems.push({
          code: 'validation_other',
          field: `form.properties.${key}.x-enum-en`,
          params: { code },
        });
      }
    }
  }
  for (const key of item.form.required) {
    if (!item.form.properties[key]) {
      problems.push({ code: 'validation_other', field: `form.required` });
    }
  }
  return problems;
}
