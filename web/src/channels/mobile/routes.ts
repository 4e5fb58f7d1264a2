import type { CaseRoutes } from '../portal/cases/paths';

const enc = encodeURIComponent;

/** The phone's own pages: a link on /m never drops the resident into the desktop portal. */
export const mobileRoutes: CaseRoutes = {
  home: '/m',
  homeLabel: 'mobile.back.home',
  mine: '/m/cases',
  case: (id) => `/m/cases/${enc(id)}`,
  apply: (kind, key) => `/m/apply/${kind}/${enc(key)}`,
  guide: (kind, key) => `/m/guide/${kind}/${enc(key)}`,
  narrow: true,
};

export const mobileSearchPath = (q: string) => `/m/search?q=${enc(q)}`;
export const mobileEventPath = (stage: string) => `/m/events/${enc(stage)}`;
export const mobileWalletPath = '/m/certificates';
