import type { mobileZhCN } from './mobile.zh-CN';

export const mobileEnUS: Record<keyof typeof mobileZhCN, string> = {
  'mobile.home.shortcuts': 'Shortcuts',
  'mobile.home.mine': 'My cases',
  'mobile.home.wallet': 'My certificates',
  'mobile.home.signIn': 'Log in',
  'mobile.home.events': 'By life event',
  'mobile.back.home': 'Back to the mobile home page',
  'mobile.find.count': '{n} services found.',
  'mobile.find.none': 'No service found; try other words.',
  'mobile.guide.promised': 'Done within {days} working days (promised)',
  'mobile.guide.noUpload': 'nothing to hand in: from an e-certificate or shared data',
  'mobile.guide.full': 'The full guide (desktop)',
  'mobile.cases.continue': 'Draft: open to continue',

  'kiosk.cases.continue': 'Continue',
  'kiosk.cases.correct': 'Correct it',
  'kiosk.cases.open': 'See progress',
  'kiosk.cases.draftHint':
    'An application begun on your phone, online or at another kiosk can be continued here.',

  'counter.draft.title': 'Fill in for the applicant',
  'counter.draft.intro':
    'An application {name} began on the {channel} channel. Check and complete the form, tick the paper documents handed over, then submit and accept it.',
  'counter.draft.correction':
    'A correction for {name}. Complete what the one-time notice asks for, then submit it.',
  'counter.draft.open': 'Work on it',
  'counter.paper.title': 'Documents received',
  'counter.paper.intro':
    'What the applicant hands over: scan it to keep an electronic copy, or tick that the paper original was received; the others come from e-certificates or shared data.',
  'counter.paper.received': 'Paper original received',
  'counter.paper.scan': 'Upload a scan',
  'counter.paper.held': 'Already provided by an e-certificate or shared data',
  'counter.paper.fromSource': 'Can come from an e-certificate or shared data',
};
