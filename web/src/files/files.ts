import { useEffect, useState } from 'react';
import { ApiError, api } from '../api';
import { getLocale, translate } from '../i18n';

/** An uploaded file as the server describes it (POST /api/v1/files, GET …/metadata). */
export interface UploadedFile {
  id: string;
  name: string;
  mimeType: string;
  size: number;
  sha256: string;
  createdAt: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A material's reference that is an uploaded file; anything else is a name typed earlier. */
export const isFileId = (reference: string | null | undefined): reference is string =>
  typeof reference === 'string' && UUID.test(reference);

export const fileUrl = (id: string) => `/api/v1/files/${id}`;

/** What the file picker offers; the server decides by the bytes, whatever the name says. */
export const ACCEPTED_FILES = '.pdf,.jpg,.jpeg,.png,.ofd,application/pdf,image/jpeg,image/png';

export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${bytes} B`;
}

// Known files, so a page that just uploaded one, or shows it twice, does not ask again.
const known = new Map<string, UploadedFile>();

function channelOfPage(): string {
  const first = window.location.pathname.split('/')[1];
  if (first === 'counter') return 'counter';
  if (first === 'm') return 'mobile';
  if (first === 'kiosk') return 'kiosk';
  return 'web';
}

function errorOf(status: number, text: string): ApiError {
  try {
    const error = (
      JSON.parse(text) as { error?: { code?: string; message?: string; field?: string } }
    ).error;
    if (error?.code && error.message)
      return new ApiError(status, error.code, error.message, error.field);
  } catch {
    // Not the API's error body (a proxy's page): said plainly below.
  }
  return new ApiError(
    status,
    'unexpected_response',
    translate(getLocale(), 'error.unexpected', { status }),
  );
}

/**
 * Sends one file as multipart/form-data. XMLHttpRequest rather than fetch, for the progress of a
 * large scan on a slow line. No Idempotency-Key: the server answers a repeat of the same bytes
 * and name with the first file.
 */
export function uploadFile(
  file: File,
  csrfToken: string | null,
  onProgress?: (percent: number) => void,
): Promise<UploadedFile> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/v1/files');
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('Accept-Language', getLocale());
    xhr.setRequestHeader('X-OneTrip-Channel', channelOfPage());
    if (csrfToken) xhr.setRequestHeader('X-CSRF-Token', csrfToken);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && onProgress) onProgress(Math.round((e.loaded / e.total) * 100));
    };
    xhr.onerror = () =>
      reject(new ApiError(0, 'network_error', translate(getLocale(), 'error.network')));
    xhr.onload = () => {
      if (xhr.status < 200 || xhr.status >= 300) {
        reject(errorOf(xhr.status, xhr.responseText));
        return;
      }
      const stored = JSON.parse(xhr.responseText) as UploadedFile;
      known.set(stored.id, stored);
      resolve(stored);
    };
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}

export type FileInfo =
  | { status: 'loading' }
  | { status: 'ready'; file: UploadedFile }
  | { status: 'failed'; message: string };

/** What an uploaded file is (name, size), from memory or the server. */
export function useFileInfo(id: string): FileInfo {
  const [info, setInfo] = useState<FileInfo>(() => {
    const file = known.get(id);
    return file ? { status: 'ready', file } : { status: 'loading' };
  });
  useEffect(() => {
    const file = known.get(id);
    if (file) {
      setInfo({ status: 'ready', file });
      return;
    }
    setInfo({ status: 'loading' });
    const controller = new AbortController();
    api
      .get<UploadedFile>(`${fileUrl(id)}/metadata`, controller.signal)
      .then((loaded) => {
        known.set(id, loaded);
        setInfo({ status: 'ready', file: loaded });
      })
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        setInfo({
          status: 'failed',
          message: error instanceof Error ? error.message : String(error),
        });
      });
    return () => controller.abort();
  }, [id]);
  return info;
}
