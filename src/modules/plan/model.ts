/**
 * The development plan (发展规划) as OneTrip models it: a goal tree (plan → campaigns and
 * focuses → targets, each target with progress reports) and the major projects with their
 * milestones. Plain data; the tables store it and the rules/ compute progress and warnings.
 */

/** Nodes of the goal tree above the targets. */
export const NODE_KINDS = [
  'plan', // 年度计划 (the root)
  'campaign', // 专项行动: the "三个年"
  'focus', // 聚焦·聚力
  'group', // any further grouping a plan needs
] as const;
export type NodeKind = (typeof NODE_KINDS)[number];

/** How deep the API draws the goal tree below the plan (campaign → group → group). */
export const MAX_DEPTH = 3;

/** How a node combines its children's progress (as the parent node says). */
export const ROLL_UPS = ['weighted', 'average'] as const;
export type RollUpMethod = (typeof ROLL_UPS)[number];

/** Whether more is better (企业数) or less is better (办理时间, 能耗). */
export const DIRECTIONS = ['increase', 'decrease'] as const;
export type Direction = (typeof DIRECTIONS)[number];

/** The "北强、南启、中兴" pattern: every project lies in one of the three. */
export const AREAS = ['north', 'middle', 'south'] as const;
export type Area = (typeof AREAS)[number];
export const AREA_NAMES: Record<Area, { name: string; nameEn: string }> = {
  north: { name: '北强', nameEn: 'North: strengthen' },
  middle: { name: '中兴', nameEn: 'Middle: revitalise' },
  south: { name: '南启', nameEn: 'South: open up' },
};

/** The programmes a project is listed in (one project may be in several). */
export const PROGRAMMES = [
  'hundred-projects', // 百个项目
  'project-152', // 杭州市 "152工程"
  'building-renovation', // 楼宇（商圈）改造
] as const;
export type Programme = (typeof PROGRAMMES)[number];

export const PROJECT_TYPES = [
  'industry', // 产业发展
  'infrastructure', // 基础设施
  'social', // 社会事业 (culture, education, health)
  'livelihood', // 民生保障 (housing, communities)
  'environment', // 生态环境
] as const;
export type ProjectType = (typeof PROJECT_TYPES)[number];

/** Milestones in the order a project passes them. */
export const MILESTONES = [
  'planning', // 规划 (planning approval)
  'groundbreaking', // 开工
  'topping-out', // 主体完工
  'completion', // 竣工
  'in-use', // 投用
] as const;
export type MilestoneKey = (typeof MILESTONES)[number];
export const MILESTONE_NAMES: Record<MilestoneKey, { name: string; nameEn: string }> = {
  planning: { name: '规划', nameEn: 'Planning approved' },
  groundbreaking: { name: '开工', nameEn: 'Construction started' },
  'topping-out': { name: '主体完工', nameEn: 'Main structure finished' },
  completion: { name: '竣工', nameEn: 'Completed' },
  'in-use': { name: '投用', nameEn: 'In use' },
};

/** Derived from the milestones reached (rules/milestones.ts). */
export const PROJECT_STATUSES = [
  'preparing', // 前期
  'under-construction', // 在建
  'completed', // 竣工
  'in-use', // 投用
] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

export const PLATFORM_GROUPS = ['three-cities-one-valley', 'six-towns'] as const;
export type PlatformGroup = (typeof PLATFORM_GROUPS)[number];
export const PLATFORM_GROUP_NAMES: Record<PlatformGroup, { name: string; nameEn: string }> = {
  'three-cities-one-valley': { name: '三城一谷', nameEn: 'Three cities and a valley' },
  'six-towns': { name: '六个小镇', nameEn: 'Six towns' },
};

export interface Platform {
  key: string;
  name: string;
  nameEn: string;
  group: PlatformGroup;
  area: Area;
}

/**
 * The district's development platforms. Membership of 三城一谷 and 六个小镇 follows the plan
 * article (杭州日报 2019-12-31) and the district's public reports of 2019; the article does not
 * list them in one place, so verify against the district's own list before relying on it.
 */
export const PLATFORMS: readonly Platform[] = [
  {
    key: 'zijingang-science-city',
    name: '紫金港科技城',
    nameEn: 'Zijingang Science City',
    group: 'three-cities-one-valley',
    area: 'north',
  },
  {
    key: 'zhijiang-future-city',
    name: '之江未来城',
    nameEn: 'Zhijiang Future City',
    group: 'three-cities-one-valley',
    area: 'south',
  },
  {
    key: 'xixi-valley',
    name: '西溪谷',
    nameEn: 'Xixi Valley',
    group: 'three-cities-one-valley',
    area: 'middle',
  },
  {
    key: 'yunqi-town',
    name: '云栖小镇',
    nameEn: 'Yunqi Town',
    group: 'six-towns',
    area: 'middle',
  },
  {
    key: 'longwu-tea-town',
    name: '龙坞茶镇',
    nameEn: 'Longwu Tea Town',
    group: 'six-towns',
    area: 'middle',
  },
  {
    key: 'art-town',
    name: '艺创小镇',
    nameEn: 'Art and Design Town',
    group: 'six-towns',
    area: 'south',
  },
  {
    key: 'lingshan-town',
    name: '灵山风情小镇',
    nameEn: 'Lingshan Scenic Town',
    group: 'six-towns',
    area: 'south',
  },
  {
    key: 'xixi-finance-town',
    name: '西溪谷互联网金融小镇',
    nameEn: 'Xixi Valley Internet Finance Town',
    group: 'six-towns',
    area: 'middle',
  },
  {
    key: 'zijin-innovation-town',
    name: '紫金众创小镇',
    nameEn: 'Zijin Innovation Town',
    group: 'six-towns',
    area: 'north',
  },
];
export const PLATFORM_KEYS = PLATFORMS.map((p) => p.key);

/** Investment figures are in 万元 (10,000 yuan) everywhere: in the tables, the API and Excel. */
export const INVESTMENT_UNIT = '万元';

/** The division code every plan row carries (the distribution key). */
export const DISTRICT_CODE = '330106';

/** The article the seed figures come from. */
export const ARTICLE =
  '杭州日报 2019-12-31《西湖区：构建“北强、南启、中兴”发展新格局》(记者 毛长久 通讯员 高静玮)';
