/**
 * Process definitions: every case type is data. A definition names its steps, who owns each
 * (a fixed org unit or a routing rule, and a role), the actions each step allows, which of
 * them stop the clock, and each step's limit in working days. The engine runs any definition.
 */

export const ACTIONS = [
  'submit', // the applicant hands in (or hands in again after a correction)
  'accept', // 受理
  'request_correction', // 补正: everything to fix, at once; the clock stops
  'decline', // 不予受理
  'approve',
  'reject',
  'return', // send back to the previous step
  'escalate', // hand the step to the owner's parent unit
  'withdraw', // the applicant withdraws before a decision
  'start_special_procedure', // 特别程序: hearing, expert review, on-site inspection
  'end_special_procedure',
  'deliver', // 出件 / 送达
  'complete', // finish a step that needs no decision (e.g. a call-back made)
] as const;
export type Action = (typeof ACTIONS)[number];

/** Who owns a step: a fixed unit, or a rule evaluated against the case. */
export type OwnerRule =
  | { kind: 'fixed'; orgUnit: string } // org unit code, e.g. 'dept:market-regulation'
  | { kind: 'any_window' } // 一窗受理: any window clerk of any service point may take it
  | { kind: 'item_department' } // the department owning the step's item
  | { kind: 'applicant_street' } // the applicant's street or town
  | { kind: 'intake_point' } // the unit of the window that took the case
  | { kind: 'target_department' } // internal service: the department asked
  | { kind: 'requester_department' } // internal service: the department asking
  | { kind: 'responsible_department' }; // rating follow-up: the department rated

export interface StepDef {
  key: string;
  /** zh / en names, for timelines and workbenches. */
  name: string;
  nameEn: string;
  owner: OwnerRule;
  role: string;
  /** Steps that must be done first; steps with none open when the case starts. */
  after: string[];
  actions: Action[];
  /** Actions that stop this step's clock until the matching resume. */
  pausing: Action[];
  /** Working days allowed for the step; null: no limit of its own. */
  limitDays: number | null;
  /** For review steps of a service application: the catalogue item decided here. */
  item?: string;
  /** A step that applies only when this CEL condition over the form holds. */
  when?: string;
}

export type CaseKind = 'service_application' | 'internal_service' | 'rating_follow_up';

export interface ProcessDefinition {
  key: string;
  kind: CaseKind;
  name: string;
  nameEn: string;
  steps: StepDef[];
  /** Working days for the whole case (promised / statutory), counted from acceptance. */
  promisedDays: number | null;
  statutoryDays: number | null;
}

export const SPECIAL_PROCEDURES = {
  hearing: { name: '听证', nameEn: 'Hearing', limitDays: 20 },
  expert_review: { name: '专家评审', nameEn: 'Expert review', limitDays: 15 },
  on_site_inspection: { name: '现场核查', nameEn: 'On-site inspection', limitDays: 10 },
} as const;
export type SpecialProcedure = keyof typeof SPECIAL_PROCEDURES;

export type SlaLight = 'green' | 'yellow' | 'red';
