import type { Actor } from '../../../shared/actor.ts';
import { AppError, badRequest } from '../../../shared/app-error.ts';
import { applicantFacts } from '../../identity/index.ts';
import { storeDefinition } from '../definitions.service.ts';
import { RATING_FOLLOW_UP } from '../definitions/rating-follow-up.ts';
import {
  lockCase,
  openReadySteps,
  record,
  UNDECIDED,
  waitingStep,
  type EngineDeps,
} from './context.ts';

export const SCORE_LABELS = {
  5: ['非常满意', 'Very satisfied'],
  4: ['满意', 'Satisfied'],
  3: ['基本满意', 'Fairly satisfied'],
  2: ['不满意', 'Dissatisfied'],
  1: ['非常不满意', 'Very dissatisfied'],
} as const;

export interface RateInput {
  score: 1 | 2 | 3 | 4 | 5;
  text?: string | undefined;
  tags?: string[] | undefined;
}

/**
 * 好差评: once per case, after delivery, by the applicant. A 1 or 2 opens a follow-up case for
 * the department responsible (the last one that decided), run by its own process definition.
 */
export async function rateCase(
  deps: EngineDeps,
  actor: Actor | null,
  caseId: string,
  input: RateInput,
) {
  if (!actor) throw new AppError(401, 'unauthenticated');
  return deps.db.transaction().execute(async (trx) => {
    const c = await lockCase(trx, caseId);
    if (c.applicant_account_id !== actor.accountId) throw new AppError(403, 'forbidden');
    if (c.state !== 'closed' || c.kind !== 'service_application')
      throw new AppError(409, 'rating_not_open', { state: c.state });
    const existing = await trx
      .selectFrom('rating')
      .select('case_id')
      .where('case_id', '=', c.id)
      .executeTakeFirst();
    if (existing) throw new AppError(409, 'rating_exists');
    const decider = await trx
      .selectFrom('task')
      .select('owner_unit')
      .where('case_id', '=', c.id)
      .where('step_key', 'like', 'review:%')
      .where('decided_at', 'is not', null)
      .orderBy('decided_at', 'desc')
      .executeTakeFirst();
    const responsible = decider?.owner_unit ?? c.intake_unit ?? 'dept:government-services';
    let followUpId: string | null = null;
    if (input.score <= 2) {
      const definitionId = await storeDefinition(trx, RATING_FOLLOW_UP);
      const facts = await applicantFacts(trx, {
        personId: c.applicant_person_id,
        enterpriseId: c.applicant_enterprise_id,
      });
      const row = await trx
        .insertInto('cases')
        .values({
          kind: 'rating_follow_up',
          definition_id: definitionId,
          subject: `rating:${c.id}`,
          title: `差评整改：${c.title}（${c.number ?? ''}）`,
          title_en: c.title_en
            ? `Follow-up on a poor rating: ${c.title_en}${c.number ? ` (${c.number})` : ''}`
            : null,
          state: 'in_review',
          ...UNDECIDED,
          applicant_account_id: c.applicant_account_id,
          applicant_person_id: c.applicant_person_id,
          applicant_enterprise_id: c.applicant_enterprise_id,
          applicant_name: facts?.name ?? c.applicant_name,
          applicant_street_code: c.applicant_street_code,
          requester_unit: null,
          target_unit: responsible,
          intake_unit: c.intake_unit,
          parent_case_id: c.id,
          form_data: JSON.stringify({
            'rating.score': input.score,
            'rating.text': input.text ?? '',
          }) as unknown as Record<string, unknown>,
          materials: JSON.stringify([]) as unknown as [],
          channel: 'system',
          submitted_at: new Date(),
          accepted_on: null,
          division_code: c.division_code,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('task')
        .values(RATING_FOLLOW_UP.steps.map((s) => waitingStep(row, s)))
        .execute();
      await openReadySteps(trx, deps, row, RATING_FOLLOW_UP, { itemDepartment: () => undefined });
      await record(trx, deps, actor, row, null, 'open_follow_up', {
        parent: c.id,
        score: input.score,
      });
      followUpId = row.id;
    }
    await trx
      .insertInto('rating')
      .values({
        case_id: c.id,
        score: input.score,
        text: input.text ?? null,
        tags: input.tags ?? [],
        responsible_unit: responsible,
        channel: actor.channel,
        rated_by: actor.accountId,
        follow_up_text: null,
        follow_up_at: null,
        follow_up_case_id: followUpId,
      })
      .execute();
    await record(
      trx,
      deps,
      actor,
      c,
      null,
      'rate',
      { score: input.score, followUp: followUpId },
      { last: true },
    );
    return { caseId: c.id, score: input.score, followUpCaseId: followUpId };
  });
}

/** One later review (追评) of a rated case. */
export async function addFollowUpReview(
  deps: EngineDeps,
  actor: Actor | null,
  caseId: string,
  text: string,
) {
  if (!actor) throw new AppError(401, 'unauthenticated');
  if (!text.trim()) throw badRequest('validation_required', 'text');
  await deps.db.transaction().execute(async (trx) => {
    const c = await lockCase(trx, caseId);
    if (c.applicant_account_id !== actor.accountId) throw new AppError(403, 'forbidden');
    const r = await trx
      .updateTable('rating')
      .set({ follow_up_text: text, follow_up_at: new Date() })
      .where('case_id', '=', caseId)
      .where('follow_up_text', 'is', null)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) throw new AppError(409, 'rating_exists');
    await record(trx, deps, actor, c, null, 'follow_up_review', {}, { last: true });
  });
}
