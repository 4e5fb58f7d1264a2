import type { ProblemDetail } from '../../../shared/app-error.ts';
import type { DeliveryChoice } from '../cases.table.ts';

/** Mainland mobile numbers: the courier calls or texts the recipient. */
const MOBILE = /^1\d{10}$/;

export type DeliveryChoiceCheck =
  { ok: true; choice: DeliveryChoice } | { ok: false; problems: ProblemDetail[] };

/**
 * The applicant's delivery choice as it will be stored: post needs a recipient, a mobile number
 * and an address (every gap named at once); what does not belong to the method is dropped, so a
 * switch from post to pick-up does not keep an address nobody will use.
 */
export function checkDeliveryChoice(input: DeliveryChoice): DeliveryChoiceCheck {
  if (input.method === 'electronic') return { ok: true, choice: { method: 'electronic' } };
  if (input.method === 'pickup') {
    const point = input.servicePoint?.trim();
    return {
      ok: true,
      choice: point ? { method: 'pickup', servicePoint: point } : { method: 'pickup' },
    };
  }
  const post = {
    recipient: input.post?.recipient?.trim() ?? '',
    phone: input.post?.phone?.replace(/[\s-]/g, '') ?? '',
    address: input.post?.address?.trim() ?? '',
  };
  const problems: ProblemDetail[] = [];
  for (const key of ['recipient', 'phone', 'address'] as const) {
    const field = `deliveryChoice.post.${key}`;
    if (!post[key]) problems.push({ code: 'validation_required', field, params: { field } });
    else if (key === 'phone' && !MOBILE.test(post.phone))
      problems.push({ code: 'phone_format', field, params: { field } });
  }
  return problems.length ? { ok: false, problems } : { ok: true, choice: { method: 'post', post } };
}
