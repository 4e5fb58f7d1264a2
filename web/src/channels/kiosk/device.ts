import { getLocale } from '../../i18n';

/**
 * The kiosk's own key, entered once by staff on the set-up page and kept in this browser: the
 * kiosk page uses it to take up the card reads of its own reader (and to send keyboard-wedge
 * reads). A browser without a key is not a kiosk.
 */
const KEY = 'onetrip.kiosk.key';

export function readKioskKey(): string | null {
  try {
    return localStorage.getItem(KEY);
  } catch {
    return null;
  }
}

export function storeKioskKey(key: string | null): void {
  try {
    if (key) localStorage.setItem(KEY, key);
    else localStorage.removeItem(KEY);
  } catch {
    // Storage disabled: the key lasts as long as the page.
  }
}

export interface KioskAnswer<T> {
  status: number;
  body: T | null;
}

/** A request authenticated by the kiosk's key rather than a user's session. */
export async function kioskFetch<T>(
  key: string,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
  signal?: AbortSignal,
): Promise<KioskAnswer<T>> {
  const response = await fetch(`/api/v1${path}`, {
    method,
    headers: {
      Accept: 'application/json',
      'Accept-Language': getLocale(),
      'X-Kiosk-Key': key,
      'X-OneTrip-Channel': 'kiosk',
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    body: body === undefined ? null : JSON.stringify(body),
    credentials: 'same-origin',
    signal: signal ?? null,
  });
  const type = response.headers.get('content-type') ?? '';
  const json = type.includes('json') ? ((await response.json()) as T) : null;
  return { status: response.status, body: json };
}

export interface DeviceInfo {
  id: string;
  name: string;
  idleSeconds: number;
}

export type ClaimAnswer =
  | { status: 'signed_in'; csrfToken: string; idleSeconds: number }
  | { status: 'refused'; code: string; message: string; field: string | null };

export interface ErrorAnswer {
  error: { code: string; message: string; field?: string };
}
