/**
 * The shared data-element catalogue (数据元目录) that every item form draws from. A form property's
 * key is the element key, so an element means the same thing — and has the same type — in every
 * item that asks for it: that is what lets a bundle (一件事) ask each question once.
 *
 * Hand-written for OneTrip's Xihu seed. Enumerated values are stable codes (the CEL conditions
 * compare against them); `x-help` gives their Chinese reading and `x-enum-en` their English one.
 */
import type { FormProperty, FormSchema } from '../../model.ts';

const RESIDENT_ID = '^[1-9]\\d{16}[\\dX]$';
const MOBILE = '^1\\d{10}$';
const USCC = '^[0-9A-HJ-NPQRTUWXY]{2}\\d{6}[0-9A-HJ-NPQRTUWXY]{10}$';

type Extra = Partial<Omit<FormProperty, 'type' | 'title' | 'x-title-en'>>;

const text = (title: string, en: string, extra: Extra = {}): FormProperty => ({
  type: 'string',
  title,
  'x-title-en': en,
  maxLength: 100,
  ...extra,
});
const longText = (title: string, en: string): FormProperty =>
  text(title, en, { maxLength: 2000, 'x-widget': 'textarea' });
const date = (title: string, en: string): FormProperty =>
  text(title, en, { format: 'date', 'x-widget': 'date', maxLength: 10 });
const name = (title: string, en: string): FormProperty => text(title, en, { maxLength: 50 });
const residentId = (title: string, en: string): FormProperty =>
  text(title, en, { 'x-widget': 'resident-id', pattern: RESIDENT_ID, maxLength: 18 });
const num = (title: string, en: string, extra: Extra = {}): FormProperty => ({
  type: 'number',
  title,
  'x-title-en': en,
  minimum: 0,
  'x-widget': 'number',
  ...extra,
});
const int = (title: string, en: string, extra: Extra = {}): FormProperty => ({
  type: 'integer',
  title,
  'x-title-en': en,
  minimum: 0,
  'x-widget': 'number',
  ...extra,
});
const flag = (title: string, en: string, help?: string): FormProperty => ({
  type: 'boolean',
  title,
  'x-title-en': en,
  'x-widget': 'switch',
  ...(help ? { 'x-help': help } : {}),
});
/** Each code of an enumeration with its Chinese and its English reading. */
type Labels = Record<string, readonly [zh: string, en: string]>;

/**
 * An enumeration of codes: 'x-help' reads them in Chinese, 'x-enum-en' in English, so that a
 * form in either language shows words and never a code.
 */
export const choice = (title: string, en: string, labels: Labels): FormProperty => ({
  type: 'string',
  title,
  'x-title-en': en,
  enum: Object.keys(labels),
  'x-widget': 'select',
  'x-help': Object.entries(labels)
    .map(([code, [zh]]) => `${code}：${zh}`)
    .join('；'),
  'x-enum-en': Object.fromEntries(Object.entries(labels).map(([code, [, english]]) => [code, english])),
});

const SEX = { male: ['男', 'Male'], female: ['女', 'Female'] } satisfies Labels;

export const ELEMENTS: Record<string, FormProperty> = {
  // ---- the applicant (申请人) ----------------------------------------------------------------
  'applicant.name': name('申请人姓名', "Applicant's name"),
  'applicant.resident_id': residentId('申请人公民身份号码', "Applicant's resident ID number"),
  'applicant.phone': text('联系电话', 'Mobile phone number', {
    'x-widget': 'phone',
    pattern: MOBILE,
    maxLength: 11,
  }),
  'applicant.address': text('联系地址', 'Contact address', { maxLength: 200 }),
  'applicant.email': text('电子邮箱', 'Email', { format: 'email', maxLength: 100 }),
  'applicant.sex': choice('性别', 'Sex', SEX),
  'applicant.birth_date': date('出生日期', 'Date of birth'),
  'applicant.age': int('年龄（周岁）', 'Age (full years)', { maximum: 130 }),
  'applicant.hukou_address': text('户籍地址', 'Registered (hukou) address', { maxLength: 200 }),
  'applicant.has_local_hukou': flag('是否西湖区户籍', 'Hukou registered in Xihu District'),
  'applicant.marital_status': choice('婚姻状况', 'Marital status', {
    unmarried: ['未婚', 'Never married'],
    married: ['已婚', 'Married'],
    divorced: ['离婚', 'Divorced'],
    widowed: ['丧偶', 'Widowed'],
  }),
  'applicant.household_size': int('共同生活家庭成员人数', 'Members of the household', {
    minimum: 1,
    maximum: 20,
  }),
  'applicant.monthly_income_per_capita': num(
    '家庭月人均收入（元）',
    'Monthly household income per head (CNY)',
  ),
  'applicant.is_assistance_recipient': flag(
    '是否低保、低保边缘或特困供养对象',
    'Receives minimum living allowance or extreme-poverty support',
  ),
  'applicant.has_student_in_family': flag(
    '家庭成员中是否有在校学生',
    'A household member is in school',
  ),
  'applicant.has_major_medical_expense': flag(
    '是否有大额自付医疗费用',
    'Has large out-of-pocket medical costs',
  ),
  'applicant.is_student': flag('是否在校学生或应届毕业生', 'Student or graduating this year'),
  'applicant.move_from_address': text('迁出地址', 'Moving from (address)', { maxLength: 200 }),
  'applicant.move_reason': choice('迁移原因', 'Reason for moving the hukou', {
    work: ['工作调动', 'Job transfer'],
    talent: ['人才引进', 'Talent scheme'],
    marriage: ['投靠配偶', 'Joining a spouse'],
    dependants: ['投靠父母或子女', 'Joining parents or children'],
    housing: ['购房或自有住房', 'Bought or owns a home'],
    study: ['升学', 'Going to school or university'],
  }),
  'applicant.meets_settlement_conditions': flag(
    '是否符合杭州市落户条件',
    'Meets the conditions to settle (hukou) in Hangzhou',
  ),
  'applicant.from_other_province': flag('是否从外省迁入', 'Moving in from another province'),
  'applicant.needs_new_id_card': flag(
    '是否同时换领居民身份证',
    'Also renewing the resident ID card',
  ),
  'applicant.needs_home_care': flag('是否需要居家养老服务', 'Needs home-based elderly care'),

  // ---- the enterprise (市场主体) -------------------------------------------------------------
  'enterprise.name': text('企业（市场主体）名称', 'Enterprise name', { maxLength: 200 }),
  'enterprise.uscc': text('统一社会信用代码', 'Unified social credit code', {
    'x-widget': 'uscc',
    pattern: USCC,
    maxLength: 18,
  }),
  'enterprise.legal_representative': name('法定代表人（负责人）', 'Legal representative'),
  'enterprise.registered_capital_wan': num(
    '注册资本（万元）',
    'Registered capital (10,000 CNY)',
  ),
  'enterprise.business_scope': longText('经营范围', 'Business scope'),
  'enterprise.type': choice('市场主体类型', 'Type of market entity', {
    'limited-company': ['有限责任公司', 'Limited liability company'],
    'joint-stock-company': ['股份有限公司', 'Company limited by shares'],
    'sole-proprietorship': ['个人独资企业', 'Sole proprietorship'],
    partnership: ['合伙企业', 'Partnership'],
    'individual-business': ['个体工商户', 'Individual business'],
    'farmers-cooperative': ['农民专业合作社', "Farmers' cooperative"],
    branch: ['分支机构', 'Branch'],
  }),
  'enterprise.employees': int('从业人数', 'Number of employees'),
  'enterprise.registered_address': text('住所（注册地址）', 'Registered address', {
    maxLength: 200,
  }),
  'enterprise.change_items': longText('变更事项', 'What changes'),
  'enterprise.name_changed': flag('是否变更名称', 'The name changes'),
  'enterprise.address_changed': flag('是否变更住所', 'The registered address changes'),
  'enterprise.has_food_permit': flag('是否持有食品经营许可证', 'Holds a food business permit'),
  'enterprise.has_hygiene_permit': flag(
    '是否持有公共场所卫生许可证',
    'Holds a public place hygiene permit',
  ),
  'enterprise.deregistration_type': choice('注销方式', 'Kind of deregistration', {
    simplified: ['简易注销', 'Simplified deregistration'],
    ordinary: ['普通注销', 'Ordinary deregistration'],
  }),
  'enterprise.is_chain_brand': flag('是否品牌连锁门店', 'Store of a branded chain'),
  'enterprise.sells_prepaid_cards': flag(
    '是否发行单用途预付卡（会员储值卡）',
    'Issues single-purpose prepaid (membership) cards',
  ),
  'enterprise.annual_revenue_wan': num(
    '上年度营业收入（万元）',
    'Revenue last year (10,000 CNY)',
  ),
  'enterprise.rd_expense_wan': num(
    '上年度研究开发费用（万元）',
    'R&D expenditure last year (10,000 CNY)',
  ),
  'enterprise.needs_guarantee_loan': flag(
    '是否申请创业担保贷款',
    'Applies for a business start-up guaranteed loan',
  ),
  'enterprise.loan_amount_wan': num('申请贷款金额（万元）', 'Loan amount (10,000 CNY)', {
    maximum: 1000,
  }),

  // ---- social organisations and schools ------------------------------------------------------
  'organisation.name': text('组织（机构）名称', 'Organisation name', { maxLength: 200 }),
  'organisation.type': choice('社会组织类型', 'Kind of social organisation', {
    'social-group': ['社会团体', 'Social group'],
    'private-non-enterprise': ['民办非企业单位（社会服务机构）', 'Private non-enterprise unit (social service organisation)'],
    foundation: ['基金会', 'Foundation'],
  }),
  'organisation.sponsor': text('业务主管单位', 'Supervising authority'),
  'organisation.for_profit': flag('举办者是否选择营利性', 'Run for profit'),
  'training.category': choice('培训类别', 'Kind of training', {
    arts: ['文化艺术类', 'Culture and arts'],
    sports: ['体育类', 'Sports'],
    stem: ['科技类', 'Science and technology'],
    vocational: ['职业技能类', 'Vocational skills'],
  }),

  // ---- premises (经营场所) -------------------------------------------------------------------
  'premises.address': text('经营场所地址', 'Address of the premises', { maxLength: 200 }),
  'premises.area_m2': num('经营场所使用面积（平方米）', 'Floor area of the premises (m²)'),
  'premises.ownership': choice('经营场所权属', 'Ownership of the premises', {
    own: ['自有', 'Owned'],
    lease: ['租赁', 'Leased'],
  }),
  'premises.has_outdoor_sign': flag('是否设置户外招牌', 'Puts up an outdoor shop sign'),
  'premises.seats': int('就餐座位数', 'Seats for diners'),
  'premises.rooms': int('客房间数', 'Guest rooms'),
  'premises.has_catering': flag('是否兼营餐饮或现制饮品', 'Also serves food or made drinks'),
  'premises.has_swimming_pool': flag('是否设有游泳池', 'Has a swimming pool'),
  'sign.text': text('招牌文字内容', 'Wording of the sign'),
  'sign.area_m2': num('招牌面积（平方米）', 'Area of the sign (m²)'),
  'sign.illuminated': flag('是否为发光招牌', 'Illuminated sign'),

  // ---- food and drugs ------------------------------------------------------------------------
  'food.business_type': choice('食品经营主体业态', 'Kind of food business', {
    catering: ['餐饮服务经营者', 'Catering service'],
    retail: ['食品销售经营者', 'Food retail'],
    canteen: ['单位食堂', 'Workplace or school canteen'],
    'central-kitchen': ['中央厨房', 'Central kitchen'],
  }),
  'food.sells_bulk_food': flag('是否销售散装食品', 'Sells unpackaged (bulk) food'),
  'food.sells_cold_dishes': flag(
    '是否制售冷食类、生食类食品',
    'Prepares cold dishes or raw food',
  ),
  'pharmacy.pharmacist_name': name('执业药师姓名', "Licensed pharmacist's name"),
  'pharmacy.sells_medical_devices': flag(
    '是否经营第二类医疗器械',
    'Sells class II medical devices',
  ),
  'pharmacy.apply_medical_insurance': flag(
    '是否申请医保定点',
    'Applies to be a designated medical-insurance pharmacy',
  ),

  // ---- family ---------------------------------------------------------------------------------
  'child.name': name('新生儿姓名', "Child's name"),
  'child.birth_date': date('出生日期', "Child's date of birth"),
  'child.sex': choice('新生儿性别', "Child's sex", SEX),
  'child.birth_hospital': text('出生医院（助产机构）', 'Hospital of birth'),
  'child.birth_order': int('孩次', 'Birth order (1st, 2nd … child)', { minimum: 1, maximum: 10 }),
  'mother.name': name('母亲姓名', "Mother's name"),
  'mother.resident_id': residentId('母亲公民身份号码', "Mother's resident ID number"),
  'mother.has_employee_insurance': flag(
    '母亲是否参加职工基本医疗保险（含生育保险）',
    'Mother is covered by employee medical (maternity) insurance',
  ),
  'father.name': name('父亲姓名', "Father's name"),
  'father.resident_id': residentId('父亲公民身份号码', "Father's resident ID number"),
  'spouse.name': name('配偶（对方当事人）姓名', "Spouse's name"),
  'spouse.resident_id': residentId('配偶公民身份号码', "Spouse's resident ID number"),
  'marriage.date': date('结婚登记日期', 'Date of marriage registration'),
  'marriage.hukou_join_spouse': flag(
    '是否办理夫妻投靠落户',
    'Moves the hukou to join the spouse',
  ),

  // ---- property (不动产) ---------------------------------------------------------------------
  'property.certificate_no': text('不动产权证书号', 'Real estate certificate number'),
  'property.address': text('不动产坐落', 'Location of the property', { maxLength: 200 }),
  'property.area_m2': num('建筑面积（平方米）', 'Floor area (m²)'),
  'property.price_wan': num('成交价格（万元）', 'Transaction price (10,000 CNY)'),
  'property.use': choice('房屋用途', 'Use of the building', {
    residential: ['住宅', 'Residential'],
    commercial: ['商业', 'Commercial'],
    office: ['办公', 'Office'],
    industrial: ['工业', 'Industrial'],
  }),
  'property.has_mortgage': flag('是否存在未注销的抵押', 'Has an outstanding mortgage'),
  'property.with_loan': flag('购房是否申请抵押贷款', 'Buyer takes a mortgage loan'),
  'property.uses_housing_fund': flag(
    '是否提取住房公积金支付房款',
    'Pays with housing provident fund',
  ),
  'property.loan_amount_wan': num('被担保主债权数额（万元）', 'Secured loan amount (10,000 CNY)'),
  'property.is_only_home': flag('是否为家庭唯一住房', "The household's only home"),
  'utility.account_no': text('水电气原户号', 'Existing water/power/gas account number', {
    maxLength: 50,
  }),

  // ---- after a death ---------------------------------------------------------------------------
  'deceased.name': name('逝者姓名', "Deceased's name"),
  'deceased.resident_id': residentId('逝者公民身份号码', "Deceased's resident ID number"),
  'deceased.date_of_death': date('死亡日期', 'Date of death'),
  'deceased.place_of_death': choice('死亡地点', 'Place of death', {
    hospital: ['医疗机构内', 'In a hospital or clinic'],
    home: ['家中', 'At home'],
    other: ['其他场所', 'Elsewhere'],
  }),
  'deceased.applicant_relationship': choice('申请人与逝者关系', 'Relationship to the deceased', {
    spouse: ['配偶', 'Spouse'],
    child: ['子女', 'Child'],
    parent: ['父母', 'Parent'],
    other: ['其他亲属', 'Other relative'],
  }),
  'deceased.had_employee_pension': flag(
    '逝者是否领取职工基本养老金或在职参保',
    'Deceased drew an employee pension or was insured at work',
  ),
  'deceased.had_housing_fund': flag(
    '逝者是否有住房公积金余额',
    'Deceased had a housing provident fund balance',
  ),
  'deceased.had_disability_certificate': flag(
    '逝者是否持有残疾人证',
    'Deceased held a disability certificate',
  ),

  // ---- school --------------------------------------------------------------------------------
  'student.name': name('学生姓名', "Student's name"),
  'student.resident_id': residentId('学生公民身份号码', "Student's resident ID number"),
  'student.school': text('学校名称', 'School'),
  'student.grade': text('年级', 'Grade', { maxLength: 20 }),
  'student.has_local_hukou': flag(
    '学生是否具有西湖区户籍',
    'Student has a Xihu District hukou',
  ),

  // ---- money ---------------------------------------------------------------------------------
  'bank.account_name': name('银行账户户名', 'Bank account holder'),
  'bank.name': text('开户银行', 'Bank'),
  'bank.account_no': text('银行账号', 'Bank account number', { maxLength: 32 }),
  'housing.fund_account': text('住房公积金个人账号', 'Housing provident fund account', {
    maxLength: 32,
  }),
  'housing.withdrawal_reason': choice('公积金提取原因', 'Reason for the withdrawal', {
    purchase: ['购买自住住房', 'Buying a home to live in'],
    rent: ['租赁自住住房', 'Renting a home to live in'],
    retirement: ['离休、退休', 'Retirement'],
    'loan-repayment': ['偿还住房贷款本息', 'Repaying a home loan'],
    deceased: ['职工死亡（继承）', 'Death of the account holder (inheritance)'],
  }),
  'housing.support_type': choice('住房保障方式', 'Kind of housing support', {
    'rental-housing': ['公共租赁住房实物配租', 'A public rental flat'],
    'rental-subsidy': ['租赁补贴（货币补贴）', 'Rent subsidy (cash)'],
  }),

  // ---- work ----------------------------------------------------------------------------------
  'employment.employer': text('用人单位名称', 'Employer', { maxLength: 200 }),
  'employment.start_date': date('入职（用工）日期', 'Start of employment'),
  'employment.end_date': date('劳动关系终止日期', 'End of employment'),
  'employment.position': text('工作岗位', 'Job'),
  'employment.monthly_wage': num('月工资（元）', 'Monthly wage (CNY)'),
  'employment.hard_to_employ': flag('是否就业困难人员', 'Registered as hard to employ'),
  'employment.is_new_graduate': flag(
    '是否毕业年度或离校2年内高校毕业生',
    'Graduated this year or within two years',
  ),
  'employment.insured_one_year': flag(
    '失业前累计缴纳失业保险费是否满1年',
    'Paid unemployment insurance for at least a year',
  ),

  // ---- veterans ------------------------------------------------------------------------------
  'veteran.enlistment_date': date('入伍时间', 'Date of enlistment'),
  'veteran.discharge_date': date('退出现役时间', 'Date of discharge'),
  'veteran.service_type': choice('退役类别', 'Kind of service', {
    conscript: ['义务兵', 'Conscript'],
    nco: ['士官', 'Non-commissioned officer'],
    officer: ['军官', 'Officer'],
  }),
  'veteran.resettlement_type': choice('安置方式', 'Kind of resettlement', {
    'job-placement': ['安排工作', 'Job placement'],
    'self-employment': ['自主就业', 'Finding own employment'],
    retirement: ['退休', 'Retirement'],
    support: ['供养', 'State support'],
  }),

  // ---- disability ----------------------------------------------------------------------------
  'disability.category': choice('残疾类别', 'Kind of disability', {
    visual: ['视力残疾', 'Visual'],
    hearing: ['听力残疾', 'Hearing'],
    speech: ['言语残疾', 'Speech'],
    physical: ['肢体残疾', 'Physical'],
    intellectual: ['智力残疾', 'Intellectual'],
    mental: ['精神残疾', 'Mental'],
    multiple: ['多重残疾', 'Multiple'],
  }),
  'disability.level': int('残疾等级（1-4级）', 'Disability grade (1 = most severe)', {
    minimum: 1,
    maximum: 4,
  }),
  'disability.certificate_no': text('残疾人证号', 'Disability certificate number', {
    maxLength: 20,
  }),
  'disability.needs_assistive_device': flag('是否需要辅助器具', 'Needs assistive devices'),
  'disability.needs_home_renovation': flag(
    '是否需要家庭无障碍改造',
    'Needs barrier-free home adaptation',
  ),

  // ---- health --------------------------------------------------------------------------------
  'medical.hospital': text('就诊医疗机构', 'Hospital or clinic'),
  'medical.admission_date': date('就诊（入院）日期', 'Date of treatment or admission'),
  'medical.amount_yuan': num('医疗费用总额（元）', 'Medical costs in total (CNY)'),
  'medical.treated_out_of_area': flag(
    '是否在参保地以外就医',
    'Treated outside the insured area',
  ),
  'medical.destination_city': text('异地就医地（城市）', 'City of treatment elsewhere'),
  'medical.disease': text('疾病诊断名称', 'Diagnosis'),
  'blood.donation_certificate_no': text('无偿献血证编号', 'Blood donation certificate number', {
    maxLength: 30,
  }),
  'blood.recipient_relationship': choice('用血者与献血者关系', 'Blood user is the donor’s', {
    self: ['献血者本人', 'The donor themselves'],
    spouse: ['配偶', 'Spouse'],
    parent: ['父母', 'Parent'],
    child: ['子女', 'Child'],
    sibling: ['兄弟姐妹', 'Brother or sister'],
  }),

  // ---- investment projects -------------------------------------------------------------------
  'project.name': text('项目名称', 'Project name', { maxLength: 200 }),
  'project.code': text('项目代码', 'Project code', { maxLength: 30 }),
  'project.address': text('建设地点', 'Project site', { maxLength: 200 }),
  'project.investment_wan': num('总投资（万元）', 'Total investment (10,000 CNY)'),
  'project.land_area_mu': num('用地面积（亩）', 'Land area (mu)'),
  'project.floor_area_m2': num('总建筑面积（平方米）', 'Total floor area (m²)'),
  'project.eia_category': choice('环境影响评价类别', 'Environmental impact assessment class', {
    report: ['报告书', 'Full report'],
    table: ['报告表', 'Report form'],
    registration: ['登记表', 'Registration form'],
  }),
  'project.annual_energy_tce': num(
    '年综合能源消费量（吨标准煤）',
    'Annual energy use (tonnes of standard coal equivalent)',
  ),
  'project.is_special_fire_project': flag(
    '是否属于特殊建设工程',
    'Special construction project for fire review',
  ),
  'project.needs_road_excavation': flag(
    '是否需要挖掘、占用城市道路',
    'Needs to dig up or occupy a city road',
  ),
  'project.needs_new_land': flag('是否新增建设用地', 'Needs new construction land'),
  'waste.volume_m3': num('建筑垃圾（渣土）量（立方米）', 'Construction waste (m³)'),
  'waste.transport_company': text('运输单位', 'Haulier'),

  // ---- miscellaneous -------------------------------------------------------------------------
  'vehicle.plate': text('号牌号码', 'Plate number', { maxLength: 10 }),
  'vehicle.type': choice('车辆类型', 'Kind of vehicle', {
    'small-car': ['小型汽车', 'Small car'],
    'large-car': ['大型汽车', 'Large vehicle'],
    motorcycle: ['摩托车', 'Motorcycle'],
    other: ['其他', 'Other'],
  }),
  'seal.count': int('刻制印章枚数', 'Number of seals', { minimum: 1, maximum: 20 }),
  'invoice.type': choice('发票种类', 'Kind of invoice', {
    digital: ['全面数字化电子发票', 'Fully digital e-invoice'],
    'vat-special': ['增值税专用发票（纸质）', 'Special VAT invoice (paper)'],
    'vat-general': ['增值税普通发票（纸质）', 'Ordinary VAT invoice (paper)'],
  }),
  'invoice.monthly_quantity': int('每月最高领用数量（份）', 'Invoices per month (max.)'),
  'event.name': text('活动名称', 'Event name'),
  'event.date': date('活动日期', 'Date of the event'),
  'event.venue': text('活动场所', 'Venue'),
  'event.attendance': int('预计参加人数', 'Expected attendance'),
  'dog.breed': text('犬只品种', 'Breed'),
  'dog.immunisation_no': text('犬只免疫证号', 'Rabies vaccination number', { maxLength: 30 }),
  'tree.species': text('树种', 'Tree species'),
  'tree.count': int('株数', 'Number of trees', { minimum: 1 }),
  'land.contract_area_mu': num('承包耕地面积（亩）', 'Contracted farmland (mu)'),
  'homestead.village': text('所在村（社区）', 'Village'),
  'homestead.area_m2': num('申请宅基地面积（平方米）', 'Homestead area applied for (m²)'),
  'tea.garden_area_mu': num('茶园面积（亩）', 'Tea garden area (mu)'),
  'tea.expected_output_kg': num('预计西湖龙井茶产量（千克）', 'Expected Xihu Longjing output (kg)'),
  'matter.summary': longText('事项（案情）简述', 'What it is about'),
  'matter.counterparty': text('对方当事人', 'Other party'),
};

/**
 * An item form from element keys: properties in the order given ('x-order' 1, 2, …), `required`
 * a subset of them. An unknown key is a mistake in the seed and stops it at load.
 */
export function form(keys: string[], required: string[]): FormSchema {
  const properties: Record<string, FormProperty> = {};
  keys.forEach((key, i) => {
    const element = ELEMENTS[key];
    if (!element) throw new Error(`form: unknown data element ${key}`);
    if (properties[key]) throw new Error(`form: element ${key} given twice`);
    properties[key] = { ...element, 'x-order': i + 1 };
  });
  for (const key of required) {
    if (!properties[key]) throw new Error(`form: required element ${key} is not in the form`);
  }
  return { type: 'object', properties, required: [...required] };
}
