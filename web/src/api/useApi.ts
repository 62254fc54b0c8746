import { useCallback, useEffect, useRef, useState } from 'react';
import { api, toApiError, type ApiError } from './client';

// A tiny stale-while-revalidate cache: coming back to a page shows what was there at once and
// refreshes behind it. Keys are full API paths, so they form one hierarchy (`/dossiers`,
// `/dossiers/<code>`, `/dossiers/<code>/events`) and `invalidate('/api/v1/dossiers')` clears a branch.
const cache = new Map<string, unknown>();

/** Forgets cached answers whose path starts with `prefix` (all when omitted). */
export function invalidate(prefix = ''): void {
  for (const key of [...cache.keys()]) if (key.startsWith(prefix)) cache.delete(key);
}

/** Seeds the cache (e.g. with the dossier a POST returned) so the next page shows it at once. */
export function prime(path: string, data: unknown): void {
  cache.set(path, data);
}

export interface ApiState<T> {
  data: T | undefined;
  error: ApiError | null;
  /** True while the first answer for this path is awaited (not during a background refresh). */
  loading: boolean;
  /** Fetches again; the current data stays visible meanwhile. */
  reload: () => void;
  /** Replaces the data (e.g. with the body returned by a write). */
  setData: (data: T) => void;
}

/**
 * GETs `path` (from `apiPath(...)`) and tracks loading, error and data. `null` skips the call.
 * A stale answer for a previous path is not shown for the new one, unless `keepPrevious`
 * (search results that stay visible while the next query loads, with `loading` true).
 */
export function useApi<T>(path: string | null, opts: { keepPrevious?: boolean } = {}): ApiState<T> {
  const keep = opts.keepPrevious ?? false;
  const [state, setState] = useState<{ path: string | null; data: T | undefined; error: ApiError | null; loading: boolean }>(() => ({
    path,
    data: path ? (cache.get(path) as T | undefined) : undefined,
    error: null,
    loading: path !== null && !cache.has(path),
  }));
  const [nonce, setNonce] = useState(0);
  const pathRef = useRef(path);
  pathRef.current = path;

  useEffect(() => {
    if (path === null) {
      setState({ path, data: undefined, error: null, loading: false });
      return;
    }
    const controller = new AbortController();
    setState((s) => {
      const cached = cache.get(path) as T | undefined;
      const samePath = s.path === path;
      // While a new search loads, the previous results may stay on screen (keepPrevious).
      const data = cached ?? (samePath || keep ? s.data : undefined);
      return { path, data, error: null, loading: cached === undefined && !(samePath && s.data !== undefined) };
    });
    api
      .get<T>(path, controller.signal)
      .then((data) => {
        cache.set(path, data);
        if (pathRef.current === path) setState({ path, data, error: null, loading: false });
      })
      .catch((e: unknown) => {
        if (controller.signal.aborted) return;
        const error = toApiError(e);
        setState((s) => ({ path, data: s.path === path ? s.data : undefined, error, loading: false }));
      });
    return () => controller.abort();
  }, [path, nonce, keep]);

  const reload = useCallback(() => setNonce((n) => n + 1), []);
  const setData = useCallback((data: T) => {
    const p = pathRef.current;
    if (p) cache.set(p, data);
    setState((s) => ({ ...s, data, error: null, loading: false }));
  }, []);

  const current = state.path === path;
  return {
    data: current || keep ? state.data : undefined,
    error: current ? state.error : null,
    loading: current ? state.loading : path !== null,
    reload,
    setData,
  };
}

export interface SubmitState<A extends unknown[], R> {
  run: (...args: A) => Promise<R | undefined>;
  pending: boolean;
  error: ApiError | null;
  reset: () => void;
}

/**
 * Wraps a write (POST/PUT…) so a form can show a pending button and the server's error.
 * `run` resolves with the result, or undefined when it failed (the error is in `error`);
 * the caller's form state is untouched either way, so nothing typed is lost.
 */
export function useSubmit<A extends unknown[], R>(fn: (...args: A) => Promise<R>): SubmitState<A, R> {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const fnRef = useRef(fn);
  fnRef.current = fn;
  const run = useCallback(async (...args: A) => {
    setPending(true);
    setError(null);
    try {
      return await fnRef.current(...args);
    } catch (e) {
      setError(toApiError(e));
      return undefined;
    } finally {
      setPending(false);
    }
  }, []);
  const reset = useCallback(() => setError(null), []);
  return { run, pending, error, reset };
}
