import { getLocale, translate } from './i18n';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

const JSON_TYPE = 'application/json';

/** One problem of several (a form, a bundle definition, a spreadsheet). */
export interface ErrorDetail {
  message: string;
  field?: string;
  sheet?: string;
  row?: number;
  column?: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
    readonly details?: ErrorDetail[],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

// Held in memory only: the session cookie is httpOnly, and a token in storage would outlive it
// and be readable by any script on the page.
let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

// Signing in or out is not a business operation that can be replayed, and the session it acts on
// changes underneath, so these do not carry an idempotency key.
const WITHOUT_IDEMPOTENCY = new Set(['/api/v1/auth/login', '/api/v1/auth/logout']);

// crypto.randomUUID only exists in secure contexts, and district intranets often serve plain HTTP.
function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Which of the four channels this page is (四端协同): every action on a case records it. */
function channelOfPage(): string {
  const first = window.location.pathname.split('/')[1];
  // Back-office work (review, admin) is not one of the applicant's channels: it counts as web.
  if (first === 'counter') return 'counter';
  if (first === 'm') return 'mobile';
  if (first === 'kiosk') return 'kiosk';
  return 'web';
}

async function readJson(response: Response): Promise<unknown> {
  if (response.status === 204) return undefined;
  if (!response.headers.get('content-type')?.includes('json')) return undefined;
  try {
    return await response.json();
  } catch {
    return undefined;
  }
}

interface ErrorBody {
  error?: { code?: unknown; message?: unknown; field?: unknown; details?: unknown };
}

function toApiError(status: number, body: unknown): ApiError {
  const error = (body as ErrorBody | undefined)?.error;
  if (error && typeof error.code === 'string' && typeof error.message === 'string') {
    const field = typeof error.field === 'string' ? error.field : undefined;
    const details = Array.isArray(error.details)
      ? (error.details as ErrorDetail[]).filter((d) => typeof d?.message === 'string')
      : undefined;
    return new ApiError(status, error.code, error.message, field, details);
  }
  return new ApiError(
    status,
    'unexpected_response',
    translate(getLocale(), 'error.unexpected', { status }),
  );
}

interface SendOptions {
  body?: BodyInit;
  contentType?: string;
  accept?: string;
  signal?: AbortSignal;
}

async function send(method: Method, path: string, options: SendOptions): Promise<Response> {
  const { body, contentType, accept = JSON_TYPE, signal } = options;
  const headers: Record<string, string> = {
    Accept: accept,
    'Accept-Language': getLocale(),
    'X-OneTrip-Channel': channelOfPage(),
  };
  if (contentType) headers['Content-Type'] = contentType;
  if (method !== 'GET') {
    if (csrfToken) headers['X-CSRF-Token'] = csrfToken;
    if (!WITHOUT_IDEMPOTENCY.has(path)) headers['Idempotency-Key'] = newIdempotencyKey();
  }

  let response: Response;
  try {
    response = await fetch(path, { method, headers, body, credentials: 'same-origin', signal });
  } catch (cause) {
    if (signal?.aborted) throw cause;
    throw new ApiError(0, 'network_error', translate(getLocale(), 'error.network'));
  }
  if (!response.ok) throw toApiError(response.status, await readJson(response));
  return response;
}

export async function request<T>(
  method: Method,
  path: string,
  body?: unknown,
  signal?: AbortSignal,
): Promise<T> {
  const json = body === undefined ? {} : { body: JSON.stringify(body), contentType: JSON_TYPE };
  return (await readJson(await send(method, path, { ...json, signal }))) as T;
}

export const api = {
  get: <T>(path: string, signal?: AbortSignal) => request<T>('GET', path, undefined, signal),
  post: <T>(path: string, body?: unknown, signal?: AbortSignal) =>
    request<T>('POST', path, body, signal),
  put: <T>(path: string, body?: unknown) => request<T>('PUT', path, body),
  patch: <T>(path: string, body?: unknown) => request<T>('PATCH', path, body),
  delete: <T>(path: string) => request<T>('DELETE', path),
  /** A file the server generates (errors still arrive as JSON). */
  download: async (path: string, type: string) =>
    (await send('GET', path, { accept: `${type}, ${JSON_TYPE}` })).blob(),
  /** A file sent as the raw request body, with its own media type rather than JSON. */
  upload: async <T>(path: string, file: Blob, type: string) =>
    (await readJson(await send('POST', path, { body: file, contentType: type }))) as T,
};
