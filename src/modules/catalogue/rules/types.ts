import type { FormSchema, MaterialDef, Requirement } from '../model.ts';

export interface CompileProblem {
  code:
    | 'bundle_empty' // no items
    | 'bundle_duplicate_item' // the same item twice
    | 'bundle_unknown_item' // items[i].item not in the catalogue
    | 'bundle_unknown_dependency' // items[i].after[j] not among the bundle's items
    | 'bundle_cycle' // the after-graph has a cycle; params.cycle = 'a → b → a'
    | 'bundle_element_conflict' // two items disagree on an element's type; params: element, itemA, typeA, itemB, typeB
    | 'bundle_bad_condition' // items[i].when does not parse, or uses an element not in the merged form; params.reason
    | 'bundle_promise_too_short'; // promisedDays < critical path days; params: promised, critical, path ('a → b')
  /** Where in the definition: 'items', 'items[2].item', 'items[1].after[0]', 'items[3].when', 'promisedDays'. */
  field: string;
  params: Record<string, string | number>;
}

export interface MergedMaterial extends Omit<
  MaterialDef,
  'requirement' | 'condition' | 'conditionText'
> {
  requirement: Requirement;
  condition?: string;
  conditionText?: string;
  /** The items that ask for it. */
  items: string[];
  /** A certificate that an item of the same bundle issues on the way: never asked of the applicant. */
  producedBy?: string;
}

export interface CriticalPath {
  days: number;
  items: string[];
}

export interface BundleGraph {
  nodes: { item: string; layer: number; when?: string }[];
  edges: { from: string; to: string }[];
}

export interface CompiledBundle {
  /** Each data element once, required if any item requires it; 'x-order' kept from the first item. */
  form: FormSchema;
  /** One per material key, with the strictest requirement. */
  materials: MergedMaterial[];
  /** The longest path through the after-DAG, weighted by each item's promisedDays. */
  criticalPath: CriticalPath;
  /** One-window intake: a single visit serves every item, so the most demanding item decides. */
  trips: number;
  /** layer = longest distance from a root, for drawing the DAG. */
  graph: BundleGraph;
}

export type CompileResult =
  { ok: true; compiled: CompiledBundle; problems: [] } | { ok: false; problems: CompileProblem[] };
