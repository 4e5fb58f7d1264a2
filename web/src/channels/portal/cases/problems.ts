import type { ApiError } from '../../../api';

/** One thing to fix, and where: a form field, a material, or the application as a whole. */
export interface Problem {
  target: { kind: 'field' | 'material' | 'delivery'; key: string } | null;
  message: string;
}

export function targetOf(field: string | undefined): Problem['target'] {
  if (field?.startsWith('formData.')) return { kind: 'field', key: field.slice(9) };
  if (field?.startsWith('materials.')) return { kind: 'material', key: field.slice(10) };
  if (field?.startsWith('deliveryChoice')) {
    return { kind: 'delivery', key: field.slice(15) || 'method' };
  }
  return null;
}

/**
 * Every problem a refusal lists (a 400 lists them all at once), its raw path ('formData.x.y')
 * replaced in the message by what the applicant sees on the page.
 */
export function problemsOf(
  error: ApiError,
  names: (field: string) => { shown: string; raw: string[] } | null,
): Problem[] {
  const details = error.details?.length
    ? error.details
    : [{ field: error.field, message: error.message }];
  return details.map((d) => {
    const target = targetOf(d.field);
    const name = d.field ? names(d.field) : null;
    let message = d.message;
    if (d.field && name) {
      // The path itself, and a material's catalogue (Chinese) name in an English message.
      for (const raw of [d.field, ...name.raw]) {
        if (raw && raw !== name.shown) message = message.split(raw).join(name.shown);
      }
    }
    return { target, message };
  });
}

export const problemKey = (target: NonNullable<Problem['target']>) =>
  `${target.kind}:${target.key}`;

/** The id of a field's control, as antd's Form names it ('apply_premises.area_m2'). */
export const fieldId = (key: string) => `apply_${key}`;
export const materialId = (key: string) => `material-${key}`;
export const deliveryId = (key: string) => `delivery-${key.replace('.', '-')}`;

/** Moves focus to a field or material named in the summary, scrolling it into view. */
export function focusTarget(target: NonNullable<Problem['target']>) {
  const id =
    target.kind === 'field'
      ? fieldId(target.key)
      : target.kind === 'material'
        ? materialId(target.key)
        : deliveryId(target.key);
  const element = document.getElementById(id);
  if (!element) return;
  const focusable = element.matches('input, select, textarea, button')
    ? element
    : element.querySelector<HTMLElement>('input, select, textarea, button');
  element.scrollIntoView({ block: 'center' });
  (focusable ?? element).focus({ preventScroll: true });
}
