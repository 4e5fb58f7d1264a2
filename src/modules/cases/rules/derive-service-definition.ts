import {
  criticalPath,
  type BundleDef,
  type BundleItemRef,
  type ItemDef,
} from '../../catalogue/index.ts';
import type { Action, ProcessDefinition, StepDef } from '../model.ts';

export type ServiceSubject =
  { kind: 'bundle'; bundle: BundleDef } | { kind: 'item'; item: ItemDef };

const REVIEW_ACTIONS: Action[] = [
  'approve',
  'reject',
  'request_correction',
  'return',
  'escalate',
  'start_special_procedure',
  'end_special_procedure',
  'withdraw',
];

export const reviewStepKey = (item: string) => `review:${item}`;

/**
 * The process of an application for a bundle (一件事) or a single item: intake at any window
 * (一窗受理), one review per item by the department owning it, in the order the bundle's `after`
 * lists give, then delivery from the window that accepted it. A single item is a bundle of one.
 *
 * Intake has no limit because the clock starts at acceptance. The promised days are the
 * bundle's (or item's) own promise; the statutory days are the longest chain of statutory
 * limits, since items with no order between them are reviewed in parallel and the law's limit
 * for the whole is the slowest chain. That chain counts conditional items as if they applied:
 * the definition is fixed before the form is final.
 *
 * An item missing from the catalogue is an error: its review could be neither named nor routed.
 * A bundle's other mistakes (a prerequisite outside the bundle, a cycle) are carried into the
 * definition as they are, for validateDefinition to report.
 */
export function deriveServiceDefinition(
  subject: ServiceSubject,
  catalogue: ReadonlyMap<string, ItemDef>,
): ProcessDefinition {
  const { key, name, nameEn, promisedDays, refs } =
    subject.kind === 'bundle'
      ? { ...subject.bundle, refs: subject.bundle.items }
      : { ...subject.item, refs: [{ item: subject.item.key }] as BundleItemRef[] };

  const items = refs.map((ref) => {
    const item = subject.kind === 'item' ? subject.item : catalogue.get(ref.item);
    if (!item)
      throw new RangeError(`bundle ${key} names ${ref.item}, which is not in the catalogue`);
    return { ref, item };
  });

  const intake: StepDef = {
    key: 'intake',
    name: '受理',
    nameEn: 'Intake',
    owner: { kind: 'any_window' },
    role: 'window_clerk',
    after: [],
    actions: ['accept', 'request_correction', 'decline', 'withdraw'],
    pausing: ['request_correction'],
    limitDays: null,
  };
  const reviews = items.map(({ ref, item }): StepDef => ({
    key: reviewStepKey(item.key),
    name: `${item.name}审查`,
    nameEn: `Review: ${item.nameEn}`,
    owner: { kind: 'item_department' },
    role: 'reviewer',
    after: ['intake', ...(ref.after ?? []).map(reviewStepKey)],
    actions: [...REVIEW_ACTIONS],
    pausing: ['request_correction', 'start_special_procedure'],
    limitDays: item.promisedDays,
    item: item.key,
    ...(ref.when === undefined ? {} : { when: ref.when }),
  }));
  const delivery: StepDef = {
    key: 'delivery',
    name: '出件',
    nameEn: 'Delivery',
    owner: { kind: 'intake_point' },
    role: 'window_clerk',
    after: reviews.map((r) => r.key),
    actions: ['deliver'],
    pausing: [],
    limitDays: null,
  };

  const statutory = new Map(items.map(({ item }) => [item.key, item.statutoryDays]));
  return {
    key: `service:${subject.kind}:${key}`,
    kind: 'service_application',
    name,
    nameEn,
    steps: [intake, ...reviews, delivery],
    promisedDays,
    statutoryDays: criticalPath(refs, statutory).days,
  };
}
