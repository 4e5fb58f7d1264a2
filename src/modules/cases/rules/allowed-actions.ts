import type { Action, StepDef } from '../model.ts';

export interface TaskStatus {
  state: 'open' | 'paused';
  /** The action that stopped the clock, while paused. */
  pausedBy: Action | null;
}

/**
 * What may be done on a live task now. While open, everything the step lists except ending a
 * special procedure that is not running. While paused, only what ends the pause or the case:
 * - a correction (补正) waits for the applicant, whose resubmission (`submit`) resumes the step;
 *   the applicant may always give up instead (`withdraw`), since a correction can ask for
 *   something they cannot provide;
 * - a special procedure (特别程序) ends with `end_special_procedure`, and the applicant may
 *   withdraw meanwhile only where the step allows withdrawal at all.
 * A pause by anything else has no known way back (validateDefinition refuses such definitions)
 * and allows nothing, so it shows up as stuck instead of being resumed by an unrelated action.
 */
export function allowedActions(step: StepDef, task: TaskStatus): Action[] {
  if (task.state === 'open') return step.actions.filter((a) => a !== 'end_special_procedure');
  switch (task.pausedBy) {
    case 'request_correction':
      return ['submit', 'withdraw'];
    case 'start_special_procedure':
      return step.actions.includes('withdraw')
        ? ['end_special_procedure', 'withdraw']
        : ['end_special_procedure'];
    default:
      return [];
  }
}

/** `allowed` comes back with a refusal so the error can tell the actor what would work. */
export function checkAction(
  step: StepDef,
  task: TaskStatus,
  action: Action,
): { ok: true } | { ok: false; allowed: Action[] } {
  const allowed = allowedActions(step, task);
  return allowed.includes(action) ? { ok: true } : { ok: false, allowed };
}
