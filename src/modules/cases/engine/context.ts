import { sql, type Insertable, type Kysely, type QueryCreator } from 'kysely';
import type { Database } from '../../../db/database.ts';
import { thenCommit } from '../../../db/prepared.ts';
import type { Actor } from '../../../shared/actor.ts';
import { AppError } from '../../../shared/app-error.ts';
import { auditRow } from '../../audit/index.ts';
import type { DayLookup } from '../../calendar/index.ts';
import { evaluateCondition } from '../../catalogue/index.ts';
import type { Case, CaseTable, ChannelName, Task } from '../cases.table.ts';
import { SYSTEM_CLOCK, localDate, type Clock } from '../clock.ts';
import type { ProcessDefinition, StepDef } from '../model.ts';
import { advance } from '../rules/open-steps.ts';
import { routeOwner } from '../rules/route-owner.ts';
import { dueDate } from '../rules/step-deadline.ts';
import type { MaterialSources, OutboxHandler } from './hooks.ts';
import { slaLight } from '../rules/sla-light.ts';

export interface EngineDeps {
  db: Kysely<Database>;
  /** A working-day lookup over the current calendar (holiday data, imports, local changes). */
  calendar: { lookup(): Promise<DayLookup> };
  clock?: Clock;
  /** Yellow when this many working days or fewer are left. */
  yellowWithin?: number;
  /** Downstream modules' work on outbox events (certificate issuance). */
  outboxHandlers?: readonly OutboxHandler[];
  /** Attaches what the platform already holds to a new application (zero-material). */
  materialSources?: MaterialSources;
}

export const clockOf = (deps: EngineDeps) => deps.clock ?? SYSTEM_CLOCK;
export const todayOf = (deps: EngineDeps) => localDate(clockOf(deps).now());

export function channelOf(actor: Actor): ChannelName {
  return actor.channel;
}

export type TaskChange = Partial<Omit<Task, 'id' | 'version'>>;

/** A change to a step that is written with the action's record (see `record`). */
export interface StepChange {
  task: Task;
  set: TaskChange;
}

/**
 * What is written in the same statement as an action's record: the acting step's change, the
 * case's own change and the steps it opens, or the case itself when the record is its first (a
 * new draft). Only `act` gives the first three, under its lock on the case and all its steps, so
 * the version guards of `updateTask`, `updateCase` and `openSteps` cannot fail there and their
 * checks are not repeated.
 */
export interface AlongWith {
  step?: StepChange;
  caseChange?: { c: Case; set: CaseChange };
  opened?: readonly OpenedChange[];
  skipped?: readonly Task[];
  newCase?: Insertable<CaseTable> & { id: string };
  /** A submission's steps, inserted as they start (the first ones already open). */
  newTasks?: readonly Task[];
  /**
   * The record is the transaction's last statement: it may take the commit with it (see
   * `thenCommit`). Nothing may be sent after it, and nothing after it may fail.
   */
  last?: boolean;
}

export type CaseChange = Partial<Omit<Case, 'id' | 'version'>>;

/** The case as it stands after `caseChange`: what the rest of the action reads. */
export const changedCase = (c: Case, set: CaseChange): Case => ({
  ...c,
  ...set,
  version: c.version + 1,
});

/**
 * One row of the timeline, one audit entry and one outbox event: the three travel together,
 * in one statement with whatever `along` brings (one round trip, and all or nothing). The
 * timeline's foreign key to a case inserted beside it holds: it is checked at the statement's end.
 */
export async function record(
  trx: Kysely<Database>,
  deps: EngineDeps,
  actor: Actor,
  c: Pick<Case, 'id' | 'division_code' | 'number' | 'applicant_account_id' | 'title'>,
  task: Pick<Task, 'id' | 'step_key'> | null,
  action: string,
  data: Record<string, unknown> = {},
  along: AlongWith = {},
) {
  const at = clockOf(deps).now();
  // Each write is a CTE of the statement; their names only matter to PostgreSQL.
  type Creator = QueryCreator<Database>;
  let base = trx as unknown as Creator;
  const { step, caseChange, opened, skipped, newCase, newTasks } = along;
  if (newCase)
    base = base.with('new_case', (db) =>
      db.insertInto('cases').values(newCase).returning('id'),
    ) as unknown as Creator;
  if (caseChange)
    base = base.with('case_change', (db) =>
      caseUpdate(db, caseChange.c, caseChange.set),
    ) as unknown as Creator;
  if (step)
    base = base.with('step', (db) =>
      db
        .updateTable('task')
        .set((eb) => ({
          ...(step.set as object),
          version: eb('version', '+', 1),
          updated_at: new Date(),
        }))
        .where('id', '=', step.task.id)
        .returning('id'),
    ) as unknown as Creator;
  if (skipped?.length)
    base = base.with('skipped', (db) =>
      db
        .updateTable('task')
        .set((eb) => ({ state: 'skipped', version: eb('version', '+', 1), updated_at: new Date() }))
        .where(
          'id',
          'in',
          skipped.map((t) => t.id),
        )
        .returning('id'),
    ) as unknown as Creator;
  if (newTasks?.length)
    base = base.with('new_tasks', (db) =>
      db
        .insertInto('task')
        .values(newTasks.map(({ updated_at: _u, ...t }) => t))
        .returning('id'),
    ) as unknown as Creator;
  if (opened?.length)
    // Kysely brackets a query builder's CTE but not raw SQL's.
    base = base.with('opened', () => sql`(${openStepsSql(opened)})` as never) as unknown as Creator;
  const guards: [string, number][] = [
    ...(newCase ? [['new_case', 1] as [string, number]] : []),
    ...(caseChange ? [['case_change', 1] as [string, number]] : []),
    ...(step ? [['step', 1] as [string, number]] : []),
    ...(skipped?.length ? [['skipped', skipped.length] as [string, number]] : []),
    ...(newTasks?.length ? [['new_tasks', newTasks.length] as [string, number]] : []),
    ...(opened?.length ? [['opened', opened.length] as [string, number]] : []),
  ];
  const recorded = base
    .with('event', (db) =>
      db.insertInto('case_event').values({
        case_id: c.id,
        task_id: task?.id ?? null,
        action,
        actor_id: actor.kind === 'system' ? null : actor.accountId,
        actor_label: actor.username,
        channel: channelOf(actor),
        at,
        data: JSON.stringify({
          ...data,
          ...(task ? { step: task.step_key } : {}),
        }) as unknown as Record<string, unknown>,
      }),
    )
    .with('audit', (db) =>
      db.insertInto('audit_entry').values(
        auditRow(actor, {
          action: `case.${action}`,
          targetType: 'case',
          targetId: c.id,
          after: { action, task: task?.id ?? null, data },
          divisionCode: c.division_code,
        }),
      ),
    )
    .insertInto('outbox')
    .values({
      topic: `case.${action}`,
      payload: JSON.stringify({
        caseId: c.id,
        number: c.number,
        title: c.title,
        applicantAccountId: c.applicant_account_id,
        taskId: task?.id ?? null,
        step: task?.step_key ?? null,
        ...data,
      }) as unknown as Record<string, unknown>,
    })
    .returning(() => [
      sql<number>`1`.as('recorded'),
      ...guards.map(([name, expected]) =>
        sql<number>`case_record_expect(${name}::text, (select count(*) from ${sql.table(name)}), ${expected}::int)`.as(
          name,
        ),
      ),
    ])
    .$if(along.last === true, (q) => q.modifyEnd(thenCommit));
  // The guards cannot fail under the caller's lock; if a later change ever broke that, the
  // transaction must not commit a record of writes that did not happen. They raise in the
  // statement itself, before a commit that may travel with it.
  try {
    await recorded.executeTakeFirstOrThrow();
  } catch (err) {
    if ((err as { code?: string }).code !== 'OT409') throw err;
    const what = String((err as { detail?: string }).detail ?? '');
    throw new AppError(409, 'version_conflict', {
      what: what.includes('case') ? 'case' : 'task',
      expected: -1,
      current: -1,
    });
  }
}

export async function lockCase(trx: Kysely<Database>, caseId: string): Promise<Case> {
  const c = await trx
    .selectFrom('cases')
    .selectAll()
    .where('id', '=', caseId)
    .forUpdate()
    .executeTakeFirst();
  if (!c) throw new AppError(404, 'not_found', { what: 'case' });
  return c;
}

// Every column of `task`, so that a join can bring them back beside the case's under names of
// their own; the check below fails to compile when a column is added to TaskTable and not here.
const TASK_COLUMNS = [
  'id',
  'case_id',
  'step_key',
  'name',
  'item_key',
  'owner_unit',
  'role',
  'state',
  'paused_by',
  'assignee_id',
  'opened_on',
  'limit_days',
  'due',
  'due_provisional',
  'sla',
  'paused_days',
  'paused_since',
  'special_procedure',
  'decision',
  'comment',
  'decided_by',
  'decided_at',
  'version',
  'division_code',
  'updated_at',
] as const satisfies readonly (keyof Task)[];
const everyTaskColumn: Exclude<keyof Task, (typeof TASK_COLUMNS)[number]> extends never
  ? true
  : never = true;
void everyTaskColumn;

/**
 * A task's case and all of the case's steps, locked, in one statement (an action's first round
 * trip). The lock order stays case first, then its tasks: PostgreSQL locks a joined row's tables
 * in the order of the FROM list. The one snapshot is enough because a case's steps are all
 * inserted at once, by its submission, before any of them can be acted on: a concurrent action
 * may change a step's row (the lock then returns its latest version) but never adds one.
 */
export async function lockCaseAndSteps(
  trx: Kysely<Database>,
  taskId: string,
  /** Also draw the next case number (an action that numbers the case), in the same statement. */
  drawNumber = false,
): Promise<{ c: Case; tasks: Task[]; numberSeq: number | null }> {
  const rows = (await trx
    .selectFrom('cases as c')
    .innerJoin('task as t', 't.case_id', 'c.id')
    .selectAll('c')
    .select(TASK_COLUMNS.map((k) => sql.ref(`t.${k}`).as(`task:${k}`)))
    // An uncorrelated subquery runs once per statement, however many steps the case has.
    .$if(drawNumber, (q) => q.select(sql<number>`(select nextval('case_number_seq'))`.as('seq:')))
    .where('c.id', '=', (eb) => eb.selectFrom('task').select('case_id').where('id', '=', taskId))
    .forUpdate()
    .execute()) as unknown as Record<string, unknown>[];
  if (!rows.length) throw new AppError(404, 'not_found', { what: 'task' });
  const c = {} as Record<string, unknown>;
  for (const [k, v] of Object.entries(rows[0]!)) if (!k.includes(':')) c[k] = v;
  const tasks = rows.map(
    (r) => Object.fromEntries(TASK_COLUMNS.map((k) => [k, r[`task:${k}`]])) as unknown as Task,
  );
  const seq = rows[0]!['seq:'];
  return { c: c as unknown as Case, tasks, numberSeq: seq == null ? null : Number(seq) };
}

export function checkVersion(what: 'case' | 'task', current: number, expected: number | undefined) {
  if (expected !== undefined && expected !== current) {
    throw new AppError(409, 'version_conflict', { what, expected, current });
  }
}

/**
 * Bumps the case row's version; the WHERE makes a lost update impossible even without a lock.
 * Returns the row as it now is, so that no caller reads it again.
 */
export async function updateCase(trx: Kysely<Database>, c: Case, set: CaseChange): Promise<Case> {
  const row = await caseUpdate(trx, c, set).returningAll().executeTakeFirst();
  if (!row)
    throw new AppError(409, 'version_conflict', { what: 'case', expected: c.version, current: -1 });
  return row;
}

const caseUpdate = (db: QueryCreator<Database>, c: Case, set: CaseChange) =>
  db
    .updateTable('cases')
    .set((eb) => ({ ...(set as object), version: eb('version', '+', 1), updated_at: new Date() }))
    .where('id', '=', c.id)
    .where('version', '=', c.version)
    .returning('id');

export async function updateTask(trx: Kysely<Database>, t: Task, set: TaskChange) {
  const r = await trx
    .updateTable('task')
    .set((eb) => ({ ...(set as object), version: eb('version', '+', 1), updated_at: new Date() }))
    .where('id', '=', t.id)
    .where('version', '=', t.version)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1)
    throw new AppError(409, 'version_conflict', { what: 'task', expected: t.version, current: -1 });
}

/** The columns of a new case that only its handling fills in: no number, no deadline, no outcome. */
export const UNDECIDED = {
  outcome: null,
  number: null,
  promised_due: null,
  statutory_due: null,
  due_provisional: false,
  sla: null,
  paused_days: 0,
  paused_since: null,
  decided_at: null,
  closed_at: null,
  delivery: null,
  correction: null,
} as const;

/** A step of a case as it is inserted, waiting: every step starts so until its turn comes. */
export const waitingStep = (
  c: Pick<Case, 'id' | 'division_code'>,
  s: Pick<StepDef, 'key' | 'name' | 'item' | 'role' | 'limitDays'>,
) => ({
  case_id: c.id,
  step_key: s.key,
  name: s.name,
  item_key: s.item ?? null,
  owner_unit: null,
  role: s.role,
  state: 'waiting' as const,
  paused_by: null,
  assignee_id: null,
  opened_on: null,
  limit_days: s.limitDays,
  due: null,
  due_provisional: false,
  sla: null,
  paused_days: 0,
  paused_since: null,
  special_procedure: null,
  decision: null,
  comment: null,
  decided_by: null,
  decided_at: null,
  division_code: c.division_code,
});

export interface RoutingFacts {
  itemDepartment: (item: string) => string | undefined;
}

export interface StepsAdvanced {
  opened: Task[];
  /** The writes that open them: already made, unless the caller asked to write them itself. */
  changes: OpenedChange[];
  /** Conditional steps whose condition does not hold (written, or left to the caller, alike). */
  skipped: Task[];
  /** Every step's state once the ready ones are open and the skipped ones skipped. */
  states: Record<string, Task['state']>;
}

/**
 * Opens what the definition says can open now, routing each step to its owner and setting its
 * deadline; skips conditional steps whose condition does not hold. The routing facts may be
 * given lazily: they are then loaded only when a step to open is routed by them.
 */
export async function openReadySteps(
  trx: Kysely<Database>,
  deps: EngineDeps,
  c: Case,
  def: ProcessDefinition,
  routing: RoutingFacts | (() => Promise<RoutingFacts>),
  /** The case's steps as they now stand, when the caller has them (one read fewer). */
  known?: readonly Task[],
  /**
   * Leave the writes to the caller, who makes them with its record (`AlongWith.opened` and
   * `AlongWith.skipped`).
   */
  deferWrites = false,
): Promise<StepsAdvanced> {
  const tasks =
    known ?? (await trx.selectFrom('task').selectAll().where('case_id', '=', c.id).execute());
  const states = Object.fromEntries(tasks.map((t) => [t.step_key, t.state]));
  const { open, skip } = advance(def, states, (when) =>
    evaluateCondition(when, flatten(c.form_data)),
  );
  const today = todayOf(deps);
  const lookup = await deps.calendar.lookup();
  const byKey = new Map(tasks.map((t) => [t.step_key, t]));
  const skipped = skip.map((key) => byKey.get(key)!);
  if (!deferWrites) for (const t of skipped) await updateTask(trx, t, { state: 'skipped' });
  const needsFacts = open.some(
    (key) => def.steps.find((s) => s.key === key)?.owner.kind === 'item_department',
  );
  const facts: RoutingFacts =
    typeof routing !== 'function'
      ? routing
      : needsFacts
        ? await routing()
        : { itemDepartment: () => undefined };
  const opened: Task[] = [];
  const changes: OpenedChange[] = [];
  for (const key of open) {
    const step = def.steps.find((s) => s.key === key)!;
    const owner = routeOwner(step, {
      itemDepartment: facts.itemDepartment,
      ...(c.applicant_street_code ? { applicantStreet: c.applicant_street_code } : {}),
      ...(c.intake_unit ? { intakeUnit: c.intake_unit } : {}),
      ...(c.target_unit
        ? { targetDepartment: c.target_unit, responsibleDepartment: c.target_unit }
        : {}),
      ...(c.requester_unit ? { requesterDepartment: c.requester_unit } : {}),
    });
    if (!owner.ok)
      throw new AppError(409, 'routing_failed', { step: step.name, reason: owner.reason });
    const due = step.limitDays === null ? null : dueDate(today, step.limitDays, [], lookup);
    const light = due?.due ? slaLight(due.due, today, lookup, deps.yellowWithin ?? 1).light : null;
    const t = byKey.get(key)!;
    const set: OpenedStep = {
      state: 'open',
      owner_unit: owner.orgUnit,
      opened_on: today,
      due: due?.due ?? null,
      due_provisional: due?.provisional ?? false,
      sla: light,
    };
    changes.push({ task: t, set });
    opened.push({ ...t, ...set, version: t.version + 1 });
  }
  if (!deferWrites) await openSteps(trx, changes);
  for (const key of skip) states[key] = 'skipped';
  for (const key of open) states[key] = 'open';
  return { opened, states, changes, skipped };
}

type OpenedStep = Pick<
  Task,
  'state' | 'owner_unit' | 'opened_on' | 'due' | 'due_provisional' | 'sla'
>;

export interface OpenedChange {
  task: Task;
  set: OpenedStep;
}

/**
 * Opens the ready steps in one statement (parallel reviews open together), each guarded by its
 * version like `updateTask`.
 */
const openStepsSql = (changes: readonly OpenedChange[]) => {
  const rows = changes.map(
    ({ task, set }) =>
      sql`(${task.id}::uuid, ${task.version}::int, ${set.owner_unit}::text, ${set.opened_on}::date,
           ${set.due}::date, ${set.due_provisional}::boolean, ${set.sla}::text)`,
  );
  return sql`
    update task set state = 'open', owner_unit = v.owner_unit, opened_on = v.opened_on,
      due = v.due, due_provisional = v.due_provisional, sla = v.sla,
      version = task.version + 1, updated_at = now()
    from (values ${sql.join(rows)}) as v(id, version, owner_unit, opened_on, due, due_provisional, sla)
    where task.id = v.id and task.version = v.version
    returning task.id`;
};

async function openSteps(trx: Kysely<Database>, changes: readonly OpenedChange[]) {
  if (!changes.length) return;
  const r = await openStepsSql(changes).execute(trx);
  if (r.rows.length !== changes.length)
    throw new AppError(409, 'version_conflict', { what: 'task', expected: -1, current: -1 });
}

/** Form data is stored by data-element key ('premises.area_m2'); conditions read it as such. */
export function flatten(data: Record<string, unknown>): Record<string, unknown> {
  return { ...data };
}

export function stepOf(def: ProcessDefinition, key: string): StepDef {
  const s = def.steps.find((x) => x.key === key);
  if (!s) throw new AppError(500, 'internal');
  return s;
}
