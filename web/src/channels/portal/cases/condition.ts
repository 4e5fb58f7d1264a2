// The catalogue's conditions ('premises.area_m2 > 50', "premises.ownership == 'lease'",
// '(premises.has_outdoor_sign) && (sign.area_m2 > 10)') evaluated while the applicant types, so
// the form shows only what applies. This is the subset of CEL the catalogue uses; the server
// (cel-js) stays the judge at submission. Anything outside the subset is "unknown", and the page
// then shows the part in question rather than hiding it.

type Value = boolean | number | string | null;
/** CEL's error value: an unanswered field, or an operator applied to the wrong types. */
const ERROR = Symbol('error');
type Result = Value | typeof ERROR;

type Node =
  | { op: 'lit'; value: Value }
  | { op: 'ident'; path: string }
  | { op: 'not'; arg: Node }
  | { op: '&&' | '||'; left: Node; right: Node }
  | { op: '==' | '!=' | '<' | '<=' | '>' | '>='; left: Node; right: Node };

const TOKEN =
  /\s*(?:(\d+(?:\.\d+)?)|'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"|([A-Za-z_][\w]*(?:\.[A-Za-z_][\w]*)*)|(&&|\|\||==|!=|<=|>=|[<>!()]))/y;

type Token =
  | { kind: 'num'; value: number }
  | { kind: 'str'; value: string }
  | { kind: 'ident'; value: string }
  | { kind: 'op'; value: string };

function tokenize(source: string): Token[] | null {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  let at = 0;
  while (at < source.length) {
    if (!source.slice(at).trim()) break;
    TOKEN.lastIndex = at;
    const m = TOKEN.exec(source);
    if (!m) return null;
    at = TOKEN.lastIndex;
    if (m[1] !== undefined) tokens.push({ kind: 'num', value: Number(m[1]) });
    else if (m[2] !== undefined) tokens.push({ kind: 'str', value: m[2].replace(/\\(.)/g, '$1') });
    else if (m[3] !== undefined) tokens.push({ kind: 'str', value: m[3].replace(/\\(.)/g, '$1') });
    else if (m[4] !== undefined) tokens.push({ kind: 'ident', value: m[4] });
    else if (m[5] !== undefined) tokens.push({ kind: 'op', value: m[5] });
  }
  return tokens;
}

const COMPARISONS = new Set(['==', '!=', '<', '<=', '>', '>=']);

function parse(source: string): Node | null {
  const tokens = tokenize(source);
  if (!tokens?.length) return null;
  let i = 0;
  const peek = () => tokens[i];
  const isOp = (value: string) => {
    const token = peek();
    return token?.kind === 'op' && token.value === value;
  };

  const primary = (): Node => {
    const token = tokens[i++];
    if (!token) throw new SyntaxError('end of condition');
    if (token.kind === 'num' || token.kind === 'str') return { op: 'lit', value: token.value };
    if (token.kind === 'ident') {
      if (token.value === 'true' || token.value === 'false') {
        return { op: 'lit', value: token.value === 'true' };
      }
      if (token.value === 'null') return { op: 'lit', value: null };
      return { op: 'ident', path: token.value };
    }
    if (token.value === '(') {
      const inner = or();
      if (!isOp(')')) throw new SyntaxError('missing )');
      i++;
      return inner;
    }
    throw new SyntaxError(`unexpected ${token.value}`);
  };
  const unary = (): Node => {
    if (isOp('!')) {
      i++;
      return { op: 'not', arg: unary() };
    }
    return primary();
  };
  const comparison = (): Node => {
    const left = unary();
    const token = peek();
    if (token?.kind === 'op' && COMPARISONS.has(token.value)) {
      i++;
      return { op: token.value as '==', left, right: unary() };
    }
    return left;
  };
  const and = (): Node => {
    let left = comparison();
    while (isOp('&&')) {
      i++;
      left = { op: '&&', left, right: comparison() };
    }
    return left;
  };
  const or = (): Node => {
    let left = and();
    while (isOp('||')) {
      i++;
      left = { op: '||', left, right: and() };
    }
    return left;
  };

  try {
    const node = or();
    return i === tokens.length ? node : null;
  } catch {
    return null;
  }
}

function evaluate(node: Node, data: Record<string, unknown>): Result {
  switch (node.op) {
    case 'lit':
      return node.value;
    case 'ident': {
      const value = data[node.path];
      return typeof value === 'boolean' || typeof value === 'number' || typeof value === 'string'
        ? value
        : ERROR;
    }
    case 'not': {
      const v = evaluate(node.arg, data);
      return typeof v === 'boolean' ? !v : ERROR;
    }
    // CEL's logical operators are commutative over errors: false && error is false.
    case '&&': {
      const l = evaluate(node.left, data);
      const r = evaluate(node.right, data);
      if (l === false || r === false) return false;
      return l === true && r === true ? true : ERROR;
    }
    case '||': {
      const l = evaluate(node.left, data);
      const r = evaluate(node.right, data);
      if (l === true || r === true) return true;
      return l === false && r === false ? false : ERROR;
    }
    default: {
      const l = evaluate(node.left, data);
      const r = evaluate(node.right, data);
      if (l === ERROR || r === ERROR) return ERROR;
      if (node.op === '==') return l === r;
      if (node.op === '!=') return l !== r;
      const numbers = typeof l === 'number' && typeof r === 'number';
      const strings = typeof l === 'string' && typeof r === 'string';
      if (!numbers && !strings) return ERROR;
      const a = l as number | string;
      const b = r as number | string;
      if (node.op === '<') return a < b;
      if (node.op === '<=') return a <= b;
      if (node.op === '>') return a > b;
      return a >= b;
    }
  }
}

const parsed = new Map<string, Node | null>();

function compiled(condition: string): Node | null {
  if (!parsed.has(condition)) parsed.set(condition, parse(condition));
  return parsed.get(condition) ?? null;
}

/**
 * Whether a condition holds for the form as it stands: true, false (as the server would judge
 * it: an unanswered field makes a condition false), or null where this subset cannot tell.
 */
export function conditionHolds(
  condition: string | undefined,
  data: Record<string, unknown>,
): boolean | null {
  if (!condition) return true;
  const node = compiled(condition);
  if (!node) return null;
  return evaluate(node, data) === true;
}

/** The form fields a condition reads ('premises.has_outdoor_sign'): they must stay askable. */
export function conditionFields(condition: string | undefined): string[] {
  if (!condition) return [];
  return (tokenize(condition) ?? [])
    .filter((t) => t.kind === 'ident' && !['true', 'false', 'null'].includes(t.value))
    .map((t) => t.value as string);
}
