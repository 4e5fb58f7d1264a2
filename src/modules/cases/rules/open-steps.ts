import type { ProcessDefinition } from '../model.ts';

export type StepState = 'waiting' | 'open' | 'paused' | 'done' | 'skipped' | 'cancelled';

const CLEARS_THE_WAY: ReadonlySet<StepState> = new Set(['done', 'skipped']);
const FINISHED: ReadonlySet<StepState> = new Set(['done', 'skipped', 'cancelled']);

/**
 * What can move now: every waiting step whose prerequisites are all done or skipped opens, or is
 * skipped when its `when` does not hold. A skip clears the way for the steps after it just as a
 * decision does (an item that does not apply holds nothing up), so this repeats until nothing
 * changes: one call settles the whole cascade and the caller never has to loop.
 *
 * Conditions are asked only when a step is about to open, not when the case starts, because the
 * form may still change during a correction. A prerequisite that was cancelled (a withdrawal, a
 * refusal elsewhere) keeps its dependents waiting. A step missing from `states` has no task yet
 * and counts as waiting. Returns only the changes, in definition order.
 */
export function advance(
  def: ProcessDefinition,
  states: Readonly<Record<string, StepState>>,
  conditionHolds: (when: string) => boolean,
): { open: string[]; skip: string[] } {
  const current = new Map(def.steps.map((s) => [s.key, stateOf(states, s.key)]));
  const open: string[] = [];
  const skip: string[] = [];
  let changed = true;
  while (changed) {
    changed = false;
    for (const step of def.steps) {
      if (current.get(step.key) !== 'waiting') continue;
      const ready = step.after.every((a) => CLEARS_THE_WAY.has(current.get(a) ?? 'waiting'));
      if (!ready) continue;
      if (step.when !== undefined && !conditionHolds(step.when)) {
        current.set(step.key, 'skipped');
        skip.push(step.key);
        // Only a skip can make another step ready within this call; an opened step is not done.
        changed = true;
      } else {
        current.set(step.key, 'open');
        open.push(step.key);
      }
    }
  }
  const order = new Map(def.steps.map((s, i) => [s.key, i]));
  const byDefinition = (a: string, b: string) => (order.get(a) ?? 0) - (order.get(b) ?? 0);
  return { open: open.sort(byDefinition), skip: skip.sort(byDefinition) };
}

/** Nothing left to do: every step was done, skipped or cancelled. */
export function isFinished(
  def: ProcessDefinition,
  states: Readonly<Record<string, StepState>>,
): boolean {
  return def.steps.every((s) => FINISHED.has(stateOf(states, s.key)));
}

function stateOf(states: Readonly<Record<string, StepState>>, key: string): StepState {
  // hasOwn: a step keyed 'constructor' must not read Object.prototype.
  return Object.hasOwn(states, key) ? (states[key] ?? 'waiting') : 'waiting';
}
