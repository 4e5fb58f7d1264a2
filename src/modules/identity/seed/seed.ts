import type { Kysely } from 'kysely';
import type { Database } from '../../../db/database.ts';
import { SYSTEM_ACTOR } from '../../../shared/actor.ts';
import { recordAudit } from '../../audit/index.ts';
import { hashPassword } from '../passwords.ts';
import { residentIdCheckCharacter } from '../rules/resident-id.ts';
import { usccCheckCharacter } from '../rules/uscc.ts';
import type { AccountKind, Role } from '../tables/account.table.ts';
import { XIHU_DEPARTMENTS } from './data/xihu-departments.ts';
import { XIHU_COMMUNITIES, XIHU_STREETS } from './data/xihu-divisions.ts';

export const DISTRICT = { code: '330106', name: '西湖区', nameEn: 'Xihu District' };
export const DEMO_PASSWORD = 'OneTrip@2026';

const withCheck = (first17: string) => first17 + residentIdCheckCharacter(first17);
const withUsccCheck = (first17: string) => first17 + usccCheckCharacter(first17);

/** Demo people: resident IDs are synthetic but valid (Xihu region code, real check digits). */
export const DEMO_PERSONS = [
  {
    key: 'zhangsan',
    name: '张三',
    residentId: withCheck('33010619900307123'),
    phone: '13805710001',
    street: '330106013',
  },
  {
    key: 'lisi',
    name: '李四',
    residentId: withCheck('33010619851112004'),
    phone: '13905710002',
    street: '330106109',
  },
  {
    key: 'wangfang',
    name: '王芳',
    residentId: withCheck('33010619580415062'),
    phone: '13605710003',
    street: '330106005',
  },
];

export const DEMO_ENTERPRISES = [
  {
    key: 'xixi-flavour',
    name: '杭州西溪味道餐饮有限公司',
    uscc: withUsccCheck('91330106MA2H3K5N0'),
    legalRepresentative: '张三',
    street: '330106004',
  },
];

interface DemoAccount {
  username: string;
  displayName: string;
  kind: AccountKind;
  /** Department key, street division code, or 'district'. */
  unit: string;
  roles: Role[];
  person?: string;
  enterprise?: string;
  note: string;
}

/** One account for every role (and a few more for multi-department journeys). Listed in the README. */
export const DEMO_ACCOUNTS: DemoAccount[] = [
  {
    username: 'zhangsan',
    displayName: '张三',
    kind: 'person',
    unit: 'district',
    roles: ['applicant'],
    person: 'zhangsan',
    note: 'Resident applicant',
  },
  {
    username: 'xixi-flavour',
    displayName: '杭州西溪味道餐饮有限公司',
    kind: 'enterprise',
    unit: 'district',
    roles: ['applicant'],
    enterprise: 'xixi-flavour',
    note: 'Enterprise applicant',
  },
  {
    username: 'clerk',
    displayName: '王晓燕',
    kind: 'staff',
    unit: 'government-services',
    roles: ['window_clerk'],
    note: 'Window clerk, district service centre',
  },
  {
    username: 'clerk-wenxin',
    displayName: '李娜',
    kind: 'staff',
    unit: '330106013',
    roles: ['window_clerk'],
    note: 'Window clerk, Wenxin street centre',
  },
  {
    username: 'reviewer-market',
    displayName: '陈立',
    kind: 'staff',
    unit: 'market-regulation',
    roles: ['reviewer'],
    note: 'Reviewer, market regulation',
  },
  {
    username: 'reviewer-health',
    displayName: '周敏',
    kind: 'staff',
    unit: 'health',
    roles: ['reviewer'],
    note: 'Reviewer, health',
  },
  {
    username: 'reviewer-fire',
    displayName: '赵刚',
    kind: 'staff',
    unit: 'fire-rescue',
    roles: ['reviewer'],
    note: 'Reviewer, fire and rescue',
  },
  {
    username: 'supervisor',
    displayName: '孙伟',
    kind: 'staff',
    unit: 'government-services',
    roles: ['supervisor'],
    note: 'Supervisor (督查)',
  },
  {
    username: 'cadre',
    displayName: '吴军',
    kind: 'staff',
    unit: 'economy-information',
    roles: ['cadre'],
    note: 'Enterprise liaison cadre',
  },
  {
    username: 'admin',
    displayName: '郑洁',
    kind: 'staff',
    unit: 'data-resources',
    roles: ['admin'],
    note: 'Administrator',
  },
  {
    username: 'leader',
    displayName: '钱副区长',
    kind: 'staff',
    unit: 'district',
    roles: ['leader'],
    note: 'District leader',
  },
];

/**
 * One reviewer for every other department, `reviewer-<department key>`, so that any bundle's
 * parallel reviews can be worked through in the demo (README lists the pattern).
 */
const NAMED_REVIEWERS = new Set(
  DEMO_ACCOUNTS.filter((a) => a.roles.includes('reviewer')).map((a) => a.unit),
);
export const DEPARTMENT_REVIEWERS: DemoAccount[] = XIHU_DEPARTMENTS.filter(
  (d) => !NAMED_REVIEWERS.has(d.key),
).map((d) => ({
  username: `reviewer-${d.key}`,
  displayName: `${d.shortName ?? d.name}审查员`,
  kind: 'staff',
  unit: d.key,
  roles: ['reviewer'],
  note: `Reviewer, ${d.nameEn}`,
}));

type Progress = (message: string) => void;

async function upsertUnit(
  db: Kysely<Database>,
  u: {
    code: string;
    kind: Database['org_unit']['kind'];
    parent: string | null;
    division: string;
    name: string;
    nameEn: string;
    shortName?: string;
    sort?: number;
  },
): Promise<string> {
  await db
    .insertInto('org_unit')
    .values({
      code: u.code,
      kind: u.kind,
      parent_id: u.parent,
      division_code: u.division,
      name: u.name,
      name_en: u.nameEn,
      short_name: u.shortName ?? null,
      sort_order: u.sort ?? 0,
    })
    .onConflict((oc) => oc.column('code').doNothing())
    .execute();
  const row = await db
    .selectFrom('org_unit')
    .select('id')
    .where('code', '=', u.code)
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Xihu's org tree and the demo parties and accounts. Safe to run again: it adds what is missing. */
export async function seedIdentity(
  db: Kysely<Database>,
  progress: Progress = () => {},
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const district = await upsertUnit(trx, {
      code: DISTRICT.code,
      kind: 'district',
      parent: null,
      division: DISTRICT.code,
      name: DISTRICT.name,
      nameEn: DISTRICT.nameEn,
    });
    const unitByKey = new Map<string, string>([['district', district]]);
    for (const [i, d] of XIHU_DEPARTMENTS.entries()) {
      unitByKey.set(
        d.key,
        await upsertUnit(trx, {
          code: `dept:${d.key}`,
          kind: 'department',
          parent: district,
          division: DISTRICT.code,
          name: d.name,
          nameEn: d.nameEn,
          shortName: d.shortName,
          sort: i,
        }),
      );
    }
    progress(`org tree: ${XIHU_DEPARTMENTS.length} departments`);
    for (const [i, s] of XIHU_STREETS.entries()) {
      unitByKey.set(
        s.code,
        await upsertUnit(trx, {
          code: s.code,
          kind: s.kind,
          parent: district,
          division: s.code,
          name: s.name,
          nameEn: s.nameEn,
          sort: 100 + i,
        }),
      );
    }
    progress(`org tree: ${XIHU_STREETS.length} streets and towns`);
    // Communities go in one statement: 222 round trips would dominate the first start.
    await trx
      .insertInto('org_unit')
      .values(
        XIHU_COMMUNITIES.map((c, i) => ({
          code: c.code,
          kind: c.kind,
          parent_id: unitByKey.get(c.streetCode)!,
          division_code: c.code,
          name: c.name,
          name_en: `${c.name} (${c.kind === 'village' ? 'village' : 'community'})`,
          sort_order: i,
        })),
      )
      .onConflict((oc) => oc.column('code').doNothing())
      .execute();
    progress(`org tree: ${XIHU_COMMUNITIES.length} communities and villages`);
    // Grids for the first communities of Wenxin street: enough to show the lowest level.
    const wenxin = XIHU_COMMUNITIES.filter((c) => c.streetCode === '330106013').slice(0, 2);
    for (const c of wenxin) {
      const community = await trx
        .selectFrom('org_unit')
        .select('id')
        .where('code', '=', c.code)
        .executeTakeFirstOrThrow();
      for (const n of [1, 2, 3]) {
        await upsertUnit(trx, {
          code: `grid:${c.code}-${n}`,
          kind: 'grid',
          parent: community.id,
          division: c.code,
          name: `${c.name}第${n}网格`,
          nameEn: `${c.name} grid ${n}`,
          sort: n,
        });
      }
    }

    const personIds = new Map<string, string>();
    for (const p of DEMO_PERSONS) {
      await trx
        .insertInto('person')
        .values({
          resident_id: p.residentId,
          name: p.name,
          phone: p.phone,
          street_id: unitByKey.get(p.street) ?? null,
          division_code: p.street,
          address: null,
        })
        .onConflict((oc) => oc.column('resident_id').doNothing())
        .execute();
      const row = await trx
        .selectFrom('person')
        .select('id')
        .where('resident_id', '=', p.residentId)
        .executeTakeFirstOrThrow();
      personIds.set(p.key, row.id);
    }
    const enterpriseIds = new Map<string, string>();
    for (const e of DEMO_ENTERPRISES) {
      await trx
        .insertInto('enterprise')
        .values({
          uscc: e.uscc,
          name: e.name,
          legal_representative: e.legalRepresentative,
          street_id: unitByKey.get(e.street) ?? null,
          division_code: DISTRICT.code,
          address: null,
        })
        .onConflict((oc) => oc.column('uscc').doNothing())
        .execute();
      const row = await trx
        .selectFrom('enterprise')
        .select('id')
        .where('uscc', '=', e.uscc)
        .executeTakeFirstOrThrow();
      enterpriseIds.set(e.key, row.id);
    }

    const passwordHash = await hashPassword(DEMO_PASSWORD);
    for (const a of [...DEMO_ACCOUNTS, ...DEPARTMENT_REVIEWERS]) {
      const exists = await trx
        .selectFrom('account')
        .select('id')
        .where('username', '=', a.username)
        .executeTakeFirst();
      if (exists) continue;
      const unitId = unitByKey.get(a.unit);
      if (!unitId) throw new Error(`demo account ${a.username}: unknown unit ${a.unit}`);
      const account = await trx
        .insertInto('account')
        .values({
          username: a.username,
          password_hash: passwordHash,
          display_name: a.displayName,
          kind: a.kind,
          org_unit_id: a.kind === 'staff' ? unitId : null,
          person_id: a.person ? personIds.get(a.person)! : null,
          enterprise_id: a.enterprise ? enterpriseIds.get(a.enterprise)! : null,
          division_code: DISTRICT.code,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('role_grant')
        .values(a.roles.map((role) => ({ account_id: account.id, role, org_unit_id: unitId })))
        .execute();
    }
    progress(`accounts: ${DEMO_ACCOUNTS.length + DEPARTMENT_REVIEWERS.length} demo accounts`);
    await recordAudit(trx, SYSTEM_ACTOR, {
      action: 'seed.identity',
      targetType: 'org_unit',
      targetId: district,
      divisionCode: DISTRICT.code,
    });
  });
}
