import type { Kysely } from 'kysely';
import type { Database } from '../../../db/database.ts';
import type { Actor } from '../../../shared/actor.ts';
import type { MaterialDef } from '../../catalogue/index.ts';
import type { CaseMaterial } from '../cases.table.ts';

/**
 * Extension points that modules downstream of the engine fill (certificates: issuance and
 * zero-material), so that the engine never imports them.
 */

export interface OutboxEvent {
  id: number;
  topic: string;
  payload: Record<string, unknown>;
}

/**
 * Runs in the outbox transaction for each event of its topics. Delivery is at least once: a
 * handler must be idempotent. A handler that throws leaves its event for the next pass.
 */
export interface OutboxHandler {
  name: string;
  topics: readonly string[];
  handle(trx: Kysely<Database>, event: OutboxEvent): Promise<void>;
}

/**
 * Materials the platform attaches by itself when an application is started (零材料). It is
 * offered only the materials with a source other than an upload, and not called when there are
 * none; it runs in the draft's transaction.
 */
export interface MaterialSources {
  attach(
    trx: Kysely<Database>,
    actor: Actor,
    request: {
      caseId: string;
      title: string;
      applicant: { personId: string | null; enterpriseId: string | null };
      materials: readonly MaterialDef[];
    },
  ): Promise<CaseMaterial[]>;
}

/** What a downstream module may know of a case: the applicant, the form, the decided steps. */
export interface ApplicationFacts {
  id: string;
  number: string | null;
  subject: string;
  title: string;
  state: string;
  applicantPersonId: string | null;
  applicantEnterpriseId: string | null;
  applicantAccountId: string | null;
  divisionCode: string;
  formData: Record<string, unknown>;
  materials: CaseMaterial[];
  steps: { key: string; itemKey: string | null; state: string; decision: string | null }[];
}

export async function applicationFacts(
  db: Kysely<Database>,
  caseId: string,
): Promise<ApplicationFacts | null> {
  const c = await db.selectFrom('cases').selectAll().where('id', '=', caseId).executeTakeFirst();
  if (!c) return null;
  const steps = await db
    .selectFrom('task')
    .select(['step_key', 'item_key', 'state', 'decision'])
    .where('case_id', '=', caseId)
    .execute();
  return {
    id: c.id,
    number: c.number,
    subject: c.subject,
    title: c.title,
    state: c.state,
    applicantPersonId: c.applicant_person_id,
    applicantEnterpriseId: c.applicant_enterprise_id,
    applicantAccountId: c.applicant_account_id,
    divisionCode: c.division_code,
    formData: c.form_data,
    materials: c.materials,
    steps: steps.map((s) => ({
      key: s.step_key,
      itemKey: s.item_key,
      state: s.state,
      decision: s.decision,
    })),
  };
}

/** Case materials attached by the platform, per subject: the uploads zero-material saved. */
export async function attachedMaterialCounts(
  db: Kysely<Database>,
  subject: string,
): Promise<{ cases: number; attached: number }> {
  const r = await db
    .selectFrom('cases')
    .select((eb) => [
      eb.fn.countAll<string>().as('cases'),
      eb.fn
        .coalesce(
          eb.fn.sum<string>(
            eb.fn<string>('jsonb_array_length', [
              eb.fn('jsonb_path_query_array', [
                eb.ref('materials'),
                eb.val('$[*] ? (exists(@.attachedFrom))'),
              ]),
            ]),
          ),
          eb.val('0'),
        )
        .as('attached'),
    ])
    .where('subject', '=', subject)
    .where('state', '<>', 'draft')
    .executeTakeFirstOrThrow();
  return { cases: Number(r.cases), attached: Number(r.attached) };
}
