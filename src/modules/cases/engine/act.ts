import type { Kysely } from 'kysely';
import type { Database } from '../../../db/database.ts';
import { hasRole, type Actor } from '../../../shared/actor.ts';
import { AppError, badRequest } from '../../../shared/app-error.ts';
import { itemCatalogue, servicePointByKey } from '../../catalogue/index.ts';
import { orgUnitsByCode } from '../../identity/index.ts';
import type { Case, Task } from '../cases.table.ts';
import { loadDefinition } from '../definitions.service.ts';
import {
  SPECIAL_PROCEDURES,
  type Action,
  type ProcessDefinition,
  type SpecialProcedure,
} from '../model.ts';
import { checkAction } from '../rules/allowed-actions.ts';
import { formatCaseNumber } from '../rules/case-number.ts';
import { isFinished } from '../rules/open-steps.ts';
import { slaLight } from '../rules/sla-light.ts';
import { dueDate } from '../rules/step-deadline.ts';
import { itemDepartment } from './draft.ts';
import {
  changedCase,
  type CaseChange,
  checkVersion,
  lockCaseAndSteps,
  openReadySteps,
  record,
  stepOf,
  type StepChange,
  type TaskChange,
  todayOf,
  updateCase,
  updateTask,
  type EngineDeps,
} from './context.ts';
import { pauseCase, pauseTask, resumeCase, resumeTask } from './pause.ts';

export interface ActInput {
  action: Action;
  /** The task version the actor saw: a concurrent decision makes this one a 409. */
  version: number;
  comment?: string | undefined;
  /** request_correction: everything to fix, at once (一次告知). */
  corrections?: { field: string; message: string }[] | undefined;
  /** decline: reason and legal basis. */
  reason?: string | undefined;
  legalBasis?: string | undefined;
  procedure?: SpecialProcedure | undefined;
  delivery?:
    { method: 'pickup' | 'post' | 'electronic'; trackingNumber?: string | undefined } | undefined;
  /** The applicant is here in person: the visit is a trip, recorded at this service point. */
  visit?: { servicePoint: string } | undefined;
}

/** Whether the actor may act on this task: its role, in its unit (or the window pool). */
async function assertMayAct(trx: Kysely<Database>, actor: Actor, c: Case, t: Task, action: Action) {
  if (action === 'withdraw' || (action === 'submit' && t.state === 'paused')) {
    if (c.applicant_account_id === actor.accountId || hasRole(actor, 'window_clerk')) return;
    throw new AppError(403, 'forbidden');
  }
  if (actor.kind === 'system') return;
  const held = actor.roles.filter((r) => r.role === t.role || r.role === 'supervisor');
  if (!held.length) throw new AppError(403, 'forbidden');
  if (t.owner_unit === null) return;
  if (held.some((r) => r.orgUnitCode === t.owner_unit)) return;
  // A role held higher up (the district) covers the units below it.
  const units = await orgUnitsByCode(trx, [t.owner_unit]);
  const parent = units.get(t.owner_unit)?.parentCode;
  if (parent && held.some((r) => r.orgUnitCode === parent)) return;
  throw new AppError(403, 'forbidden');
}

export async function recordTrip(
  trx: Kysely<Database>,
  actor: Actor,
  c: Case,
  purpose: 'intake' | 'materials' | 'pickup',
  servicePoint: string,
  field = 'visit.servicePoint',
) {
  const point = await servicePointByKey(trx, servicePoint);
  if (!point) throw badRequest('not_found', field, { what: servicePoint });
  await trx
    .insertInto('trip')
    .values({
      case_id: c.id,
      purpose,
      service_point: point.key,
      street_code: point.streetCode,
      recorded_by: actor.accountId,
    })
    .execute();
}

/** One action on one task: checked, applied and recorded in one transaction. */
export async function act(deps: EngineDeps, actor: Actor | null, taskId: string, input: ActInput) {
  if (!actor) throw new AppError(401, 'unauthenticated');
  return deps.db.transaction().execute(async (trx) => {
    // Case first, then its steps: every transition locks in that order, so two never deadlock.
    // All the steps at once: the decision needs this one, opening the next needs all of them.
    // Accepting or declining numbers the case: the number is drawn by the same statement (one
    // drawn for an action then refused is a gap, as a rolled-back transaction's always was).
    const numbered = input.action === 'accept' || input.action === 'decline';
    const { c, tasks, numberSeq } = await lockCaseAndSteps(trx, taskId, numbered);
    const t = tasks.find((x) => x.id === taskId)!;
    const def = await loadDefinition(trx, c.definition_id);
    const step = stepOf(def, t.step_key);
    if (t.state !== 'open' && t.state !== 'paused') {
      throw new AppError(409, 'action_not_allowed', {
        step: step.name,
        action: input.action,
        allowed: '—',
      });
    }
    const allowed = checkAction(step, { state: t.state, pausedBy: t.paused_by }, input.action);
    if (!allowed.ok) {
      throw new AppError(409, 'action_not_allowed', {
        step: step.name,
        action: input.action,
        allowed: allowed.allowed.join(', ') || '—',
      });
    }
    checkVersion('task', t.version, input.version);
    await assertMayAct(trx, actor, c, t, input.action);
    const today = todayOf(deps);
    const ctx: Ctx = { trx, deps, actor, c, t, tasks, def, today, input, numberSeq };
    switch (input.action) {
      case 'accept':
        return accept(ctx);
      case 'request_correction':
        return requestCorrection(ctx);
      case 'decline':
        return decline(ctx);
      case 'approve':
      case 'reject':
      case 'complete':
        return decide(ctx);
      case 'withdraw':
        return withdraw(ctx);
      case 'start_special_procedure':
        return startSpecial(ctx);
      case 'end_special_procedure':
        return endSpecial(ctx);
      case 'escalate':
        return escalate(ctx);
      case 'return':
        return giveBack(ctx);
      case 'deliver':
        return deliver(ctx);
      case 'submit':
        throw new AppError(409, 'action_not_allowed', {
          step: step.name,
          action: 'submit',
          allowed: 'POST /cases/{id}/submit',
        });
    }
  });
}

interface Ctx {
  trx: Kysely<Database>;
  deps: EngineDeps;
  actor: Actor;
  c: Case;
  t: Task;
  /** Every step of the case, as read under the lock at the start of the action. */
  tasks: readonly Task[];
  def: ProcessDefinition;
  today: string;
  input: ActInput;
  /** The case number's sequence value drawn with the lock, for accept and decline. */
  numberSeq: number | null;
}

/**
 * This action's step done (or changed): the change, written later with the action's record
 * (one statement fewer), and the case's steps as they will then stand.
 */
function finishStep(ctx: Ctx, set: TaskChange): { change: StepChange; steps: Task[] } {
  const now = { ...ctx.t, ...set, version: ctx.t.version + 1 };
  return {
    change: { task: ctx.t, set },
    steps: ctx.tasks.map((x) => (x.id === now.id ? now : x)),
  };
}

// The catalogue is read (or its cache checked) only when a step to open is routed by it.
const routing = (ctx: Ctx) => async () => {
  const catalogue = await itemCatalogue(ctx.deps.db, ctx.trx);
  return { itemDepartment: (i: string) => itemDepartment(catalogue, i) };
};

async function accept(ctx: Ctx) {
  const { trx, deps, actor, c, t, def, today } = ctx;
  const lookup = await deps.calendar.lookup();
  const number = formatCaseNumber(c.division_code.slice(0, 6), today, ctx.numberSeq!);
  const promised = def.promisedDays === null ? null : dueDate(today, def.promisedDays, [], lookup);
  const statutory =
    def.statutoryDays === null ? null : dueDate(today, def.statutoryDays, [], lookup);
  const intakeUnit = actor.roles.find((r) => r.role === 'window_clerk')?.orgUnitCode ?? null;
  const { change, steps } = finishStep(ctx, {
    state: 'done',
    decision: 'accepted',
    decided_by: actor.accountId,
    decided_at: new Date(),
    comment: ctx.input.comment ?? null,
  });
  const set: CaseChange = {
    number,
    state: 'in_review',
    accepted_on: today,
    intake_unit: intakeUnit,
    promised_due: promised?.due ?? null,
    statutory_due: statutory?.due ?? null,
    due_provisional: Boolean(promised?.provisional || statutory?.provisional),
    sla: promised?.due ? slaLight(promised.due, today, lookup, deps.yellowWithin ?? 1).light : null,
  };
  // The reviews are routed from the case as accepted (its intake unit, for one).
  const fresh = changedCase(c, set);
  const { opened, changes, skipped } = await openReadySteps(
    trx,
    deps,
    fresh,
    def,
    routing(ctx),
    steps,
    true,
  );
  await record(
    trx,
    deps,
    actor,
    { ...c, number },
    t,
    'accept',
    { number, opened: opened.map((o) => o.step_key) },
    {
      step: change,
      caseChange: { c, set },
      opened: changes,
      skipped,
      last: !ctx.input.visit,
    },
  );
  // After the case is accepted: the trip counts for it as such.
  if (ctx.input.visit) await recordTrip(trx, actor, c, 'intake', ctx.input.visit.servicePoint);
  return { caseId: c.id, number };
}

async function requestCorrection(ctx: Ctx) {
  const { trx, deps, actor, c, t, today, input } = ctx;
  if (!input.corrections?.length) throw badRequest('validation_required', 'corrections');
  await pauseTask(trx, t, 'request_correction', today);
  await updateCase(trx, c, {
    state: 'correction',
    correction: JSON.stringify({
      items: input.corrections,
      requestedAt: today,
    }) as unknown as Case['correction'],
    ...pauseCase(c, today),
  });
  await record(
    trx,
    deps,
    actor,
    c,
    t,
    'request_correction',
    { corrections: input.corrections },
    { last: true },
  );
  return { caseId: c.id, number: c.number };
}

async function cancelOthers(trx: Kysely<Database>, c: Case, except: string) {
  await trx
    .updateTable('task')
    .set((eb) => ({ state: 'cancelled', version: eb('version', '+', 1), updated_at: new Date() }))
    .where('case_id', '=', c.id)
    .where('id', '<>', except)
    .where('state', 'in', ['waiting', 'open', 'paused'])
    .execute();
}

async function decline(ctx: Ctx) {
  const { trx, deps, actor, c, t, input } = ctx;
  if (!input.reason?.trim()) throw badRequest('validation_required', 'reason');
  if (!input.legalBasis?.trim()) throw badRequest('validation_required', 'legalBasis');
  // A declined application still gets a number: the notice must be citable.
  const number = formatCaseNumber(c.division_code.slice(0, 6), ctx.today, ctx.numberSeq!);
  await updateTask(trx, t, {
    state: 'done',
    decision: 'declined',
    comment: input.reason,
    decided_by: actor.accountId,
    decided_at: new Date(),
  });
  await cancelOthers(trx, c, t.id);
  await updateCase(trx, c, {
    number,
    state: 'declined',
    intake_unit: actor.roles.find((r) => r.role === 'window_clerk')?.orgUnitCode ?? null,
    decided_at: new Date(),
    closed_at: new Date(),
    sla: null,
    correction: JSON.stringify({
      items: [
        { field: 'reason', message: input.reason },
        { field: 'legalBasis', message: input.legalBasis },
      ],
      requestedAt: ctx.today,
    }) as unknown as Case['correction'],
  });
  await record(
    trx,
    deps,
    actor,
    { ...c, number },
    t,
    'decline',
    { reason: input.reason, legalBasis: input.legalBasis },
    { last: true },
  );
  return { caseId: c.id, number };
}

async function decide(ctx: Ctx) {
  const { trx, deps, actor, c, t, def, input } = ctx;
  const action = input.action;
  const { change, steps } = finishStep(ctx, {
    state: 'done',
    decision: action === 'complete' ? 'completed' : action === 'approve' ? 'approved' : 'rejected',
    comment: input.comment ?? null,
    decided_by: actor.accountId,
    decided_at: new Date(),
    sla: null,
  });
  if (action === 'reject') {
    // One department's refusal decides the application; the others stop, delivery opens.
    const delivery = await trx
      .selectFrom('task')
      .selectAll()
      .where('case_id', '=', c.id)
      .where('step_key', '=', 'delivery')
      .executeTakeFirst();
    await trx
      .updateTable('task')
      .set((eb) => ({ state: 'cancelled', version: eb('version', '+', 1) }))
      .where('case_id', '=', c.id)
      .where('id', '<>', t.id)
      .where('step_key', '<>', 'delivery')
      .where('state', 'in', ['waiting', 'open', 'paused'])
      .execute();
    // A definition without a delivery step (an internal service) ends with the refusal.
    await updateCase(trx, c, {
      state: delivery ? 'delivering' : 'closed',
      outcome: 'rejected',
      decided_at: new Date(),
      ...(delivery ? {} : { closed_at: new Date() }),
      sla: null,
    });
    if (delivery) {
      await updateTask(trx, delivery, {
        state: 'open',
        owner_unit: c.intake_unit,
        opened_on: ctx.today,
      });
    }
    await record(
      trx,
      deps,
      actor,
      c,
      t,
      'reject',
      { comment: input.comment ?? null },
      { step: change, last: true },
    );
    return { caseId: c.id, number: c.number };
  }
  // The case row is locked and unchanged since act() read it: no need to read it again.
  const { opened, states, changes, skipped } = await openReadySteps(
    trx,
    deps,
    c,
    def,
    routing(ctx),
    steps,
    true,
  );
  const reviewsDone = def.steps
    .filter((s) => s.key !== 'delivery')
    .every((s) => ['done', 'skipped', 'cancelled'].includes(states[s.key]!));
  const set: CaseChange | null = isFinished(def, states)
    ? {
        state: 'closed',
        outcome: c.outcome ?? 'approved',
        decided_at: c.decided_at ?? new Date(),
        closed_at: new Date(),
        sla: null,
      }
    : reviewsDone && c.state === 'in_review'
      ? { state: 'delivering', outcome: 'approved', decided_at: new Date(), sla: null }
      : null;
  await record(
    trx,
    deps,
    actor,
    c,
    t,
    action,
    { comment: input.comment ?? null, opened: opened.map((o) => o.step_key) },
    {
      step: change,
      opened: changes,
      skipped,
      ...(set ? { caseChange: { c, set } } : {}),
      last: true,
    },
  );
  return { caseId: c.id, number: c.number };
}

async function withdraw(ctx: Ctx) {
  const { trx, deps, actor, c, t } = ctx;
  if (c.decided_at) throw new AppError(409, 'case_already_decided');
  await cancelOthers(trx, c, t.id);
  await updateTask(trx, t, { state: 'cancelled' });
  await updateCase(trx, c, { state: 'withdrawn', closed_at: new Date(), sla: null });
  await record(
    trx,
    deps,
    actor,
    c,
    t,
    'withdraw',
    { comment: ctx.input.comment ?? null },
    { last: true },
  );
  return { caseId: c.id, number: c.number };
}

async function startSpecial(ctx: Ctx) {
  const { trx, deps, actor, c, t, today, input } = ctx;
  if (!input.procedure || !(input.procedure in SPECIAL_PROCEDURES))
    throw badRequest('validation_enum', 'procedure', {
      allowed: Object.keys(SPECIAL_PROCEDURES).join(', '),
    });
  await pauseTask(trx, t, 'start_special_procedure', today, input.procedure);
  await updateCase(trx, c, pauseCase(c, today));
  await record(
    trx,
    deps,
    actor,
    c,
    t,
    'start_special_procedure',
    { procedure: input.procedure, limitDays: SPECIAL_PROCEDURES[input.procedure].limitDays },
    { last: true },
  );
  return { caseId: c.id, number: c.number };
}

async function endSpecial(ctx: Ctx) {
  const { trx, deps, actor, c, t, today } = ctx;
  await resumeTask(trx, deps, t, today);
  // The case clock resumes only when no other step is still stopped.
  const stillPaused = await trx
    .selectFrom('task')
    .select('id')
    .where('case_id', '=', c.id)
    .where('state', '=', 'paused')
    .where('id', '<>', t.id)
    .executeTakeFirst();
  if (!stillPaused) await updateCase(trx, c, await resumeCase(deps, c, today));
  await record(
    trx,
    deps,
    actor,
    c,
    t,
    'end_special_procedure',
    { procedure: t.special_procedure },
    { last: true },
  );
  return { caseId: c.id, number: c.number };
}

async function escalate(ctx: Ctx) {
  const { trx, deps, actor, c, t } = ctx;
  const units = t.owner_unit ? await orgUnitsByCode(trx, [t.owner_unit]) : new Map();
  const parent = t.owner_unit ? units.get(t.owner_unit)?.parentCode : null;
  if (!parent) throw new AppError(409, 'cannot_escalate');
  await updateTask(trx, t, { owner_unit: parent, assignee_id: null });
  await record(
    trx,
    deps,
    actor,
    c,
    t,
    'escalate',
    { from: t.owner_unit, to: parent, comment: ctx.input.comment ?? null },
    { last: true },
  );
  return { caseId: c.id, number: c.number };
}

/** Back to the steps before this one: they reopen, this one waits for them again. */
async function giveBack(ctx: Ctx) {
  const { trx, deps, actor, c, t, def, today } = ctx;
  const step = stepOf(def, t.step_key);
  const prior = await trx
    .selectFrom('task')
    .selectAll()
    .where('case_id', '=', c.id)
    .where('step_key', 'in', step.after.length ? step.after : ['—'])
    .execute();
  if (!prior.length) throw new AppError(409, 'cannot_return');
  await updateTask(trx, t, { state: 'waiting', due: null, sla: null, opened_on: null });
  for (const p of prior)
    await updateTask(trx, p, { state: 'open', opened_on: today, decision: null });
  if (prior.some((p) => p.step_key === 'intake')) await updateCase(trx, c, { state: 'submitted' });
  await record(
    trx,
    deps,
    actor,
    c,
    t,
    'return',
    { to: prior.map((p) => p.step_key), comment: ctx.input.comment ?? null },
    { last: true },
  );
  return { caseId: c.id, number: c.number };
}

async function deliver(ctx: Ctx) {
  const { trx, deps, actor, c, t, input } = ctx;
  const delivery = input.delivery;
  if (!delivery) throw badRequest('validation_required', 'delivery');
  if (delivery.method === 'post' && !delivery.trackingNumber?.trim())
    throw badRequest('validation_required', 'delivery.trackingNumber');
  if (delivery.method === 'pickup' && !input.visit)
    throw badRequest('validation_required', 'visit.servicePoint');
  const { change } = finishStep(ctx, {
    state: 'done',
    decision: 'delivered',
    decided_by: actor.accountId,
    decided_at: new Date(),
  });
  // Before the case closes: the pickup is a trip of a case still being delivered.
  if (input.visit) await recordTrip(trx, actor, c, 'pickup', input.visit.servicePoint);
  const set: CaseChange = {
    state: 'closed',
    closed_at: new Date(),
    sla: null,
    delivery: JSON.stringify({
      ...delivery,
      ...(input.visit ? { servicePoint: input.visit.servicePoint } : {}),
    }) as unknown as Case['delivery'],
  };
  await record(
    trx,
    deps,
    actor,
    c,
    t,
    'deliver',
    { method: delivery.method },
    { step: change, caseChange: { c, set }, last: true },
  );
  return { caseId: c.id, number: c.number };
}
