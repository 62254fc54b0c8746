import { translate, type Lang } from '../i18n';

/**
 * An error answered by the API (`{ error: { code, message, messageEn, details } }`) or made up
 * here for a network failure (`NETWORK_ERROR`, status 0) or a non-JSON answer (`HTTP_<status>`).
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly messageVi: string;
  readonly messageEn: string | null;
  readonly details: Record<string, unknown> | null;
  readonly requestId: string | null;

  constructor(init: {
    status: number;
    code: string;
    message: string;
    messageEn?: string | null;
    details?: Record<string, unknown> | null;
    requestId?: string | null;
  }) {
    super(init.message);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.messageVi = init.message;
    this.messageEn = init.messageEn ?? null;
    this.details = init.details ?? null;
    this.requestId = init.requestId ?? null;
  }

  /** The message in the reader's language (English falls back to Vietnamese). */
  localized(lang: Lang): string {
    return lang === 'en' && this.messageEn ? this.messageEn : this.messageVi;
  }
}

function synthetic(status: number, code: string, key: 'error.network' | 'error.server'): ApiError {
  return new ApiError({ status, code, message: translate('vi', key), messageEn: translate('en', key) });
}

export function networkError(): ApiError {
  return synthetic(0, 'NETWORK_ERROR', 'error.network');
}

/** Turns any thrown value into an ApiError so callers handle one type. */
export function toApiError(e: unknown): ApiError {
  if (e instanceof ApiError) return e;
  if (e instanceof TypeError) return networkError();
  return synthetic(0, 'UNKNOWN', 'error.server');
}

/** Parses an error body; anything unexpected becomes a generic `HTTP_<status>` error. */
export function errorFromBody(status: number, body: unknown): ApiError {
  const err = (body as { error?: Record<string, unknown> } | null)?.error;
  if (err && typeof err.code === 'string' && typeof err.message === 'string') {
    return new ApiError({
      status,
      code: err.code,
      message: err.message,
      messageEn: typeof err.messageEn === 'string' ? err.messageEn : null,
      details: (err.details as Record<string, unknown> | undefined) ?? null,
      requestId: typeof err.requestId === 'string' ? err.requestId : null,
    });
  }
  return synthetic(status, `HTTP_${status}`, 'error.server');
}

let csrfToken: string | null = null;

/** Set by the session (login, register, GET /auth/me); sent on every write. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}
export function getCsrfToken(): string | null {
  return csrfToken;
}

export const API_BASE = '/api/v1';

/** `/procedures` → `/api/v1/procedures`; query values that are empty are left out. */
export function apiPath(path: string, query?: Record<string, string | number | null | undefined>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  }
  const qs = params.toString();
  return `${API_BASE}${path}${qs ? `?${qs}` : ''}`;
}

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions {
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** Internal: set on the one retry after refreshing a stale CSRF token. */
  retried?: boolean;
}

/** Fetches a fresh CSRF token (the server restarted, or the session rotated it). */
export async function refreshCsrf(): Promise<boolean> {
  try {
    const res = await fetch(`${API_BASE}/auth/me`, { credentials: 'same-origin', headers: { accept: 'application/json' } });
    if (!res.ok) return false;
    const body = (await res.json()) as { csrfToken?: string };
    if (!body.csrfToken) return false;
    csrfToken = body.csrfToken;
    return true;
  } catch {
    return false;
  }
}

/**
 * Sends a JSON request to the API (`path` is relative to /api/v1, e.g. `/dossiers`).
 * Resolves with the parsed body (undefined for 204).
 * @throws {ApiError} for any 4xx/5xx answer or network failure.
 */
export async function request<T>(method: Method, path: string, opts: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', ...opts.headers };
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;

  let res: Response;
  try {
    res = await fetch(path.startsWith('/api/') ? path : `${API_BASE}${path}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
      signal: opts.signal,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw networkError();
  }

  if (res.status === 204) return undefined as T;
  const text = await res.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  if (!res.ok) {
    const err = errorFromBody(res.status, body);
    // A stale token is not the person's fault: refresh it and try once more, transparently.
    if (err.code === 'CSRF_TOKEN_INVALID' && method !== 'GET' && !opts.retried && (await refreshCsrf())) {
      return request<T>(method, path, { ...opts, retried: true });
    }
    if (res.status === 401) window.dispatchEvent(new CustomEvent('nts:unauthenticated'));
    throw err;
  }
  return body as T;
}

export const api = {
  get: <T>(path: string, signal?: AbortSignal) => request<T>('GET', path, { signal }),
  post: <T>(path: string, body?: unknown, headers?: Record<string, string>) =>
    request<T>('POST', path, { body: body ?? {}, headers }),
  put: <T>(path: string, body?: unknown) => request<T>('PUT', path, { body: body ?? {} }),
  del: <T>(path: string) => request<T>('DELETE', path),
};
