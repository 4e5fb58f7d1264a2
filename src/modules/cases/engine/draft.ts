import { randomUUID } from 'node:crypto';
import { assertRole, hasRole, type Actor } from '../../../shared/actor.ts';
import { AppError, badRequest, type ProblemDetail } from '../../../shared/app-error.ts';
import {
  catalogueWithBundle,
  evaluateCondition,
  itemCatalogue,
  servicePointByKey,
  type BundleDef,
  type ItemDef,
  type MaterialDef,
} from '../../catalogue/index.ts';
import { fileOwners, isFileId } from '../../files/index.ts';
import { applicantOnFile } from '../../identity/index.ts';
import type { Case, CaseMaterial, DeliveryChoice, Task } from '../cases.table.ts';
import { loadDefinition, storeDefinition } from '../definitions.service.ts';
import { checkDeliveryChoice } from '../rules/delivery-choice.ts';
import { keepMaskedDeliveryPhone, keepMaskedValues, stillMasked } from '../rules/personal-data.ts';
import { deriveServiceDefinition } from '../rules/derive-service-definition.ts';
import {
  type CaseChange,
  changedCase,
  checkVersion,
  lockCase,
  openReadySteps,
  record,
  todayOf,
  UNDECIDED,
  updateCase,
  waitingStep,
  type EngineDeps,
} from './context.ts';
import { resumeCase, resumeTask } from './pause.ts';

export type Subject = { kind: 'bundle'; key: string } | { kind: 'item'; key: string };

export interface StartInput {
  subject: Subject;
  formData?: Record<string, unknown> | undefined;
  /** A clerk at the counter starts a case for someone: one of these. */
  onBehalfOf?: { personId?: string | undefined; enterpriseId?: string | undefined } | undefined;
}

async function applicantOf(deps: EngineDeps, actor: Actor, input: StartInput) {
  if (actor.kind === 'person' || actor.kind === 'enterprise') {
    return {
      accountId: actor.accountId,
      personId: actor.personId,
      enterpriseId: actor.enterpriseId,
    };
  }
  assertRole(actor, 'window_clerk');
  const who = input.onBehalfOf;
  if (!who?.personId && !who?.enterpriseId) throw badRequest('validation_required', 'onBehalfOf');
  // The applicant's own account, when they have one, so the case shows on their portal too.
  const account = await deps.db
    .selectFrom('account')
    .select('id')
    .where((eb) =>
      who.enterpriseId
        ? eb('enterprise_id', '=', who.enterpriseId)
        : eb('person_id', '=', who.personId!),
    )
    .executeTakeFirst();
  return {
    accountId: account?.id ?? null,
    personId: who.personId ?? null,
    enterpriseId: who.enterpriseId ?? null,
  };
}

/** A draft kept on the server: resumable from any channel, by the applicant or at a counter. */
export async function startDraft(
  deps: EngineDeps,
  actor: Actor | null,
  input: StartInput,
): Promise<string> {
  assertRole(actor, 'applicant', 'window_clerk');
  const masked = input.formData && stillMasked(input.formData);
  if (masked) throw badRequest('personal_data_masked', `formData.${masked}`);
  const applicant = await applicantOf(deps, actor, input);
  // The applicant and the catalogue side by side: two reads, each one statement.
  const [onFile, subject] = await Promise.all([
    applicantOnFile(deps.db, actor, applicant),
    input.subject.kind === 'bundle'
      ? catalogueWithBundle(deps.db, input.subject.key)
      : itemCatalogue(deps.db).then((items) => ({ items, bundle: undefined })),
  ]);
  if (!onFile) throw badRequest('not_found', 'onBehalfOf', { what: 'applicant' });
  const { facts } = onFile;
  const catalogue = subject.items;
  const bundle: BundleDef | undefined = subject.bundle;
  let title: string;
  let titleEn: string;
  let def;
  if (bundle) {
    title = bundle.name;
    titleEn = bundle.nameEn;
    def = deriveServiceDefinition({ kind: 'bundle', bundle }, catalogue);
  } else {
    const item = catalogue.get(input.subject.key);
    if (!item) throw new AppError(404, 'not_found', { what: `item ${input.subject.key}` });
    title = item.name;
    titleEn = item.nameEn;
    def = deriveServiceDefinition({ kind: 'item', item }, catalogue);
  }
  const formKeys = new Set(
    (bundle ? bundle.items.map((r) => r.item) : [input.subject.key]).flatMap((key) =>
      Object.keys(catalogue.get(key)?.form.properties ?? {}),
    ),
  );
  const prefill = Object.fromEntries(
    Object.entries(onFile.profile).filter(([key]) => formKeys.has(key)),
  );
  // The id is made here so that the case and its first record are one statement.
  const id = randomUUID();
  // Outside the transaction, so that its id may be kept: a row stored for a draft that then
  // fails is harmless, as the next application of the same service uses it.
  const definitionId = await storeDefinition(deps.db, def);
  // Zero-material: what a certificate the applicant holds or a shared data set already proves
  // is attached now, marked so, and never asked for. Only those materials are offered; when the
  // service has none, the draft is one statement and needs no transaction around it.
  const sourced = subjectMaterials(input.subject, bundle, catalogue).filter(
    (m) => m.source.kind !== 'upload',
  );
  const sources = sourced.length ? deps.materialSources : undefined;
  const write = async (trx: EngineDeps['db']) => {
    const attached = sources
      ? await sources.attach(trx, actor, {
          caseId: id,
          title,
          applicant: { personId: applicant.personId, enterpriseId: applicant.enterpriseId },
          materials: sourced,
        })
      : [];
    const newCase = {
      ...UNDECIDED,
      id,
      kind: 'service_application' as const,
      definition_id: definitionId,
      subject: `${input.subject.kind}:${input.subject.key}`,
      title,
      title_en: titleEn || null,
      state: 'draft' as const,
      applicant_account_id: applicant.accountId,
      applicant_person_id: applicant.personId,
      applicant_enterprise_id: applicant.enterpriseId,
      applicant_name: facts.name,
      applicant_street_code: facts.streetCode,
      requester_unit: null,
      target_unit: null,
      intake_unit: null,
      parent_case_id: null,
      form_data: JSON.stringify({ ...prefill, ...input.formData }) as unknown as Record<
        string,
        unknown
      >,
      materials: JSON.stringify(attached) as unknown as CaseMaterial[],
      channel: actor.channel,
      submitted_at: null,
      accepted_on: null,
      division_code: facts.divisionCode,
    };
    const row = {
      id,
      division_code: facts.divisionCode,
      number: null,
      applicant_account_id: applicant.accountId,
      title,
    };
    await record(
      trx,
      deps,
      actor,
      row,
      null,
      'draft',
      { subject: `${input.subject.kind}:${input.subject.key}` },
      { newCase, last: true },
    );
    return id;
  };
  return sources ? deps.db.transaction().execute(write) : write(deps.db);
}

/**
 * The materials an application may ask for, each once. A certificate that an item of the same
 * bundle issues on the way is never asked for, but is still attached when the applicant already
 * holds one (the later item's department then reviews with it).
 */
function subjectMaterials(
  subject: Subject,
  bundle: BundleDef | undefined,
  catalogue: ReadonlyMap<string, ItemDef>,
): MaterialDef[] {
  const out = new Map<string, MaterialDef>();
  for (const key of bundle ? bundle.items.map((r) => r.item) : [subject.key])
    for (const m of catalogue.get(key)?.materials ?? []) if (!out.has(m.key)) out.set(m.key, m);
  return [...out.values()];
}

/** Only the applicant, or a window clerk serving them, touches a case's application. */
export function assertApplicantSide(actor: Actor, c: Case) {
  if (c.applicant_account_id && c.applicant_account_id === actor.accountId) return;
  if (hasRole(actor, 'window_clerk')) return;
  throw new AppError(403, 'forbidden');
}

export interface SaveInput {
  version: number;
  formData?: Record<string, unknown> | undefined;
  materials?: CaseMaterial[] | undefined;
  deliveryChoice?: DeliveryChoice | undefined;
}

/** The choice as stored, or a 400 naming every gap (a postal address) or an unknown point. */
async function deliveryChoiceOf(db: EngineDeps['db'], input: DeliveryChoice) {
  const checked = checkDeliveryChoice(input);
  if (!checked.ok) {
    throw new AppError(
      400,
      'case_incomplete',
      { count: checked.problems.length },
      checked.problems[0]!.field,
      checked.problems,
    );
  }
  const point = checked.choice.servicePoint;
  if (point && !(await servicePointByKey(db, point)))
    throw badRequest('service_point_unknown', 'deliveryChoice.servicePoint');
  return checked.choice;
}

export async function saveDraft(
  deps: EngineDeps,
  actor: Actor | null,
  caseId: string,
  input: SaveInput,
) {
  assertRole(actor, 'applicant', 'window_clerk');
  await deps.db.transaction().execute(async (trx) => {
    const c = await lockCase(trx, caseId);
    assertApplicantSide(actor, c);
    checkVersion('case', c.version, input.version);
    if (c.state !== 'draft' && c.state !== 'correction') {
      throw new AppError(409, 'case_not_editable', { state: c.state });
    }
    if (input.materials) await checkUploads(trx, actor, c, input.materials);
    // Staff are shown resident IDs and phone numbers masked; sent back unchanged, they stay.
    const given = input.formData && keepMaskedValues(c.form_data, input.formData);
    const masked = given && stillMasked(given);
    if (masked) throw badRequest('personal_data_masked', `formData.${masked}`);
    const mergedForm = given && { ...c.form_data, ...given };
    const choice =
      input.deliveryChoice &&
      (await deliveryChoiceOf(
        trx,
        keepMaskedDeliveryPhone(c.delivery_choice, input.deliveryChoice),
      ));
    const set: CaseChange = {
      ...(choice ? { delivery_choice: JSON.stringify(choice) as unknown as DeliveryChoice } : {}),
      ...(input.formData
        ? {
            form_data: JSON.stringify(mergedForm) as unknown as Record<string, unknown>,
          }
        : {}),
      ...(input.materials
        ? {
            // Materials attached by the platform stay unless the applicant gives their own.
            materials: JSON.stringify(
              keepAttached(c.materials, input.materials),
            ) as unknown as CaseMaterial[],
          }
        : {}),
      channel: c.state === 'draft' ? actor.channel : c.channel,
    };
    await record(
      trx,
      deps,
      actor,
      c,
      null,
      'save',
      {
        fields: Object.keys(input.formData ?? {}),
        ...(choice ? { deliveryChoice: choice.method } : {}),
      },
      { caseChange: { c, set }, last: true },
    );
  });
}

/**
 * An uploaded file cited as a material must be the applicant's own upload, or one the clerk
 * saving it uploaded for them; a file the case already cites stays (the applicant may save
 * what a clerk uploaded at the counter). A reference that is not a file id is a name typed
 * before uploads existed (demo data, older drafts) or a paper original's description.
 */
async function checkUploads(
  db: EngineDeps['db'],
  actor: Actor,
  c: Case,
  given: readonly CaseMaterial[],
) {
  const cited = new Set(c.materials.map((m) => m.reference));
  const fresh = given
    .map((m, i) => ({ m, i }))
    .filter(({ m }) => m.source === 'upload' && isFileId(m.reference) && !cited.has(m.reference));
  if (!fresh.length) return;
  const owners = await fileOwners(
    db,
    fresh.map(({ m }) => m.reference!),
  );
  const allowed = new Set([
    c.applicant_account_id,
    hasRole(actor, 'window_clerk') ? actor.accountId : null,
  ]);
  for (const { m, i } of fresh) {
    const owner = owners.get(m.reference!);
    if (!owner || !allowed.has(owner))
      throw badRequest('file_reference_invalid', `materials[${i}].reference`);
  }
}

/**
 * A save replaces the materials, but what the platform attached stays unless the applicant
 * gives another document of that type; only the server marks a material as attached.
 */
function keepAttached(current: CaseMaterial[], given: CaseMaterial[]): CaseMaterial[] {
  const attached = current.filter((m) => m.attachedFrom);
  const out = given.map((g) => {
    const same = attached.find((m) => m.key === g.key && m.reference === g.reference);
    if (same) return same;
    const { attachedFrom: _ignored, ...plain } = g;
    return plain;
  });
  for (const m of attached) if (!given.some((g) => g.key === m.key)) out.push(m);
  return out;
}

/** Every missing or malformed field and material at once (一次告知), never just the first. */
export function missingForSubmission(
  subject: { bundle?: BundleDef; item?: ItemDef },
  catalogue: ReadonlyMap<string, ItemDef>,
  formData: Record<string, unknown>,
  materials: readonly CaseMaterial[],
): ProblemDetail[] {
  const refs = subject.bundle ? subject.bundle.items : [{ item: subject.item!.key }];
  const problems: ProblemDetail[] = [];
  const seenFields = new Set<string>();
  const seenMaterials = new Set<string>();
  const have = new Set(materials.map((m) => m.key));
  // A certificate that an item of this bundle issues on the way is never asked for.
  const issuer = new Map<string, string>();
  for (const ref of refs) {
    const result = catalogue.get(ref.item)?.result;
    if (result?.kind === 'certificate') issuer.set(result.certificateType, ref.item);
  }
  for (const ref of refs) {
    if ('when' in ref && ref.when && !evaluateCondition(ref.when, formData)) continue;
    const item = catalogue.get(ref.item);
    if (!item) continue;
    for (const [key, prop] of Object.entries(item.form.properties)) {
      if (seenFields.has(key)) continue;
      const value = formData[key];
      const empty = value === undefined || value === null || value === '';
      if (empty) {
        if (item.form.required.includes(key)) {
          seenFields.add(key);
          problems.push({ code: 'validation_required', field: `formData.${key}` });
        }
        continue;
      }
      const typeOk =
        prop.type === 'string'
          ? typeof value === 'string'
          : prop.type === 'boolean'
            ? typeof value === 'boolean'
            : prop.type === 'integer'
              ? Number.isInteger(value)
              : typeof value === 'number' && Number.isFinite(value);
      if (!typeOk) {
        seenFields.add(key);
        problems.push({
          code: 'validation_type',
          field: `formData.${key}`,
          params: { type: prop.type },
        });
      } else if (prop.enum && !prop.enum.includes(value as string | number)) {
        seenFields.add(key);
        problems.push({
          code: 'validation_enum',
          field: `formData.${key}`,
          params: { allowed: prop.enum.join(', ') },
        });
      }
    }
    for (const m of item.materials) {
      if (seenMaterials.has(m.key) || have.has(m.key)) continue;
      const by = m.source.kind === 'certificate' ? issuer.get(m.source.certificateType) : undefined;
      if (by && by !== item.key) continue;
      const needed =
        m.requirement === 'required' ||
        (m.requirement === 'conditional' &&
          m.condition &&
          evaluateCondition(m.condition, formData));
      if (needed) {
        seenMaterials.add(m.key);
        problems.push({
          code: 'material_missing',
          field: `materials.${m.key}`,
          params: { name: m.name },
        });
      }
    }
  }
  return problems;
}

/**
 * Hands the application in: checked as a whole, then the tasks are laid out and intake opens at
 * every window. After a correction, the same call hands it back and the paused step resumes.
 */
export async function submit(
  deps: EngineDeps,
  actor: Actor | null,
  caseId: string,
  input: { version: number },
) {
  assertRole(actor, 'applicant', 'window_clerk');
  await deps.db.transaction().execute(async (trx) => {
    const c = await lockCase(trx, caseId);
    assertApplicantSide(actor, c);
    checkVersion('case', c.version, input.version);
    if (c.state !== 'draft' && c.state !== 'correction') {
      throw new AppError(409, 'case_not_editable', { state: c.state });
    }
    const [kind, key] = c.subject.split(':') as ['bundle' | 'item', string];
    // The catalogue checked current and the bundle read in one round trip.
    const { items: catalogue, bundle } =
      kind === 'bundle'
        ? await catalogueWithBundle(deps.db, key, trx)
        : { items: await itemCatalogue(deps.db, trx), bundle: undefined };
    const subject = bundle ? { bundle } : { item: catalogue.get(key)! };
    const problems = missingForSubmission(subject, catalogue, c.form_data, c.materials);
    if (problems.length) {
      throw new AppError(
        400,
        'case_incomplete',
        { count: problems.length },
        problems[0]!.field,
        problems,
      );
    }
    const def = await loadDefinition(trx, c.definition_id);
    const today = todayOf(deps);
    if (c.state === 'draft') {
      // The steps are inserted as they start, the first ones already open, with the case's
      // change and the record: one statement. Their ids are made here for that.
      const waiting: Task[] = def.steps.map((s) => ({
        ...waitingStep(c, s),
        id: randomUUID(),
        version: 1,
        updated_at: new Date(),
      }));
      const set: CaseChange = {
        state: 'submitted',
        submitted_at: new Date(),
        channel: actor.channel,
        // Not chosen (an API client, an older draft): collected where the case is accepted.
        ...(c.delivery_choice
          ? {}
          : { delivery_choice: JSON.stringify({ method: 'pickup' }) as unknown as DeliveryChoice }),
      };
      const { changes, skipped } = await openReadySteps(
        trx,
        deps,
        changedCase(c, set),
        def,
        { itemDepartment: (i) => itemDepartment(catalogue, i) },
        waiting,
        true,
      );
      const opening = new Map(changes.map((o) => [o.task.id, o.set]));
      const skipping = new Set(skipped.map((t) => t.id));
      const newTasks = waiting.map((t) =>
        skipping.has(t.id) ? { ...t, state: 'skipped' as const } : { ...t, ...opening.get(t.id) },
      );
      await record(
        trx,
        deps,
        actor,
        c,
        null,
        'submit',
        {},
        { caseChange: { c, set }, newTasks, last: true },
      );
      return;
    }
    // A correction answered: the step that asked resumes, its clock moved on by the pause.
    const paused = await trx
      .selectFrom('task')
      .selectAll()
      .where('case_id', '=', c.id)
      .where('state', '=', 'paused')
      .where('paused_by', '=', 'request_correction')
      .forUpdate()
      .execute();
    for (const t of paused) await resumeTask(trx, deps, t, today);
    const caseResume = await resumeCase(deps, c, today);
    await updateCase(trx, c, {
      ...caseResume,
      state: c.accepted_on ? 'in_review' : 'submitted',
      correction: null,
      submitted_at: new Date(),
    });
    await record(trx, deps, actor, c, paused[0] ?? null, 'resubmit', {}, { last: true });
  });
}

export const itemDepartment = (catalogue: ReadonlyMap<string, ItemDef>, item: string) => {
  const d = catalogue.get(item)?.department;
  return d ? `dept:${d}` : undefined;
};
