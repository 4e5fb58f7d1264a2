import { assertRole, type Actor } from '../../../shared/actor.ts';
import { AppError, badRequest } from '../../../shared/app-error.ts';
import { orgUnitsByCode } from '../../identity/index.ts';
import { storeDefinition } from '../definitions.service.ts';
import { INTERNAL_SERVICE } from '../definitions/internal-service.ts';
import {
  openReadySteps,
  record,
  todayOf,
  UNDECIDED,
  waitingStep,
  type EngineDeps,
} from './context.ts';

export interface InternalRequest {
  /** The department asked, by code (`dept:public-security`). */
  targetDepartment: string;
  /** 'data', 'seal' or 'opinion', and what exactly is asked. */
  kind: 'data' | 'seal' | 'opinion';
  title: string;
  detail: string;
}

/**
 * 机关内部"最多跑一次": a department asks another for data, a seal or an opinion. The same engine
 * runs it from its own definition: the request step is done on creation, `provide` opens.
 */
export async function startInternalService(
  deps: EngineDeps,
  actor: Actor | null,
  input: InternalRequest,
) {
  assertRole(actor, 'reviewer', 'window_clerk', 'supervisor', 'admin');
  const requester = actor.roles.find((r) => r.orgUnitCode.startsWith('dept:'))?.orgUnitCode;
  if (!requester) throw new AppError(403, 'forbidden');
  const units = await orgUnitsByCode(deps.db, [input.targetDepartment, requester]);
  if (units.get(input.targetDepartment)?.kind !== 'department') {
    throw badRequest('not_found', 'targetDepartment', { what: input.targetDepartment });
  }
  if (input.targetDepartment === requester)
    throw badRequest('validation_other', 'targetDepartment');
  return deps.db.transaction().execute(async (trx) => {
    const definitionId = await storeDefinition(trx, INTERNAL_SERVICE);
    const today = todayOf(deps);
    const c = await trx
      .insertInto('cases')
      .values({
        kind: 'internal_service',
        definition_id: definitionId,
        subject: `internal:${input.kind}`,
        title: input.title,
        state: 'in_review',
        ...UNDECIDED,
        applicant_account_id: actor.accountId,
        applicant_person_id: null,
        applicant_enterprise_id: null,
        // The asking department is the applicant the asked one deals with, not a login name.
        applicant_name: units.get(requester)?.name ?? requester,
        applicant_street_code: null,
        requester_unit: requester,
        target_unit: input.targetDepartment,
        intake_unit: requester,
        parent_case_id: null,
        form_data: JSON.stringify({
          'request.kind': input.kind,
          'request.detail': input.detail,
        }) as unknown as Record<string, unknown>,
        materials: JSON.stringify([]) as unknown as [],
        channel: actor.channel,
        submitted_at: new Date(),
        accepted_on: today,
        division_code: '330106',
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('task')
      .values(
        INTERNAL_SERVICE.steps.map((s) =>
          // The request itself is the first step, done as it is made.
          s.after.length
            ? waitingStep(c, s)
            : {
                ...waitingStep(c, s),
                state: 'done' as const,
                opened_on: today,
                decision: 'submitted',
                decided_by: actor.accountId,
                decided_at: new Date(),
              },
        ),
      )
      .execute();
    await openReadySteps(trx, deps, c, INTERNAL_SERVICE, { itemDepartment: () => undefined });
    await record(
      trx,
      deps,
      actor,
      c,
      null,
      'submit',
      { target: input.targetDepartment, kind: input.kind },
      { last: true },
    );
    return c.id;
  });
}
