import { portalRoutes, type CaseRoutes } from '../portal/cases/paths';

const enc = encodeURIComponent;

/** The kiosk keeps the resident on its own pages, where the idle sign-out watches over them. */
export const kioskRoutes: CaseRoutes = {
  home: '/kiosk',
  homeLabel: 'kiosk.back',
  mine: '/kiosk/cases',
  case: (id) => `/kiosk/cases/${enc(id)}`,
  apply: (kind, key) => `/kiosk/apply/${kind}/${enc(key)}`,
  guide: portalRoutes.guide,
  narrow: true,
};
