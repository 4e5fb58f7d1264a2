/**
 * Departments (government bodies and a few related organisations) of Xihu District (西湖区),
 * Hangzhou, used as seed data for OneTrip.
 *
 * Hand-written from publicly known official names (district government work departments after
 * the 2019 institutional reform, the city-level bureaus' Xihu branches that serve the district,
 * and the vertically managed bodies citizens deal with). Not generated; verify against the
 * district government's 政府信息公开 department list before relying on an exact name.
 *
 * key:       stable kebab-case English identifier — never change once referenced.
 * name:      full official Chinese name.
 * nameEn:    plain English name.
 * shortName: the usual short Chinese form.
 */

export interface DepartmentSeed {
  key: string;
  name: string;
  nameEn: string;
  shortName: string;
}

export const XIHU_DEPARTMENTS: readonly DepartmentSeed[] = [
  {
    key: 'general-office',
    name: '杭州市西湖区人民政府办公室',
    nameEn: 'General Office of the Xihu District People\'s Government',
    shortName: '区府办',
  },
  {
    key: 'development-reform',
    name: '杭州市西湖区发展和改革局',
    nameEn: 'Xihu District Development and Reform Bureau',
    shortName: '区发改局',
  },
  {
    key: 'economy-information',
    name: '杭州市西湖区经济和信息化局',
    nameEn: 'Xihu District Bureau of Economy and Information Technology',
    shortName: '区经信局',
  },
  {
    key: 'education',
    name: '杭州市西湖区教育局',
    nameEn: 'Xihu District Education Bureau',
    shortName: '区教育局',
  },
  {
    key: 'science-technology',
    name: '杭州市西湖区科学技术局',
    nameEn: 'Xihu District Science and Technology Bureau',
    shortName: '区科技局',
  },
  {
    key: 'civil-affairs',
    name: '杭州市西湖区民政局',
    nameEn: 'Xihu District Civil Affairs Bureau',
    shortName: '区民政局',
  },
  {
    key: 'justice',
    name: '杭州市西湖区司法局',
    nameEn: 'Xihu District Justice Bureau',
    shortName: '区司法局',
  },
  {
    key: 'finance',
    name: '杭州市西湖区财政局',
    nameEn: 'Xihu District Finance Bureau',
    shortName: '区财政局',
  },
  {
    key: 'human-resources-social-security',
    name: '杭州市西湖区人力资源和社会保障局',
    nameEn: 'Xihu District Human Resources and Social Security Bureau',
    shortName: '区人力社保局',
  },
  {
    key: 'planning-natural-resources',
    name: '杭州市规划和自然资源局西湖分局',
    nameEn: 'Xihu Branch of the Hangzhou Planning and Natural Resources Bureau',
    shortName: '规划资源西湖分局',
  },
  {
    key: 'ecology-environment',
    name: '杭州市生态环境局西湖分局',
    nameEn: 'Xihu Branch of the Hangzhou Ecology and Environment Bureau',
    shortName: '生态环境西湖分局',
  },
  {
    key: 'housing-construction',
    name: '杭州市西湖区住房和城乡建设局',
    nameEn: 'Xihu District Housing and Urban-Rural Development Bureau',
    shortName: '区住建局',
  },
  {
    key: 'agriculture-rural-affairs',
    name: '杭州市西湖区农业农村局',
    nameEn: 'Xihu District Agriculture and Rural Affairs Bureau',
    shortName: '区农业农村局',
  },
  {
    key: 'forestry-water',
    name: '杭州市西湖区林业水利局',
    nameEn: 'Xihu District Forestry and Water Resources Bureau',
    shortName: '区林水局',
  },
  {
    key: 'commerce',
    name: '杭州市西湖区商务局',
    nameEn: 'Xihu District Commerce Bureau',
    shortName: '区商务局',
  },
  {
    key: 'culture-tourism-sports',
    name: '杭州市西湖区文化和广电旅游体育局',
    nameEn: 'Xihu District Bureau of Culture, Radio, Television, Tourism and Sports',
    shortName: '区文广旅体局',
  },
  {
    key: 'health',
    name: '杭州市西湖区卫生健康局',
    nameEn: 'Xihu District Health Bureau',
    shortName: '区卫健局',
  },
  {
    key: 'veterans-affairs',
    name: '杭州市西湖区退役军人事务局',
    nameEn: 'Xihu District Veterans Affairs Bureau',
    shortName: '区退役军人事务局',
  },
  {
    key: 'emergency-management',
    name: '杭州市西湖区应急管理局',
    nameEn: 'Xihu District Emergency Management Bureau',
    shortName: '区应急管理局',
  },
  {
    key: 'audit',
    name: '杭州市西湖区审计局',
    nameEn: 'Xihu District Audit Bureau',
    shortName: '区审计局',
  },
  {
    key: 'market-regulation',
    name: '杭州市西湖区市场监督管理局',
    nameEn: 'Xihu District Market Supervision and Administration Bureau',
    shortName: '区市场监管局',
  },
  {
    key: 'statistics',
    name: '杭州市西湖区统计局',
    nameEn: 'Xihu District Statistics Bureau',
    shortName: '区统计局',
  },
  {
    key: 'medical-security',
    name: '杭州市西湖区医疗保障局',
    nameEn: 'Xihu District Healthcare Security Bureau',
    shortName: '区医保局',
  },
  {
    key: 'urban-management',
    name: '杭州市西湖区城市管理局',
    nameEn: 'Xihu District Urban Management Bureau',
    shortName: '区城管局',
  },
  {
    key: 'petitions',
    name: '杭州市西湖区信访局',
    nameEn: 'Xihu District Letters and Visits Bureau',
    shortName: '区信访局',
  },
  {
    key: 'data-resources',
    name: '杭州市西湖区数据资源管理局',
    nameEn: 'Xihu District Data Resources Administration',
    shortName: '区数据资源局',
  },
  {
    key: 'government-services',
    name: '杭州市西湖区行政服务中心',
    nameEn: 'Xihu District Administrative (Government) Service Center',
    shortName: '区行政服务中心',
  },
  {
    key: 'public-security',
    name: '杭州市公安局西湖区分局',
    nameEn: 'Xihu District Branch of the Hangzhou Public Security Bureau',
    shortName: '西湖公安分局',
  },
  {
    key: 'taxation',
    name: '国家税务总局杭州市西湖区税务局',
    nameEn: 'Xihu District Taxation Bureau, State Taxation Administration',
    shortName: '西湖区税务局',
  },
  {
    key: 'fire-rescue',
    name: '杭州市西湖区消防救援大队',
    nameEn: 'Xihu District Fire and Rescue Brigade',
    shortName: '区消防救援大队',
  },
  {
    key: 'disabled-persons-federation',
    name: '杭州市西湖区残疾人联合会',
    nameEn: 'Xihu District Disabled Persons\' Federation',
    shortName: '区残联',
  },
];
