import type { Kysely } from 'kysely';
import type { Database } from '../../../db/database.ts';
import type { Actor } from '../../../shared/actor.ts';
import { AppError } from '../../../shared/app-error.ts';
import {
  applicantFacts,
  createEnterprise,
  createPerson,
  findPersonByResidentId,
  getPerson,
  listEnterprises,
  listPersons,
  residentIdCheckCharacter,
  streetDirectory,
  usccCheckCharacter,
} from '../../identity/index.ts';
import type { DemoActors } from './actors.ts';

export interface PersonFacts {
  name: string;
  residentId: string;
  phone: string;
  sex: 'male' | 'female';
  birthDate: string;
  address: string;
  streetCode: string;
}

export interface EnterpriseFacts {
  name: string;
  uscc: string;
  legalRepresentative: string;
  address: string;
  /** What it does, for the forms' business scope. */
  trade: string;
}

/** Someone cases are applied for: with an account (applies online) or served at a counter. */
export interface Applicant {
  kind: 'person' | 'enterprise';
  personId: string | null;
  enterpriseId: string | null;
  /** Username of the applicant's own account, when there is one. */
  account: string | null;
  /** The person who signs: the applicant, or the enterprise's legal representative. */
  person: PersonFacts;
  enterprise: EnterpriseFacts | null;
  streetCode: string;
}

/** More residents of Xihu, served at the counters (they have no accounts of their own). */
const PERSONS: (Omit<PersonFacts, 'residentId' | 'address'> & { seq: string; road: string })[] = [
  {
    name: '陈建国',
    sex: 'male',
    birthDate: '1962-05-14',
    seq: '031',
    phone: '13957110231',
    streetCode: '330106002',
    road: '保俶路',
  },
  {
    name: '林晓梅',
    sex: 'female',
    birthDate: '1988-09-23',
    seq: '042',
    phone: '13867420518',
    streetCode: '330106004',
    road: '文三路',
  },
  {
    name: '王志强',
    sex: 'male',
    birthDate: '1979-11-02',
    seq: '015',
    phone: '13735861207',
    streetCode: '330106005',
    road: '文二西路',
  },
  {
    name: '刘芳',
    sex: 'female',
    birthDate: '1992-03-17',
    seq: '026',
    phone: '15158103374',
    streetCode: '330106007',
    road: '古墩路',
  },
  {
    name: '赵丽华',
    sex: 'female',
    birthDate: '1955-12-08',
    seq: '064',
    phone: '13588029416',
    streetCode: '330106008',
    road: '龙井路',
  },
  {
    name: '孙浩',
    sex: 'male',
    birthDate: '1995-07-30',
    seq: '057',
    phone: '18868712095',
    streetCode: '330106009',
    road: '留和路',
  },
  {
    name: '周婷',
    sex: 'female',
    birthDate: '1990-01-12',
    seq: '088',
    phone: '15906815562',
    streetCode: '330106010',
    road: '转塘直街',
  },
  {
    name: '吴国平',
    sex: 'male',
    birthDate: '1968-08-25',
    seq: '013',
    phone: '13606523847',
    streetCode: '330106011',
    road: '紫金港路',
  },
  {
    name: '郑雅琴',
    sex: 'female',
    birthDate: '1983-04-06',
    seq: '022',
    phone: '13989456170',
    streetCode: '330106012',
    road: '玉古路',
  },
  {
    name: '黄磊',
    sex: 'male',
    birthDate: '1986-10-19',
    seq: '079',
    phone: '18758190643',
    streetCode: '330106013',
    road: '文新路',
  },
  {
    name: '何秀英',
    sex: 'female',
    birthDate: '1949-06-21',
    seq: '046',
    phone: '13858067721',
    streetCode: '330106013',
    road: '竞舟路',
  },
  {
    name: '马骏',
    sex: 'male',
    birthDate: '1998-02-14',
    seq: '035',
    phone: '17757136528',
    streetCode: '330106109',
    road: '振华路',
  },
  {
    name: '徐静',
    sex: 'female',
    birthDate: '1993-11-28',
    seq: '060',
    phone: '15267089314',
    streetCode: '330106110',
    road: '灵山路',
  },
  {
    name: '朱永康',
    sex: 'male',
    birthDate: '1975-09-09',
    seq: '071',
    phone: '13758240965',
    streetCode: '330106004',
    road: '学院路',
  },
];

/** More enterprises of Xihu; each one's legal representative is one of the residents above. */
const ENTERPRISES: {
  name: string;
  code: string;
  representative: string;
  trade: string;
}[] = [
  {
    name: '杭州翠苑小厨餐饮有限公司',
    code: 'MA2J8D4R6',
    representative: '王志强',
    trade: '餐饮服务；食品销售',
  },
  {
    name: '杭州文新优选便利店有限公司',
    code: 'MA2K3F7T2',
    representative: '黄磊',
    trade: '食品销售；日用百货销售；烟草制品零售',
  },
  {
    name: '杭州蒋村动力健身管理有限公司',
    code: 'MA2L6H1W9',
    representative: '吴国平',
    trade: '健身休闲活动；体育场地设施经营',
  },
  {
    name: '杭州留下云栖科技有限公司',
    code: 'MA2N2Q8X5',
    representative: '孙浩',
    trade: '软件开发；信息技术咨询服务；数据处理服务',
  },
  {
    name: '杭州古荡书香文化有限公司',
    code: 'MA2P5R3Y7',
    representative: '刘芳',
    trade: '图书零售；文化用品销售；咖啡饮品服务',
  },
  {
    name: '杭州转塘美学美容有限公司',
    code: 'MA2Q7T6B1',
    representative: '周婷',
    trade: '生活美容服务；化妆品零售',
  },
  {
    name: '杭州三墩智造科技有限公司',
    code: 'MA2R4W2C8',
    representative: '马骏',
    trade: '智能控制系统集成；工业自动控制系统装置制造',
  },
  {
    name: '杭州西溪康民大药房有限公司',
    code: 'MA2T9X5E3',
    representative: '朱永康',
    trade: '药品零售；第二类医疗器械销售',
  },
];

const residentIdOf = (p: (typeof PERSONS)[number]) => {
  const first17 = `330106${p.birthDate.replaceAll('-', '')}${p.seq}`;
  return first17 + residentIdCheckCharacter(first17);
};
const usccOf = (code: string) => {
  const first17 = `91330106${code}`;
  return first17 + usccCheckCharacter(first17);
};

function factsFromId(residentId: string) {
  const b = residentId.slice(6, 14);
  return {
    birthDate: `${b.slice(0, 4)}-${b.slice(4, 6)}-${b.slice(6, 8)}`,
    sex: Number(residentId.charAt(16)) % 2 === 1 ? ('male' as const) : ('female' as const),
  };
}

/**
 * Everyone the demo cases are for: the demo applicants with accounts (zhangsan, xixi-flavour),
 * the other seeded persons, and a few more residents and enterprises added through the identity
 * module's own functions, as a window clerk would register them. Existing ones are reused.
 */
export async function demoApplicants(
  db: Kysely<Database>,
  actors: DemoActors,
): Promise<Applicant[]> {
  const clerk = actors.as('clerk', 'counter');
  const streets = await streetDirectory(db);
  const streetById = new Map([...streets.values()].map((s) => [s.id, s.code]));
  const accountOfPerson = new Map<string, string>();
  const accountOfEnterprise = new Map<string, string>();
  for (const username of ['zhangsan', 'xixi-flavour']) {
    if (!actors.has(username)) continue;
    const a = actors.as(username, 'web');
    if (a.personId) accountOfPerson.set(a.personId, username);
    if (a.enterpriseId) accountOfEnterprise.set(a.enterpriseId, username);
  }

  const ours = new Set(PERSONS.map(residentIdOf));
  const persons: Applicant[] = [];
  const listed = await listPersons(db, clerk, { limit: 20, offset: 0 });
  for (const row of listed.data) {
    const p = await getPerson(db, clerk, row.id);
    if (ours.has(p.residentId)) continue;
    const streetCode = (p.streetId && streetById.get(p.streetId)) || '330106013';
    persons.push({
      kind: 'person',
      personId: p.id,
      enterpriseId: null,
      account: accountOfPerson.get(p.id) ?? null,
      person: {
        name: p.name,
        residentId: p.residentId,
        phone: p.phone ?? '13805710000',
        ...factsFromId(p.residentId),
        address:
          p.address ?? `杭州市西湖区${streetName(streetCode)}文二路${100 + persons.length * 7}号`,
        streetCode,
      },
      enterprise: null,
      streetCode,
    });
  }
  const byName = new Map<string, PersonFacts>();
  for (const [i, p] of PERSONS.entries()) {
    const facts: PersonFacts = {
      name: p.name,
      residentId: residentIdOf(p),
      phone: p.phone,
      sex: p.sex,
      birthDate: p.birthDate,
      streetCode: p.streetCode,
      address: `杭州市西湖区${p.road}${18 + i * 11}号${(i % 5) + 1}幢${(i % 6) + 1}0${(i % 3) + 1}室`,
    };
    byName.set(p.name, facts);
    const id = await ensurePerson(db, clerk, facts, streets.get(p.streetCode)?.id);
    persons.push({
      kind: 'person',
      personId: id,
      enterpriseId: null,
      account: null,
      person: facts,
      enterprise: null,
      streetCode: p.streetCode,
    });
  }

  const enterprises: Applicant[] = [];
  const existing = await listEnterprises(db, { limit: 100, offset: 0 });
  for (const e of existing.data) {
    const account = accountOfEnterprise.get(e.id);
    if (!account) continue;
    const rep =
      persons.find((p) => p.person.name === e.legalRepresentative)?.person ?? persons[0]?.person;
    if (!rep) continue;
    const facts = await applicantFacts(db, { enterpriseId: e.id });
    const streetCode = facts?.streetCode ?? rep.streetCode;
    enterprises.push({
      kind: 'enterprise',
      personId: null,
      enterpriseId: e.id,
      account,
      person: rep,
      enterprise: {
        name: e.name,
        uscc: e.uscc,
        legalRepresentative: e.legalRepresentative,
        address: `杭州市西湖区${streetName(streetCode)}文三路259号`,
        trade: '餐饮服务；食品销售',
      },
      streetCode,
    });
  }
  for (const [i, e] of ENTERPRISES.entries()) {
    const rep = byName.get(e.representative)!;
    const uscc = usccOf(e.code);
    const address = `杭州市西湖区${streetName(rep.streetCode)}${PERSONS.find((p) => p.name === rep.name)!.road}${200 + i * 13}号`;
    const id = await ensureEnterprise(db, clerk, existing.data, {
      uscc,
      name: e.name,
      legalRepresentative: rep.name,
      streetId: streets.get(rep.streetCode)?.id,
      address,
    });
    enterprises.push({
      kind: 'enterprise',
      personId: null,
      enterpriseId: id,
      account: null,
      person: rep,
      enterprise: { name: e.name, uscc, legalRepresentative: rep.name, address, trade: e.trade },
      streetCode: rep.streetCode,
    });
  }
  return [...persons, ...enterprises];
}

async function ensurePerson(
  db: Kysely<Database>,
  clerk: Actor,
  p: PersonFacts,
  streetId: string | undefined,
): Promise<string> {
  const found = await findPersonByResidentId(db, clerk, p.residentId);
  if (found) return found.id;
  const created = await createPerson(db, clerk, {
    residentId: p.residentId,
    name: p.name,
    phone: p.phone,
    streetId,
    address: p.address,
  });
  return created.id;
}

async function ensureEnterprise(
  db: Kysely<Database>,
  clerk: Actor,
  existing: { id: string; uscc: string }[],
  e: {
    uscc: string;
    name: string;
    legalRepresentative: string;
    streetId?: string | undefined;
    address: string;
  },
): Promise<string> {
  const found = existing.find((x) => x.uscc === e.uscc);
  if (found) return found.id;
  try {
    return (await createEnterprise(db, clerk, e)).id;
  } catch (err) {
    if (!(err instanceof AppError) || err.status !== 409) throw err;
    const again = await listEnterprises(db, { name: e.name, limit: 10, offset: 0 });
    const row = again.data.find((x) => x.uscc === e.uscc);
    if (!row) throw err;
    return row.id;
  }
}

const STREET_NAMES: Record<string, string> = {
  '330106002': '北山街道',
  '330106004': '西溪街道',
  '330106005': '翠苑街道',
  '330106007': '古荡街道',
  '330106008': '西湖街道',
  '330106009': '留下街道',
  '330106010': '转塘街道',
  '330106011': '蒋村街道',
  '330106012': '灵隐街道',
  '330106013': '文新街道',
  '330106109': '三墩镇',
  '330106110': '双浦镇',
};
export const streetName = (code: string) => STREET_NAMES[code] ?? '';
