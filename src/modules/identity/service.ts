import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import { assertRole, hasRole, type Actor } from '../../shared/actor.ts';
import { AppError, badRequest, notFound } from '../../shared/app-error.ts';
import { maskPhone, maskResidentId } from '../../shared/mask.ts';
import { auditRow, recordAudit } from '../audit/index.ts';
import { checkResidentId } from './rules/resident-id.ts';
import { checkUscc } from './rules/uscc.ts';
import type { OrgUnitKind } from './tables/org-unit.table.ts';

export interface Page {
  limit: number;
  offset: number;
}

export interface OrgUnitRef {
  id: string;
  name: string;
  nameEn: string;
  kind: OrgUnitKind;
}

export async function listOrgUnits(
  db: Kysely<Database>,
  q: Page & {
    kind?: OrgUnitKind | undefined;
    parentId?: string | undefined;
    q?: string | undefined;
  },
) {
  let query = db.selectFrom('org_unit');
  if (q.kind) query = query.where('kind', '=', q.kind);
  if (q.parentId) query = query.where('parent_id', '=', q.parentId);
  if (q.q)
    query = query.where((eb) => eb.or([eb('name', 'like', `%${q.q}%`), eb('code', '=', q.q!)]));
  const [rows, count] = await Promise.all([
    query
      .select(['id', 'parent_id', 'kind', 'code', 'division_code', 'name', 'name_en', 'short_name'])
      .orderBy('sort_order')
      .orderBy('code')
      .limit(q.limit)
      .offset(q.offset)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    data: rows.map((r) => ({
      id: r.id,
      parentId: r.parent_id,
      kind: r.kind,
      code: r.code,
      divisionCode: r.division_code,
      name: r.name,
      nameEn: r.name_en,
      shortName: r.short_name,
    })),
    total: Number(count.n),
  };
}

export async function getOrgUnitRef(db: Kysely<Database>, id: string): Promise<OrgUnitRef | null> {
  const r = await db
    .selectFrom('org_unit')
    .select(['id', 'name', 'name_en', 'kind'])
    .where('id', '=', id)
    .executeTakeFirst();
  return r ? { id: r.id, name: r.name, nameEn: r.name_en, kind: r.kind } : null;
}

/** The unit and all its ancestors, nearest first: roles held higher up apply below. */
export async function orgUnitAncestry(db: Kysely<Database>, id: string): Promise<string[]> {
  const rows = await db
    .withRecursive('up(id, parent_id, depth)', (qb) =>
      qb
        .selectFrom('org_unit')
        .select(['id', 'parent_id', (eb) => eb.val(0).as('depth')])
        .where('id', '=', id)
        .unionAll((qb2) =>
          qb2
            .selectFrom('org_unit as o')
            .innerJoin('up', 'up.parent_id', 'o.id')
            .select(['o.id', 'o.parent_id', (eb) => eb('up.depth', '+', 1).as('depth')]),
        ),
    )
    .selectFrom('up')
    .select('id')
    .orderBy('depth')
    .execute();
  return rows.map((r) => r.id);
}

export async function me(db: Kysely<Database>, actor: Actor) {
  const account = await db
    .selectFrom('account')
    .select(['id', 'username', 'display_name', 'kind', 'org_unit_id', 'locale', 'elder_mode'])
    .where('id', '=', actor.accountId)
    .executeTakeFirst();
  if (!account) throw new AppError(401, 'unauthenticated');
  const units = new Map<string, OrgUnitRef>();
  const ids = [
    ...new Set([account.org_unit_id, ...actor.roles.map((r) => r.orgUnitId)].filter(Boolean)),
  ];
  if (ids.length) {
    const rows = await db
      .selectFrom('org_unit')
      .select(['id', 'name', 'name_en', 'kind'])
      .where('id', 'in', ids as string[])
      .execute();
    for (const r of rows)
      units.set(r.id, { id: r.id, name: r.name, nameEn: r.name_en, kind: r.kind });
  }
  return {
    id: account.id,
    username: account.username,
    displayName: account.display_name,
    kind: account.kind,
    locale: account.locale,
    elderMode: account.elder_mode,
    orgUnit: account.org_unit_id ? (units.get(account.org_unit_id) ?? null) : null,
    roles: actor.roles.map((r) => ({ role: r.role, orgUnit: units.get(r.orgUnitId)! })),
  };
}

// ---- persons and enterprises -------------------------------------------------------------

const PII_READERS = ['window_clerk', 'reviewer', 'supervisor', 'admin'] as const;

export function validateResidentId(value: string, field: string): string {
  const r = checkResidentId(value);
  if (!r.ok) throw badRequest(`resident_id_${r.problem}`, field);
  return r.value;
}

export function validateUscc(value: string, field: string): string {
  const r = checkUscc(value);
  if (!r.ok) throw badRequest(`uscc_${r.problem}`, field);
  return r.value;
}

export interface NewPerson {
  residentId: string;
  name: string;
  phone?: string | undefined;
  streetId?: string | undefined;
  address?: string | undefined;
}

export async function createPerson(db: Kysely<Database>, actor: Actor | null, input: NewPerson) {
  assertRole(actor, 'window_clerk', 'admin');
  const residentId = validateResidentId(input.residentId, 'residentId');
  if (input.phone !== undefined && !/^1[3-9]\d{9}$/.test(input.phone))
    throw badRequest('phone_invalid', 'phone');
  let divisionCode = residentId.slice(0, 6);
  if (input.streetId) {
    const street = await db
      .selectFrom('org_unit')
      .select(['division_code', 'kind'])
      .where('id', '=', input.streetId)
      .executeTakeFirst();
    if (!street || (street.kind !== 'subdistrict' && street.kind !== 'town')) {
      throw badRequest('org_unit_parent_invalid', 'streetId');
    }
    divisionCode = street.division_code;
  }
  return db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom('person')
      .select('id')
      .where('resident_id', '=', residentId)
      .executeTakeFirst();
    if (existing) throw new AppError(409, 'duplicate', { what: 'residentId' }, 'residentId');
    const row = await trx
      .insertInto('person')
      .values({
        resident_id: residentId,
        name: input.name,
        phone: input.phone ?? null,
        street_id: input.streetId ?? null,
        division_code: divisionCode,
        address: input.address ?? null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, {
      action: 'person.create',
      targetType: 'person',
      targetId: row.id,
      after: row,
      divisionCode,
    });
    return maskedPerson(row);
  });
}

function maskedPerson(r: {
  id: string;
  name: string;
  resident_id: string;
  phone: string | null;
  division_code: string;
}) {
  return {
    id: r.id,
    name: r.name,
    residentId: maskResidentId(r.resident_id),
    phone: r.phone ? maskPhone(r.phone) : null,
    divisionCode: r.division_code,
  };
}

/** Lists never carry full identifiers (PIPL: the minimum needed). */
export async function listPersons(
  db: Kysely<Database>,
  actor: Actor | null,
  q: Page & { name?: string | undefined },
) {
  assertRole(actor, ...PII_READERS);
  let query = db.selectFrom('person');
  if (q.name) query = query.where('name', 'like', `%${q.name}%`);
  const [rows, count] = await Promise.all([
    query
      .selectAll()
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .limit(q.limit)
      .offset(q.offset)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { data: rows.map(maskedPerson), total: Number(count.n) };
}

/** The full record: a read of personal data, so it is audited like a change. */
export async function getPerson(db: Kysely<Database>, actor: Actor | null, id: string) {
  assertRole(actor, ...PII_READERS, 'applicant');
  if (!hasRole(actor, ...PII_READERS) && actor.personId !== id)
    throw new AppError(403, 'forbidden');
  return db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('person').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound('person');
    await recordAudit(trx, actor, {
      action: 'pii.read',
      targetType: 'person',
      targetId: id,
      divisionCode: row.division_code,
    });
    return {
      id: row.id,
      name: row.name,
      residentId: row.resident_id,
      phone: row.phone,
      streetId: row.street_id,
      divisionCode: row.division_code,
      address: row.address,
    };
  });
}

export interface NewEnterprise {
  uscc: string;
  name: string;
  legalRepresentative: string;
  streetId?: string | undefined;
  address?: string | undefined;
}

export async function createEnterprise(
  db: Kysely<Database>,
  actor: Actor | null,
  input: NewEnterprise,
) {
  assertRole(actor, 'window_clerk', 'admin', 'cadre');
  const uscc = validateUscc(input.uscc, 'uscc');
  return db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom('enterprise')
      .select('id')
      .where('uscc', '=', uscc)
      .executeTakeFirst();
    if (existing) throw new AppError(409, 'duplicate', { what: 'uscc' }, 'uscc');
    const row = await trx
      .insertInto('enterprise')
      .values({
        uscc,
        name: input.name,
        legal_representative: input.legalRepresentative,
        street_id: input.streetId ?? null,
        division_code: uscc.slice(2, 8),
        address: input.address ?? null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, {
      action: 'enterprise.create',
      targetType: 'enterprise',
      targetId: row.id,
      after: row,
      divisionCode: row.division_code,
    });
    return enterpriseView(row);
  });
}

function enterpriseView(r: {
  id: string;
  uscc: string;
  name: string;
  legal_representative: string;
  division_code: string;
}) {
  return {
    id: r.id,
    uscc: r.uscc,
    name: r.name,
    legalRepresentative: r.legal_representative,
    divisionCode: r.division_code,
  };
}

export async function listEnterprises(
  db: Kysely<Database>,
  q: Page & { name?: string | undefined },
) {
  let query = db.selectFrom('enterprise');
  if (q.name) query = query.where('name', 'like', `%${q.name}%`);
  const [rows, count] = await Promise.all([
    query.selectAll().orderBy('name').limit(q.limit).offset(q.offset).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { data: rows.map(enterpriseView), total: Number(count.n) };
}

export interface DepartmentRef {
  id: string;
  key: string;
  name: string;
  nameEn: string;
}

/** Departments by their key (`market-regulation`), for modules that name a department. */
export async function departmentDirectory(
  db: Kysely<Database>,
): Promise<Map<string, DepartmentRef>> {
  const rows = await db
    .selectFrom('org_unit')
    .select(['id', 'code', 'name', 'name_en'])
    .where('kind', '=', 'department')
    .execute();
  return new Map(
    rows.map((r) => {
      const key = r.code.replace(/^dept:/, '');
      return [key, { id: r.id, key, name: r.name, nameEn: r.name_en }];
    }),
  );
}

/** Streets and towns by division code, with their parent-less facts, for routing and lookups. */
export async function streetDirectory(db: Kysely<Database>) {
  const rows = await db
    .selectFrom('org_unit')
    .select(['id', 'code', 'name', 'name_en', 'kind'])
    .where('kind', 'in', ['subdistrict', 'town'])
    .execute();
  return new Map(
    rows.map((r) => [r.code, { id: r.id, code: r.code, name: r.name, nameEn: r.name_en }]),
  );
}

export interface UnitByCode {
  id: string;
  code: string;
  name: string;
  nameEn: string;
  kind: OrgUnitKind;
  parentCode: string | null;
}

/** Accounts' display names by id: timelines say who acted in words, not by login name. */
export async function accountNames(
  db: Kysely<Database>,
  ids: readonly string[],
): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await db
    .selectFrom('account')
    .select(['id', 'display_name'])
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, r.display_name]));
}

/** Org units by their stable code (what process definitions and tasks refer to). */
export async function orgUnitsByCode(
  db: Kysely<Database>,
  codes: readonly string[],
): Promise<Map<string, UnitByCode>> {
  if (!codes.length) return new Map();
  const rows = await unitRows(db)
    .where('u.code', 'in', [...new Set(codes)])
    .execute();
  return new Map(rows.map((r) => [r.code, unitOf(r)]));
}

/** Units with their parent's code: what `UnitByCode` is built from. */
const unitRows = (db: Kysely<Database>) =>
  db
    .selectFrom('org_unit as u')
    .leftJoin('org_unit as p', 'p.id', 'u.parent_id')
    .select(['u.id', 'u.code', 'u.name', 'u.name_en', 'u.kind', 'p.code as parent_code']);

const unitOf = (r: {
  id: string;
  code: string;
  name: string;
  name_en: string;
  kind: OrgUnitKind;
  parent_code: string | null;
}): UnitByCode => ({
  id: r.id,
  code: r.code,
  name: r.name,
  nameEn: r.name_en,
  kind: r.kind,
  parentCode: r.parent_code,
});

const NAMED_KINDS: OrgUnitKind[] = ['district', 'subdistrict', 'town', 'department'];
/** How long a process keeps the unit directory before it reads it again. */
export const UNIT_DIRECTORY_TTL_MS = 60_000;

interface DirectoryEntry {
  at: number;
  units?: Map<string, UnitByCode>;
  loading?: Promise<Map<string, UnitByCode>> | undefined;
}
const directories = new WeakMap<object, DirectoryEntry>();

/**
 * The district, its streets and towns and its departments by code: what a reader that names
 * what it counts (a KPI set) needs before it knows which. Only the seed writes org units, so
 * a process keeps the directory for a minute. In its second minute a caller gets the copy in
 * hand while a reload runs, so a busy dashboard never waits on it; an older copy is not handed
 * out. A unit renamed in the database by hand shows within two minutes.
 */
export async function unitDirectory(
  db: Kysely<Database>,
  now = Date.now(),
): Promise<Map<string, UnitByCode>> {
  let entry = directories.get(db);
  if (!entry) directories.set(db, (entry = { at: 0 }));
  const e = entry;
  const age = now - e.at;
  if (age >= UNIT_DIRECTORY_TTL_MS && !e.loading)
    e.loading = unitRows(db)
      .where('u.kind', 'in', NAMED_KINDS)
      .execute()
      .then((rows) => {
        e.units = new Map(rows.map((r) => [r.code, unitOf(r)]));
        e.at = now;
        return e.units;
      })
      .finally(() => (e.loading = undefined));
  if (!e.units || age >= 2 * UNIT_DIRECTORY_TTL_MS) return e.loading ?? e.units!;
  // A failed reload leaves the copy in hand; the next caller tries again.
  e.loading?.catch(() => {});
  return e.units;
}

/** What a case needs to know about its applicant: the name, and the street for routing. */
export async function applicantFacts(
  db: Kysely<Database>,
  who: { personId?: string | null; enterpriseId?: string | null },
): Promise<{ name: string; streetCode: string | null; divisionCode: string } | null> {
  if (who.enterpriseId) {
    const e = await db
      .selectFrom('enterprise as e')
      .leftJoin('org_unit as s', 's.id', 'e.street_id')
      .select(['e.name', 's.code as street_code', 'e.division_code'])
      .where('e.id', '=', who.enterpriseId)
      .executeTakeFirst();
    return e ? { name: e.name, streetCode: e.street_code, divisionCode: e.division_code } : null;
  }
  if (who.personId) {
    const p = await db
      .selectFrom('person as p')
      .leftJoin('org_unit as s', 's.id', 'p.street_id')
      .select(['p.name', 's.code as street_code', 'p.division_code'])
      .where('p.id', '=', who.personId)
      .executeTakeFirst();
    return p ? { name: p.name, streetCode: p.street_code, divisionCode: p.division_code } : null;
  }
  return null;
}

export interface ApplicantOnFile {
  facts: { name: string; streetCode: string | null; divisionCode: string };
  /** Keyed by the catalogue's data elements ('applicant.resident_id'), to prefill a form. */
  profile: Record<string, string>;
}

/**
 * An applicant's facts (`applicantFacts`) and what the register already knows of them, keyed by
 * the catalogue's data elements, so that a new application starts filled in (no one types their
 * own ID number twice); null when there is no such applicant. One statement, which also writes
 * the audit row that reading a person's full resident ID and phone requires: the read and its
 * audit cannot come apart.
 */
export async function applicantOnFile(
  db: Kysely<Database>,
  actor: Actor,
  who: { personId?: string | null; enterpriseId?: string | null },
): Promise<ApplicantOnFile | null> {
  if (who.enterpriseId) {
    const e = await db
      .selectFrom('enterprise as e')
      .leftJoin('org_unit as s', 's.id', 'e.street_id')
      .select(['e.name', 's.code as street_code', 'e.division_code', 'e.uscc'])
      .select('e.legal_representative')
      .where('e.id', '=', who.enterpriseId)
      .executeTakeFirst();
    if (!e) return null;
    return {
      facts: { name: e.name, streetCode: e.street_code, divisionCode: e.division_code },
      profile: {
        'enterprise.name': e.name,
        'enterprise.uscc': e.uscc,
        'enterprise.legal_representative': e.legal_representative,
      },
    };
  }
  if (!who.personId) return null;
  const audit = auditRow(actor, {
    action: 'pii.read',
    targetType: 'person',
    targetId: who.personId,
    after: { purpose: 'prefill_application' },
  });
  const r = await sql<{
    name: string;
    street_code: string | null;
    division_code: string;
    resident_id: string;
    phone: string | null;
  }>`
    with p as (
      select p.name, s.code as street_code, p.division_code, p.resident_id, p.phone
        from person p left join org_unit s on s.id = p.street_id
       where p.id = ${who.personId}
    ), audited as (
      insert into audit_entry (actor_id, actor_label, action, target_type, target_id, request_id,
                               before_digest, after_digest, division_code)
      select ${audit.actor_id}::uuid, ${audit.actor_label}::text, ${audit.action}::text,
             ${audit.target_type}::text, ${audit.target_id}::text, ${audit.request_id}::text,
             ${audit.before_digest}::text, ${audit.after_digest}::text, p.division_code
        from p
    )
    select * from p`.execute(db);
  const p = r.rows[0];
  if (!p) return null;
  return {
    facts: { name: p.name, streetCode: p.street_code, divisionCode: p.division_code },
    profile: {
      'applicant.name': p.name,
      'applicant.resident_id': p.resident_id,
      ...(p.phone ? { 'applicant.phone': p.phone } : {}),
    },
  };
}

/** A person by resident ID (the counter's search): an audited read of personal data. */
export async function findPersonByResidentId(
  db: Kysely<Database>,
  actor: Actor,
  residentId: string,
) {
  assertRole(actor, 'window_clerk', 'reviewer', 'supervisor', 'admin');
  const row = await db
    .selectFrom('person')
    .select(['id', 'name', 'division_code'])
    .where('resident_id', '=', residentId)
    .executeTakeFirst();
  if (row) {
    await recordAudit(db, actor, {
      action: 'pii.lookup',
      targetType: 'person',
      targetId: row.id,
      divisionCode: row.division_code,
    });
  }
  return row ?? null;
}

/**
 * Who a person or an enterprise is, for a document issued to them (an e-certificate): the name
 * and the identifier (resident ID or USCC). Callers must not put a full resident ID in a list or
 * a log.
 */
export async function partyIdentity(
  db: Kysely<Database>,
  who: { personId?: string | null; enterpriseId?: string | null },
): Promise<{
  kind: 'person' | 'enterprise';
  id: string;
  name: string;
  idNumber: string;
  divisionCode: string;
} | null> {
  if (who.enterpriseId) {
    const e = await db
      .selectFrom('enterprise')
      .select(['id', 'name', 'uscc', 'division_code'])
      .where('id', '=', who.enterpriseId)
      .executeTakeFirst();
    return e
      ? {
          kind: 'enterprise',
          id: e.id,
          name: e.name,
          idNumber: e.uscc,
          divisionCode: e.division_code,
        }
      : null;
  }
  if (who.personId) {
    const p = await db
      .selectFrom('person')
      .select(['id', 'name', 'resident_id', 'division_code'])
      .where('id', '=', who.personId)
      .executeTakeFirst();
    return p
      ? {
          kind: 'person',
          id: p.id,
          name: p.name,
          idNumber: p.resident_id,
          divisionCode: p.division_code,
        }
      : null;
  }
  return null;
}

export interface CardHolder {
  personId: string;
  accountId: string;
  name: string;
  divisionCode: string;
}

/**
 * The person an ID card read at a kiosk names, with their applicant account: an audited read of
 * personal data. A card read by a reader carries the holder's name from the card's chip, so a
 * resident who is not yet on file is registered from it (with an applicant account that has no
 * password: it can only be used from a kiosk or after a password is set at a counter). A bare
 * number (a keyboard-wedge read) registers nobody: null when the person is not on file.
 */
export async function cardHolder(
  db: Kysely<Database>,
  by: Actor,
  card: { residentId: string; name: string | null },
): Promise<CardHolder | null> {
  const residentId = validateResidentId(card.residentId, 'residentId');
  return db.transaction().execute(async (trx) => {
    let person = await trx
      .selectFrom('person')
      .select(['id', 'name', 'division_code'])
      .where('resident_id', '=', residentId)
      .executeTakeFirst();
    if (!person) {
      if (!card.name) return null;
      person = await trx
        .insertInto('person')
        .values({
          resident_id: residentId,
          name: card.name,
          phone: null,
          street_id: null,
          division_code: residentId.slice(0, 6),
          address: null,
        })
        .returning(['id', 'name', 'division_code'])
        .executeTakeFirstOrThrow();
      await recordAudit(trx, by, {
        action: 'person.create',
        targetType: 'person',
        targetId: person.id,
        after: { name: person.name, residentId: maskResidentId(residentId) },
        divisionCode: person.division_code,
      });
    } else {
      await recordAudit(trx, by, {
        action: 'pii.card_read',
        targetType: 'person',
        targetId: person.id,
        divisionCode: person.division_code,
      });
    }
    let account = await trx
      .selectFrom('account')
      .select('id')
      .where('person_id', '=', person.id)
      .where('kind', '=', 'person')
      .orderBy('created_at')
      .executeTakeFirst();
    if (!account) {
      const district = await trx
        .selectFrom('org_unit')
        .select('id')
        .where('kind', '=', 'district')
        .executeTakeFirstOrThrow();
      account = await trx
        .insertInto('account')
        .values({
          // A readable, unique login name that does not carry the resident ID.
          username: `person-${person.id.slice(0, 8)}`,
          password_hash: '',
          display_name: person.name,
          kind: 'person',
          org_unit_id: null,
          person_id: person.id,
          enterprise_id: null,
          division_code: person.division_code,
          disabled_at: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('role_grant')
        .values({ account_id: account.id, role: 'applicant', org_unit_id: district.id })
        .execute();
      await recordAudit(trx, by, {
        action: 'account.create',
        targetType: 'account',
        targetId: account.id,
        divisionCode: person.division_code,
      });
    }
    return {
      personId: person.id,
      accountId: account.id,
      name: person.name,
      divisionCode: person.division_code,
    };
  });
}

/** The signed-in user's own preferences: language and elder mode (长辈版). */
export async function setPreferences(
  db: Kysely<Database>,
  actor: Actor,
  input: { elderMode?: boolean | undefined; locale?: 'zh-CN' | 'en-US' | undefined },
): Promise<void> {
  const set: { elder_mode?: boolean; locale?: string } = {};
  if (input.elderMode !== undefined) set.elder_mode = input.elderMode;
  if (input.locale !== undefined) set.locale = input.locale;
  if (!Object.keys(set).length) return;
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('account').set(set).where('id', '=', actor.accountId).execute();
    await recordAudit(trx, actor, {
      action: 'account.preferences',
      targetType: 'account',
      targetId: actor.accountId,
      after: set,
    });
  });
}
