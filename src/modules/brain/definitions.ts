/**
 * What every figure of the city brain means, in both languages: the page shows it on hover, the
 * monthly report prints it, docs/brain.md explains it at length. One entry per figure or chart.
 */
export interface Definition {
  name: string;
  nameEn: string;
  definition: string;
  definitionEn: string;
}

export const SERVICE_DEFINITIONS = {
  submitted: {
    name: '申请量',
    nameEn: 'Applications',
    definition:
      '期间内首次提交的政务服务申请（一件事和单个事项）件数，按提交日计；补正后再次提交不重复计算。',
    definitionEn:
      'Service applications (bundles and single items) first submitted in the period, by day of submission; a resubmission after a correction is not counted again.',
  },
  accepted: {
    name: '受理量',
    nameEn: 'Accepted',
    definition: '期间内窗口受理的申请件数，按受理日计。',
    definitionEn: 'Applications accepted at a window in the period, by day of acceptance.',
  },
  completed: {
    name: '办结量',
    nameEn: 'Completed',
    definition:
      '期间内全部审查决定作出的申请件数（准予或不予许可），按办结日计；不予受理和撤回不计入。',
    definitionEn:
      'Applications whose every decision was made in the period (approved or refused), by day of decision; declined and withdrawn applications are not included.',
  },
  onTimeRate: {
    name: '按时办结率',
    nameEn: 'Completed on time',
    definition:
      '办结件中，办结日不晚于承诺办结日（扣除补正和特别程序暂停的工作日）的比例；无承诺时限的计为按时。',
    definitionEn:
      'Of the completed applications, the share decided no later than the promised date (which moves on by the working days the clock was stopped for corrections and special procedures); one without a promised limit counts as on time.',
  },
  overdue: {
    name: '超期件',
    nameEn: 'Overdue',
    definition: '承诺办结日次日落在期间内、且超过承诺办结日才办结或至今未办结（红灯）的申请件数。',
    definitionEn:
      'Applications whose promised date passed in the period (counted on the day after it) and that were decided later, or are still open and red.',
  },
  openOverdue: {
    name: '当前超期件',
    nameEn: 'Overdue now',
    definition: '此刻亮红灯、尚未办结的申请件数（与所选期间无关），列表按超期天数排序。',
    definitionEn:
      'Open applications whose light is red right now (whatever the period), listed longest overdue first.',
  },
  zeroTripRate: {
    name: '跑零次率',
    nameEn: 'Zero-trip rate',
    definition:
      '期间内出件（送达）的申请中，全程没有一次到窗口、交原件或现场取件记录的比例，按出件日计。',
    definitionEn:
      'Of the applications delivered in the period, the share with no trip recorded at all (no intake at a counter, no originals handed in, no pick-up), by day of delivery.',
  },
  trips: {
    name: '跑动次数',
    nameEn: 'Trips',
    definition: '期间内记录的群众和企业到服务点的次数（窗口受理、交原件、取件），按到访日计。',
    definitionEn:
      'Visits to a service point recorded in the period (intake at a counter, originals handed in, pick-up), by day of the visit.',
  },
  satisfaction: {
    name: '满意度',
    nameEn: 'Satisfaction',
    definition: '期间内好差评的平均星级（1–5 星），按评价日计。',
    definitionEn: 'Average stars (1–5) of the ratings given in the period, by day of rating.',
  },
  badRate: {
    name: '差评率',
    nameEn: 'Bad-rating rate',
    definition: '期间内评价中 1–2 星（不满意、非常不满意）的比例；每条差评都会生成整改件。',
    definitionEn:
      'Share of the ratings in the period with 1 or 2 stars; every bad rating opens a follow-up case.',
  },
  ratings: {
    name: '评价数',
    nameEn: 'Ratings',
    definition: '期间内群众和企业对办结件作出的评价条数。',
    definitionEn: 'Ratings applicants gave to their delivered applications in the period.',
  },
  zeroMaterialRate: {
    name: '零材料率',
    nameEn: 'Zero-material rate',
    definition:
      '全区事项目录中各事项必交材料里，可由电子证照或共享数据自动调取、无需申请人提交的材料所占比例（按目录计算，不随所选街道和期间变化）。',
    definitionEn:
      'Of the required materials of every item in the district catalogue, the share the platform attaches by itself from e-certificates or shared data, so the applicant hands in nothing (computed from the catalogue; it does not change with the street or period chosen).',
  },
  byDay: {
    name: '每日办件量',
    nameEn: 'Cases by day',
    definition: '每天的申请量、受理量和办结量。',
    definitionEn: 'Applications, acceptances and completions on each day.',
  },
  byChannel: {
    name: '四端办件量',
    nameEn: 'Cases by channel',
    definition: '按申请渠道（PC 网上办、掌上办、自助终端、窗口）统计的申请量。',
    definitionEn:
      'Applications by the channel they came through (web portal, mobile, self-service kiosk, counter).',
  },
  byStreet: {
    name: '各街道（镇）办件量',
    nameEn: 'Cases by street',
    definition: '按申请人所在街道（镇）统计的申请量和办结量；点击可下钻到事项。',
    definitionEn:
      "Applications and completions by the applicant's street or town; click to drill down to the items.",
  },
  bySubject: {
    name: '事项办件量',
    nameEn: 'Cases by item',
    definition: '按一件事或单个事项统计的申请量、按时办结率和跑零次率。',
    definitionEn: 'Applications, on-time rate and zero-trip rate by bundle or item.',
  },
  byDepartment: {
    name: '部门满意度与差评率',
    nameEn: 'Satisfaction by department',
    definition: '按被评价部门（最后作出决定的部门，否则为受理窗口）统计的评价数、满意度和差评率。',
    definitionEn:
      'Ratings, satisfaction and bad-rating rate by the department rated (the last one that decided, else the intake window).',
  },
} satisfies Record<string, Definition>;

export const PLAN_DEFINITIONS = {
  planProgress: {
    name: '规划总体进度',
    nameEn: 'Plan progress',
    definition:
      '各专项行动和聚焦方向进度的平均（或加权平均）；每个指标的进度 =（最新值 − 基数）/（目标值 − 基数），限定在 0–100%，未报告的指标计 0。',
    definitionEn:
      'The average (or weighted average) of the campaigns’ and focuses’ progress; a target’s progress is (latest − baseline) / (target − baseline), kept within 0–100 %, and a target with no report counts as 0.',
  },
  targetsMet: {
    name: '已达成指标',
    nameEn: 'Targets met',
    definition: '最新报告值已达到目标值的指标数 / 指标总数。',
    definitionEn: 'Targets whose latest reported value reaches the target, of all targets.',
  },
  targetsReported: {
    name: '已报告指标',
    nameEn: 'Targets reported',
    definition: '至少有一次进度报告的指标数 / 指标总数。',
    definitionEn: 'Targets with at least one progress report, of all targets.',
  },
  targetProgress: {
    name: '指标进度',
    nameEn: 'Target progress',
    definition:
      '按专项行动、聚焦方向下钻到每个指标：（最新值 − 基数）/（目标值 − 基数），越少越好的指标同样适用。',
    definitionEn:
      'Drill down from campaign and focus to each target: (latest − baseline) / (target − baseline), which reads the same for targets where less is better.',
  },
  projects: {
    name: '重点项目',
    nameEn: 'Major projects',
    definition:
      '按“北强、南启、中兴”片区和项目状态（前期、在建、竣工、投用，由已达到的里程碑得出）统计的项目数；点击片区可下钻到项目。',
    definitionEn:
      'Projects by area of the north–middle–south pattern and by status (preparing, under construction, completed, in use: from the milestones reached); click an area to drill down to its projects.',
  },
  investment: {
    name: '年度投资完成',
    nameEn: 'Annual investment',
    definition: '重点项目年度完成投资与年度计划投资（万元）之比，按片区。',
    definitionEn:
      'Annual investment completed against the annual investment planned for the major projects, in 10,000 yuan, by area.',
  },
  slippage: {
    name: '里程碑滞后',
    nameEn: 'Milestone slippage',
    definition: '晚于计划日期达到的里程碑，或计划日期已过仍未达到的里程碑，及其滞后的日历天数。',
    definitionEn:
      'Milestones reached after their planned date, or whose planned date has passed without being reached, with the calendar days of delay.',
  },
  demo: {
    name: '演示数据',
    nameEn: 'Demo data',
    definition:
      '规划原文未给出的数字（进度报告、投资额、里程碑日期等）为演示数据，页面以“演示数据”标出。',
    definitionEn:
      'Figures the plan article does not give (progress reports, investment, milestone dates …) are demo data, marked “演示数据 / demo” on the page.',
  },
} satisfies Record<string, Definition>;

export type ServiceFigure = keyof typeof SERVICE_DEFINITIONS;
export type PlanFigure = keyof typeof PLAN_DEFINITIONS;
