import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import { hasRole, type Actor } from '../../shared/actor.ts';
import { AppError } from '../../shared/app-error.ts';
import { recordAudit } from '../audit/index.ts';
import { personalFields } from './rules/personal-data.ts';

/** Staff who may see any case's resident IDs and phones in full (a leader sees figures, not people). */
const DESK_ROLES = ['window_clerk', 'supervisor', 'admin'] as const;

/**
 * The resident IDs and phone numbers a case view masks, in full: for a clerk checking a card
 * against the form, or a reviewer calling the applicant. A read of personal data, so it is
 * audited like a change, in the same transaction.
 */
export async function revealPersonalData(db: Kysely<Database>, actor: Actor | null, id: string) {
  if (!actor) throw new AppError(401, 'unauthenticated');
  return db.transaction().execute(async (trx) => {
    const c = await trx
      .selectFrom('cases')
      .select(['applicant_account_id', 'form_data', 'delivery_choice', 'division_code'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (!c) throw new AppError(404, 'not_found', { what: 'case' });
    const tasks = await trx
      .selectFrom('task')
      .select('owner_unit')
      .where('case_id', '=', id)
      .execute();
    // A reviewer as a reviewer of a unit with a step on the case: another role the same person
    // holds (a leader elsewhere) opens nothing here.
    const units = new Set(tasks.map((t) => t.owner_unit));
    const may =
      c.applicant_account_id === actor.accountId ||
      hasRole(actor, ...DESK_ROLES) ||
      actor.roles.some((r) => r.role === 'reviewer' && units.has(r.orgUnitCode));
    if (!may) throw new AppError(403, 'forbidden');
    await recordAudit(trx, actor, {
      action: 'pii.read',
      targetType: 'case',
      targetId: id,
      divisionCode: c.division_code,
    });
    return {
      formData: personalFields(c.form_data),
      deliveryPhone: c.delivery_choice?.post?.phone ?? null,
    };
  });
}
