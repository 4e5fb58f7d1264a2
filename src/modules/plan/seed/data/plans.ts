/**
 * The plan's goal trees, seeded from the district's plan article:
 *   杭州日报 2019-12-31《西湖区：构建“北强、南启、中兴”发展新格局》(also carried by 杭州写字楼网).
 *
 * What comes from the article (demo: false): the structure named in the article (the three
 * campaigns "三个年", the 2019 review headings), every 2020 figure it gives (做地 2800 亩,
 * 出让 1300 亩, 40 楼宇商圈 / 160 万m², 国家高新技术企业 123, 省级科技型中小企业 210,
 * 市级以上企业研发中心 35, 众创空间 3, 孵化器 2, 上市及挂牌 10, 个转企 180, 规上工业企业 128,
 * 人才用房 1 万套) and its 2019 outcomes (安置房 开工 96.6 / 竣工 29.2 / 交付 39.1 万m²,
 * 美丽河湖 13, 老旧小区 14, 垃圾分类示范小区 40, 5 家省级示范型居家养老服务中心,
 * 5 个 "152工程" 项目全面开工).
 *
 * What OneTrip made up (demo: true, and the API says so): every progress report dated in
 * 2020, the baseline of 规上工业企业, the targets of the last two focuses and the business
 * start-up time, and the weights. The article names "七个聚焦·聚力" but the seed's focus
 * titles are OneTrip's own summaries of the figures grouped under them, not the article's
 * wording; the assignment of targets to campaigns and focuses is OneTrip's too. The owning
 * departments are the bodies that usually hold each figure; verify with the district.
 *
 * The article reports 2019 outcomes without the 2019 targets: in the 2019 review the target
 * value is the outcome itself, reported on 2019-12-31.
 */
import { ARTICLE, type Direction, type NodeKind, type RollUpMethod } from '../../model.ts';

export interface ReportSeed {
  on: string;
  value: number;
  evidence: string;
  demo: boolean;
}

export interface TargetSeed {
  key: string;
  name: string;
  nameEn: string;
  unit: string;
  unitEn: string;
  direction: Direction;
  baseline: number;
  target: number;
  weight?: number;
  /** Org unit code: `dept:<department key>` or a street's division code. */
  owner: string;
  source: string;
  demo: boolean;
  reports: ReportSeed[];
}

export interface NodeSeed {
  key: string;
  kind: Exclude<NodeKind, 'plan'>;
  name: string;
  nameEn: string;
  rollUp: RollUpMethod;
  weight?: number;
  targets: TargetSeed[];
}

export interface PlanSeed {
  key: string;
  name: string;
  nameEn: string;
  periodStart: string;
  periodEnd: string;
  rollUp: RollUpMethod;
  nodes: NodeSeed[];
}

const DEMO_EVIDENCE = '演示数据：季度进度，非文章所载 (demo figure, not from the article)';
const ARTICLE_2019 = `${ARTICLE}：一年来（2019年）成效`;

/** Demo quarterly reports for 2020: the first three quarters, each as of its last day. */
const quarters = (...values: (number | null)[]): ReportSeed[] =>
  values.flatMap((value, i) =>
    value === null
      ? []
      : [
          {
            on: ['2020-03-31', '2020-06-30', '2020-09-30'][i]!,
            value,
            evidence: DEMO_EVIDENCE,
            demo: true,
          },
        ],
  );

const count = (n: number) => ({ direction: 'increase' as const, baseline: 0, target: n });
const article2020 = (text: string) => `2020年目标（文章）：${text}`;

const PLAN_2020: PlanSeed = {
  key: 'xihu-2020',
  name: '西湖区2020年发展计划',
  nameEn: 'Xihu District development plan 2020',
  periodStart: '2020-01-01',
  periodEnd: '2020-12-31',
  rollUp: 'average',
  nodes: [
    {
      key: 'xihu-2020.business-environment',
      kind: 'campaign',
      name: '营商环境提升年',
      nameEn: 'Year of a better business environment',
      rollUp: 'weighted',
      targets: [
        {
          key: 'xihu-2020.individual-to-enterprise',
          name: '个转企',
          nameEn: 'Sole proprietorships converted to companies',
          unit: '家',
          unitEn: 'businesses',
          ...count(180),
          owner: 'dept:market-regulation',
          source: article2020('个转企 180 家'),
          demo: false,
          reports: quarters(21, 74, 128),
        },
        {
          key: 'xihu-2020.land-sale',
          name: '土地出让',
          nameEn: 'Land sold',
          unit: '亩',
          unitEn: 'mu',
          ...count(1300),
          owner: 'dept:planning-natural-resources',
          source: article2020('出让 1300 亩'),
          demo: false,
          reports: quarters(null, 310, 760),
        },
        {
          key: 'xihu-2020.business-start-days',
          name: '企业开办平均用时',
          nameEn: 'Average time to start a business',
          unit: '个工作日',
          unitEn: 'working days',
          direction: 'decrease',
          baseline: 3,
          target: 1,
          owner: 'dept:market-regulation',
          source: '演示指标：文章未给出 (demo target, not in the article)',
          demo: true,
          reports: quarters(2.5, 2, 1.5),
        },
      ],
    },
    {
      key: 'xihu-2020.enterprise-service',
      kind: 'campaign',
      name: '企业服务年',
      nameEn: 'Year of enterprise service',
      rollUp: 'weighted',
      targets: [
        {
          key: 'xihu-2020.listings',
          name: '企业上市及挂牌',
          nameEn: 'Enterprises listed on stock exchanges or quoted',
          unit: '家',
          unitEn: 'enterprises',
          ...count(10),
          weight: 2,
          owner: 'dept:finance',
          source: article2020('上市及挂牌 10 家'),
          demo: false,
          reports: quarters(1, 3, 5),
        },
        {
          key: 'xihu-2020.rd-centres',
          name: '新增市级以上企业研发中心',
          nameEn: 'New enterprise R&D centres recognised at city level or above',
          unit: '家',
          unitEn: 'centres',
          ...count(35),
          owner: 'dept:science-technology',
          source: article2020('市级以上企业研发中心 35 家'),
          demo: false,
          reports: quarters(null, null, 18),
        },
      ],
    },
    {
      key: 'xihu-2020.new-manufacturing',
      kind: 'campaign',
      name: '新制造业推动年',
      nameEn: 'Year of pushing new manufacturing',
      rollUp: 'weighted',
      targets: [
        {
          key: 'xihu-2020.industrial-enterprises',
          name: '规上工业企业',
          nameEn: 'Industrial enterprises above designated size',
          unit: '家',
          unitEn: 'enterprises',
          direction: 'increase',
          baseline: 118,
          target: 128,
          owner: 'dept:economy-information',
          source: `${article2020('规上工业企业 128 家')}；基数 118 为演示数据 (baseline is demo)`,
          demo: true,
          reports: quarters(118, 120, 123),
        },
      ],
    },
    {
      key: 'xihu-2020.focus-space',
      kind: 'focus',
      name: '聚焦“北强、南启、中兴”，聚力空间拓展',
      nameEn: 'Focus on north, middle and south: room to grow',
      rollUp: 'average',
      targets: [
        {
          key: 'xihu-2020.land-preparation',
          name: '做地',
          nameEn: 'Land prepared for sale',
          unit: '亩',
          unitEn: 'mu',
          ...count(2800),
          owner: 'dept:planning-natural-resources',
          source: article2020('做地 2800 亩'),
          demo: false,
          reports: quarters(420, 1150, 1980),
        },
      ],
    },
    {
      key: 'xihu-2020.focus-innovation',
      kind: 'focus',
      name: '聚焦科技创新，聚力创新主体',
      nameEn: 'Focus on innovation: innovative enterprises',
      rollUp: 'weighted',
      targets: [
        {
          key: 'xihu-2020.high-tech-enterprises',
          name: '新增国家高新技术企业',
          nameEn: 'New national high-tech enterprises',
          unit: '家',
          unitEn: 'enterprises',
          ...count(123),
          weight: 2,
          owner: 'dept:science-technology',
          source: article2020('新增国家高新技术企业 123 家'),
          demo: false,
          reports: quarters(null, 12, 36),
        },
        {
          key: 'xihu-2020.tech-smes',
          name: '新增省级科技型中小企业',
          nameEn: 'New provincial science and technology SMEs',
          unit: '家',
          unitEn: 'enterprises',
          ...count(210),
          owner: 'dept:science-technology',
          source: article2020('省级科技型中小企业 210 家'),
          demo: false,
          reports: quarters(30, 96, 165),
        },
      ],
    },
    {
      key: 'xihu-2020.focus-incubation',
      kind: 'focus',
      name: '聚焦双创平台，聚力孵化载体',
      nameEn: 'Focus on start-up platforms: incubation',
      rollUp: 'average',
      targets: [
        {
          key: 'xihu-2020.maker-spaces',
          name: '新增众创空间',
          nameEn: 'New maker spaces',
          unit: '家',
          unitEn: 'spaces',
          ...count(3),
          owner: 'dept:science-technology',
          source: article2020('众创空间 3 家'),
          demo: false,
          reports: quarters(null, null, 1),
        },
        {
          key: 'xihu-2020.incubators',
          name: '新增孵化器',
          nameEn: 'New incubators',
          unit: '家',
          unitEn: 'incubators',
          ...count(2),
          owner: 'dept:science-technology',
          source: article2020('孵化器 2 家'),
          demo: false,
          reports: [],
        },
      ],
    },
    {
      key: 'xihu-2020.focus-buildings',
      kind: 'focus',
      name: '聚焦楼宇经济，聚力商圈焕新',
      nameEn: 'Focus on office buildings: renewed business districts',
      rollUp: 'average',
      targets: [
        {
          key: 'xihu-2020.building-renovations',
          name: '楼宇商圈改造',
          nameEn: 'Office buildings and business districts renovated',
          unit: '个',
          unitEn: 'buildings and districts',
          ...count(40),
          owner: 'dept:commerce',
          source: article2020('楼宇商圈改造 40 个，160 万平方米'),
          demo: false,
          reports: quarters(4, 12, 23),
        },
        {
          key: 'xihu-2020.building-renovation-area',
          name: '楼宇商圈改造面积',
          nameEn: 'Floor area of renovated buildings and districts',
          unit: '万平方米',
          unitEn: '10,000 m²',
          ...count(160),
          owner: 'dept:commerce',
          source: article2020('楼宇商圈改造 40 个，160 万平方米'),
          demo: false,
          reports: quarters(15.5, 45.5, 88.2),
        },
      ],
    },
    {
      key: 'xihu-2020.focus-talent',
      kind: 'focus',
      name: '聚焦人才集聚，聚力安居保障',
      nameEn: 'Focus on talent: homes for talent',
      rollUp: 'average',
      targets: [
        {
          key: 'xihu-2020.talent-housing',
          name: '人才用房',
          nameEn: 'Homes for talent',
          unit: '套',
          unitEn: 'homes',
          ...count(10000),
          owner: 'dept:housing-construction',
          source: article2020('人才用房 1 万套'),
          demo: false,
          reports: quarters(800, 2600, 5400),
        },
      ],
    },
    {
      key: 'xihu-2020.focus-environment',
      kind: 'focus',
      name: '聚焦城乡品质，聚力全域美丽',
      nameEn: 'Focus on town and country: beauty everywhere',
      rollUp: 'average',
      targets: [
        {
          key: 'xihu-2020.beautiful-rivers',
          name: '创建省、市级“美丽河湖”',
          nameEn: 'Rivers and lakes recognised as "beautiful" (province or city)',
          unit: '条',
          unitEn: 'rivers and lakes',
          ...count(10),
          owner: 'dept:forestry-water',
          source: '演示指标：2020年目标文章未给出；2019年为 13 条 (demo target)',
          demo: true,
          reports: quarters(null, 3, 6),
        },
        {
          key: 'xihu-2020.old-communities',
          name: '老旧小区改造',
          nameEn: 'Old residential compounds renovated',
          unit: '个',
          unitEn: 'compounds',
          ...count(20),
          owner: 'dept:housing-construction',
          source: '演示指标：2020年目标文章未给出；2019年为 14 个 (demo target)',
          demo: true,
          reports: quarters(2, 5, 9),
        },
      ],
    },
    {
      key: 'xihu-2020.focus-wellbeing',
      kind: 'focus',
      name: '聚焦民生实事，聚力全民幸福',
      nameEn: 'Focus on livelihoods: wellbeing for all',
      rollUp: 'average',
      targets: [
        {
          key: 'xihu-2020.elderly-care-centres',
          name: '新建省级示范型居家养老服务中心',
          nameEn: 'New provincial model home-care centres for the elderly',
          unit: '家',
          unitEn: 'centres',
          ...count(5),
          owner: 'dept:civil-affairs',
          source: '演示指标：2020年目标文章未给出；2019年新建 5 家 (demo target)',
          demo: true,
          reports: quarters(null, 1, 2),
        },
      ],
    },
  ],
};

const outcome = (value: number, text: string): Pick<TargetSeed, 'source' | 'reports'> => ({
  source: `2019年成效（文章）：${text}。文章只报成效，未载目标：目标值即成效`,
  reports: [{ on: '2019-12-31', value, evidence: `${ARTICLE_2019}：${text}`, demo: false }],
});

const REVIEW_2019: PlanSeed = {
  key: 'xihu-2019',
  name: '西湖区2019年发展成效',
  nameEn: 'Xihu District: what 2019 achieved',
  periodStart: '2019-01-01',
  periodEnd: '2019-12-31',
  rollUp: 'average',
  nodes: [
    {
      key: 'xihu-2019.development',
      kind: 'group',
      name: '发展质量进一步提升',
      nameEn: 'Better quality of development',
      rollUp: 'average',
      targets: [
        {
          key: 'xihu-2019.projects-152-started',
          name: '“152工程”项目全面开工',
          nameEn: '"152" projects in full construction',
          unit: '个',
          unitEn: 'projects',
          ...count(5),
          owner: 'dept:development-reform',
          demo: false,
          ...outcome(5, '之江文化中心、浙能集团研发总部、天堂镓谷等 5 个“152工程”项目全面开工'),
        },
      ],
    },
    {
      key: 'xihu-2019.environment',
      kind: 'group',
      name: '城乡环境进一步优化',
      nameEn: 'A better environment in town and country',
      rollUp: 'average',
      targets: [
        {
          key: 'xihu-2019.resettlement-started',
          name: '安置房开工',
          nameEn: 'Resettlement housing started',
          unit: '万平方米',
          unitEn: '10,000 m²',
          ...count(96.6),
          owner: 'dept:housing-construction',
          demo: false,
          ...outcome(96.6, '全年开工安置房 96.6 万平方米'),
        },
        {
          key: 'xihu-2019.resettlement-completed',
          name: '安置房竣工',
          nameEn: 'Resettlement housing completed',
          unit: '万平方米',
          unitEn: '10,000 m²',
          ...count(29.2),
          owner: 'dept:housing-construction',
          demo: false,
          ...outcome(29.2, '竣工 29.2 万平方米'),
        },
        {
          key: 'xihu-2019.resettlement-delivered',
          name: '安置房交付',
          nameEn: 'Resettlement housing handed over',
          unit: '万平方米',
          unitEn: '10,000 m²',
          ...count(39.1),
          owner: 'dept:housing-construction',
          demo: false,
          ...outcome(39.1, '交付 39.1 万平方米'),
        },
        {
          key: 'xihu-2019.beautiful-rivers',
          name: '创建省、市级“美丽河湖”',
          nameEn: 'Rivers and lakes recognised as "beautiful" (province or city)',
          unit: '条',
          unitEn: 'rivers and lakes',
          ...count(13),
          owner: 'dept:forestry-water',
          demo: false,
          ...outcome(13, '成功创建 13 条省、市级“美丽河湖”'),
        },
        {
          key: 'xihu-2019.old-communities',
          name: '老旧小区改造',
          nameEn: 'Old residential compounds renovated',
          unit: '个',
          unitEn: 'compounds',
          ...count(14),
          owner: 'dept:housing-construction',
          demo: false,
          ...outcome(14, '改造武林门新村、广安苑等老旧小区 14 个'),
        },
        {
          key: 'xihu-2019.waste-sorting-communities',
          name: '省、市级垃圾分类示范小区',
          nameEn: 'Model waste-sorting communities (province or city)',
          unit: '个',
          unitEn: 'communities',
          ...count(40),
          owner: 'dept:urban-management',
          demo: false,
          ...outcome(40, '成功创建 40 个省、市级垃圾分类示范小区'),
        },
      ],
    },
    {
      key: 'xihu-2019.wellbeing',
      kind: 'group',
      name: '民生福祉进一步改善',
      nameEn: 'Better livelihoods',
      rollUp: 'average',
      targets: [
        {
          key: 'xihu-2019.elderly-care-centres',
          name: '新建省级示范型居家养老服务中心',
          nameEn: 'New provincial model home-care centres for the elderly',
          unit: '家',
          unitEn: 'centres',
          ...count(5),
          owner: 'dept:civil-affairs',
          demo: false,
          ...outcome(5, '新建 5 家省级示范型居家养老服务中心'),
        },
      ],
    },
  ],
};

export const PLANS: readonly PlanSeed[] = [PLAN_2020, REVIEW_2019];
