/** The words staff and applicants write in the demo cases. */
import type { SpecialProcedure } from '../model.ts';
import type { Random } from './simulation.ts';

export const APPROVE_COMMENTS = {
  permit: [
    '申请材料齐全，符合法定形式，经审查符合法定条件，准予许可。',
    '经审查符合许可条件，准予许可，证照已同步生成电子证照。',
    '材料齐全、符合条件，予以许可。',
  ],
  other: [
    '经审核符合条件，同意办理。',
    '信息核验一致，予以办理。',
    '符合规定，已办结。',
    '经审核，同意。',
  ],
};

export const REJECT_COMMENTS = [
  '经现场核查，经营场所实际情况与申请材料不一致，不符合法定条件，不予许可。',
  '经核查，申请人不符合该事项规定的申请条件，依法不予批准。',
  '经审查，申请人提交的材料不能证明其符合法定条件，不予许可。',
];

/** Corrections (补正): what a clerk or reviewer tells the applicant to fix, all at once. */
export const MATERIAL_PROBLEMS = [
  (name: string) => `${name}扫描件不清晰，请重新上传清晰完整的彩色扫描件`,
  (name: string) => `${name}缺少签字或盖章页，请补充签字盖章后重新上传`,
  (name: string) => `${name}已超过有效期，请提供有效期内的文件`,
  (name: string) => `${name}与申请表填写的信息不一致，请核对后重新提供`,
];

export function fieldProblem(key: string, title: string): string {
  if (/address/.test(key)) return `${title}需填写到门牌号（含幢、单元、室号）`;
  if (/phone/.test(key)) return `${title}无法接通，请核实后重新填写`;
  if (/resident_id|uscc/.test(key)) return `${title}与证件信息不一致，请核对`;
  if (/name/.test(key)) return `${title}与身份证件或营业执照上的名称不一致，请核对`;
  if (/scope|summary|items/.test(key)) return `${title}表述不规范，请按规范表述重新填写`;
  if (/date/.test(key)) return `${title}与证明材料记载的日期不一致，请核对`;
  return `${title}填写有误，请核实后重新填写`;
}

export const DECLINES = {
  /** Licensing law, art. 32(1)(i) and (ii): what a permit intake may refuse. */
  permit: [
    {
      reason: '申请事项依法不需要取得行政许可，已当场告知申请人',
      legalBasis: '《中华人民共和国行政许可法》第三十二条第一款第（一）项',
    },
    {
      reason: '申请事项依法不属于本行政机关职权范围，已告知申请人向有关行政机关申请',
      legalBasis: '《中华人民共和国行政许可法》第三十二条第一款第（二）项',
    },
  ],
};

export const SPECIAL_FOR_PERMITS: SpecialProcedure[] = [
  'on_site_inspection',
  'on_site_inspection',
  'on_site_inspection',
  'expert_review',
  'hearing',
];
export const SPECIAL_FOR_OTHERS: SpecialProcedure[] = ['on_site_inspection', 'expert_review'];

export const RATING_TEXTS: Record<number, string[]> = {
  5: [
    '全程网上办，一次都没跑，点赞！',
    '窗口工作人员很耐心，材料一次就讲清楚了。',
    '比承诺时间提前办结，效率很高。',
    '手机上就办好了，很方便。',
    '一件事一次办，省心省力。',
    '',
  ],
  4: ['整体满意，进度查询再直观一些就更好了。', '办理顺利，就是表格有点长。', '服务不错。', ''],
  3: ['办是办好了，但补正说明不够具体，来回改了两次。', '等待时间有点长。'],
  2: ['审查环节超过承诺时限，也没有人主动告知进度。', '电话咨询一直占线，进度不透明。'],
  1: ['多次补正，每次要求都不一样，体验很差。', '承诺的时限没有做到，打电话也没人回复。'],
};

export const RATING_TAGS: Record<number, string[]> = {
  5: ['办事快', '态度好', '零跑腿', '材料少'],
  4: ['办事快', '态度好'],
  3: ['流程复杂'],
  2: ['超时办理', '进度不透明'],
  1: ['多次补正', '超时办理', '态度差'],
};

export const FOLLOW_UP_NOTES = {
  call_back: [
    '已电话回访申请人，了解不满意原因，致歉并说明后续整改安排。',
    '已与申请人取得联系，核实情况属实，答应于十五个工作日内答复整改结果。',
  ],
  rectify_reply: [
    '已对审查环节超时问题进行通报，调整审查岗人员安排，并向申请人书面答复。',
    '已优化一次性告知清单并培训窗口人员，整改情况已答复申请人。',
  ],
  review: ['回访后问题已解决，工作人员态度很好。', '整改答复收到了，希望以后能保持。'],
};

/** 机关内部"最多跑一次": what one department asks of another. */
export const INTERNAL_REQUESTS: {
  from: string;
  to: string;
  kind: 'data' | 'seal' | 'opinion';
  title: string;
  detail: string;
}[] = [
  {
    from: 'civil-affairs',
    to: 'public-security',
    kind: 'data',
    title: '低保申请家庭成员户籍信息核验',
    detail:
      '请协助核验本批次12户低保申请家庭共同生活成员的户籍及人口变动信息，名单已通过数据共享平台推送。',
  },
  {
    from: 'education',
    to: 'public-security',
    kind: 'data',
    title: '新居民子女入学居住登记信息核验',
    detail: '秋季招生积分入学审核，请核验申请学生父母在本区的居住登记时长，共86条。',
  },
  {
    from: 'market-regulation',
    to: 'fire-rescue',
    kind: 'opinion',
    title: '大型商业综合体开业前消防安全意见征询',
    detail: '西溪某商业综合体申请食品经营许可，请就其消防安全检查情况出具意见。',
  },
  {
    from: 'housing-construction',
    to: 'planning-natural-resources',
    kind: 'opinion',
    title: '老旧小区加装电梯规划意见',
    detail: '翠苑一区3幢、5幢拟加装电梯，请对规划符合性出具意见。',
  },
  {
    from: 'urban-management',
    to: 'market-regulation',
    kind: 'data',
    title: '沿街商铺市场主体登记信息共享',
    detail:
      '户外招牌专项整治需要，请提供文三路沿线商铺的市场主体登记信息（名称、法定代表人、住所）。',
  },
  {
    from: 'veterans-affairs',
    to: 'human-resources-social-security',
    kind: 'data',
    title: '退役军人参保缴费记录核对',
    detail: '请核对本季度接收安置的退役士兵在本区的养老保险参保缴费记录，共23人。',
  },
  {
    from: 'health',
    to: 'market-regulation',
    kind: 'opinion',
    title: '医疗美容机构经营范围核定意见',
    detail: '转塘某生活美容机构经营范围涉及医疗美容项目，请对登记经营范围的表述提出意见。',
  },
  {
    from: 'government-services',
    to: 'data-resources',
    kind: 'data',
    title: '“一件事”办件数据共享接口开通',
    detail: '开办企业一件事需要调用电子营业执照和电子印章数据，请开通相应共享接口权限。',
  },
  {
    from: 'commerce',
    to: 'market-regulation',
    kind: 'data',
    title: '单用途预付卡备案企业名单比对',
    detail: '请提供本区美容美发、健身类市场主体名单，用于与预付卡备案企业名单比对。',
  },
  {
    from: 'culture-tourism-sports',
    to: 'public-security',
    kind: 'opinion',
    title: '大型群众性活动安全工作意见',
    detail: '龙井茶文化节拟于下月在龙井村举办，预计参加人数3000人，请出具安全工作意见。',
  },
  {
    from: 'science-technology',
    to: 'general-office',
    kind: 'seal',
    title: '区校合作协议用印',
    detail: '区政府与浙江大学科技园合作框架协议（定稿）需加盖区政府印章，协议文本已上传。',
  },
  {
    from: 'agriculture-rural-affairs',
    to: 'planning-natural-resources',
    kind: 'opinion',
    title: '农村宅基地审批规划意见',
    detail: '双浦镇3户村民建房申请，请对是否符合村庄规划出具意见。',
  },
  {
    from: 'ecology-environment',
    to: 'urban-management',
    kind: 'data',
    title: '建设工地渣土运输备案信息',
    detail: '扬尘治理需要，请提供三墩镇在建工地的建筑垃圾处置核准及运输单位信息。',
  },
  {
    from: 'disabled-persons-federation',
    to: 'civil-affairs',
    kind: 'data',
    title: '重度残疾人低保身份核验',
    detail: '残疾人两项补贴年度复核，请核验名单内重度残疾人的低保、低边身份，共41人。',
  },
  {
    from: 'taxation',
    to: 'market-regulation',
    kind: 'data',
    title: '简易注销企业名单推送',
    detail: '请推送上月申请简易注销的企业名单，用于清税信息比对。',
  },
  {
    from: 'human-resources-social-security',
    to: 'taxation',
    kind: 'data',
    title: '灵活就业人员社保补贴纳税记录核对',
    detail: '请核对申请灵活就业社保补贴人员的个人所得税申报记录，共35人。',
  },
];

export const pickText = (rng: Random, list: readonly string[]) => rng.pick(list);
