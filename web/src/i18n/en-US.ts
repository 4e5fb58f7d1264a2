import type { zhCN } from './zh-CN';

export const enUS: Record<keyof typeof zhCN, string> = {
  'app.loading': 'Loading…',
  'app.skipToContent': 'Skip to main content',
  'locale.switch': 'Interface language',
  'nav.login': 'Log in',
  'nav.logout': 'Log out',
  'user.orgUnitLabel': 'Org unit: ',
  'user.rolesLabel': 'Roles: ',
  'user.listSeparator': ', ',

  'role.applicant': 'Applicant',
  'role.window_clerk': 'Window clerk',
  'role.reviewer': 'Reviewer',
  'role.supervisor': 'Supervisor',
  'role.cadre': 'Enterprise liaison cadre',
  'role.admin': 'Administrator',
  'role.leader': 'District leader',

  'channel.portal.title': 'Online service hall',
  'channel.portal.welcome':
    'Welcome to the OneTrip online service hall, where citizens and enterprises make at most one trip.',
  'channel.portal.empty':
    'Services you can apply for online, and the progress of your applications, will be listed here.',
  'channel.mobile.title': 'Mobile',
  'channel.mobile.welcome': 'Government services in your pocket.',
  'channel.mobile.empty':
    'Frequently used services, your applications and notifications will appear here.',
  'channel.kiosk.title': 'Self-service kiosk',
  'channel.kiosk.welcome': 'Welcome to the self-service kiosk.',
  'channel.kiosk.empty':
    'Self-service applications, document printing and progress look-up will be offered here.',
  'channel.counter.title': 'One-window counter',
  'channel.counter.welcome': 'One window accepts every application.',
  'channel.counter.empty':
    'Applications awaiting intake, document checks and receipt registration will appear here.',
  'channel.review.title': 'Department review',
  'channel.review.welcome': 'Handle the applications routed to your department here.',
  'channel.review.empty':
    'Applications awaiting review, under supervision and completed will appear here.',
  'channel.admin.title': 'Administration',
  'channel.admin.welcome': 'Manage org units, users, roles and services.',
  'channel.admin.empty':
    'Management of org units, users and roles, the service catalogue and system settings will be here.',
  'channel.brain.title': 'City brain',
  'channel.brain.welcome': 'An overview of government services across the district.',
  'channel.brain.empty':
    'Indicators such as application volume, processing time and citizen satisfaction will be shown here.',

  'login.title': 'Sign in to OneTrip',
  'login.username': 'Username',
  'login.password': 'Password',
  'login.submit': 'Log in',
  'login.usernameRequired': 'Please enter your username',
  'login.passwordRequired': 'Please enter your password',
  'login.backToPortal': 'Back to the online service hall',

  'error.network': 'Cannot reach the server. Check your connection and try again.',
  'error.unexpected': 'The server returned an unexpected response ({status}).',
  'error.session': 'Could not check your sign-in status',
  'error.logout': 'Could not log out: {message}',
  'error.retry': 'Try again',
  'notFound.title': 'Page not found',
  'notFound.back': 'Back to home',
};
