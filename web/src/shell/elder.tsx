import { Button } from 'antd';
import type { ThemeConfig } from 'antd';
import { useEffect, useSyncExternalStore } from 'react';
import { api } from '../api';
import { useSession } from '../auth/session';
import { useT } from '../i18n';
import './elder.css';

/**
 * Elder mode (长辈版), per MIIT's 2021 适老化 requirements: big text, big targets, strong contrast.
 * Remembered on the account for a signed-in user (PATCH /me/preferences) and in localStorage
 * otherwise; a channel may default to it (the kiosk does). Shown by `<html data-elder>`, which
 * elder.css keys on, and by antd theme tokens (elderTheme).
 */
const STORAGE_KEY = 'onetrip.elder';

type Stored = 'on' | 'off' | null;

function readStored(): Stored {
  try {
    const v = localStorage.getItem(STORAGE_KEY);
    return v === 'on' || v === 'off' ? v : null;
  } catch {
    return null;
  }
}

function writeStored(value: boolean): void {
  try {
    localStorage.setItem(STORAGE_KEY, value ? 'on' : 'off');
  } catch {
    // Storage disabled (privacy mode, locked-down kiosk browser): not remembered, still applied.
  }
}

let stored: Stored = readStored();
// A signed-in user's choice in this page's life, until the next /me carries it.
let chosen: { accountId: string; on: boolean } | null = null;
const listeners = new Set<() => void>();
const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};
const notify = () => listeners.forEach((l) => l());
const snapshot = () => `${stored}|${chosen?.accountId ?? ''}|${chosen?.on ?? ''}`;

// antd derives link colours from colorInfo (#1677ff), under 4.5:1 on the page's grey: the
// applicant's channels set them, in both modes, to the app's primary blue.
const LINKS = {
  colorPrimary: '#0958d9',
  colorInfo: '#0958d9',
  colorLink: '#0958d9',
  colorLinkHover: '#003eb3',
  colorLinkActive: '#002c8c',
  // Hovered buttons darken rather than lighten, keeping white text above 4.5:1.
  colorPrimaryHover: '#003eb3',
  colorPrimaryActive: '#002c8c',
};

export const standardTheme: ThemeConfig = { token: LINKS };

export const elderTheme: ThemeConfig = {
  token: {
    ...LINKS,
    colorLink: '#003eb3',
    fontSize: 24,
    fontSizeLG: 26,
    fontSizeSM: 24,
    fontSizeHeading1: 40,
    fontSizeHeading2: 34,
    fontSizeHeading3: 30,
    fontSizeHeading4: 28,
    fontSizeHeading5: 26,
    lineHeight: 1.5,
    controlHeight: 60,
    controlHeightLG: 64,
    controlHeightSM: 60,
    colorText: 'rgba(0, 0, 0, 0.92)',
    colorTextSecondary: 'rgba(0, 0, 0, 0.8)',
    colorTextDescription: 'rgba(0, 0, 0, 0.8)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.8)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.62)',
  },
};

/**
 * Whether elder mode is on in this channel, and a setter that remembers the choice: on the account
 * for a signed-in user (whose preference then follows them to every device), in this browser
 * otherwise. A shared kiosk thus never keeps one person's choice for the next. A channel may
 * default to elder mode (the kiosk does): there, a user's own "on" can only add to it.
 */
export function useElderMode(defaultOn = false, enabled = true): [boolean, (on: boolean) => void] {
  const { session } = useSession();
  useSyncExternalStore(subscribe, snapshot);
  const me = session.status === 'signedIn' ? session.me : null;
  const accountPref = (me as { elderMode?: boolean } | null)?.elderMode ?? false;
  const on = me
    ? chosen?.accountId === me.id
      ? chosen.on
      : accountPref || defaultOn
    : stored === null
      ? defaultOn
      : stored === 'on';

  useEffect(() => {
    if (on && enabled) document.documentElement.dataset.elder = '';
    else delete document.documentElement.dataset.elder;
  }, [on, enabled]);
  useEffect(() => () => void delete document.documentElement.dataset.elder, []);

  const set = (next: boolean) => {
    if (me) {
      chosen = { accountId: me.id, on: next };
      api.patch('/api/v1/me/preferences', { elderMode: next }).catch(() => {
        // Still applied on this page; the account keeps its old preference.
      });
    } else {
      stored = next ? 'on' : 'off';
      writeStored(next);
    }
    notify();
  };
  return [on && enabled, set];
}

/** The prominent switch in the header: a toggle button, its state said in words, not colour. */
export function ElderToggle({ on, onChange }: { on: boolean; onChange: (on: boolean) => void }) {
  const t = useT();
  return (
    <Button
      className="ot-elder-toggle"
      data-testid="elder-toggle"
      aria-pressed={on}
      title={t('elder.toggle')}
      onClick={() => onChange(!on)}
    >
      {on ? `✓ ${t('elder.on')}` : t('elder.on')}
    </Button>
  );
}
