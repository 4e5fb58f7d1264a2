import type { Generated, Selectable } from 'kysely';
import type { Action, CaseKind, ProcessDefinition, SlaLight } from './model.ts';

export type CaseState =
  | 'draft' // kept on the server, resumable from any channel
  | 'submitted' // waiting at the windows (一窗受理)
  | 'correction' // 补正: waiting for the applicant
  | 'in_review' // accepted: the departments review
  | 'delivering' // every decision made (办结): waiting for delivery
  | 'closed' // delivered
  | 'declined' // 不予受理
  | 'withdrawn';

export type TaskState = 'waiting' | 'open' | 'paused' | 'done' | 'skipped' | 'cancelled';
export type ChannelName = 'web' | 'mobile' | 'kiosk' | 'counter' | 'system';

/** A definition as a case was started with: later edits of a bundle never change a running case. */
export interface ProcessDefinitionTable {
  id: Generated<string>;
  key: string;
  /** sha256 of the canonical definition: the same definition is stored once. */
  digest: string;
  kind: CaseKind;
  definition: ProcessDefinition;
  created_at: Generated<Date>;
}

export interface CaseTable {
  id: Generated<string>;
  /** Issued at acceptance: 330106-20261128-000042. */
  number: string | null;
  kind: CaseKind;
  definition_id: string;
  /** What it is about: `bundle:open-restaurant`, `item:…`, `internal-service`, `rating:<case id>`. */
  subject: string;
  title: string;
  /** The catalogue's English name, for English pages; null where none is known (internal cases). */
  title_en: string | null;
  state: CaseState;
  /** Outcome once decided: approved, or rejected by a department. */
  outcome: 'approved' | 'rejected' | null;
  applicant_account_id: string | null;
  applicant_person_id: string | null;
  applicant_enterprise_id: string | null;
  applicant_name: string;
  applicant_street_code: string | null;
  /** Internal service and follow-ups: the departments concerned. */
  requester_unit: string | null;
  target_unit: string | null;
  /** The unit of the window that accepted the case (delivery returns there). */
  intake_unit: string | null;
  parent_case_id: string | null;
  form_data: Record<string, unknown>;
  materials: CaseMaterial[];
  channel: ChannelName;
  submitted_at: Date | null;
  accepted_on: string | null;
  promised_due: string | null;
  statutory_due: string | null;
  due_provisional: boolean;
  sla: SlaLight | 'paused' | null;
  /** Working days the whole case's clock has been stopped (corrections, special procedures). */
  paused_days: number;
  paused_since: string | null;
  decided_at: Date | null;
  closed_at: Date | null;
  delivery: {
    method: 'pickup' | 'post' | 'electronic';
    trackingNumber?: string;
    servicePoint?: string;
  } | null;
  /** What the applicant asked for on the form; null until they choose (pick-up is assumed). */
  delivery_choice: DeliveryChoice | null;
  correction: { items: { field: string; message: string }[]; requestedAt: string } | null;
  version: Generated<number>;
  division_code: string;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}
export type Case = Selectable<CaseTable>;

/** 领取方式: collect at a service point, by post to an address, or electronically. */
export interface DeliveryChoice {
  method: 'pickup' | 'post' | 'electronic';
  /** Pick-up: where; absent means the window that accepted the case. */
  servicePoint?: string;
  /** Post: to whom and where (the phone is for the courier). */
  post?: { recipient: string; phone: string; address: string };
}

export interface CaseMaterial {
  key: string;
  name: string;
  /** An upload's file id, or the certificate / shared data it came from. */
  source: 'upload' | 'certificate' | 'shared_data' | 'paper';
  reference: string | null;
  /** Set when the platform attached it by itself (零材料): nothing was uploaded. */
  attachedFrom?: 'certificate' | 'dataset';
}

export interface TaskTable {
  id: Generated<string>;
  case_id: string;
  step_key: string;
  name: string;
  item_key: string | null;
  /** Org unit code that owns it; null: the shared window pool. */
  owner_unit: string | null;
  role: string;
  state: TaskState;
  paused_by: Action | null;
  assignee_id: string | null;
  opened_on: string | null;
  limit_days: number | null;
  due: string | null;
  due_provisional: boolean;
  sla: SlaLight | 'paused' | null;
  paused_days: number;
  paused_since: string | null;
  special_procedure: string | null;
  decision: string | null;
  comment: string | null;
  decided_by: string | null;
  decided_at: Date | null;
  version: Generated<number>;
  division_code: string;
  updated_at: Generated<Date>;
}
export type Task = Selectable<TaskTable>;

/** The timeline: every action on a case, who, when, through which channel. */
export interface CaseEventTable {
  id: Generated<number>;
  case_id: string;
  task_id: string | null;
  action: string;
  actor_id: string | null;
  actor_label: string;
  channel: ChannelName;
  at: Generated<Date>;
  data: Record<string, unknown>;
}

/** Events for notifications and integrations, written in the transition's transaction. */
export interface OutboxTable {
  id: Generated<number>;
  topic: string;
  payload: Record<string, unknown>;
  created_at: Generated<Date>;
  processed_at: Date | null;
  attempts: Generated<number>;
}

/** 跑动: one physical visit. */
export interface TripTable {
  id: Generated<string>;
  case_id: string;
  purpose: 'intake' | 'materials' | 'pickup' | 'other';
  service_point: string;
  street_code: string | null;
  recorded_by: string | null;
  at: Generated<Date>;
}

export interface RatingTable {
  case_id: string;
  score: number;
  text: string | null;
  tags: string[];
  responsible_unit: string;
  channel: ChannelName;
  rated_by: string | null;
  at: Generated<Date>;
  follow_up_text: string | null;
  follow_up_at: Date | null;
  follow_up_case_id: string | null;
}

export interface NotificationTable {
  id: Generated<string>;
  account_id: string;
  case_id: string | null;
  /** The outbox topic it tells of ('case.accept' …): pages word the body in the reader's language. */
  kind: string | null;
  title: string;
  body: string;
  created_at: Generated<Date>;
  read_at: Date | null;
}

export interface CasesTables {
  process_definition: ProcessDefinitionTable;
  /** `case` is an SQL keyword; the table is `cases`. */
  cases: CaseTable;
  task: TaskTable;
  case_event: CaseEventTable;
  outbox: OutboxTable;
  trip: TripTable;
  rating: RatingTable;
  notification: NotificationTable;
}
