import { assertRole, type Actor } from '../../../shared/actor.ts';
import { AppError, badRequest } from '../../../shared/app-error.ts';
import { orgUnitsByCode } from '../../identity/index.ts';
import { recordTrip } from './act.ts';
import { checkVersion, lockCase, record, updateTask, type EngineDeps } from './context.ts';

export type TripPurpose = 'intake' | 'materials' | 'pickup';

/**
 * A visit the applicant made in person that no action recorded by itself — handing in paper
 * originals, say. Every visit counts against 最多跑一次, so the clerk records each one.
 */
export async function recordVisit(
  deps: EngineDeps,
  actor: Actor | null,
  caseId: string,
  input: { purpose: TripPurpose; servicePoint: string },
) {
  assertRole(actor, 'window_clerk');
  await deps.db.transaction().execute(async (trx) => {
    const c = await lockCase(trx, caseId);
    if (c.state === 'draft') throw new AppError(409, 'case_not_editable', { state: c.state });
    await recordTrip(trx, actor, c, input.purpose, input.servicePoint, 'servicePoint');
    await record(trx, deps, actor, c, null, 'visit', { ...input }, { last: true });
  });
}

/**
 * 督查: a supervisor moves a stuck step to another unit (a wrongly routed application, a
 * department that cannot act). The step keeps its deadline: reassignment does not buy time.
 */
export async function reassignTask(
  deps: EngineDeps,
  actor: Actor | null,
  caseId: string,
  taskId: string,
  input: { orgUnit: string; version: number; reason: string },
) {
  assertRole(actor, 'supervisor');
  if (!input.reason.trim()) throw badRequest('validation_required', 'reason');
  await deps.db.transaction().execute(async (trx) => {
    const c = await lockCase(trx, caseId);
    const t = await trx
      .selectFrom('task')
      .selectAll()
      .where('id', '=', taskId)
      .where('case_id', '=', caseId)
      .forUpdate()
      .executeTakeFirst();
    if (!t) throw new AppError(404, 'not_found', { what: 'task' });
    if (t.state !== 'open' && t.state !== 'paused') {
      throw new AppError(409, 'action_not_allowed', {
        step: t.name,
        action: 'reassign',
        allowed: '—',
      });
    }
    checkVersion('task', t.version, input.version);
    const unit = (await orgUnitsByCode(trx, [input.orgUnit])).get(input.orgUnit);
    if (!unit || !['department', 'street', 'town'].includes(unit.kind)) {
      throw badRequest('not_found', 'orgUnit', { what: input.orgUnit });
    }
    await updateTask(trx, t, { owner_unit: input.orgUnit, assignee_id: null });
    await record(
      trx,
      deps,
      actor,
      c,
      t,
      'reassign',
      { from: t.owner_unit, to: input.orgUnit, reason: input.reason },
      { last: true },
    );
  });
}
