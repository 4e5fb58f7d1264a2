import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import { SYSTEM_ACTOR } from '../../shared/actor.ts';
import {
  DEMO_ENTERPRISES,
  DEMO_PERSONS,
  findPersonByResidentId,
  listEnterprises,
  listPersons,
} from '../identity/index.ts';
import { DATA_SOURCES } from './datasets.service.ts';
import { issueCertificate } from './issue.service.ts';
import type { SigningKeys } from './keys.service.ts';
import { shanghaiToday } from './verify.service.ts';

type Progress = (message: string) => void;

const HUKOU_RELATION = ['户主', '配偶', '子', '女'];

/**
 * The registered data sources and demo records: every seeded person has a household record and
 * a social insurance record; the demo applicants and every other one a marriage record.
 * Synthetic, like the people.
 */
export async function seedDataSources(db: Kysely<Database>, progress: Progress): Promise<void> {
  await db
    .insertInto('data_source')
    .values(
      DATA_SOURCES.map(([key, name, nameEn, provider, subjectKind, description]) => ({
        key,
        name,
        name_en: nameEn,
        provider,
        subject_kind: subjectKind,
        description,
      })),
    )
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  const persons = (await listPersons(db, SYSTEM_ACTOR, { limit: 200, offset: 0 })).data;
  // The demo applicants are always married, so that the journeys that draw on the marriage record
  // (出生一件事) find it; which of the others are is a matter of list order, so not fixed.
  const applicants = await Promise.all(
    DEMO_PERSONS.map((d) => findPersonByResidentId(db, SYSTEM_ACTOR, d.residentId)),
  );
  const married = new Set(applicants.map((a) => a?.id));
  const rows = persons.flatMap((p, i) => [
    {
      source_key: 'hukou',
      person_id: p.id,
      enterprise_id: null,
      data: JSON.stringify({
        name: p.name,
        householdNumber: `3301060${String(100000 + i)}`,
        relation: HUKOU_RELATION[i % HUKOU_RELATION.length],
        address: '浙江省杭州市西湖区',
      }) as never,
    },
    {
      source_key: 'social-insurance-record',
      person_id: p.id,
      enterprise_id: null,
      data: JSON.stringify({ insured: ['养老', '医疗', '失业'], months: 36 + i * 7 }) as never,
    },
    ...(married.has(p.id) || i % 2 === 0
      ? [
          {
            source_key: 'marriage-registration',
            person_id: p.id,
            enterprise_id: null,
            data: JSON.stringify({
              status: '已婚',
              registeredOn: '2015-10-01',
              office: '西湖区民政局',
            }) as never,
          },
        ]
      : []),
  ]);
  if (rows.length) {
    await db
      .insertInto('data_record')
      .values(rows)
      .onConflict((oc) =>
        oc.columns(['source_key', 'person_id']).where('person_id', 'is not', null).doNothing(),
      )
      .execute();
  }
  progress(`${DATA_SOURCES.length} data sources, ${rows.length} records`);
}

/**
 * Demo certificates for the demo applicants, signed with the departments' keys: 张三's ID card,
 * social security card and household registration; 西溪味道's business licence, an expired food
 * business permit and a revoked hygiene permit. Added once.
 */
export async function seedDemoCertificates(
  db: Kysely<Database>,
  keys: SigningKeys,
  progress: Progress,
): Promise<void> {
  const any = await db
    .selectFrom('certificate')
    .select('id')
    .where('case_id', 'is', null)
    .executeTakeFirst();
  if (any) return;
  const person = await findPersonByResidentId(db, SYSTEM_ACTOR, DEMO_PERSONS[0]!.residentId);
  const enterprise = (
    await listEnterprises(db, { name: DEMO_ENTERPRISES[0]!.name, limit: 1, offset: 0 })
  ).data[0];
  if (!person || !enterprise) return;
  const today = shanghaiToday();
  let n = 0;
  await db.transaction().execute(async (trx) => {
    const issue = (input: Parameters<typeof issueCertificate>[3]) =>
      issueCertificate(trx, keys, SYSTEM_ACTOR, input).then((r) => (n++, r));
    const p = { personId: person.id };
    const e = { enterpriseId: enterprise.id };
    await issue({
      type: 'resident-id-card',
      holder: p,
      department: 'public-security',
      issuedOn: '2016-05-20',
    });
    await issue({
      type: 'hukou-registration',
      holder: p,
      department: 'public-security',
      issuedOn: '2016-05-20',
      formData: { 'applicant.address': '浙江省杭州市西湖区文新街道' },
    });
    await issue({
      type: 'social-security-card',
      holder: p,
      department: 'human-resources-social-security',
      issuedOn: '2022-03-01',
    });
    await issue({
      type: 'business-licence',
      holder: e,
      department: 'market-regulation',
      issuedOn: '2021-03-15',
      formData: {
        'enterprise.type': '有限责任公司（自然人投资或控股）',
        'enterprise.legal_representative': DEMO_ENTERPRISES[0]!.legalRepresentative,
        'enterprise.registered_capital_wan': 50,
        'enterprise.business_scope': '餐饮服务；食品销售',
        'premises.address': '浙江省杭州市西湖区文三路100号',
      },
    });
    await issue({
      type: 'food-business-permit',
      holder: e,
      department: 'market-regulation',
      issuedOn: '2021-03-15',
      formData: {
        'food.business_type': '餐饮服务经营者',
        'premises.address': '浙江省杭州市西湖区文三路100号',
        'premises.area_m2': 120,
      },
    });
    const hygiene = await issue({
      type: 'public-place-hygiene-permit',
      holder: e,
      department: 'health',
      issuedOn: '2023-06-01',
    });
    await trx
      .updateTable('certificate')
      .set({
        revoked_at: new Date(`${today}T02:00:00Z`),
        revoke_reason: '经营场所已变更，原许可注销',
        revoked_by: null,
      })
      .where('id', '=', hygiene.id)
      .execute();
  });
  progress(`${n} demo certificates`);
}
