import { Environment, parse, type ASTNode, type ObjectSchema } from '@marcbachmann/cel-js';
import type { BundleItemRef, ElementType, FormSchema } from '../model.ts';
import type { CompileProblem } from './types.ts';

/**
 * Every `when` must parse and may only read data elements of the bundle's merged form, or the
 * applicant would be asked to decide something the form never asks them.
 */
export function checkConditions(
  refs: readonly BundleItemRef[],
  form: FormSchema,
): CompileProblem[] {
  const check = conditionChecker(form);
  const problems: CompileProblem[] = [];
  refs.forEach((ref, i) => {
    if (ref.when === undefined) return;
    const reason = check(ref.when);
    if (reason !== undefined) {
      problems.push({
        code: 'bundle_bad_condition',
        field: `items[${i}].when`,
        params: { item: ref.item, expression: ref.when, reason },
      });
    }
  });
  return problems;
}

/**
 * Returns a checker for one form: undefined when the expression is fine, else why it is not.
 *
 * Data-element keys are dotted ('premises.area_m2'); CEL reads that text as the variable
 * `premises` with the field `area_m2` selected. So the AST is walked and every chain of an
 * identifier followed by field selections (or `["literal"]` indexing) is turned back into the
 * dotted text, which must equal a key of the form: `premises.area_m2` is the element, while a
 * bare `premises` or `premises.area_m2.x` is not. Variables bound inside the expression by a
 * macro (`list.exists(x, …)`) or `cel.bind` are not elements. The library's own checker then
 * catches type mistakes (`premises.has_outdoor_sign > 5`) against the same form, declared as
 * nested objects.
 */
export function conditionChecker(form: FormSchema): (expression: string) => string | undefined {
  const elements = new Set(Object.keys(form.properties));
  const env = typedEnvironment(form);

  return (expression) => {
    let ast: ASTNode;
    try {
      ast = parse(expression).ast;
    } catch (error) {
      return `syntax error: ${summary(error)}`;
    }
    const unknown = [...referencedElements(ast)].filter((e) => !elements.has(e));
    if (unknown.length) {
      return `not in the bundle's form: ${unknown.join(', ')}`;
    }
    const typed = env.check(expression);
    if (!typed.valid) return `type error: ${summary(typed.error)}`;
    if (typed.type !== 'bool' && typed.type !== 'dyn') {
      return `yields ${typed.type}, not a boolean`;
    }
    return undefined;
  };
}

function summary(error: unknown): string {
  if (
    error &&
    typeof error === 'object' &&
    'summary' in error &&
    typeof error.summary === 'string'
  ) {
    return error.summary;
  }
  return error instanceof Error ? error.message : String(error);
}

// Bare identifiers that name CEL types (`type(x) == int`), not variables.
const TYPE_NAMES = new Set([
  'bool',
  'bytes',
  'double',
  'duration',
  'dyn',
  'int',
  'list',
  'map',
  'null_type',
  'string',
  'timestamp',
  'type',
  'uint',
]);
// Macros whose first argument names a variable bound in the arguments after it.
const BINDING_MACROS = new Set(['all', 'exists', 'exists_one', 'map', 'filter']);

function referencedElements(root: ASTNode): Set<string> {
  const found = new Set<string>();

  const walk = (node: ASTNode, bound: ReadonlySet<string>): void => {
    const path = dottedPath(node);
    if (path) {
      const [head] = path;
      if (!bound.has(head!) && !(path.length === 1 && TYPE_NAMES.has(head!))) {
        found.add(path.join('.'));
      }
      return;
    }
    if (node.op === 'rcall') {
      const [name, receiver, args] = node.args;
      const [variable, ...rest] = args;
      if (variable?.op === 'id' && rest.length > 0) {
        if (BINDING_MACROS.has(name)) {
          walk(receiver, bound);
          for (const a of rest) walk(a, new Set([...bound, variable.args]));
          return;
        }
        if (
          name === 'bind' &&
          receiver.op === 'id' &&
          receiver.args === 'cel' &&
          rest.length === 2
        ) {
          walk(rest[0]!, bound);
          walk(rest[1]!, new Set([...bound, variable.args]));
          return;
        }
      }
    }
    walkChildren(node.args, (child) => walk(child, bound));
  };

  walk(root, new Set());
  return found;
}

/** `a.b["c"]` → ['a', 'b', 'c']; undefined for anything that is not such a chain. */
function dottedPath(node: ASTNode): string[] | undefined {
  switch (node.op) {
    case 'id':
      return [node.args];
    case '.':
    case '.?': {
      const base = dottedPath(node.args[0]);
      return base && [...base, node.args[1]];
    }
    case '[]':
    case '[?]': {
      const [target, index] = node.args;
      if (index.op !== 'value' || typeof index.args !== 'string') return undefined;
      const base = dottedPath(target);
      return base && [...base, index.args];
    }
    default:
      return undefined;
  }
}

function walkChildren(value: unknown, visit: (node: ASTNode) => void): void {
  if (Array.isArray(value)) {
    for (const v of value) walkChildren(v, visit);
  } else if (value && typeof value === 'object' && 'op' in value) {
    visit(value as ASTNode);
  }
}

/**
 * Declares the form's elements for the library's type checker. Numbers are `dyn`: evaluation
 * hands CEL plain JavaScript numbers (doubles), and the checker would reject `area == 50` as
 * double == int although it evaluates fine, so only strings and booleans are pinned down.
 * Unlisted variables are `dyn` too: a root the library will not declare (`int`, `type`, an
 * empty segment) then goes unchecked rather than failing the whole bundle; the element walk
 * above has already vouched that every name read is in the form.
 */
function typedEnvironment(form: FormSchema): Environment {
  const roots = schemaObject();
  for (const [key, property] of Object.entries(form.properties)) {
    place(roots, key.split('.'), CEL_TYPES[property.type]);
  }
  const env = new Environment({ unlistedVariablesAreDyn: true });
  for (const [name, schema] of Object.entries(roots)) {
    try {
      if (typeof schema === 'string') env.registerVariable(name, schema);
      else env.registerVariable({ name, schema });
    } catch {
      // Left undeclared, hence dyn (see above).
    }
  }
  return env;
}

const CEL_TYPES: Record<ElementType, string> = {
  string: 'string',
  boolean: 'bool',
  number: 'dyn',
  integer: 'dyn',
};

// Null prototype: element keys are data, and '__proto__.x' must not write to Object.prototype.
const schemaObject = (): ObjectSchema => Object.create(null) as ObjectSchema;

/** An element that is also the prefix of another ('a' and 'a.b') can only be typed as dyn. */
function place(schema: ObjectSchema, path: string[], type: string): void {
  const [head, ...rest] = path;
  if (head === undefined) return;
  const slot = schema[head];
  if (rest.length === 0) {
    schema[head] = slot === undefined ? type : 'dyn';
  } else if (slot === undefined) {
    const child = schemaObject();
    schema[head] = child;
    place(child, rest, type);
  } else if (typeof slot === 'object') {
    place(slot, rest, type);
  } else {
    schema[head] = 'dyn';
  }
}
