import type { StepDef } from '../model.ts';

/** What is known about a case when a step opens; each owner rule reads one piece of it. */
export interface RoutingContext {
  /** The org unit code of the department owning a catalogue item, e.g. 'dept:market-regulation'. */
  itemDepartment?: (item: string) => string | undefined;
  /** The applicant's street or town: a 9-digit code, which is also its org unit code. */
  applicantStreet?: string;
  /** The unit of the window that accepted the case. */
  intakeUnit?: string;
  targetDepartment?: string;
  requesterDepartment?: string;
  responsibleDepartment?: string;
}

export type Routing = { ok: true; orgUnit: string | null } | { ok: false; reason: string };

const STREET_CODE = /^\d{9}$/;

/**
 * The org unit that owns a step once it opens. `orgUnit: null` is the shared pool of 一窗受理:
 * any window clerk at any service point may take the step. A rule that cannot be answered is a
 * failure naming the missing fact rather than a fallback unit: a task parked with the wrong
 * department is worse than a step that refuses to open and says why.
 */
export function routeOwner(step: StepDef, ctx: RoutingContext): Routing {
  const owner = step.owner;
  switch (owner.kind) {
    case 'fixed':
      return owner.orgUnit
        ? { ok: true, orgUnit: owner.orgUnit }
        : fail(`step ${step.key} names no unit`);
    case 'any_window':
      return { ok: true, orgUnit: null };
    case 'item_department': {
      if (!step.item) return fail(`step ${step.key} names no catalogue item`);
      const unit = ctx.itemDepartment?.(step.item);
      return unit ? { ok: true, orgUnit: unit } : fail(`the item ${step.item} has no department`);
    }
    case 'applicant_street': {
      const street = ctx.applicantStreet;
      if (!street) return fail('the applicant has no street on record');
      if (!STREET_CODE.test(street)) return fail(`the street code ${street} is not 9 digits`);
      return { ok: true, orgUnit: street };
    }
    case 'intake_point':
      return present(ctx.intakeUnit, 'no window has accepted the case');
    case 'target_department':
      return present(ctx.targetDepartment, 'the request names no target department');
    case 'requester_department':
      return present(ctx.requesterDepartment, 'the request names no requesting department');
    case 'responsible_department':
      return present(ctx.responsibleDepartment, 'no department is responsible for the case');
  }
  // Definitions are stored as JSON: one written by a newer version may carry a rule this one
  // does not know.
  return fail(`unknown owner rule ${JSON.stringify((owner as { kind: unknown }).kind)}`);
}

function present(unit: string | undefined, missing: string): Routing {
  return unit ? { ok: true, orgUnit: unit } : fail(missing);
}

function fail(reason: string): Routing {
  return { ok: false, reason };
}
