// 四端协同: the phone (掌上办), the kiosk's drafts and the counter's work on a resident's draft.
export const mobileZhCN = {
  'mobile.home.shortcuts': '常用入口',
  'mobile.home.mine': '我的办件',
  'mobile.home.wallet': '我的证照',
  'mobile.home.signIn': '登录',
  'mobile.home.events': '按人生大事办',
  'mobile.back.home': '返回掌上办首页',
  'mobile.find.count': '找到 {n} 项服务。',
  'mobile.find.none': '没有找到相关服务，换个说法试试。',
  'mobile.guide.promised': '承诺 {days} 个工作日内办结',
  'mobile.guide.noUpload': '免提交，由电子证照或共享数据提供',
  'mobile.guide.full': '查看完整办事指南（电脑版）',
  'mobile.cases.continue': '草稿：点开继续填写',

  'kiosk.cases.continue': '继续填写',
  'kiosk.cases.correct': '去补正',
  'kiosk.cases.open': '查看进度',
  'kiosk.cases.draftHint': '在手机、网上或其他终端开始填写的申请，都可以在这里接着填。',

  'counter.draft.title': '代申请人填写',
  'counter.draft.intro':
    '申请人 {name} 在{channel}开始的申请。请核对、补全表单，勾选当面收取的纸质材料，然后提交并受理。',
  'counter.draft.correction': '申请人 {name} 的补正。请按一次性告知的要求补全后提交。',
  'counter.draft.open': '办理',
  'counter.paper.title': '收取材料',
  'counter.paper.intro':
    '申请人当面提交的材料：扫描上传留存电子件，或勾选已收取纸质原件；都不做的，由电子证照或共享数据提供。',
  'counter.paper.received': '已收取纸质原件',
  'counter.paper.scan': '扫描上传',
  'counter.paper.held': '已由电子证照或共享数据提供',
  'counter.paper.fromSource': '可调用电子证照或共享数据，免提交',
};
