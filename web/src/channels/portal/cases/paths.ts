import { createContext, useContext } from 'react';
import type { MessageKey } from '../../../i18n';

/** Where the portal's case pages live. */
export const casePagePath = (id: string) => `/cases/${encodeURIComponent(id)}`;
export const applyPath = (kind: 'bundle' | 'item', key: string) =>
  `/apply/${kind}/${encodeURIComponent(key)}`;
export const MY_CASES = '/cases';

/**
 * The applicant's case pages are shared by the portal, the phone (/m) and the kiosk: each channel
 * says where its own pages are, so a link never drops the resident into another channel's layout.
 */
export interface CaseRoutes {
  home: string;
  /** The words of the way back home. */
  homeLabel: MessageKey;
  mine: string;
  case: (id: string) => string;
  apply: (kind: 'bundle' | 'item', key: string) => string;
  guide: (kind: 'bundle' | 'item', key: string) => string;
  /** One column and full-width buttons: a phone or a kiosk. */
  narrow: boolean;
}

export const portalRoutes: CaseRoutes = {
  home: '/',
  homeLabel: 'apply.backToPortal',
  mine: MY_CASES,
  case: casePagePath,
  apply: applyPath,
  guide: (kind, key) => `/guide/${kind}/${encodeURIComponent(key)}`,
  narrow: false,
};

export const CaseRoutesContext = createContext<CaseRoutes>(portalRoutes);
export const useCaseRoutes = () => useContext(CaseRoutesContext);
