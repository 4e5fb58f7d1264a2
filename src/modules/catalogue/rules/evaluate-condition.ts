import { evaluate } from '@marcbachmann/cel-js';

/**
 * Whether a `when` or material condition holds for the data an applicant has given so far, as a
 * flat map of data elements (`{ 'premises.area_m2': 80 }`). The dotted keys are nested back into
 * objects because CEL reads `premises.area_m2` as a field of the variable `premises`.
 *
 * An element that is missing (absent, null or undefined) makes the part of the expression that
 * reads it an error, and an error is "does not hold": an unanswered question must not add items
 * or materials. CEL's logical operators absorb errors where the other side decides
 * (`missing || true` is true, `missing && false` is false). Anything but a boolean `true`,
 * including an expression that does not parse, is false.
 *
 * Numbers reach CEL as doubles, which compare with integer literals (`area > 50`) but do not mix
 * with them in arithmetic (`area + 1` is an error, `area + 1.0` is fine).
 */
export function evaluateCondition(expr: string, data: Record<string, unknown>): boolean {
  try {
    return evaluate(expr, nest(data)) === true;
  } catch {
    return false;
  }
}

/**
 * `{ 'a.b': 1, 'a.c': 2 }` → `{ a: { b: 1, c: 2 } }`. Where one key is a prefix of another
 * ('a' and 'a.b') both cannot be held, and the first one given wins.
 */
function nest(data: Record<string, unknown>): Record<string, unknown> {
  // Null-prototype objects, so an element key such as '__proto__.x' cannot reach a prototype.
  const branches = new Set<object>();
  const branch = (): Record<string, unknown> => {
    const b: Record<string, unknown> = Object.create(null);
    branches.add(b);
    return b;
  };
  const root = branch();
  for (const [key, value] of Object.entries(data)) {
    if (value === undefined || value === null) continue;
    const path = key.split('.');
    const leaf = path.pop()!;
    let target: Record<string, unknown> | undefined = root;
    for (const segment of path) {
      const next: unknown = target[segment];
      if (next === undefined) {
        const child = branch();
        target[segment] = child;
        target = child;
      } else if (typeof next === 'object' && next !== null && branches.has(next)) {
        target = next as Record<string, unknown>;
      } else {
        target = undefined;
        break;
      }
    }
    if (target && target[leaf] === undefined) target[leaf] = value;
  }
  return root;
}
