export interface SearchTerm {
  text: string;
  weight: number;
}

/**
 * The strings a query is matched with, most telling first: the query itself, what its
 * synonyms stand for, then its overlapping two-character pieces (Chinese words are mostly two
 * characters, so 餐饮店铺 still finds 开餐饮店 through 餐饮).
 */
export function searchTerms(query: string, synonymTargets: readonly string[]): SearchTerm[] {
  const q = query.trim().toLowerCase();
  const terms = new Map<string, number>();
  const add = (text: string, weight: number) => {
    if (text && (terms.get(text) ?? 0) < weight) terms.set(text, weight);
  };
  add(q, 10);
  for (const target of synonymTargets) add(target.toLowerCase(), 8);
  const chars = [...q];
  if (chars.length >= 3) {
    for (let i = 0; i + 2 <= chars.length; i++) {
      const piece = chars.slice(i, i + 2).join('');
      if (!/\s/.test(piece)) add(piece, 1);
    }
  }
  return [...terms].map(([text, weight]) => ({ text, weight }));
}
