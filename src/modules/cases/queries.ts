import { sql, type Kysely } from 'kysely';
import { jsonArrayFrom, jsonObjectFrom } from 'kysely/helpers/postgres';
import type { Database } from '../../db/database.ts';
import { hasRole, type Actor } from '../../shared/actor.ts';
import { AppError } from '../../shared/app-error.ts';
import type { DayLookup } from '../calendar/index.ts';
import {
  accountNames,
  findPersonByResidentId,
  orgUnitsByCode,
  unitDirectory,
  validateResidentId,
  type UnitByCode,
} from '../identity/index.ts';
import type { Case, CaseState, Task } from './cases.table.ts';
import { localDate } from './clock.ts';
import { loadDefinition } from './definitions.service.ts';
import { allowedActions } from './rules/allowed-actions.ts';
import { maskDeliveryChoice, maskFormData } from './rules/personal-data.ts';
import { workingDaysUsed } from './rules/step-deadline.ts';

const STAFF_SEE_ALL = ['window_clerk', 'supervisor', 'admin', 'leader'] as const;

function summary(c: Case & { trips?: number }) {
  return {
    id: c.id,
    number: c.number,
    kind: c.kind,
    subject: c.subject,
    title: c.title,
    titleEn: c.title_en,
    state: c.state,
    outcome: c.outcome,
    applicantName: c.applicant_name,
    channel: c.channel,
    submittedAt: c.submitted_at ? new Date(c.submitted_at).toISOString() : null,
    acceptedOn: c.accepted_on,
    promisedDue: c.promised_due,
    statutoryDue: c.statutory_due,
    dueProvisional: c.due_provisional,
    sla: c.sla,
    trips: Number(c.trips ?? 0),
    version: c.version,
    createdAt: new Date(c.created_at).toISOString(),
  };
}

/** Who may see a case: its applicant, staff of one-window intake and oversight, or a unit with a task on it. */
function assertMayRead(
  actor: Actor,
  c: Pick<Case, 'applicant_account_id'>,
  tasks: readonly Pick<Task, 'owner_unit'>[],
) {
  if (c.applicant_account_id === actor.accountId) return;
  if (hasRole(actor, ...STAFF_SEE_ALL)) return;
  const units = new Set(actor.roles.map((r) => r.orgUnitCode));
  if (!tasks.some((t) => t.owner_unit !== null && units.has(t.owner_unit)))
    throw new AppError(403, 'forbidden');
}

/** Counting stops here: an exact count of a million cases costs more than the page itself. */
export const CASE_COUNT_CAP = 10_000;

export interface CaseQuery {
  state?: CaseState | undefined;
  number?: string | undefined;
  residentId?: string | undefined;
  kind?: string | undefined;
  /** Newest first by default; a queue is served oldest first, in the order people came. */
  order?: 'newest' | 'oldest' | undefined;
  limit: number;
  offset: number;
}

export async function listCases(
  db: Kysely<Database>,
  actor: Actor | null,
  q: CaseQuery,
  countCap = CASE_COUNT_CAP,
) {
  if (!actor) throw new AppError(401, 'unauthenticated');
  let query = db.selectFrom('cases as c');
  if (
    actor.kind === 'person' ||
    actor.kind === 'enterprise' ||
    !hasRole(actor, ...STAFF_SEE_ALL, 'reviewer')
  ) {
    query = query.where('c.applicant_account_id', '=', actor.accountId);
  } else if (!hasRole(actor, ...STAFF_SEE_ALL)) {
    const units = actor.roles.map((r) => r.orgUnitCode);
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('task as t')
          .select('t.id')
          .whereRef('t.case_id', '=', 'c.id')
          .where('t.owner_unit', 'in', units),
      ),
    );
  }
  if (q.state) query = query.where('c.state', '=', q.state);
  if (q.kind) query = query.where('c.kind', '=', q.kind as Case['kind']);
  if (q.number) query = query.where('c.number', '=', q.number);
  if (q.residentId) {
    const id = validateResidentId(q.residentId, 'residentId');
    const person = await findPersonByResidentId(db, actor, id);
    query = query.where(
      'c.applicant_person_id',
      '=',
      person?.id ?? '00000000-0000-0000-0000-000000000000',
    );
  }
  const [rows, count] = await Promise.all([
    query
      .selectAll('c')
      .select((eb) =>
        eb
          .selectFrom('trip')
          .select(eb.fn.countAll<number>().as('n'))
          .whereRef('trip.case_id', '=', 'c.id')
          .as('trips'),
      )
      .orderBy('c.created_at', q.order === 'oldest' ? 'asc' : 'desc')
      .orderBy('c.id')
      .limit(q.limit)
      .offset(q.offset)
      .execute(),
    db
      .selectFrom(
        query
          .select('c.id')
          .limit(countCap + 1)
          .as('x'),
      )
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  const n = Number(count.n);
  return {
    data: rows.map((r) => summary(r as Case & { trips: number })),
    total: Math.min(n, countCap),
    totalCapped: n > countCap,
  };
}

export async function getCase(
  db: Kysely<Database>,
  actor: Actor | null,
  id: string,
  lookup: DayLookup,
  today = localDate(new Date()),
) {
  if (!actor) throw new AppError(401, 'unauthenticated');
  // One statement for the case and its lists: a case page (and the answer to every action) is
  // read far more often than anything else, and each statement costs the process its own CPU.
  // Inside JSON, timestamps arrive as ISO strings, which every use below passes to `new Date`.
  const row = await db
    .selectFrom('cases')
    .selectAll('cases')
    .select((eb) => [
      jsonArrayFrom(
        eb.selectFrom('task').selectAll('task').whereRef('task.case_id', '=', 'cases.id'),
      ).as('tasks'),
      jsonArrayFrom(
        eb
          .selectFrom('case_event')
          .selectAll('case_event')
          .whereRef('case_event.case_id', '=', 'cases.id')
          .orderBy('case_event.id'),
      ).as('events'),
      jsonArrayFrom(
        eb
          .selectFrom('trip')
          .selectAll('trip')
          .whereRef('trip.case_id', '=', 'cases.id')
          .orderBy('trip.at'),
      ).as('trips'),
      jsonObjectFrom(
        eb.selectFrom('rating').selectAll('rating').whereRef('rating.case_id', '=', 'cases.id'),
      ).as('rating'),
    ])
    .where('cases.id', '=', id)
    .executeTakeFirst();
  if (!row) throw new AppError(404, 'not_found', { what: 'case' });
  const { tasks, events, trips, rating, ...c } = row;
  // An ordered subquery under json_agg keeps its order in practice, not by guarantee.
  events.sort((a, b) => Number(a.id) - Number(b.id));
  trips.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  assertMayRead(actor, c, tasks);
  const own = c.applicant_account_id === actor.accountId;
  const def = await loadDefinition(db, c.definition_id);
  const order = new Map(def.steps.map((s, i) => [s.key, i]));
  tasks.sort((a, b) => order.get(a.step_key)! - order.get(b.step_key)!);
  const [units, names] = await Promise.all([
    stepUnits(
      db,
      tasks.map((t) => t.owner_unit).filter((u): u is string => Boolean(u)),
    ),
    accountNames(
      db,
      events.map((e) => e.actor_id).filter((a): a is string => Boolean(a)),
    ),
  ]);
  return {
    ...summary({ ...c, trips: trips.length }),
    // Staff see resident IDs and phone numbers masked; `GET /cases/{id}/personal-data` reveals
    // them, audited. The applicant sees their own in full, as they typed them.
    formData: own ? c.form_data : maskFormData(c.form_data),
    materials: c.materials,
    correction: c.correction,
    delivery: c.delivery,
    deliveryChoice: own ? c.delivery_choice : maskDeliveryChoice(c.delivery_choice),
    parentCaseId: c.parent_case_id,
    tasks: tasks.map((t) =>
      taskView(
        t,
        def.steps.find((s) => s.key === t.step_key)!,
        actor,
        units,
        lookup,
        today,
      ),
    ),
    timeline: events.map((e) => ({
      id: Number(e.id),
      action: e.action,
      step: (e.data as { step?: string }).step ?? null,
      actor: e.actor_label,
      actorName: (e.actor_id && names.get(e.actor_id)) || e.actor_label,
      channel: e.channel,
      at: new Date(e.at).toISOString(),
      data: e.data,
    })),
    tripList: trips.map((t) => ({
      purpose: t.purpose,
      servicePoint: t.service_point,
      at: new Date(t.at).toISOString(),
    })),
    rating: rating
      ? {
          score: rating.score,
          text: rating.text,
          tags: rating.tags,
          at: new Date(rating.at).toISOString(),
          followUpText: rating.follow_up_text,
          followUpCaseId: rating.follow_up_case_id,
        }
      : null,
  };
}

/**
 * The units owning a case's steps: from the directory each process keeps (departments, streets),
 * and only a unit of another kind (a community) read on its own.
 */
async function stepUnits(db: Kysely<Database>, codes: string[]) {
  if (!codes.length) return new Map<string, UnitByCode>();
  const directory = await unitDirectory(db);
  const missing = codes.filter((code) => !directory.has(code));
  if (!missing.length) return directory;
  return new Map([...directory, ...(await orgUnitsByCode(db, missing))]);
}

/** A task as read directly, or from inside JSON (timestamps then come as ISO strings). */
type TaskRead = Omit<Task, 'decided_at' | 'updated_at'> & {
  decided_at: Date | string | null;
  updated_at: Date | string;
};

function taskView(
  t: TaskRead,
  step: Parameters<typeof allowedActions>[0],
  actor: Actor,
  units: Map<string, { name: string; nameEn: string }>,
  lookup: DayLookup,
  today: string,
) {
  const unit = t.owner_unit ? units.get(t.owner_unit) : null;
  const live = t.state === 'open' || t.state === 'paused';
  const mine =
    live &&
    actor.roles.some(
      (r) =>
        (r.role === t.role || r.role === 'supervisor') &&
        (t.owner_unit === null || r.orgUnitCode === t.owner_unit),
    );
  return {
    id: t.id,
    stepKey: t.step_key,
    name: t.name,
    // The definition the case started with names the step in English; the task keeps only Chinese.
    nameEn: step.nameEn || t.name,
    itemKey: t.item_key,
    state: t.state,
    pausedBy: t.paused_by,
    specialProcedure: t.special_procedure,
    ownerUnit: t.owner_unit
      ? {
          code: t.owner_unit,
          name: unit?.name ?? t.owner_unit,
          nameEn: unit?.nameEn ?? t.owner_unit,
        }
      : null,
    role: t.role,
    openedOn: t.opened_on,
    limitDays: t.limit_days,
    due: t.due,
    dueProvisional: t.due_provisional,
    sla: t.sla,
    pausedDays: t.paused_days,
    workingDaysUsed: t.opened_on
      ? workingDaysUsed(
          t.opened_on,
          t.decided_at ? localDate(new Date(t.decided_at)) : today,
          t.paused_since ? [{ from: t.paused_since, to: null }] : [],
          lookup,
        ) - t.paused_days
      : null,
    decision: t.decision,
    comment: t.comment,
    decidedAt: t.decided_at ? new Date(t.decided_at).toISOString() : null,
    version: t.version,
    allowedActions:
      mine && live
        ? allowedActions(step, { state: t.state as 'open' | 'paused', pausedBy: t.paused_by })
        : [],
  };
}

export interface TaskQuery {
  sla?: 'green' | 'yellow' | 'red' | undefined;
  state?: 'open' | 'paused' | undefined;
  limit: number;
  offset: number;
}

/** My queue: open steps of my roles in my units (and the shared window pool), soonest deadline first. */
export async function listMyTasks(db: Kysely<Database>, actor: Actor | null, q: TaskQuery) {
  if (!actor) throw new AppError(401, 'unauthenticated');
  const seesAll = hasRole(actor, 'supervisor', 'admin', 'leader');
  let query = db.selectFrom('task as t');
  query = query.where('t.state', 'in', q.state ? [q.state] : ['open', 'paused']);
  if (!seesAll) {
    query = query.where((eb) =>
      eb.or(
        actor.roles
          .flatMap((r) => [
            eb.and([eb('t.role', '=', r.role), eb('t.owner_unit', '=', r.orgUnitCode)]),
            ...(r.role === 'window_clerk'
              ? [eb.and([eb('t.role', '=', 'window_clerk'), eb('t.owner_unit', 'is', null)])]
              : []),
          ])
          .concat(eb.val(false) as never),
      ),
    );
  }
  if (q.sla) query = query.where('t.sla', '=', q.sla);
  const [rows, count] = await Promise.all([
    query
      .innerJoin('cases as c', 'c.id', 't.case_id')
      .select([
        't.id',
        't.step_key',
        't.name',
        't.state',
        't.owner_unit',
        't.role',
        't.opened_on',
        't.due',
        't.due_provisional',
        't.sla',
        't.paused_by',
        't.version',
        'c.id as case_id',
        'c.number',
        'c.title',
        'c.applicant_name',
        'c.state as case_state',
        'c.channel',
        'c.submitted_at',
      ])
      .orderBy(sql`t.due asc nulls last`)
      .orderBy('c.submitted_at')
      .orderBy('t.id')
      .limit(q.limit)
      .offset(q.offset)
      .execute(),
    // Every task has its case, so the count needs no join: the queue's index alone answers it.
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    total: Number(count.n),
    data: rows.map((r) => ({
      id: r.id,
      stepKey: r.step_key,
      name: r.name,
      state: r.state,
      ownerUnit: r.owner_unit,
      role: r.role,
      openedOn: r.opened_on,
      due: r.due,
      dueProvisional: r.due_provisional,
      sla: r.sla,
      pausedBy: r.paused_by,
      version: r.version,
      case: {
        id: r.case_id,
        number: r.number,
        title: r.title,
        applicantName: r.applicant_name,
        state: r.case_state,
        channel: r.channel,
        submittedAt: r.submitted_at ? new Date(r.submitted_at).toISOString() : null,
      },
    })),
  };
}

/** Trips and zero-trip share per subject (bundle or item), channel or street. */
export async function tripStats(db: Kysely<Database>, by: 'subject' | 'channel' | 'street') {
  const column =
    by === 'subject'
      ? sql.ref('c.subject')
      : by === 'channel'
        ? sql.ref('c.channel')
        : sql.ref('c.applicant_street_code');
  const rows = await sql<{ key: string | null; cases: number; trips: number; zero_trip: number }>`
    select ${column} as key, count(*)::int as cases, coalesce(sum(t.n), 0)::int as trips,
           count(*) filter (where coalesce(t.n, 0) = 0)::int as zero_trip
    from cases c
    left join (select case_id, count(*) as n from trip group by case_id) t on t.case_id = c.id
    where c.kind = 'service_application' and c.accepted_on is not null
    group by 1 order by 2 desc`.execute(db);
  return rows.rows.map((r) => ({
    key: r.key ?? '—',
    cases: r.cases,
    trips: r.trips,
    zeroTrip: r.zero_trip,
    zeroTripRate: r.cases ? r.zero_trip / r.cases : 0,
  }));
}

/** 好差评 per department: public, as the reform requires. */
export async function ratingStats(db: Kysely<Database>) {
  const rows = await db
    .selectFrom('rating')
    .select((eb) => [
      'responsible_unit',
      eb.fn.countAll<number>().as('n'),
      eb.fn.avg<number>('score').as('avg'),
      sql<number>`count(*) filter (where score <= 2)`.as('bad'),
    ])
    .groupBy('responsible_unit')
    .execute();
  const units = await orgUnitsByCode(
    db,
    rows.map((r) => r.responsible_unit),
  );
  return rows
    .map((r) => ({
      unit: {
        code: r.responsible_unit,
        name: units.get(r.responsible_unit)?.name ?? r.responsible_unit,
        nameEn: units.get(r.responsible_unit)?.nameEn ?? r.responsible_unit,
      },
      ratings: Number(r.n),
      average: Math.round(Number(r.avg) * 100) / 100,
      bad: Number(r.bad),
      badRate: Number(r.n) ? Number(r.bad) / Number(r.n) : 0,
    }))
    .sort((a, b) => b.badRate - a.badRate);
}
