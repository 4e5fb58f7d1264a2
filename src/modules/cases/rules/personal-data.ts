import { maskPhone, maskResidentId } from '../../../shared/mask.ts';

/**
 * Form fields that hold a resident ID or a phone number. A form property's key is a data-element
 * key (数据元), and an element means the same thing in every form, so the key is enough to know.
 */
export function personalDataKind(key: string): 'resident_id' | 'phone' | null {
  const element = key.slice(key.lastIndexOf('.') + 1);
  if (element === 'resident_id') return 'resident_id';
  if (element === 'phone') return 'phone';
  return null;
}

function masked(key: string, value: unknown): unknown {
  if (typeof value !== 'string' || !value) return value;
  const kind = personalDataKind(key);
  if (kind === 'resident_id') return maskResidentId(value);
  if (kind === 'phone') return maskPhone(value);
  return value;
}

/** The form as anyone but its applicant sees it: resident IDs and phone numbers masked. */
export function maskFormData(formData: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(formData)) out[key] = masked(key, value);
  return out;
}

/** Only the fields `maskFormData` would hide, in full: what an audited reveal hands out. */
export function personalFields(formData: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(formData))
    if (personalDataKind(key) && typeof value === 'string' && value) out[key] = value;
  return out;
}

/**
 * A form sent back as it was shown carries masked values; those mean "unchanged", so the stored
 * value stays. Anything else is a new value and is checked like any other.
 */
export function keepMaskedValues(
  stored: Record<string, unknown>,
  incoming: Record<string, unknown>,
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...incoming };
  for (const [key, value] of Object.entries(incoming)) {
    const before = stored[key];
    if (typeof value === 'string' && value.includes('*') && value === masked(key, before))
      out[key] = before;
  }
  return out;
}

/**
 * The first resident-ID or phone field still holding a masked value once `keepMaskedValues` has
 * run: an edited mask (a digit changed, a star removed) is neither the stored number nor a new
 * one, and saving it would put stars in place of a real number.
 */
export function stillMasked(formData: Record<string, unknown>): string | null {
  for (const [key, value] of Object.entries(formData))
    if (personalDataKind(key) && typeof value === 'string' && value.includes('*')) return key;
  return null;
}

type WithPost = { post?: { phone: string } | undefined };

/** A postal delivery choice's phone number, masked like the form's. */
export function maskDeliveryChoice<T extends WithPost>(choice: T | null): T | null {
  if (!choice?.post) return choice;
  return { ...choice, post: { ...choice.post, phone: maskPhone(choice.post.phone) } };
}

/** The delivery choice's counterpart of `keepMaskedValues`. */
export function keepMaskedDeliveryPhone<T extends WithPost>(stored: T | null, incoming: T): T {
  const before = stored?.post?.phone;
  const phone = incoming.post?.phone;
  if (!before || !phone || !phone.includes('*') || phone !== maskPhone(before)) return incoming;
  return { ...incoming, post: { ...incoming.post!, phone: before } };
}
