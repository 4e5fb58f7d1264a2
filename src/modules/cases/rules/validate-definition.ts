import type { Action, ProcessDefinition } from '../model.ts';

export interface DefinitionProblem {
  code:
    | 'process_no_steps' // steps is empty
    | 'process_duplicate_step' // two steps share a key; params: step, first (index of the first)
    | 'process_unknown_after' // steps[i].after[j] names no step; params: step, after
    | 'process_cycle' // the after-graph has a cycle; params.cycle = 'a → b → a'
    | 'process_no_actions' // a step nobody can act on; params: step
    | 'process_bad_pausing' // params: step, action, reason ('not_an_action' | 'no_resume')
    | 'process_bad_limit' // a limit that is neither null nor an integer ≥ 0; params.value
    | 'process_no_role'; // a step without a role; params: step
  /** Where in the definition: 'steps', 'steps[2].after[0]', 'steps[1].limitDays', 'promisedDays'. */
  field: string;
  params: Record<string, string | number>;
}

/**
 * How a pause ends: a correction ends when the applicant hands in again (`submit`, which is not
 * one of the step's own actions), a special procedure when staff end it. Any other action
 * marked as pausing would stop the clock with nothing left that could start it again.
 */
const RESUMES: Partial<Record<Action, Action | 'applicant'>> = {
  request_correction: 'applicant',
  start_special_procedure: 'end_special_procedure',
};

/**
 * Everything wrong with a definition at once, so whoever edits one fixes it in a single pass.
 * The engine refuses to store a definition with any problem: a cycle would leave steps waiting
 * forever, and a bad limit would make every deadline computed from it throw.
 */
export function validateDefinition(def: ProcessDefinition): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  if (def.steps.length === 0)
    problems.push({ code: 'process_no_steps', field: 'steps', params: {} });

  const position = new Map<string, number>();
  def.steps.forEach((step, i) => {
    const first = position.get(step.key);
    if (first === undefined) position.set(step.key, i);
    else {
      problems.push({
        code: 'process_duplicate_step',
        field: `steps[${i}].key`,
        params: { step: step.key, first },
      });
    }
  });

  def.steps.forEach((step, i) => {
    step.after.forEach((after, j) => {
      if (!position.has(after)) {
        problems.push({
          code: 'process_unknown_after',
          field: `steps[${i}].after[${j}]`,
          params: { step: step.key, after },
        });
      }
    });
    if (step.actions.length === 0) {
      problems.push({
        code: 'process_no_actions',
        field: `steps[${i}].actions`,
        params: { step: step.key },
      });
    }
    step.pausing.forEach((action, j) => {
      const resume = RESUMES[action];
      const reason = !step.actions.includes(action)
        ? 'not_an_action'
        : resume === undefined || (resume !== 'applicant' && !step.actions.includes(resume))
          ? 'no_resume'
          : null;
      if (reason) {
        problems.push({
          code: 'process_bad_pausing',
          field: `steps[${i}].pausing[${j}]`,
          params: { step: step.key, action, reason },
        });
      }
    });
    if (!isLimit(step.limitDays)) {
      problems.push(badLimit(`steps[${i}].limitDays`, step.limitDays, step.key));
    }
    if (typeof step.role !== 'string' || step.role.trim() === '') {
      problems.push({
        code: 'process_no_role',
        field: `steps[${i}].role`,
        params: { step: step.key },
      });
    }
  });

  if (!isLimit(def.promisedDays)) problems.push(badLimit('promisedDays', def.promisedDays));
  if (!isLimit(def.statutoryDays)) problems.push(badLimit('statutoryDays', def.statutoryDays));

  problems.push(...cycles(def, position));
  return problems;
}

function isLimit(value: unknown): boolean {
  return value === null || (Number.isSafeInteger(value) && (value as number) >= 0);
}

function badLimit(field: string, value: unknown, step?: string): DefinitionProblem {
  // NaN and Infinity would turn into null in the JSON of an error response.
  const shown = typeof value === 'number' && Number.isFinite(value) ? value : String(value);
  return {
    code: 'process_bad_limit',
    field,
    params: step === undefined ? { value: shown } : { step, value: shown },
  };
}

/**
 * Cycles are named in handling order ('a → b → a': a before b before a), starting from the step
 * listed first, so the same mistake always reads the same way whichever step the search
 * reached first. Each distinct cycle is reported once, at the `after` entry that closes it.
 */
function cycles(
  def: ProcessDefinition,
  position: ReadonlyMap<string, number>,
): DefinitionProblem[] {
  const prerequisites = new Map<string, string[]>();
  for (const step of def.steps) {
    const list = prerequisites.get(step.key) ?? [];
    for (const after of step.after)
      if (position.has(after) && !list.includes(after)) list.push(after);
    prerequisites.set(step.key, list);
  }

  const problems: DefinitionProblem[] = [];
  const seen = new Set<string>();
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string): void => {
    state.set(node, 'open');
    stack.push(node);
    for (const prerequisite of prerequisites.get(node) ?? []) {
      const s = state.get(prerequisite);
      if (s === 'open') {
        // The stack runs dependent → prerequisite; reversed it is the order of handling.
        const problem = cycleProblem(
          stack.slice(stack.indexOf(prerequisite)).reverse(),
          def,
          position,
        );
        if (!seen.has(String(problem.params.cycle))) {
          seen.add(String(problem.params.cycle));
          problems.push(problem);
        }
      } else if (s === undefined) {
        visit(prerequisite);
      }
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const node of prerequisites.keys()) if (!state.has(node)) visit(node);
  return problems;
}

function cycleProblem(
  cycle: string[],
  def: ProcessDefinition,
  position: ReadonlyMap<string, number>,
): DefinitionProblem {
  const first = cycle.reduce((best, node) =>
    (position.get(node) ?? 0) < (position.get(best) ?? 0) ? node : best,
  );
  const start = cycle.indexOf(first);
  const ordered = [...cycle.slice(start), ...cycle.slice(0, start)];
  const closing = ordered[ordered.length - 1]!;
  const i = position.get(first) ?? 0;
  const j = def.steps[i]?.after.indexOf(closing) ?? 0;
  return {
    code: 'process_cycle',
    field: `steps[${i}].after[${j}]`,
    params: { cycle: [...ordered, first].join(' → ') },
  };
}
