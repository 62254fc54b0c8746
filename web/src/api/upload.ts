import { API_BASE, ApiError, errorFromBody, getCsrfToken, networkError, refreshCsrf } from './client';
import { translate } from '../i18n';
import type { UploadedFile } from './types';

/** The server's limits (docs/API.md, Files); checked here first so nobody waits for a refusal. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
export const ACCEPTED_EXTENSIONS = ['.pdf', '.jpg', '.jpeg', '.png', '.webp', '.docx', '.xlsx', '.odt', '.ods'];
export const ACCEPT_ATTRIBUTE = ACCEPTED_EXTENSIONS.join(',');

function localError(code: string, key: 'upload.error.empty' | 'upload.error.tooLarge' | 'upload.error.type'): ApiError {
  return new ApiError({ status: 0, code, message: translate('vi', key), messageEn: translate('en', key) });
}

/** Client-side check mirroring the server; returns the error or null. */
export function checkFile(file: File): ApiError | null {
  if (file.size === 0) return localError('FILE_EMPTY', 'upload.error.empty');
  if (file.size > MAX_FILE_BYTES) return localError('FILE_TOO_LARGE', 'upload.error.tooLarge');
  const lower = file.name.toLowerCase();
  if (!ACCEPTED_EXTENSIONS.some((ext) => lower.endsWith(ext))) return localError('FILE_TYPE_NOT_ALLOWED', 'upload.error.type');
  return null;
}

type UploadOptions = { onProgress?: (fraction: number) => void; signal?: AbortSignal };

/**
 * Uploads one file to `POST /api/v1/files` (multipart field `file`) with progress reports,
 * retrying once with a fresh token if the CSRF token had gone stale.
 * @throws {ApiError} on refusal or network failure; a DOMException `AbortError` when aborted.
 */
export async function uploadFile(file: File, opts: UploadOptions = {}): Promise<UploadedFile> {
  try {
    return await uploadOnce(file, opts);
  } catch (e) {
    if (e instanceof ApiError && e.code === 'CSRF_TOKEN_INVALID' && (await refreshCsrf())) return uploadOnce(file, opts);
    throw e;
  }
}

/** XMLHttpRequest rather than fetch because only it reports upload progress. */
function uploadOnce(file: File, opts: UploadOptions): Promise<UploadedFile> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `${API_BASE}/files`);
    xhr.withCredentials = true;
    xhr.setRequestHeader('accept', 'application/json');
    const token = getCsrfToken();
    if (token) xhr.setRequestHeader('x-csrf-token', token);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) opts.onProgress?.(e.loaded / e.total);
    };
    xhr.onload = () => {
      let body: unknown;
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        body = null;
      }
      if (xhr.status >= 200 && xhr.status < 300 && body) {
        opts.onProgress?.(1);
        resolve(body as UploadedFile);
      } else reject(errorFromBody(xhr.status, body));
    };
    xhr.onerror = () => reject(networkError());
    xhr.onabort = () => reject(new DOMException('Upload aborted', 'AbortError'));
    opts.signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}

/** Where a stored file can be downloaded (the server checks who may read it). */
export function fileUrl(id: string): string {
  return `${API_BASE}/files/${encodeURIComponent(id)}`;
}
