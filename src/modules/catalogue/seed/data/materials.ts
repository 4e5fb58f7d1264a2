/**
 * The shared material types (材料). A key names one kind of document wherever it is asked for, so
 * a bundle collects it once. `source` says where the window gets it without the applicant
 * carrying paper: an electronic certificate (电子证照), a shared data set (共享数据) or an upload.
 *
 * Hand-written for OneTrip's Xihu seed from the materials commonly listed in Zhejiang
 * implementation lists; names follow that usage, not any one item's official guide.
 */
import type { MaterialDef, Requirement } from '../../model.ts';

export type MaterialType = Omit<
  MaterialDef,
  'requirement' | 'condition' | 'conditionText' | 'copies'
> & { copies?: number };

type Row = [key: string, name: string, nameEn: string, source: MaterialDef['source'], extra?: Partial<MaterialType>];

const upload: MaterialDef['source'] = { kind: 'upload' };
const cert = (certificateType: string): MaterialDef['source'] => ({
  kind: 'certificate',
  certificateType,
});
const shared = (dataset: string): MaterialDef['source'] => ({ kind: 'shared_data', dataset });

const ROWS: Row[] = [
  // ---- identity and family -------------------------------------------------------------------
  ['id-card', '居民身份证', 'Resident ID card', cert('resident-id-card')],
  ['household-register', '居民户口簿', 'Household register (hukou booklet)', shared('hukou')],
  ['residence-permit', '浙江省居住证', 'Zhejiang residence permit', cert('residence-permit')],
  ['marriage-certificate', '结婚证', 'Marriage certificate', shared('marriage-registration')],
  [
    'divorce-certificate',
    '离婚证或人民法院生效的离婚判决书、调解书',
    'Divorce certificate or court judgment',
    shared('marriage-registration'),
  ],
  [
    'photo',
    '近期2寸半身免冠照片',
    'Recent passport-style photos',
    upload,
    { medium: 'either', copies: 2 },
  ],
  [
    'couple-photo',
    '双方近期2寸半身免冠合影照片',
    'Recent joint photos of the couple',
    upload,
    { medium: 'paper', copies: 3 },
  ],
  ['divorce-agreement', '离婚协议书', 'Divorce agreement', upload, { medium: 'paper', copies: 3 }],
  [
    'birth-medical-certificate',
    '出生医学证明',
    'Medical certificate of birth',
    cert('birth-medical-certificate'),
  ],
  [
    'death-medical-certificate',
    '居民死亡医学证明（推断）书',
    'Medical certificate of death',
    shared('death-registration'),
  ],
  ['cremation-certificate', '火化证明', 'Cremation certificate', shared('cremation-record')],
  [
    'relationship-proof',
    '与当事人的亲属关系证明',
    'Proof of family relationship',
    upload,
  ],
  [
    'power-of-attorney',
    '授权委托书及受托人身份证明',
    'Power of attorney and the agent’s ID',
    upload,
    { medium: 'paper', blankFormUrl: '/forms/power-of-attorney.pdf' },
  ],
  ['social-security-card', '社会保障卡', 'Social security card', cert('social-security-card')],
  [
    'disability-certificate',
    '中华人民共和国残疾人证',
    'Disability certificate',
    cert('disability-certificate'),
  ],
  [
    'disability-assessment-form',
    '残疾评定表（指定医疗机构出具）',
    'Disability assessment by a designated hospital',
    upload,
    { medium: 'paper' },
  ],
  [
    'vaccination-certificate',
    '预防接种证',
    'Vaccination certificate',
    cert('vaccination-certificate'),
  ],
  [
    'education-certificate',
    '学历（学位）证书',
    'Diploma or degree certificate',
    shared('education-record'),
  ],
  ['student-status-proof', '在读（学籍）证明', 'Proof of enrolment', upload],
  [
    'health-examination-report',
    '指定医疗机构出具的体检报告',
    'Medical examination report',
    upload,
  ],
  [
    'veteran-discharge-certificate',
    '退出现役证明（退伍证、转业证）',
    'Discharge certificate',
    cert('veteran-discharge-certificate'),
  ],
  [
    'resettlement-letter',
    '退役士兵安置介绍信',
    'Resettlement referral letter',
    upload,
    { medium: 'paper' },
  ],
  ['enlistment-notice', '入伍通知书', 'Enlistment notice', upload],
  [
    'blood-donation-certificate',
    '无偿献血证',
    'Blood donation certificate',
    cert('blood-donation-certificate'),
  ],

  // ---- money, work and social security -------------------------------------------------------
  ['bank-card', '本人银行结算账户（社保卡金融账户）', 'Own bank account', upload],
  ['labour-contract', '劳动合同', 'Labour contract', upload],
  [
    'termination-certificate',
    '解除或终止劳动关系证明',
    'Certificate of termination of employment',
    upload,
  ],
  [
    'personnel-file',
    '职工人事档案',
    'Personnel file',
    upload,
    { medium: 'paper' },
  ],
  [
    'social-insurance-record',
    '社会保险参保缴费记录',
    'Social insurance contribution record',
    shared('social-insurance-record'),
  ],
  [
    'retirement-approval',
    '职工退休审批表',
    'Retirement approval form',
    shared('retirement-approval'),
  ],
  [
    'injury-medical-records',
    '受伤害职工的初诊病历及诊断证明',
    'First medical records of the work injury',
    upload,
  ],
  ['employee-roster', '职工花名册', 'List of employees', upload],
  ['business-plan', '创业计划书', 'Business plan', upload],
  [
    'household-income-statement',
    '家庭经济状况申报表及核对授权书',
    'Household means declaration and consent to checks',
    upload,
    { medium: 'paper', blankFormUrl: '/forms/household-income-statement.pdf' },
  ],
  ['medical-invoices', '医疗费用发票及费用明细清单', 'Medical invoices and itemised bill', upload],
  ['medical-records', '出院小结或门诊病历', 'Discharge summary or outpatient record', upload],
  ['diagnosis-certificate', '医疗机构诊断证明', 'Diagnosis certificate', upload],
  [
    'out-of-area-proof',
    '异地长期居住或工作证明（个人承诺）',
    'Proof (or own declaration) of living or working elsewhere',
    upload,
  ],
  [
    'elderly-assessment-report',
    '老年人能力评估报告',
    'Older person’s ability assessment',
    shared('elderly-assessment'),
  ],

  // ---- property ------------------------------------------------------------------------------
  [
    'property-certificate',
    '不动产权证书（房屋所有权证）',
    'Real estate certificate',
    cert('real-estate-certificate'),
  ],
  [
    'housing-sale-contract',
    '房屋买卖合同（网签备案）',
    'House purchase contract (filed online)',
    shared('housing-contract-filing'),
  ],
  ['lease-contract', '房屋租赁合同', 'Lease contract', upload],
  ['mortgage-contract', '抵押合同及主债权合同', 'Mortgage and loan contracts', upload],
  [
    'loan-settlement-proof',
    '贷款结清证明或抵押权人同意注销的证明',
    'Proof the loan is repaid',
    upload,
  ],
  ['tax-receipt', '完税（减免税）凭证', 'Tax payment (or relief) record', shared('tax-payment-record')],
  [
    'utility-bill',
    '水电气户号或近期缴费凭证',
    'Utility account number or recent bill',
    upload,
  ],
  ['site-photos', '现场照片', 'Photos of the site', upload],
  [
    'village-committee-opinion',
    '村民委员会（村集体经济组织）审查意见',
    'Opinion of the village committee',
    upload,
    { medium: 'paper' },
  ],
  ['land-transfer-contract', '土地经营权流转合同', 'Land management right transfer contract', upload],

  // ---- enterprises ---------------------------------------------------------------------------
  ['business-licence', '营业执照', 'Business licence', cert('business-licence')],
  ['articles-of-association', '公司章程（合伙协议）', 'Articles of association', upload],
  [
    'name-declaration',
    '企业名称自主申报承诺书',
    'Company name self-declaration',
    upload,
  ],
  [
    'officer-appointment',
    '法定代表人、董事、监事和经理的任职文件',
    'Appointment of the legal representative, directors and supervisors',
    upload,
  ],
  ['shareholder-resolution', '股东会（股东）决议或决定', 'Shareholders’ resolution', upload],
  ['liquidation-report', '清算报告', 'Liquidation report', upload],
  [
    'deregistration-commitment',
    '全体投资人承诺书（简易注销）',
    'Undertaking by all investors (simplified deregistration)',
    upload,
    { blankFormUrl: '/forms/deregistration-commitment.pdf' },
  ],
  ['tax-clearance', '清税证明', 'Tax clearance certificate', shared('tax-clearance')],
  ['financial-statements', '财务会计报表', 'Financial statements', upload],
  ['audit-report', '专项审计报告', 'Special audit report', upload],
  [
    'ip-certificates',
    '知识产权证明材料',
    'Intellectual property certificates',
    upload,
  ],
  [
    'bank-account-opening-form',
    '单位银行结算账户开户申请书',
    'Bank account opening application',
    upload,
    { blankFormUrl: '/forms/bank-account-opening-form.pdf' },
  ],
  ['commitment-letter', '告知承诺书', 'Declaration of compliance (告知承诺)', upload, {
    blankFormUrl: '/forms/commitment-letter.pdf',
  }],
  ['capital-proof', '开办资金（注册资金）证明', 'Proof of funds', upload],
  [
    'sponsor-approval',
    '业务主管单位同意成立的文件',
    'Approval of the supervising authority',
    upload,
  ],

  // ---- premises and licences -----------------------------------------------------------------
  [
    'premises-layout-plan',
    '经营场所平面布局图',
    'Floor plan of the premises',
    upload,
  ],
  [
    'kitchen-layout-plan',
    '与食品经营相适应的主要设备设施布局、操作流程等文件',
    'Layout of the kitchen equipment and the working flow',
    upload,
  ],
  [
    'food-safety-system',
    '食品安全管理制度及食品安全管理人员配备情况',
    'Food safety rules and the food safety manager',
    upload,
  ],
  [
    'health-certificates-of-staff',
    '从业人员健康证明',
    'Health certificates of the staff',
    upload,
  ],
  [
    'cold-dish-room-plan',
    '冷食类、生食类专间设置说明',
    'Description of the dedicated room for cold or raw food',
    upload,
  ],
  [
    'food-business-permit',
    '食品经营许可证',
    'Food business permit',
    cert('food-business-permit'),
  ],
  [
    'public-place-hygiene-permit',
    '公共场所卫生许可证',
    'Public place hygiene permit',
    cert('public-place-hygiene-permit'),
  ],
  [
    'hygiene-facilities-description',
    '卫生设施设置情况及卫生管理制度',
    'Hygiene facilities and rules',
    upload,
  ],
  [
    'hygiene-inspection-report',
    '公共场所卫生检测（评价）报告',
    'Hygiene test report of the premises',
    upload,
  ],
  [
    'fire-safety-commitment',
    '公众聚集场所投入使用、营业消防安全告知承诺书',
    'Fire safety undertaking for a public gathering place',
    upload,
    { blankFormUrl: '/forms/fire-safety-commitment.pdf' },
  ],
  [
    'fire-safety-plan',
    '场所消防安全制度、灭火和应急疏散预案',
    'Fire safety rules and evacuation plan',
    upload,
  ],
  [
    'fire-acceptance-proof',
    '建设工程消防验收意见书或备案凭证',
    'Fire acceptance of the building',
    upload,
  ],
  [
    'sign-design-drawing',
    '招牌设计效果图（标明尺寸、材质、位置）',
    'Drawing of the sign (size, material, position)',
    upload,
  ],
  [
    'structural-safety-statement',
    '招牌设施结构安全承诺书',
    'Structural safety undertaking for the sign',
    upload,
  ],
  [
    'pharmacist-registration',
    '执业药师注册证',
    'Licensed pharmacist registration',
    cert('licensed-pharmacist-registration'),
  ],
  [
    'quality-management-documents',
    '药品（医疗器械）质量管理制度文件目录',
    'Quality management documents',
    upload,
  ],
  [
    'equipment-list',
    '主要设施设备目录',
    'List of the main facilities and equipment',
    upload,
  ],
  [
    'drug-business-permit',
    '药品经营许可证',
    'Drug business permit',
    cert('drug-business-permit'),
  ],
  [
    'practice-qualification',
    '执业资格证书及执业证书',
    'Professional qualification and practising certificates',
    upload,
  ],
  [
    'radiation-protection-evaluation',
    '放射防护评价报告及检测报告',
    'Radiation protection evaluation and test reports',
    upload,
  ],
  [
    'school-charter',
    '办学章程及举办者资质证明',
    'School charter and the founder’s credentials',
    upload,
  ],
  [
    'teacher-qualifications',
    '教学人员名单及资格证明',
    'Teaching staff and their qualifications',
    upload,
  ],
  [
    'special-industry-rules',
    '治安保卫制度及安全防范设施说明',
    'Security rules and facilities',
    upload,
  ],
  [
    'event-security-plan',
    '活动安全工作方案及场所安全检测报告',
    'Event security plan and venue safety report',
    upload,
  ],
  [
    'dog-immunisation-certificate',
    '犬只狂犬病免疫证明',
    'Rabies vaccination certificate',
    upload,
  ],
  [
    'staff-qualification-proof',
    '从业人员专业资格（培训）证明',
    'Staff qualifications or training certificates',
    upload,
  ],
  ['storage-facility-proof', '仓储设施证明材料', 'Storage facilities', upload],
  [
    'emergency-plan',
    '生产安全事故应急预案及评审意见',
    'Emergency plan and its review',
    upload,
  ],
  ['safety-evaluation-report', '安全评价报告', 'Safety evaluation report', upload],
  ['pledge-contract', '股权质押合同', 'Equity pledge contract', upload],
  [
    'flood-impact-assessment',
    '防洪影响评价报告',
    'Flood impact assessment',
    upload,
  ],
  [
    'water-resources-assessment',
    '建设项目水资源论证报告',
    'Water resources assessment of the project',
    upload,
  ],
  ['tea-garden-record', '茶园面积登记证明', 'Tea garden registration', upload],

  // ---- investment and construction -----------------------------------------------------------
  [
    'project-filing-record',
    '企业投资项目备案（赋码）信息',
    'Investment project filing record',
    shared('investment-project'),
  ],
  [
    'land-grant-contract',
    '国有建设用地使用权出让合同',
    'State land use right grant contract',
    upload,
  ],
  [
    'planning-drawings',
    '建设工程设计方案（总平面图）',
    'Design scheme and site plan',
    upload,
  ],
  [
    'construction-drawings',
    '施工图设计文件',
    'Construction drawings',
    upload,
  ],
  [
    'construction-contract',
    '施工合同（中标通知书）',
    'Construction contract or award notice',
    upload,
  ],
  [
    'construction-safety-measures',
    '保证工程质量和安全的具体措施',
    'Quality and safety measures',
    upload,
  ],
  [
    'planning-permit',
    '建设工程规划许可证',
    'Construction project planning permit',
    cert('construction-project-planning-permit'),
  ],
  ['eia-report', '环境影响报告书（表）', 'Environmental impact report', upload],
  ['energy-report', '节能报告', 'Energy conservation report', upload],
  ['soil-water-plan', '水土保持方案报告书（表）', 'Soil and water conservation plan', upload],
  ['fire-design-documents', '建设工程消防设计文件', 'Fire protection design documents', upload],
  [
    'feasibility-report',
    '项目申请报告（可行性研究报告）',
    'Project application (feasibility) report',
    upload,
  ],
  [
    'waste-disposal-plan',
    '建筑垃圾处置方案及运输、消纳协议',
    'Construction waste disposal plan and haulage contracts',
    upload,
  ],
  [
    'road-works-plan',
    '施工方案及交通组织方案',
    'Works and traffic management plan',
    upload,
  ],
  [
    'drainage-plan',
    '排水户内部排水管网、专用检测井、隔油设施及排放口位置图',
    'Internal drainage, inspection chamber, grease trap and outfall plan',
    upload,
  ],
  ['felling-plan', '林木采伐作业设计（说明）', 'Tree felling plan', upload],
  ['monitoring-report', '检测（监测）报告', 'Test or monitoring report', upload],

  // ---- forms and statements ------------------------------------------------------------------
  [
    'application-form',
    '申请表（申请书）',
    'Application form',
    upload,
    { medium: 'either' },
  ],
  [
    'written-statement',
    '书面申请及事实理由说明',
    'Written request with the facts and reasons',
    upload,
  ],
  [
    'evidence',
    '相关证据材料',
    'Supporting evidence',
    upload,
  ],
];

export const MATERIALS: Record<string, MaterialType> = Object.fromEntries(
  ROWS.map(([key, name, nameEn, source, extra]) => [
    key,
    { key, name, nameEn, medium: source.kind === 'upload' ? 'either' : 'electronic', source, ...extra },
  ]),
);

/**
 * A material as one item asks for it. An unknown key is a mistake in the seed and stops it
 * at load; `extra` carries a condition (with its words) or an item's own blank form.
 */
export function need(
  key: string,
  requirement: Requirement = 'required',
  extra: Partial<Omit<MaterialDef, 'key' | 'requirement'>> = {},
): MaterialDef {
  const type = MATERIALS[key];
  if (!type) throw new Error(`need: unknown material ${key}`);
  const { copies, ...rest } = type;
  const def: MaterialDef = { ...rest, copies: copies ?? 1, requirement, ...extra };
  if (requirement === 'conditional' && !def.condition?.trim()) {
    throw new Error(`need: conditional material ${key} without a condition`);
  }
  return def;
}

/** A material needed only when a condition over the item's form holds. */
export const needIf = (key: string, condition: string, conditionText: string): MaterialDef =>
  need(key, 'conditional', { condition, conditionText });

/** A material the applicant may add. */
export const mayAdd = (key: string): MaterialDef => need(key, 'optional');
