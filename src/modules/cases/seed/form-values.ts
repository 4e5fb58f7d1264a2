import {
  evaluateCondition,
  type FormProperty,
  type FormSchema,
  type getCompiledBundle,
  type MaterialDef,
} from '../../catalogue/index.ts';
import { residentIdCheckCharacter } from '../../identity/index.ts';
import type { CaseMaterial } from '../cases.table.ts';
import { streetName, type Applicant } from './applicants.ts';
import { addDays, type Random } from './simulation.ts';

/** The compiled bundle's merged material (the catalogue exports the compiler, not its types). */
export type MergedMaterial = Awaited<ReturnType<typeof getCompiledBundle>>['materials'][number];

export interface ValueContext {
  applicant: Applicant;
  rng: Random;
  /** The day the application is filled in (YYYY-MM-DD). */
  day: string;
}

const SURNAMES = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '黄',
  '赵',
  '吴',
  '周',
  '徐',
  '孙',
  '马',
  '朱',
  '胡',
  '郭',
  '何',
  '林',
  '罗',
  '郑',
];
const GIVEN_MALE = [
  '伟',
  '强',
  '磊',
  '军',
  '洋',
  '勇',
  '杰',
  '涛',
  '明',
  '超',
  '浩然',
  '子轩',
  '宇航',
  '志远',
  '建华',
];
const GIVEN_FEMALE = [
  '芳',
  '娜',
  '敏',
  '静',
  '丽',
  '艳',
  '婷',
  '雪',
  '慧',
  '欣怡',
  '诗涵',
  '梓萱',
  '雨桐',
  '晓燕',
  '佳琪',
];
const ROADS = [
  '文三路',
  '文二西路',
  '学院路',
  '古墩路',
  '文一西路',
  '天目山路',
  '教工路',
  '西溪路',
  '紫金港路',
  '五常大道',
  '竞舟路',
  '文新路',
  '振华路',
  '留和路',
  '转塘直街',
  '龙井路',
  '保俶路',
  '曙光路',
];
const HOSPITALS = [
  '浙江大学医学院附属妇产科医院',
  '杭州市妇产科医院',
  '浙江省妇幼保健院',
  '杭州市西湖区妇幼保健院',
  '浙江大学医学院附属第一医院',
];
const CLINICS = [
  '浙江大学医学院附属第一医院',
  '浙江省人民医院',
  '杭州市第一人民医院',
  '杭州市西溪医院',
  '杭州市西湖区中医院',
  '浙江省中医院',
];
const BANKS = [
  '中国工商银行杭州西湖支行',
  '中国建设银行杭州文三路支行',
  '中国农业银行杭州西湖支行',
  '杭州银行文新支行',
  '浙商银行杭州西溪支行',
  '中国银行杭州古荡支行',
];
const SCHOOLS = [
  '杭州市学军小学',
  '杭州市文三街小学',
  '杭州市翠苑第一小学',
  '杭州市保俶塔实验学校',
  '杭州市文新小学',
  '杭州市三墩小学',
];
const DISEASES = [
  '社区获得性肺炎',
  '2型糖尿病',
  '腰椎间盘突出症',
  '急性阑尾炎',
  '冠状动脉粥样硬化性心脏病',
  '膝关节骨性关节炎',
];
const CITIES = ['上海市', '北京市', '南京市', '广州市', '成都市'];

const pad = (n: number, width: number) => String(n).padStart(width, '0');

export function randomName(
  rng: Random,
  sex: 'male' | 'female' = rng.chance(0.5) ? 'male' : 'female',
) {
  return rng.pick(SURNAMES) + rng.pick(sex === 'male' ? GIVEN_MALE : GIVEN_FEMALE);
}

export function randomResidentId(rng: Random, birthDate: string, sex: 'male' | 'female') {
  const seq = rng.int(0, 49) * 2 + (sex === 'male' ? 1 : 0);
  const first17 = `330106${birthDate.replaceAll('-', '')}${pad(rng.int(0, 9), 1)}${pad(seq, 2)}`;
  return first17 + residentIdCheckCharacter(first17);
}

export const randomAddress = (rng: Random, streetCode?: string) =>
  `杭州市西湖区${streetCode ? streetName(streetCode) : ''}${rng.pick(ROADS)}${rng.int(1, 480)}号${rng.int(1, 12)}幢${rng.int(1, 18)}0${rng.int(1, 4)}室`;

/** A date `from`..`to` days after `day` (negative: before it). */
const around = (ctx: ValueContext, from: number, to: number) =>
  addDays(ctx.day, ctx.rng.int(from, to));

const yearsBefore = (ctx: ValueContext, minYears: number, maxYears: number) =>
  around(ctx, -maxYears * 365, -minYears * 365);

type Gen = (ctx: ValueContext, prop: FormProperty) => unknown;

const child = new WeakMap<ValueContext, { name: string; birth: string; sex: 'male' | 'female' }>();
const childOf = (ctx: ValueContext) => {
  let c = child.get(ctx);
  if (!c) {
    const sex = ctx.rng.chance(0.5) ? ('male' as const) : ('female' as const);
    const surname = ctx.applicant.person.name.charAt(0);
    c = {
      sex,
      name: surname + ctx.rng.pick(sex === 'male' ? GIVEN_MALE : GIVEN_FEMALE),
      birth: around(ctx, -25, -3),
    };
    child.set(ctx, c);
  }
  return c;
};
const spouse = new WeakMap<ValueContext, { name: string; id: string }>();
const spouseOf = (ctx: ValueContext) => {
  let s = spouse.get(ctx);
  if (!s) {
    const sex = ctx.applicant.person.sex === 'male' ? ('female' as const) : ('male' as const);
    const birth = addDays(ctx.applicant.person.birthDate, ctx.rng.int(-900, 900));
    s = { name: randomName(ctx.rng, sex), id: randomResidentId(ctx.rng, birth, sex) };
    spouse.set(ctx, s);
  }
  return s;
};

const me = (ctx: ValueContext) => ctx.applicant.person;
const firm = (ctx: ValueContext) => ctx.applicant.enterprise;
const age = (ctx: ValueContext) =>
  Math.floor((Date.parse(ctx.day) - Date.parse(me(ctx).birthDate)) / (365.25 * 86_400_000));

/** Values for the data elements, by key; anything not here falls back on its type. */
const GENERATORS: Record<string, Gen> = {
  'applicant.name': (c) => me(c).name,
  'applicant.resident_id': (c) => me(c).residentId,
  'applicant.phone': (c) => me(c).phone,
  'applicant.address': (c) => me(c).address,
  'applicant.email': (c) => `${me(c).phone.slice(-8)}@163.com`,
  'applicant.sex': (c) => me(c).sex,
  'applicant.birth_date': (c) => me(c).birthDate,
  'applicant.age': (c) => age(c),
  'applicant.hukou_address': (c) => me(c).address.replace(/\d+幢.*$/, ''),
  'applicant.has_local_hukou': (c) => c.rng.chance(0.85),
  'applicant.marital_status': (c) =>
    age(c) < 26 ? 'unmarried' : c.rng.weighted({ married: 8, unmarried: 1, divorced: 1 }),
  'applicant.household_size': (c) => c.rng.int(1, 5),
  'applicant.monthly_income_per_capita': (c) => c.rng.int(9, 30) * 100,
  'applicant.is_assistance_recipient': (c) => c.rng.chance(0.4),
  'applicant.move_from_address': (c) =>
    c.rng.pick([
      '浙江省温州市鹿城区',
      '浙江省金华市婺城区',
      '安徽省合肥市蜀山区',
      '江西省上饶市信州区',
      '江苏省苏州市姑苏区',
    ]) + `${c.rng.pick(['人民路', '解放路', '中山路'])}${c.rng.int(1, 300)}号`,
  'applicant.meets_settlement_conditions': () => true,

  'enterprise.name': (c) => firm(c)?.name ?? `杭州${me(c).name}商贸有限公司`,
  'enterprise.uscc': (c) => firm(c)?.uscc ?? '91330106MA2H3K5N0X',
  'enterprise.legal_representative': (c) => firm(c)?.legalRepresentative ?? me(c).name,
  'enterprise.registered_capital_wan': (c) => c.rng.pick([10, 30, 50, 100, 200, 500]),
  'enterprise.business_scope': (c) =>
    `一般项目：${firm(c)?.trade ?? '日用百货销售'}（除依法须经批准的项目外，凭营业执照依法自主开展经营活动）。`,
  'enterprise.type': (c) =>
    c.rng.weighted({ 'limited-company': 8, 'individual-business': 1, branch: 1 }),
  'enterprise.employees': (c) => c.rng.int(3, 60),
  'enterprise.registered_address': (c) =>
    firm(c)?.address ?? randomAddress(c.rng, c.applicant.streetCode),
  'enterprise.change_items': (c) =>
    c.rng.pick([
      '法定代表人变更',
      '经营范围增加“预包装食品销售”',
      '注册资本由50万元增加至200万元',
      '住所变更',
    ]),
  'enterprise.deregistration_type': (c) => c.rng.weighted({ simplified: 3, ordinary: 1 }),
  'enterprise.annual_revenue_wan': (c) => c.rng.int(80, 8000),
  'enterprise.rd_expense_wan': (c) => c.rng.int(20, 900),
  'enterprise.loan_amount_wan': (c) => c.rng.pick([20, 30, 50, 100]),

  'organisation.name': (c) =>
    `杭州市西湖区${c.rng.pick(['启明', '知行', '青禾', '乐成'])}${c.rng.pick(['艺术培训学校', '体育培训中心', '科创教育中心'])}`,
  'organisation.sponsor': () => '杭州市西湖区教育局',

  'premises.address': (c) => firm(c)?.address ?? randomAddress(c.rng, c.applicant.streetCode),
  'premises.area_m2': (c) => c.rng.pick([28, 36, 45, 60, 85, 120, 160, 240]),
  'premises.ownership': (c) => c.rng.weighted({ lease: 4, own: 1 }),
  'premises.has_outdoor_sign': (c) => c.rng.chance(0.5),
  'premises.seats': (c) => c.rng.int(12, 80),
  'premises.rooms': (c) => c.rng.int(12, 60),
  'sign.text': (c) => (firm(c)?.name ?? '').replace(/^杭州|有限公司$/g, '') || '便民小店',
  'sign.area_m2': (c) => c.rng.pick([2.4, 3.6, 4.8, 6]),

  'food.business_type': (c) =>
    /餐饮/.test(firm(c)?.trade ?? '') ? 'catering' : c.rng.weighted({ retail: 3, catering: 2 }),
  'pharmacy.pharmacist_name': (c) => randomName(c.rng),

  'child.name': (c) => childOf(c).name,
  'child.birth_date': (c) => childOf(c).birth,
  'child.sex': (c) => childOf(c).sex,
  'child.birth_hospital': (c) => c.rng.pick(HOSPITALS),
  'child.birth_order': (c) => c.rng.pick([1, 1, 1, 2, 2, 3]),
  'mother.name': (c) => (me(c).sex === 'female' ? me(c).name : spouseOf(c).name),
  'mother.resident_id': (c) => (me(c).sex === 'female' ? me(c).residentId : spouseOf(c).id),
  'mother.has_employee_insurance': (c) => c.rng.chance(0.8),
  'father.name': (c) => (me(c).sex === 'male' ? me(c).name : spouseOf(c).name),
  'father.resident_id': (c) => (me(c).sex === 'male' ? me(c).residentId : spouseOf(c).id),
  'spouse.name': (c) => spouseOf(c).name,
  'spouse.resident_id': (c) => spouseOf(c).id,
  'marriage.date': (c) => around(c, -40, -1),

  'property.certificate_no': (c) =>
    `浙(${c.day.slice(0, 4)})杭州市不动产权第${pad(c.rng.int(100000, 999999), 7)}号`,
  'property.address': (c) => randomAddress(c.rng, c.applicant.streetCode),
  'property.area_m2': (c) => c.rng.int(55, 160),
  'property.price_wan': (c) => c.rng.int(180, 900),
  'property.use': (c) => c.rng.weighted({ residential: 8, commercial: 1, office: 1 }),
  'property.loan_amount_wan': (c) => c.rng.int(60, 400),
  'utility.account_no': (c) => `33${pad(c.rng.int(0, 99999999), 8)}`,

  'deceased.name': (c) =>
    `${me(c).name.charAt(0)}${c.rng.pick(['福生', '桂英', '秀兰', '国华', '金水', '凤英'])}`,
  'deceased.resident_id': (c) =>
    randomResidentId(c.rng, yearsBefore(c, 70, 92), c.rng.chance(0.5) ? 'male' : 'female'),
  'deceased.date_of_death': (c) => around(c, -20, -2),
  'deceased.place_of_death': (c) => c.rng.weighted({ hospital: 7, home: 3 }),
  'deceased.applicant_relationship': (c) => c.rng.weighted({ child: 6, spouse: 3, other: 1 }),

  'student.name': (c) => childOf(c).name,
  'student.resident_id': (c) => randomResidentId(c.rng, yearsBefore(c, 6, 12), childOf(c).sex),
  'student.school': (c) => c.rng.pick(SCHOOLS),
  'student.grade': (c) => c.rng.pick(['一年级', '三年级', '五年级', '初一', '初二']),

  'bank.account_name': (c) => firm(c)?.name ?? me(c).name,
  'bank.name': (c) => c.rng.pick(BANKS),
  'bank.account_no': (c) => `62${pad(c.rng.int(0, 99999999), 8)}${pad(c.rng.int(0, 999999999), 9)}`,
  'housing.fund_account': (c) => `0${pad(c.rng.int(0, 999999999), 11)}`,

  'employment.employer': (c) =>
    firm(c)?.name ??
    c.rng.pick([
      '杭州海康威视数字技术股份有限公司',
      '浙江大华技术股份有限公司',
      '杭州西湖区某某科技有限公司',
      '杭州银泰百货有限公司',
    ]),
  'employment.start_date': (c) => around(c, -720, -20),
  'employment.end_date': (c) => around(c, -30, -3),
  'employment.position': (c) =>
    c.rng.pick(['软件工程师', '行政专员', '销售代表', '厨师', '店长', '会计']),
  'employment.monthly_wage': (c) => c.rng.int(45, 180) * 100,

  'veteran.enlistment_date': (c) => yearsBefore(c, 5, 8),
  'veteran.discharge_date': (c) => around(c, -90, -10),

  'disability.level': (c) => c.rng.int(1, 4),
  'disability.certificate_no': (c) =>
    `${me(c).residentId}${c.rng.int(1, 7)}${c.rng.int(1, 4)}`.slice(0, 20),

  'medical.hospital': (c) => c.rng.pick(CLINICS),
  'medical.admission_date': (c) => around(c, -60, -5),
  'medical.amount_yuan': (c) => c.rng.int(800, 68000),
  'medical.destination_city': (c) => c.rng.pick(CITIES),
  'medical.disease': (c) => c.rng.pick(DISEASES),
  'blood.donation_certificate_no': (c) =>
    `330100${c.day.slice(0, 4)}${pad(c.rng.int(0, 999999), 6)}`,

  'project.name': (c) =>
    `${firm(c)?.name.replace(/有限公司$/, '') ?? '西湖区'}${c.rng.pick(['研发中心建设项目', '智能制造产业化项目', '总部大楼项目'])}`,
  'project.code': (c) =>
    `2024-330106-${c.rng.pick(['65', '73', '34'])}-03-${pad(c.rng.int(0, 999999), 6)}`,
  'project.address': (c) =>
    `杭州市西湖区${c.rng.pick(['三墩镇', '转塘街道', '双浦镇'])}${c.rng.pick(ROADS)}以东地块`,
  'project.investment_wan': (c) => c.rng.int(2000, 60000),
  'project.land_area_mu': (c) => c.rng.int(10, 80),
  'project.floor_area_m2': (c) => c.rng.int(8000, 90000),
  'project.annual_energy_tce': (c) => c.rng.int(300, 4000),
  'waste.volume_m3': (c) => c.rng.int(500, 20000),
  'waste.transport_company': () => '杭州西湖渣土运输有限公司',

  'vehicle.plate': (c) => `浙A${c.rng.pick(['D', 'F', '8', '3'])}${pad(c.rng.int(0, 9999), 4)}`,
  'seal.count': (c) => c.rng.int(3, 5),
  'invoice.monthly_quantity': (c) => c.rng.pick([25, 50, 100]),
  'event.name': (c) =>
    `${c.day.slice(0, 4)}西湖区${c.rng.pick(['社区邻里节', '城市马拉松', '音乐嘉年华', '龙井茶文化节'])}`,
  'event.date': (c) => around(c, 20, 60),
  'event.venue': (c) =>
    c.rng.pick(['西溪湿地公园', '黄龙体育中心', '之江文化中心', '西湖文化广场']),
  'event.attendance': (c) => c.rng.int(300, 8000),
  'dog.breed': (c) => c.rng.pick(['柯基犬', '泰迪犬', '比熊犬', '中华田园犬', '柴犬']),
  'dog.immunisation_no': (c) => `HZ${c.day.slice(0, 4)}${pad(c.rng.int(0, 999999), 6)}`,
  'tree.species': (c) => c.rng.pick(['香樟', '银杏', '桂花', '水杉']),
  'tree.count': (c) => c.rng.int(1, 6),
  'land.contract_area_mu': (c) => c.rng.int(2, 12),
  'homestead.village': (c) => c.rng.pick(['龙井村', '梅家坞村', '双峰村', '外桐坞村']),
  'homestead.area_m2': (c) => c.rng.int(90, 125),
  'tea.garden_area_mu': (c) => c.rng.int(2, 30),
  'tea.expected_output_kg': (c) => c.rng.int(30, 600),
  'matter.summary': (c) =>
    c.rng.pick([
      '申请人在用人单位工作期间，单位拖欠三个月工资共计一万八千元，多次协商未果。',
      '相邻住户装修导致申请人房屋墙面开裂渗水，双方就赔偿事宜协商未果。',
      '申请人购买的预付卡所在门店停业，剩余余额约三千元无法退还。',
    ]),
  'matter.counterparty': (c) =>
    c.rng.pick(['杭州某某装饰工程有限公司', '杭州某某餐饮管理有限公司', randomName(c.rng)]),
};

/** A value of the property's type, plausible for its element. */
export function formValue(key: string, prop: FormProperty, ctx: ValueContext): unknown {
  const gen = GENERATORS[key];
  let value = gen ? gen(ctx, prop) : fallback(key, prop, ctx);
  if (prop.enum && !prop.enum.includes(value as string | number)) value = ctx.rng.pick(prop.enum);
  if (prop.type === 'integer' && typeof value === 'number') value = Math.round(value);
  if (prop.type === 'string' && typeof value !== 'string') value = String(value);
  if (typeof value === 'number') {
    const n: number = value;
    if (prop.minimum !== undefined && n < prop.minimum) value = prop.minimum;
    if (prop.maximum !== undefined && n > prop.maximum) value = prop.maximum;
  }
  if (typeof value === 'string' && prop.maxLength && value.length > prop.maxLength)
    value = value.slice(0, prop.maxLength);
  return value;
}

function fallback(key: string, prop: FormProperty, ctx: ValueContext): unknown {
  if (prop.enum) return ctx.rng.pick(prop.enum);
  switch (prop.type) {
    case 'boolean':
      return ctx.rng.chance(0.3);
    case 'integer':
      return ctx.rng.int(prop.minimum ?? 1, Math.min(prop.maximum ?? 30, 30));
    case 'number':
      return ctx.rng.int(1, 100);
    case 'string':
      if (prop.format === 'date') return around(ctx, -60, -1);
      if (prop['x-widget'] === 'phone') return me(ctx).phone;
      if (prop['x-widget'] === 'resident-id') return me(ctx).residentId;
      if (prop['x-widget'] === 'uscc') return firm(ctx)?.uscc ?? '';
      if (/address/.test(key)) return randomAddress(ctx.rng, ctx.applicant.streetCode);
      if (/name$/.test(key)) return randomName(ctx.rng);
      return prop.title.replace(/（.*）$/, '');
  }
}

/** The whole form, every field filled. */
export function fillForm(form: FormSchema, ctx: ValueContext): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const keys = Object.keys(form.properties).sort(
    (a, b) => (form.properties[a]!['x-order'] ?? 0) - (form.properties[b]!['x-order'] ?? 0),
  );
  for (const key of keys) out[key] = formValue(key, form.properties[key]!, ctx);
  return out;
}

/** Scans are PDFs; photos of ID cards and portraits are JPEGs. */
export function fileName(m: Pick<MaterialDef, 'key' | 'name'>, suffix = ''): string {
  const photo = /id-card|photo|portrait|照片|身份证/.test(`${m.key}${m.name}`);
  const base = m.name.replace(/[（(].*?[）)]/g, '').replace(/[\\/:*?"<>|\s]/g, '');
  return `${base}${suffix}.${photo ? 'jpg' : 'pdf'}`;
}

/**
 * The materials to hand in: every required one, every conditional one whose condition holds on
 * the form, and now and then an optional one; never one the bundle itself produces.
 */
export function materialsFor(
  materials: readonly (MergedMaterial | MaterialDef)[],
  formData: Record<string, unknown>,
  rng: Random,
): CaseMaterial[] {
  const out: CaseMaterial[] = [];
  for (const m of materials) {
    if ('producedBy' in m && m.producedBy) continue;
    const wanted =
      m.requirement === 'required' ||
      (m.requirement === 'conditional' &&
        (!m.condition || evaluateCondition(m.condition, formData))) ||
      (m.requirement === 'optional' && rng.chance(0.25));
    if (wanted) out.push({ key: m.key, name: m.name, source: 'upload', reference: fileName(m) });
  }
  return out;
}
