import type { BundleDef, BundleItemRef, ItemDef } from '../model.ts';
import { bundleGraph } from './bundle-graph.ts';
import { checkConditions } from './check-conditions.ts';
import { checkDag } from './check-dag.ts';
import { criticalPath } from './critical-path.ts';
import { mergeForms } from './merge-form.ts';
import { mergeMaterials } from './merge-materials.ts';
import type { CompileProblem, CompileResult, MergedMaterial } from './types.ts';

export type {
  BundleGraph,
  CompileProblem,
  CompileResult,
  CompiledBundle,
  CriticalPath,
  MergedMaterial,
} from './types.ts';

/**
 * Turns a bundle (一件事) as staff define it into what the applicant meets: one form, one list
 * of materials, one visit count and the honest shortest promise. Every problem is reported at
 * once, so an editor fixes the definition in one pass; they come in the order of the definition's
 * own layers (the item list, the order between items, the merged form, the conditions, the
 * promise), each layer in item order.
 */
export function compileBundle(
  def: BundleDef,
  catalogue: ReadonlyMap<string, ItemDef>,
): CompileResult {
  const problems: CompileProblem[] = [];
  if (def.items.length === 0) problems.push({ code: 'bundle_empty', field: 'items', params: {} });

  const position = new Map<string, number>();
  const found: { ref: BundleItemRef; item: ItemDef }[] = [];
  def.items.forEach((ref, i) => {
    if (position.has(ref.item)) {
      problems.push({
        code: 'bundle_duplicate_item',
        field: `items[${i}].item`,
        params: { item: ref.item },
      });
      return;
    }
    position.set(ref.item, i);
    const item = catalogue.get(ref.item);
    if (!item) {
      problems.push({
        code: 'bundle_unknown_item',
        field: `items[${i}].item`,
        params: { item: ref.item },
      });
      return;
    }
    found.push({ ref, item });
  });

  const dagProblems = checkDag(def.items);
  problems.push(...dagProblems);

  const { form, conflicts } = mergeForms(found.map((f) => f.item));
  for (const c of conflicts) {
    problems.push({
      code: 'bundle_element_conflict',
      field: `items[${position.get(c.itemB)}].item`,
      params: { ...c },
    });
  }

  problems.push(...checkConditions(def.items, form));

  // Longest paths only mean something on a DAG. Unknown items weigh nothing, so with them the
  // path is a lower bound and a promise below it is still certainly too short.
  const days = new Map(found.map(({ item }) => [item.key, item.promisedDays]));
  const path = dagProblems.length === 0 ? criticalPath(def.items, days) : undefined;
  if (path && def.promisedDays < path.days) {
    problems.push({
      code: 'bundle_promise_too_short',
      field: 'promisedDays',
      params: { promised: def.promisedDays, critical: path.days, path: path.items.join(' → ') },
    });
  }

  if (problems.length > 0 || !path) return { ok: false, problems };

  return {
    ok: true,
    problems: [],
    compiled: {
      form,
      materials: markProduced(
        mergeMaterials(
          found.map(({ ref, item }) => ({ item, when: ref.when, whenText: ref.whenText })),
        ),
        found.map(({ item }) => item),
      ),
      criticalPath: path,
      trips: Math.max(0, ...found.map(({ item }) => item.visits)),
      graph: bundleGraph(def.items),
    },
  };
}

/**
 * 营业执照 is a material of the food-business permit, but in 开餐饮店 the bundle's own first item
 * issues it: asking the applicant for it would defeat the bundle.
 */
function markProduced(
  materials: MergedMaterial[],
  items: readonly Pick<ItemDef, 'key' | 'result'>[],
): MergedMaterial[] {
  const issuer = new Map<string, string>();
  for (const i of items)
    if (i.result.kind === 'certificate') issuer.set(i.result.certificateType, i.key);
  return materials.map((m) => {
    const by = m.source.kind === 'certificate' ? issuer.get(m.source.certificateType) : undefined;
    return by && !m.items.includes(by) ? { ...m, producedBy: by } : m;
  });
}
