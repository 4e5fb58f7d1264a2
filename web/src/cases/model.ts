// Cases as the API returns them (src/modules/cases/schemas.ts). As with catalogue/model.ts, the
// web build never imports server code: a new state, action or channel needs adding here and, for
// its label, in both workbench dictionaries.

export const CASE_STATES = [
  'draft',
  'submitted',
  'correction',
  'in_review',
  'delivering',
  'closed',
  'declined',
  'withdrawn',
] as const;
export type CaseState = (typeof CASE_STATES)[number];

export const TASK_STATES = ['waiting', 'open', 'paused', 'done', 'skipped', 'cancelled'] as const;
export type TaskState = (typeof TASK_STATES)[number];

/** Everything that can happen to a case: the actions of a step and the events around them. */
export const EVENT_ACTIONS = [
  'draft',
  'save',
  'submit',
  'resubmit',
  'accept',
  'request_correction',
  'decline',
  'approve',
  'reject',
  'return',
  'escalate',
  'withdraw',
  'start_special_procedure',
  'end_special_procedure',
  'deliver',
  'complete',
  'visit',
  'reassign',
  'rate',
  'follow_up_review',
  'open_follow_up',
] as const;
export type EventAction = (typeof EVENT_ACTIONS)[number];

/** What POST /cases/:id/actions takes. */
export type StepAction = Exclude<
  EventAction,
  | 'draft'
  | 'save'
  | 'submit'
  | 'resubmit'
  | 'visit'
  | 'reassign'
  | 'rate'
  | 'follow_up_review'
  | 'open_follow_up'
>;

export const DECISIONS = [
  // An internal service's first step is done as its request is made (engine/internal.ts).
  'submitted',
  'accepted',
  'declined',
  'approved',
  'rejected',
  'completed',
  'delivered',
] as const;

export const CASE_CHANNELS = ['web', 'mobile', 'kiosk', 'counter', 'system'] as const;

export const SLA_LIGHTS = ['green', 'yellow', 'red'] as const;
export type SlaLight = (typeof SLA_LIGHTS)[number];

export const SPECIAL_PROCEDURES = ['hearing', 'expert_review', 'on_site_inspection'] as const;
export type SpecialProcedure = (typeof SPECIAL_PROCEDURES)[number];

export const DELIVERY_METHODS = ['pickup', 'post', 'electronic'] as const;
export type DeliveryMethod = (typeof DELIVERY_METHODS)[number];

/** 领取方式 as the applicant chose it on the form. */
export interface DeliveryChoice {
  method: DeliveryMethod;
  servicePoint?: string;
  post?: { recipient: string; phone: string; address: string };
}

export const TRIP_PURPOSES = ['intake', 'materials', 'pickup'] as const;
export type TripPurpose = (typeof TRIP_PURPOSES)[number];

export const MATERIAL_SOURCES = ['upload', 'certificate', 'shared_data', 'paper'] as const;

export const NOTICE_KINDS = ['acceptance', 'correction', 'decline'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

/** The timeline event each notice is printed from (src/modules/cases/notices.ts). */
export const NOTICE_EVENT: Record<NoticeKind, EventAction> = {
  acceptance: 'accept',
  correction: 'request_correction',
  decline: 'decline',
};

export interface UnitRef {
  code: string;
  name: string;
  nameEn: string;
}

export interface CaseSummary {
  id: string;
  /** Given at acceptance (or decline): null while the application waits at intake. */
  number: string | null;
  kind: string;
  /** 'bundle:<key>' or 'item:<key>'. */
  subject: string;
  title: string;
  /** The title in English; null where none is known (show `title`). */
  titleEn: string | null;
  state: string;
  outcome: string | null;
  applicantName: string;
  channel: string;
  submittedAt: string | null;
  acceptedOn: string | null;
  promisedDue: string | null;
  statutoryDue: string | null;
  /** The deadline runs past the published holiday data. */
  dueProvisional: boolean;
  sla: string | null;
  /** Physical visits; 0 is zero-trip (跑零次). */
  trips: number;
  version: number;
  createdAt: string;
}

export interface TaskView {
  id: string;
  stepKey: string;
  name: string;
  /** The step's name in English, from the definition the case started with. */
  nameEn: string;
  itemKey: string | null;
  state: string;
  pausedBy: string | null;
  specialProcedure: string | null;
  ownerUnit: UnitRef | null;
  role: string;
  openedOn: string | null;
  limitDays: number | null;
  due: string | null;
  dueProvisional: boolean;
  sla: string | null;
  pausedDays: number;
  workingDaysUsed: number | null;
  decision: string | null;
  comment: string | null;
  decidedAt: string | null;
  /** Sent back with an action: a concurrent change answers 409. */
  version: number;
  /** What the signed-in user may do on this step now. */
  allowedActions: string[];
}

export interface TimelineEvent {
  id: number;
  action: string;
  /** The step's key ('intake', 'review:<item>', 'delivery'), or null for case-wide events. */
  step: string | null;
  actor: string;
  /** Who acted, in words (the account's display name). */
  actorName: string;
  channel: string;
  at: string;
  data: Record<string, unknown>;
}

export interface CaseMaterial {
  key: string;
  name: string;
  source: string;
  reference: string | null;
}

export interface CorrectionItem {
  /** 'formData.<element key>', 'materials.<material key>' or a free word. */
  field: string;
  message: string;
}

export interface CaseDetail extends CaseSummary {
  formData: Record<string, unknown>;
  materials: CaseMaterial[];
  correction: { items: CorrectionItem[]; requestedAt: string } | null;
  delivery: { method: string; trackingNumber?: string; servicePoint?: string } | null;
  deliveryChoice: DeliveryChoice | null;
  parentCaseId: string | null;
  tasks: TaskView[];
  timeline: TimelineEvent[];
  tripList: { purpose: string; servicePoint: string; at: string }[];
  rating: {
    score: number;
    text: string | null;
    tags: string[];
    at: string;
    followUpText: string | null;
    followUpCaseId: string | null;
  } | null;
}

/** A row of GET /tasks: one open or paused step with its case. */
export interface TaskRow {
  id: string;
  stepKey: string;
  name: string;
  state: string;
  /** The owning unit's code (dept:<key> or a division code); null for the shared window pool. */
  ownerUnit: string | null;
  role: string;
  openedOn: string | null;
  due: string | null;
  dueProvisional: boolean;
  sla: string | null;
  pausedBy: string | null;
  version: number;
  case: {
    id: string;
    number: string | null;
    title: string;
    applicantName: string;
    state: string;
    channel: string;
    submittedAt: string | null;
  };
}

export interface Page<T> {
  data: T[];
  total: number;
}

/** The body of POST /cases/:id/actions. */
export interface ActionBody {
  taskId: string;
  action: StepAction;
  version: number;
  comment?: string;
  corrections?: CorrectionItem[];
  reason?: string;
  legalBasis?: string;
  procedure?: SpecialProcedure;
  delivery?: { method: DeliveryMethod; trackingNumber?: string };
  visit?: { servicePoint: string };
}

export function parseSubject(subject: string): { kind: 'bundle' | 'item'; key: string } | null {
  const [kind, ...rest] = subject.split(':');
  const key = rest.join(':');
  return (kind === 'bundle' || kind === 'item') && key ? { kind, key } : null;
}

export const casePath = (id: string) => `/api/v1/cases/${encodeURIComponent(id)}`;

/** The PDF of an intake notice, opened in the browser's own viewer. */
export const noticeUrl = (id: string, kind: NoticeKind) => `${casePath(id)}/notices/${kind}`;

/** The notices a case can print: those whose event is on its timeline. */
export const availableNotices = (c: Pick<CaseDetail, 'timeline'>): NoticeKind[] =>
  NOTICE_KINDS.filter((kind) => c.timeline.some((e) => e.action === NOTICE_EVENT[kind]));

export const isLive = (t: Pick<TaskView, 'state'>) => t.state === 'open' || t.state === 'paused';
