import type { ItemDef, MaterialDef, Requirement } from '../model.ts';
import type { MergedMaterial } from './types.ts';

export interface MaterialSourceItem {
  item: Pick<ItemDef, 'key' | 'materials'>;
  /** The bundle's `when` for this item: its materials only matter when it holds. */
  when?: string;
  whenText?: string;
}

const STRICTNESS: Record<Requirement, number> = { optional: 0, conditional: 1, required: 2 };

interface Ask {
  requirement: Requirement;
  condition?: string;
  conditionText?: string;
}

/**
 * One list of materials for the whole bundle: the applicant hands each material type over once
 * at the one window, so the strictest demand of any item is what they must be told.
 */
export function mergeMaterials(sources: readonly MaterialSourceItem[]): MergedMaterial[] {
  const merged = new Map<
    string,
    { first: MaterialDef; copies: number; items: string[]; asks: Ask[] }
  >();

  for (const { item, when, whenText } of sources) {
    for (const material of item.materials) {
      const ask = applyWhen(material, when, whenText);
      const entry = merged.get(material.key);
      if (!entry) {
        merged.set(material.key, {
          first: material,
          copies: material.copies,
          items: [item.key],
          asks: [ask],
        });
        continue;
      }
      // The window collects one set for every department behind it: the largest count covers all.
      entry.copies = Math.max(entry.copies, material.copies);
      if (!entry.items.includes(item.key)) entry.items.push(item.key);
      entry.asks.push(ask);
    }
  }

  return [...merged.values()].map(({ first, copies, items, asks }) => {
    const { requirement: _r, condition: _c, conditionText: _t, ...rest } = first;
    const requirement = asks.reduce<Requirement>(
      (strictest, a) =>
        STRICTNESS[a.requirement] > STRICTNESS[strictest] ? a.requirement : strictest,
      'optional',
    );
    const out: MergedMaterial = { ...rest, copies, requirement, items };
    if (requirement === 'conditional') {
      const conditional = asks.filter((a) => a.requirement === 'conditional');
      const condition = joinAll(
        conditional.map((a) => a.condition),
        (cs) => (cs.length === 1 ? cs[0]! : cs.map((c) => `(${c})`).join(' || ')),
      );
      const text = joinAll(
        conditional.map((a) => a.conditionText),
        (ts) => ts.join('；'),
      );
      if (condition !== undefined) out.condition = condition;
      if (text !== undefined) out.conditionText = text;
    }
    return out;
  });
}

/**
 * An item that applies only when X asks for its required materials only when X: they become
 * conditional on X. Optional materials stay optional: there is nothing to make weaker.
 */
function applyWhen(material: MaterialDef, when?: string, whenText?: string): Ask {
  const own: Ask = { requirement: material.requirement };
  if (material.condition !== undefined) own.condition = material.condition;
  if (material.conditionText !== undefined) own.conditionText = material.conditionText;
  if (!when?.trim() || material.requirement === 'optional') return own;

  // Without the staff's words for `when`, the expression itself beats a guide that silently
  // leaves the item's condition out.
  const whenWords = whenText?.trim() ? whenText : when;
  if (material.requirement === 'required') {
    return { requirement: 'conditional', condition: when, conditionText: whenWords };
  }
  return {
    requirement: 'conditional',
    condition: own.condition ? `(${when}) && (${own.condition})` : when,
    conditionText: own.conditionText ? `${whenWords}，且${own.conditionText}` : whenWords,
  };
}

/** Drops blanks and repeats (two items with the same condition ask once), then joins. */
function joinAll(
  parts: (string | undefined)[],
  join: (distinct: string[]) => string,
): string | undefined {
  const distinct = [...new Set(parts.filter((p): p is string => !!p?.trim()))];
  return distinct.length ? join(distinct) : undefined;
}
