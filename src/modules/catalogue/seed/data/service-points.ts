/**
 * Where items are handled: the district administrative service centre, the convenience service
 * centre (便民服务中心) of each of the 12 streets and towns, and community service points
 * (社区代办点) in several streets. Which items a point takes follows from the items' handling
 * levels, so no list is kept here.
 *
 * Addresses are approximate: they name the road or community where each centre is understood to
 * be, without house numbers, and must be checked against the district's 政务服务网 listing before
 * being shown to the public. Opening hours and window layouts are typical of Hangzhou centres,
 * not copied from any one of them. Street and community codes come from xihu-divisions.ts.
 */

export interface ServicePointSeed {
  key: string;
  name: string;
  nameEn: string;
  level: 'district' | 'street' | 'community';
  streetCode?: string;
  communityCode?: string;
  address: string;
  openingHours: string;
  windows: { number: string; name: string }[];
}

const DISTRICT_HOURS =
  '周一至周五 9:00-12:00，13:30-17:00；周六上午 9:00-12:00（部分窗口，含企业开办、不动产登记）';
const STREET_HOURS = '周一至周五 8:30-12:00，13:30-17:00；法定节假日除外';
const COMMUNITY_HOURS = '周一至周五 8:30-11:30，13:30-17:00（代办员可预约上门）';

const STREET_WINDOWS = [
  { number: '1', name: '综合受理（无差别受理）' },
  { number: '2', name: '社保医保' },
  { number: '3', name: '民政、残联、退役军人服务' },
  { number: '4', name: '市场监管、企业服务' },
  { number: '5', name: '出件、帮办代办' },
];
const COMMUNITY_WINDOWS = [{ number: '1', name: '全科代办（社保医保、民政、居住证、出生身后）' }];

const street = (
  key: string,
  streetCode: string,
  name: string,
  nameEn: string,
  address: string,
): ServicePointSeed => ({
  key,
  name,
  nameEn,
  level: 'street',
  streetCode,
  address,
  openingHours: STREET_HOURS,
  windows: STREET_WINDOWS,
});

const community = (
  key: string,
  streetCode: string,
  communityCode: string,
  communityName: string,
  nameEn: string,
  address: string,
): ServicePointSeed => ({
  key,
  name: `${communityName}便民服务代办点`,
  nameEn,
  level: 'community',
  streetCode,
  communityCode,
  address,
  openingHours: COMMUNITY_HOURS,
  windows: COMMUNITY_WINDOWS,
});

export const SERVICE_POINTS: ServicePointSeed[] = [
  {
    key: 'xihu-district-centre',
    name: '西湖区行政服务中心',
    nameEn: 'Xihu District Administrative Service Centre',
    level: 'district',
    address: '杭州市西湖区文三西路（示意地址，以区政务服务网公布为准）',
    openingHours: DISTRICT_HOURS,
    windows: [
      { number: 'A01-A08', name: '企业开办综合窗口（执照、刻章、发票、社保、公积金、银行）' },
      { number: 'A09-A12', name: '准营"一件事"窗口（餐饮、便利店、药店、宾馆等）' },
      { number: 'B01-B06', name: '投资项目审批综合窗口' },
      { number: 'C01-C10', name: '社会事务综合窗口（人力社保、医保、民政、卫健、残联）' },
      { number: 'D01-D12', name: '不动产登记和交易、水电气过户窗口' },
      { number: 'E01-E06', name: '公安户籍、居民身份证、居住证窗口' },
      { number: 'F01-F08', name: '税务窗口' },
      { number: 'G01-G02', name: '婚姻登记处' },
      { number: 'H01-H03', name: '住房公积金窗口' },
      { number: 'Z01', name: '"办不成事"反映窗口' },
      { number: 'Z02', name: '帮办代办、出件窗口' },
    ],
  },
  street(
    'beishan-street-centre',
    '330106002',
    '北山街道便民服务中心',
    'Beishan Subdistrict Service Centre',
    '杭州市西湖区北山街道（保俶路一带）',
  ),
  street(
    'xixi-street-centre',
    '330106004',
    '西溪街道便民服务中心',
    'Xixi Subdistrict Service Centre',
    '杭州市西湖区西溪街道（文三路、学院路一带）',
  ),
  street(
    'cuiyuan-street-centre',
    '330106005',
    '翠苑街道便民服务中心',
    'Cuiyuan Subdistrict Service Centre',
    '杭州市西湖区翠苑街道（文二西路、学院路北一带）',
  ),
  street(
    'gudang-street-centre',
    '330106007',
    '古荡街道便民服务中心',
    'Gudang Subdistrict Service Centre',
    '杭州市西湖区古荡街道（古墩路、文一西路一带）',
  ),
  street(
    'xihu-street-centre',
    '330106008',
    '西湖街道便民服务中心',
    'Xihu Subdistrict Service Centre',
    '杭州市西湖区西湖街道（龙井路、杨公堤一带）',
  ),
  street(
    'liuxia-street-centre',
    '330106009',
    '留下街道便民服务中心',
    'Liuxia Subdistrict Service Centre',
    '杭州市西湖区留下街道（留和路一带）',
  ),
  street(
    'zhuantang-street-centre',
    '330106010',
    '转塘街道便民服务中心',
    'Zhuantang Subdistrict Service Centre',
    '杭州市西湖区转塘街道（转塘直街、象山一带）',
  ),
  street(
    'jiangcun-street-centre',
    '330106011',
    '蒋村街道便民服务中心',
    'Jiangcun Subdistrict Service Centre',
    '杭州市西湖区蒋村街道（紫金港路、五常大道一带）',
  ),
  street(
    'lingyin-street-centre',
    '330106012',
    '灵隐街道便民服务中心',
    'Lingyin Subdistrict Service Centre',
    '杭州市西湖区灵隐街道（玉古路、曙光路一带）',
  ),
  street(
    'wenxin-street-centre',
    '330106013',
    '文新街道便民服务中心',
    'Wenxin Subdistrict Service Centre',
    '杭州市西湖区文新街道（文新路、竞舟路一带）',
  ),
  street(
    'sandun-town-centre',
    '330106109',
    '三墩镇便民服务中心',
    'Sandun Town Service Centre',
    '杭州市西湖区三墩镇（振华路、石祥西路一带）',
  ),
  street(
    'shuangpu-town-centre',
    '330106110',
    '双浦镇便民服务中心',
    'Shuangpu Town Service Centre',
    '杭州市西湖区双浦镇（袁浦、灵山一带）',
  ),
  community(
    'wenxin-hupan-point',
    '330106013',
    '330106013001',
    '湖畔社区',
    'Hupan Community Service Point (Wenxin)',
    '杭州市西湖区文新街道湖畔社区服务用房',
  ),
  community(
    'wenxin-yangguang-point',
    '330106013',
    '330106013013',
    '阳光社区',
    'Yangguang Community Service Point (Wenxin)',
    '杭州市西湖区文新街道阳光社区服务用房',
  ),
  community(
    'wenxin-luojiazhuang-point',
    '330106013',
    '330106013014',
    '骆家庄社区',
    'Luojiazhuang Community Service Point (Wenxin)',
    '杭州市西湖区文新街道骆家庄社区服务用房',
  ),
  community(
    'sandun-zijingang-point',
    '330106109',
    '330106109030',
    '紫金港社区',
    'Zijingang Community Service Point (Sandun)',
    '杭州市西湖区三墩镇紫金港社区服务用房',
  ),
  community(
    'sandun-miaoqianjie-point',
    '330106109',
    '330106109001',
    '庙前街社区',
    'Miaoqianjie Community Service Point (Sandun)',
    '杭州市西湖区三墩镇庙前街社区服务用房',
  ),
  community(
    'sandun-zizaicheng-east-point',
    '330106109',
    '330106109034',
    '自在城东苑社区',
    'Zizaicheng East Community Service Point (Sandun)',
    '杭州市西湖区三墩镇自在城东苑社区服务用房',
  ),
  community(
    'jiangcun-garden-point',
    '330106011',
    '330106011018',
    '蒋村花园社区',
    'Jiangcun Garden Community Service Point (Jiangcun)',
    '杭州市西湖区蒋村街道蒋村花园社区服务用房',
  ),
  community(
    'xixi-wensan-point',
    '330106004',
    '330106004066',
    '文三社区',
    'Wensan Community Service Point (Xixi)',
    '杭州市西湖区西溪街道文三社区服务用房',
  ),
  community(
    'cuiyuan-first-point',
    '330106005',
    '330106005055',
    '翠苑一区社区',
    'Cuiyuan District 1 Community Service Point (Cuiyuan)',
    '杭州市西湖区翠苑街道翠苑一区社区服务用房',
  ),
  community(
    'gudang-huaxing-point',
    '330106007',
    '330106007011',
    '华星社区',
    'Huaxing Community Service Point (Gudang)',
    '杭州市西湖区古荡街道华星社区服务用房',
  ),
  community(
    'zhuantang-xiangshan-point',
    '330106010',
    '330106010013',
    '象山社区',
    'Xiangshan Community Service Point (Zhuantang)',
    '杭州市西湖区转塘街道象山社区服务用房',
  ),
  community(
    'zhuantang-zhuantang-point',
    '330106010',
    '330106010006',
    '转塘社区',
    'Zhuantang Community Service Point (Zhuantang)',
    '杭州市西湖区转塘街道转塘社区服务用房',
  ),
  community(
    'liuxia-liuxia-point',
    '330106009',
    '330106009004',
    '留下社区',
    'Liuxia Community Service Point (Liuxia)',
    '杭州市西湖区留下街道留下社区服务用房',
  ),
  community(
    'xihu-longjing-point',
    '330106008',
    '330106008205',
    '龙井村',
    'Longjing Village Service Point (Xihu)',
    '杭州市西湖区西湖街道龙井村村务服务用房',
  ),
  community(
    'shuangpu-yuanpu-point',
    '330106110',
    '330106110002',
    '袁浦社区',
    'Yuanpu Community Service Point (Shuangpu)',
    '杭州市西湖区双浦镇袁浦社区服务用房',
  ),
  community(
    'beishan-baoshi-point',
    '330106002',
    '330106002052',
    '宝石社区',
    'Baoshi Community Service Point (Beishan)',
    '杭州市西湖区北山街道宝石社区服务用房',
  ),
];
