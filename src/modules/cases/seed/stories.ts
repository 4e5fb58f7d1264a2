/**
 * The life of each demo case, told through the engine's own functions at the times the
 * simulation gives: drafts, submissions, intake, corrections, reviews, special procedures,
 * delivery, ratings and their follow-ups, and requests between departments.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/database.ts';
import type { Actor, Channel } from '../../../shared/actor.ts';
import type { FormSchema, ItemDef, MaterialDef } from '../../catalogue/index.ts';
import type { CaseMaterial, Task } from '../cases.table.ts';
import { localDate } from '../clock.ts';
import { act, type ActInput } from '../engine/act.ts';
import type { EngineDeps } from '../engine/context.ts';
import { saveDraft, startDraft, submit } from '../engine/draft.ts';
import { startInternalService } from '../engine/internal.ts';
import { addFollowUpReview, rateCase } from '../engine/rating.ts';
import { recordVisit } from '../engine/staff.ts';
import type { SpecialProcedure } from '../model.ts';
import type { DemoActors } from './actors.ts';
import type { Applicant } from './applicants.ts';
import { fileName, fillForm, formValue, materialsFor, type MergedMaterial } from './form-values.ts';
import { addDays, at, type Random, type Simulation, type WorkingDays } from './simulation.ts';
import {
  APPROVE_COMMENTS,
  DECLINES,
  FOLLOW_UP_NOTES,
  INTERNAL_REQUESTS,
  MATERIAL_PROBLEMS,
  RATING_TAGS,
  RATING_TEXTS,
  REJECT_COMMENTS,
  SPECIAL_FOR_OTHERS,
  SPECIAL_FOR_PERMITS,
  fieldProblem,
} from './texts.ts';

export interface SeedContext {
  db: Kysely<Database>;
  deps: EngineDeps;
  sim: Simulation;
  days: WorkingDays;
  actors: DemoActors;
  /** Department unit code → the username of its reviewer. */
  reviewers: Map<string, string>;
  /** Window clerk username → the key of the service point where they sit. */
  servicePoints: Map<string, string>;
  /** Every case the seed made, and the simulated time of every trip it recorded, in order. */
  caseIds: string[];
  trips: { caseId: string; at: Date }[];
}

/** What an application is for: a bundle (一件事) or a single item, compiled for the applicant. */
export interface SubjectInfo {
  kind: 'bundle' | 'item';
  key: string;
  audience: 'citizen' | 'enterprise';
  form: FormSchema;
  materials: readonly (MergedMaterial | MaterialDef)[];
  items: ItemDef[];
  /** Items with no prerequisite: the reviews that open on acceptance. */
  firstItems: ItemDef[];
  kiosk: boolean;
  /** Every item may be handled at a street centre (就近办). */
  street: boolean;
  permit: boolean;
  /** In-person visits the items require (到办事现场次数). */
  visits: number;
}

export type Fate =
  | 'draft'
  | 'submitted'
  | 'correction'
  | 'in_review'
  | 'delivering'
  | 'closed'
  | 'declined'
  | 'withdrawn';

export interface CasePlan {
  n: number;
  rng: Random;
  subject: SubjectInfo;
  applicant: Applicant;
  fate: Fate;
  /** The applicant's own channel (web, mobile, kiosk), or null when a clerk starts it at a counter. */
  channel: Exclude<Channel, 'system' | 'counter'> | null;
  /** A draft started on one channel and finished on another (四端协同). */
  startedOn?: Exclude<Channel, 'system' | 'counter'>;
  /** The window that takes it in (and delivers). */
  clerk: string;
  /** At a counter: the applicant is there in person (a trip), or an agent handles it (帮办代办). */
  inPerson: boolean;
  /** The day the application starts (online: maybe the evening before acceptance). */
  startDay: string;
  /** Accept on this working day (deadline-driven cases). */
  acceptDay?: string;
  correctionAt?: 'intake' | 'review';
  /** The correction is answered (and the case goes on) rather than left waiting. */
  correctionAnswered?: boolean;
  withdrawAt?: 'intake' | 'correction' | 'review';
  /** Stop deciding after this many review decisions (reviews left open: green, yellow or red). */
  stallAfter?: number;
  special?: 'running' | 'done';
  reject?: boolean;
  /** Reviews decided late now and then, as happens (closed cases' history). */
  sometimesLate?: boolean;
  delivery: 'electronic' | 'post' | 'pickup';
  rating?: { score: 1 | 2 | 3 | 4 | 5; channel: 'web' | 'mobile'; followUp: FollowUpPlan };
}

/** What the department rated badly does about it. */
export type FollowUpPlan = 'none' | 'called' | 'done' | 'done_and_reviewed';

// ---- time ------------------------------------------------------------------------------------

const minutes = (d: Date, n: number) => new Date(d.getTime() + n * 60_000);
const hourOf = (d: Date) => (d.getUTCHours() + 8) % 24;

/** Office hours on a working day (`date` or the next), mornings and afternoons, after `notBefore`. */
function officeTime(ctx: SeedContext, rng: Random, date: string, notBefore: Date): Date {
  const day = ctx.days.onOrAfter(date);
  const t = rng.chance(0.55) ? at(day, 9, rng.int(0, 150)) : at(day, 13, 30 + rng.int(0, 200));
  if (t > notBefore) return t;
  const soon = minutes(notBefore, rng.int(12, 75));
  if (localDate(soon) === day && hourOf(soon) < 18) return soon;
  return at(ctx.days.onOrAfter(addDays(day, 1)), 9, rng.int(0, 90));
}

/** An applicant's own time: any day, from the morning to late in the evening. */
function applicantTime(rng: Random, day: string, notBefore: Date): Date {
  const t = at(day, 8, rng.int(0, 14 * 60));
  return t > notBefore ? t : minutes(notBefore, rng.int(10, 120));
}

/** When the applicant's side acts: the applicant at any hour, or the clerk serving them in office hours. */
function sideTime(ctx: SeedContext, plan: CasePlan, day: string, notBefore: Date): Date {
  return plan.channel
    ? applicantTime(plan.rng, day, notBefore)
    : officeTime(ctx, plan.rng, ctx.days.onOrAfter(day), notBefore);
}

/** The next intake: later the same working day if it is early enough, or the next morning. */
function intakeTime(ctx: SeedContext, rng: Random, after: Date): Date {
  const day = localDate(after);
  const working = ctx.days.lookup(day).working;
  if (working && hourOf(after) < 15) return minutes(after, rng.int(20, 150));
  return officeTime(ctx, rng, ctx.days.onOrAfter(addDays(day, 1)), after);
}

// ---- the engine, and reading back what it did --------------------------------------------------

async function caseVersion(ctx: SeedContext, id: string): Promise<number> {
  const c = await ctx.db
    .selectFrom('cases')
    .select('version')
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return c.version;
}

async function liveTasks(ctx: SeedContext, caseId: string): Promise<Task[]> {
  return ctx.db
    .selectFrom('task')
    .selectAll()
    .where('case_id', '=', caseId)
    .where('state', 'in', ['open', 'paused'])
    .orderBy('step_key')
    .execute();
}

async function liveTask(ctx: SeedContext, caseId: string, step: string): Promise<Task | undefined> {
  return (await liveTasks(ctx, caseId)).find((t) => t.step_key === step);
}

async function actOn(ctx: SeedContext, actor: Actor, task: Task, input: Omit<ActInput, 'version'>) {
  const result = await act(ctx.deps, actor, task.id, { ...input, version: task.version });
  if (input.visit) ctx.trips.push({ caseId: task.case_id, at: ctx.sim.now });
  return result;
}

function reviewerFor(ctx: SeedContext, unit: string | null): Actor {
  const name = unit ? ctx.reviewers.get(unit) : undefined;
  if (!name) throw new Error(`demo cases: no reviewer account for ${unit ?? 'an unrouted step'}`);
  return ctx.actors.as(name, 'web');
}

// ---- corrections (补正) -------------------------------------------------------------------------

interface Correction {
  items: { field: string; message: string }[];
  fields: string[];
  materials: string[];
}

function correctionFor(rng: Random, plan: CasePlan, materials: CaseMaterial[]): Correction {
  const n = rng.int(1, 3);
  const fields = Object.entries(plan.subject.form.properties)
    .filter(([key, p]) => p.type === 'string' && !p.enum && !key.startsWith('applicant.'))
    .map(([key]) => key);
  const out: Correction = { items: [], fields: [], materials: [] };
  for (const m of rng.sample(materials, Math.min(n, materials.length))) {
    out.items.push({ field: `materials.${m.key}`, message: rng.pick(MATERIAL_PROBLEMS)(m.name) });
    out.materials.push(m.key);
  }
  for (const key of rng.sample(fields, n - out.items.length)) {
    const title = plan.subject.form.properties[key]!.title;
    out.items.push({ field: `formData.${key}`, message: fieldProblem(key, title) });
    out.fields.push(key);
  }
  if (!out.items.length) {
    out.items.push({ field: 'formData', message: '申请表缺少申请人签字，请签字后重新上传' });
  }
  return out;
}

/** The applicant (or the clerk serving them) fixes everything asked, then hands it back in. */
async function answerCorrection(
  ctx: SeedContext,
  plan: CasePlan,
  caseId: string,
  side: Actor,
  correction: Correction,
  materials: CaseMaterial[],
): Promise<boolean> {
  const { rng } = plan;
  const day = addDays(localDate(ctx.sim.now), rng.int(0, 4));
  if (!(await ctx.sim.until(sideTime(ctx, plan, day, ctx.sim.now)))) return false;
  const formData: Record<string, unknown> = {};
  for (const key of correction.fields) {
    formData[key] = formValue(key, plan.subject.form.properties[key]!, {
      applicant: plan.applicant,
      rng,
      day,
    });
  }
  const fixed = materials.map((m) =>
    correction.materials.includes(m.key) ? { ...m, reference: fileName(m, '（补正）') } : m,
  );
  await saveDraft(ctx.deps, side, caseId, {
    version: await caseVersion(ctx, caseId),
    formData,
    materials: fixed,
  });
  if (!(await ctx.sim.until(minutes(ctx.sim.now, rng.int(2, 15))))) return false;
  await submit(ctx.deps, side, caseId, { version: await caseVersion(ctx, caseId) });
  if (!plan.channel && plan.inPerson) {
    // Back at the window with the corrected papers: a second trip.
    const point = ctx.servicePoints.get(plan.clerk)!;
    await recordVisit(ctx.deps, ctx.actors.as(plan.clerk, 'counter'), caseId, {
      purpose: 'materials',
      servicePoint: point,
    });
    ctx.trips.push({ caseId, at: ctx.sim.now });
  }
  return true;
}

// ---- a service application ------------------------------------------------------------------------

export async function applicationStory(ctx: SeedContext, plan: CasePlan): Promise<void> {
  const { rng, subject, applicant } = plan;
  const counterClerk = ctx.actors.as(plan.clerk, 'counter');
  const own = (channel: Channel) => ctx.actors.as(applicant.account!, channel);
  // Who works on the application: the applicant online, or the clerk at the counter.
  const side = plan.channel ? own(plan.channel) : counterClerk;
  const point = ctx.servicePoints.get(plan.clerk)!;

  // Drafting: online at any hour; at a counter in office hours, straight through.
  let start: Date;
  if (plan.acceptDay)
    start = !plan.channel
      ? at(plan.acceptDay, 9, rng.int(0, 60))
      : rng.chance(0.4)
        ? at(addDays(plan.acceptDay, -1), 19, rng.int(0, 180))
        : at(plan.acceptDay, 7, rng.int(0, 75));
  else if (plan.channel) start = applicantTime(rng, plan.startDay, new Date(0));
  else start = officeTime(ctx, rng, ctx.days.onOrAfter(plan.startDay), new Date(0));
  if (!(await ctx.sim.until(start))) return;

  const day = localDate(start);
  const formData = fillForm(subject.form, { applicant, rng, day });
  const materials = materialsFor(subject.materials, formData, rng);
  const starter = plan.startedOn ? own(plan.startedOn) : side;
  const onBehalfOf = plan.channel
    ? undefined
    : {
        ...(applicant.personId ? { personId: applicant.personId } : {}),
        ...(applicant.enterpriseId ? { enterpriseId: applicant.enterpriseId } : {}),
      };
  const subjectRef = { kind: subject.kind, key: subject.key };

  if (plan.fate === 'draft') {
    // Kept on the server half done, to be picked up again on any channel.
    const keys = Object.keys(formData);
    const some = Object.fromEntries(
      keys.slice(0, rng.int(1, Math.max(1, keys.length - 1))).map((k) => [k, formData[k]]),
    );
    const id = await startDraft(ctx.deps, starter, {
      subject: subjectRef,
      formData: some,
      onBehalfOf,
    });
    ctx.caseIds.push(id);
    if (
      rng.chance(0.5) &&
      (await ctx.sim.until(applicantTime(rng, addDays(day, rng.int(0, 2)), ctx.sim.now)))
    ) {
      await saveDraft(ctx.deps, side, id, {
        version: await caseVersion(ctx, id),
        formData,
        materials: materials.slice(0, rng.int(0, materials.length - 1)),
      });
    }
    return;
  }

  const id = await startDraft(ctx.deps, starter, { subject: subjectRef, onBehalfOf });
  ctx.caseIds.push(id);
  const fillMinutes = plan.channel ? rng.int(6, 40) : rng.int(4, 15);
  if (!(await ctx.sim.until(minutes(ctx.sim.now, fillMinutes)))) return;
  await saveDraft(ctx.deps, side, id, { version: await caseVersion(ctx, id), formData, materials });
  if (!(await ctx.sim.until(minutes(ctx.sim.now, rng.int(1, 6))))) return;
  await submit(ctx.deps, side, id, { version: await caseVersion(ctx, id) });
  if (plan.fate === 'submitted') return;

  // Intake (一窗受理): at the counter while the applicant waits; online, at the next intake.
  const intakeAt = plan.acceptDay
    ? officeTime(ctx, rng, plan.acceptDay, ctx.sim.now)
    : plan.channel
      ? intakeTime(ctx, rng, ctx.sim.now)
      : minutes(ctx.sim.now, rng.int(2, 8));
  if (!(await ctx.sim.until(intakeAt))) return;
  const intakeClerk = counterClerk;
  let intake = (await liveTask(ctx, id, 'intake'))!;

  if (plan.fate === 'declined') {
    const permitReasons = DECLINES.permit;
    const item = subject.items[0]!;
    const reason =
      subject.permit && rng.chance(0.6)
        ? rng.pick(permitReasons)
        : {
            reason: `经审查，申请不符合“${item.name}”的受理条件（${item.conditions.replace(/。$/, '')}）`,
            legalBasis: item.legalBasis,
          };
    await actOn(ctx, intakeClerk, intake, { action: 'decline', ...reason });
    return;
  }
  if (plan.withdrawAt === 'intake') {
    await actOn(ctx, side, intake, { action: 'withdraw', comment: '申请人主动撤回申请' });
    return;
  }
  if (plan.correctionAt === 'intake') {
    const correction = correctionFor(rng, plan, materials);
    await actOn(ctx, intakeClerk, intake, {
      action: 'request_correction',
      corrections: correction.items,
    });
    if (plan.withdrawAt === 'correction') {
      if (
        !(await ctx.sim.until(
          sideTime(ctx, plan, addDays(localDate(ctx.sim.now), rng.int(1, 5)), ctx.sim.now),
        ))
      )
        return;
      intake = (await liveTask(ctx, id, 'intake'))!;
      await actOn(ctx, side, intake, { action: 'withdraw', comment: '无法提供补正材料，撤回申请' });
      return;
    }
    if (!plan.correctionAnswered) return;
    if (!(await answerCorrection(ctx, plan, id, side, correction, materials))) return;
    if (!(await ctx.sim.until(intakeTime(ctx, rng, ctx.sim.now)))) return;
    intake = (await liveTask(ctx, id, 'intake'))!;
  }
  const visit = !plan.channel && plan.inPerson ? { servicePoint: point } : undefined;
  await actOn(ctx, intakeClerk, intake, { action: 'accept', ...(visit ? { visit } : {}) });
  if (subject.visits > 0 && !visit) {
    // The item needs the applicant in person once (photos, fingerprints, the couple together).
    await recordVisit(ctx.deps, intakeClerk, id, { purpose: 'intake', servicePoint: point });
    ctx.trips.push({ caseId: id, at: ctx.sim.now });
  }

  const decided = await reviews(ctx, plan, id, side, materials);
  if (!decided || plan.fate === 'delivering') return;

  // Delivery (出件): electronic at once, by post the next working day, or picked up in person.
  const last = ctx.sim.now;
  const deliverAt =
    plan.delivery === 'electronic'
      ? officeTime(ctx, rng, ctx.days.onOrAfter(localDate(last)), last)
      : officeTime(
          ctx,
          rng,
          ctx.days.after(localDate(last), rng.int(1, plan.delivery === 'pickup' ? 4 : 2)),
          last,
        );
  if (!(await ctx.sim.until(deliverAt))) return;
  const delivery = (await liveTask(ctx, id, 'delivery'))!;
  await actOn(ctx, intakeClerk, delivery, {
    action: 'deliver',
    delivery:
      plan.delivery === 'post'
        ? { method: 'post', trackingNumber: `SF${1_400_000_000_000 + rng.int(0, 99_999_999) * 97}` }
        : { method: plan.delivery },
    ...(plan.delivery === 'pickup' ? { visit: { servicePoint: point } } : {}),
  });

  if (plan.rating && applicant.account) await rateAndFollowUp(ctx, plan, id);
}

/**
 * The reviews: each open one decided in its department some working days after it opened,
 * mostly within its limit; the plan may ask for a correction, a special procedure, a withdrawal,
 * a rejection, or for the reviews to stall (left open: the deadline lights). True once every
 * review is decided (the case is then delivering).
 */
async function reviews(
  ctx: SeedContext,
  plan: CasePlan,
  id: string,
  side: Actor,
  materials: CaseMaterial[],
): Promise<boolean> {
  const { rng } = plan;
  const planned = new Map<string, Date>();
  let decisions = 0;
  let corrected = false;
  let special = false;
  const total = plan.subject.items.length;
  for (;;) {
    const open = (await liveTasks(ctx, id)).filter(
      (t) => t.step_key.startsWith('review:') && t.state === 'open',
    );
    if (!open.length) {
      const delivery = await liveTask(ctx, id, 'delivery');
      return Boolean(delivery);
    }
    if (plan.stallAfter !== undefined && decisions >= plan.stallAfter) return false;
    for (const t of open) {
      const was = planned.get(t.id);
      if (was && was > ctx.sim.now) continue;
      if (was) {
        // Overtaken (a correction came back meanwhile): the next office hours from now.
        planned.set(t.id, officeTime(ctx, rng, localDate(ctx.sim.now), ctx.sim.now));
        continue;
      }
      const limit = t.limit_days ?? 0;
      let delay = limit === 0 ? 0 : rng.int(0, Math.min(limit - 1, 3));
      if (plan.sometimesLate && limit > 0 && rng.chance(0.1)) delay = limit + rng.int(1, 2);
      const opened = t.opened_on ?? localDate(ctx.sim.now);
      planned.set(t.id, officeTime(ctx, rng, ctx.days.after(opened, delay), ctx.sim.now));
    }
    open.sort((a, b) => planned.get(a.id)!.getTime() - planned.get(b.id)!.getTime());
    const next = open[0]!;
    if (!(await ctx.sim.until(planned.get(next.id)!))) return false;
    // Nothing else touches this case meanwhile: the row read above is still current.
    let task = next;
    const reviewer = reviewerFor(ctx, task.owner_unit);

    if (plan.correctionAt === 'review' && !corrected) {
      corrected = true;
      const correction = correctionFor(rng, plan, materials);
      await actOn(ctx, reviewer, task, {
        action: 'request_correction',
        corrections: correction.items,
      });
      if (plan.withdrawAt === 'correction') {
        if (
          !(await ctx.sim.until(
            sideTime(ctx, plan, addDays(localDate(ctx.sim.now), rng.int(1, 5)), ctx.sim.now),
          ))
        )
          return false;
        task = (await liveTask(ctx, id, next.step_key))!;
        await actOn(ctx, side, task, { action: 'withdraw', comment: '无法按要求补正，撤回申请' });
        return false;
      }
      if (!plan.correctionAnswered) return false;
      if (!(await answerCorrection(ctx, plan, id, side, correction, materials))) return false;
      planned.delete(next.id);
      continue;
    }
    if (plan.special && !special) {
      special = true;
      const procedure: SpecialProcedure = rng.pick(
        plan.subject.permit ? SPECIAL_FOR_PERMITS : SPECIAL_FOR_OTHERS,
      );
      await actOn(ctx, reviewer, task, {
        action: 'start_special_procedure',
        procedure,
        comment:
          procedure === 'on_site_inspection'
            ? '需对经营场所进行现场核查'
            : procedure === 'expert_review'
              ? '组织专家评审'
              : '申请人要求听证',
      });
      if (plan.special === 'running') return false;
      const back = ctx.days.after(
        localDate(ctx.sim.now),
        rng.int(1, procedure === 'on_site_inspection' ? 4 : 8),
      );
      if (!(await ctx.sim.until(officeTime(ctx, rng, back, ctx.sim.now)))) return false;
      task = (await liveTask(ctx, id, next.step_key))!;
      await actOn(ctx, reviewer, task, {
        action: 'end_special_procedure',
        comment: '特别程序已结束',
      });
      planned.set(next.id, officeTime(ctx, rng, localDate(ctx.sim.now), ctx.sim.now));
      continue;
    }
    if (plan.withdrawAt === 'review' && decisions >= Math.min(1, total - 1)) {
      const when = sideTime(ctx, plan, localDate(ctx.sim.now), ctx.sim.now);
      if (!(await ctx.sim.until(when))) return false;
      task = (await liveTask(ctx, id, next.step_key))!;
      await actOn(ctx, side, task, {
        action: 'withdraw',
        comment:
          plan.subject.audience === 'enterprise' ? '经营计划调整，申请撤回' : '个人原因，申请撤回',
      });
      return false;
    }
    if (plan.reject && decisions >= (total > 1 ? 1 : 0)) {
      await actOn(ctx, reviewer, task, { action: 'reject', comment: rng.pick(REJECT_COMMENTS) });
      return true;
    }
    const item = plan.subject.items.find((i) => i.key === task.item_key);
    const comments = item?.type === 'permit' ? APPROVE_COMMENTS.permit : APPROVE_COMMENTS.other;
    await actOn(ctx, reviewer, task, { action: 'approve', comment: rng.pick(comments) });
    decisions++;
  }
}

/** 好差评: the applicant rates; a bad rating opens a follow-up the department works on. */
async function rateAndFollowUp(ctx: SeedContext, plan: CasePlan, id: string) {
  const { rng } = plan;
  const rating = plan.rating!;
  const when = applicantTime(rng, addDays(localDate(ctx.sim.now), rng.int(0, 3)), ctx.sim.now);
  if (!(await ctx.sim.until(when))) return;
  const rater = ctx.actors.as(plan.applicant.account!, rating.channel);
  const text = rng.pick(RATING_TEXTS[rating.score]!);
  const tags = rng.sample(RATING_TAGS[rating.score]!, rng.int(0, 2));
  const { followUpCaseId } = await rateCase(ctx.deps, rater, id, {
    score: rating.score,
    ...(text ? { text } : {}),
    tags,
  });
  if (!followUpCaseId) return;
  ctx.caseIds.push(followUpCaseId);
  if (rating.followUp === 'none') return;
  for (const step of ['call_back', 'rectify_reply'] as const) {
    const task = (await liveTask(ctx, followUpCaseId, step))!;
    const wait = step === 'call_back' ? rng.int(0, 1) : rng.int(3, 10);
    const day = ctx.days.after(localDate(ctx.sim.now), wait);
    if (!(await ctx.sim.until(officeTime(ctx, rng, day, ctx.sim.now)))) return;
    await actOn(ctx, reviewerFor(ctx, task.owner_unit), task, {
      action: 'complete',
      comment: rng.pick(FOLLOW_UP_NOTES[step]),
    });
    if (rating.followUp === 'called') return;
  }
  if (rating.followUp !== 'done_and_reviewed') return;
  const later = applicantTime(rng, addDays(localDate(ctx.sim.now), rng.int(1, 4)), ctx.sim.now);
  if (!(await ctx.sim.until(later))) return;
  await addFollowUpReview(ctx.deps, rater, id, rng.pick(FOLLOW_UP_NOTES.review));
}

// ---- 机关内部"最多跑一次" --------------------------------------------------------------------------

export interface InternalPlan {
  rng: Random;
  request: (typeof INTERNAL_REQUESTS)[number];
  day: string;
  /** Provided after this many working days, or left open. */
  provideAfter: number | null;
}

export async function internalStory(ctx: SeedContext, plan: InternalPlan): Promise<void> {
  const { rng, request } = plan;
  const asker = ctx.reviewers.get(`dept:${request.from}`);
  if (!asker || !ctx.reviewers.has(`dept:${request.to}`)) return;
  if (!(await ctx.sim.until(officeTime(ctx, rng, plan.day, new Date(0))))) return;
  const id = await startInternalService(ctx.deps, ctx.actors.as(asker, 'web'), {
    targetDepartment: `dept:${request.to}`,
    kind: request.kind,
    title: request.title,
    detail: request.detail,
  });
  ctx.caseIds.push(id);
  if (plan.provideAfter === null) return;
  const day = ctx.days.after(plan.day, plan.provideAfter);
  if (!(await ctx.sim.until(officeTime(ctx, rng, day, ctx.sim.now)))) return;
  const task = (await liveTask(ctx, id, 'provide'))!;
  const done = {
    data: '数据已核验并通过共享平台反馈，请查收。',
    seal: '已完成用印，原件已通过机要交换送达。',
    opinion: '意见已出具，详见附件。',
  }[request.kind];
  await actOn(ctx, reviewerFor(ctx, task.owner_unit), task, { action: 'approve', comment: done });
}
