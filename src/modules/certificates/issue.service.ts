import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { Actor } from '../../shared/actor.ts';
import { maskResidentId } from '../../shared/mask.ts';
import { recordAudit } from '../audit/index.ts';
import { applicationFacts, type OutboxHandler } from '../cases/index.ts';
import { itemCatalogue, type ItemDef } from '../catalogue/index.ts';
import { departmentDirectory, partyIdentity } from '../identity/index.ts';
import type { SigningKeys } from './keys.service.ts';
import { canonicalJson, encodeCompact, type CertificatePayload } from './rules/compact.ts';
import { certificateIdentifier } from './rules/identifier.ts';
import { validUntil } from './rules/validity.ts';
import { certificateType } from './types.ts';

export interface IssueInput {
  type: string;
  /** Used for a type without an entry of its own. */
  typeName?: string;
  holder: { personId?: string | null; enterpriseId?: string | null };
  /** The issuing department's key (`market-regulation`). */
  department: string;
  issuedOn: string;
  /** Overrides the type's validity rule (imported certificates). */
  validUntil?: string | null;
  /** The application's form data: the type's fields are taken from it. */
  formData?: Record<string, unknown>;
  caseId?: string | null;
  itemKey?: string | null;
}

export interface Issued {
  id: string;
  number: string;
  compact: string;
  created: boolean;
}

/**
 * Issues one certificate: identifier, canonical payload, signature by the department's key, row.
 * With a case and an item, a second call is a no-op that answers the first certificate (the
 * unique index on case and item decides, also between two processes).
 */
export async function issueCertificate(
  trx: Kysely<Database>,
  keys: SigningKeys,
  actor: Actor,
  input: IssueInput,
): Promise<Issued> {
  if (input.caseId && input.itemKey) {
    const existing = await existingFor(trx, input.caseId, input.itemKey);
    if (existing) return existing;
  }
  const type = certificateType(input.type, input.typeName);
  const holder = await partyIdentity(trx, input.holder);
  if (!holder) throw new Error('certificate holder not found');
  const dept = (await departmentDirectory(trx)).get(input.department);
  if (!dept) throw new Error(`unknown issuing department ${input.department}`);
  const issuerCode = `dept:${dept.key}`;
  const seq = await trx
    .selectNoFrom((eb) => eb.fn<string>('nextval', [eb.val('certificate_number_seq')]).as('n'))
    .executeTakeFirstOrThrow();
  const division = holder.divisionCode.slice(0, 6);
  const number = certificateIdentifier(
    type.code,
    division,
    Number(input.issuedOn.slice(0, 4)),
    Number(seq.n),
  );
  const fields: Record<string, string | number | boolean> = {};
  for (const field of type.fields) {
    const v = input.formData?.[field.element];
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean')
      fields[field.key] = v;
  }
  const until =
    input.validUntil !== undefined ? input.validUntil : validUntil(input.issuedOn, type.validity);
  const { kid } = await keys.activeKey(trx, issuerCode);
  const payload: CertificatePayload = {
    v: 1,
    kid,
    id: number,
    type: type.key,
    typeName: type.name,
    holder: {
      kind: holder.kind,
      name: holder.name,
      id: holder.kind === 'person' ? maskResidentId(holder.idNumber) : holder.idNumber,
    },
    issuer: { code: issuerCode, name: dept.name },
    issuedOn: input.issuedOn,
    validFrom: input.issuedOn,
    validUntil: until,
    fields,
  };
  const canonical = canonicalJson(payload);
  const signed = await keys.sign(trx, issuerCode, Buffer.from(canonical, 'utf8'));
  if (signed.kid !== kid) throw new Error('signing key changed while issuing');
  const row = await trx
    .insertInto('certificate')
    .values({
      number,
      type: type.key,
      type_name: type.name,
      holder_kind: holder.kind,
      holder_person_id: holder.kind === 'person' ? holder.id : null,
      holder_enterprise_id: holder.kind === 'enterprise' ? holder.id : null,
      holder_name: holder.name,
      holder_id_display: payload.holder.id,
      issuer_code: issuerCode,
      issuer_name: dept.name,
      issued_on: input.issuedOn,
      valid_from: input.issuedOn,
      valid_until: until,
      fields: JSON.stringify(fields) as never,
      payload_json: canonical,
      kid,
      signature: Buffer.from(signed.signature).toString('base64url'),
      case_id: input.caseId ?? null,
      item_key: input.itemKey ?? null,
      revoked_at: null,
      revoke_reason: null,
      revoked_by: null,
      division_code: holder.divisionCode,
    })
    .onConflict((oc) =>
      oc.columns(['case_id', 'item_key']).where('case_id', 'is not', null).doNothing(),
    )
    .returning(['id'])
    .executeTakeFirst();
  if (!row) {
    const existing = await existingFor(trx, input.caseId!, input.itemKey!);
    if (existing) return existing;
    throw new Error('certificate neither issued nor found');
  }
  await recordAudit(trx, actor, {
    action: 'certificate.issue',
    targetType: 'certificate',
    targetId: row.id,
    after: { number, type: type.key, caseId: input.caseId ?? null, kid },
    divisionCode: holder.divisionCode,
  });
  return { id: row.id, number, compact: encodeCompact(canonical, signed.signature), created: true };
}

async function existingFor(trx: Kysely<Database>, caseId: string, itemKey: string) {
  const r = await trx
    .selectFrom('certificate')
    .select(['id', 'number', 'payload_json', 'signature'])
    .where('case_id', '=', caseId)
    .where('item_key', '=', itemKey)
    .executeTakeFirst();
  return r
    ? {
        id: r.id,
        number: r.number,
        compact: encodeCompact(r.payload_json, Buffer.from(r.signature, 'base64url')),
        created: false,
      }
    : null;
}

// Made once: building an Intl.DateTimeFormat costs far more than formatting with one.
const shanghaiDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' });
const shanghaiDay = (d: Date) => shanghaiDate.format(d);

/** The name of a certificate type, from the material that asks for it, for generic entries. */
function typeNameFrom(item: ItemDef, catalogue: ReadonlyMap<string, ItemDef>, type: string) {
  for (const i of catalogue.values())
    for (const m of i.materials)
      if (m.source.kind === 'certificate' && m.source.certificateType === type) return m.name;
  return `${item.name}结果证照`;
}

/**
 * The outbox handler: when a department approves an item whose result is a certificate, the
 * certificate is issued to the applicant, once (see issueCertificate).
 */
export function certificateIssuer(
  keys: SigningKeys,
  actor: Actor,
  opts: { today?: () => Date } = {},
): OutboxHandler {
  return {
    name: 'certificate-issuer',
    topics: ['case.approve', 'case.complete'],
    async handle(trx, event) {
      const caseId = event.payload['caseId'];
      const step = event.payload['step'];
      if (typeof caseId !== 'string' || typeof step !== 'string') return;
      const facts = await applicationFacts(trx, caseId);
      const itemKey = facts?.steps.find((s) => s.key === step)?.itemKey;
      if (!facts || !itemKey) return;
      // Read through the transaction, cached by the database (one load, not one per event).
      const catalogue = await itemCatalogue(keys.db, trx);
      const item = catalogue.get(itemKey);
      if (!item || item.result.kind !== 'certificate') return;
      if (!facts.applicantPersonId && !facts.applicantEnterpriseId) return;
      const type = item.result.certificateType;
      await issueCertificate(trx, keys, actor, {
        type,
        typeName: typeNameFrom(item, catalogue, type),
        holder: { personId: facts.applicantPersonId, enterpriseId: facts.applicantEnterpriseId },
        department: item.department,
        issuedOn: shanghaiDay(opts.today?.() ?? new Date()),
        formData: facts.formData,
        caseId,
        itemKey,
      });
    },
  };
}
