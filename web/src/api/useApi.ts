import { useCallback, useRef, useState } from 'react';
import { QueryClient, keepPreviousData, useQuery, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { api, toApiError, type ApiError } from './client';

// GETs go through TanStack Query: an answer seen before shows at once and is refreshed behind it
// (stale-while-revalidate), identical requests in flight at the same time are made once, and a
// tab brought back to the front refreshes what it shows. The key of a GET is its path split into
// segments, the query string last (`/api/v1/dossiers/A-1/events` → ['api', 'v1', 'dossiers',
// 'A-1', 'events']), so the keys form one hierarchy and `invalidate('/api/v1/dossiers')` reaches
// the whole branch.

/** `/api/v1/dossiers?status=x` → ['api', 'v1', 'dossiers', '?status=x']. */
export function queryKeyOf(path: string): string[] {
  const at = path.indexOf('?');
  const pathname = at < 0 ? path : path.slice(0, at);
  const segments = pathname.split('/').filter(Boolean);
  return at < 0 ? segments : [...segments, path.slice(at)];
}

/**
 * Does `key` fall under `prefix`: the same leading segments; a prefix ending in `?`
 * (`/api/v1/dossiers?`) takes only the lists of that path (any query string), not its branch.
 */
function underPrefix(key: QueryKey, prefix: string): boolean {
  const at = prefix.indexOf('?');
  const segments = queryKeyOf(at < 0 ? prefix : prefix.slice(0, at));
  if (key.length < segments.length || segments.some((s, i) => key[i] !== s)) return false;
  if (at < 0) return true;
  const query = key[segments.length];
  return key.length === segments.length + 1 && typeof query === 'string' && query.startsWith(prefix.slice(at));
}

/** Errors worth a second try: the network, or the server failing (never 4xx, e.g. 401/403/404). */
function retryable(error: unknown): boolean {
  const status = toApiError(error).status;
  return status === 0 || status >= 500;
}

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // Every mount, focus and reconnect refreshes (the data stays visible meanwhile).
      staleTime: 0,
      refetchOnWindowFocus: true,
      // A request is sent even when the browser believes it is offline: the person sees the
      // network error instead of a page that waits silently.
      networkMode: 'always',
      retry: (failures, error) => failures < 1 && retryable(error),
      retryDelay: 500,
    },
  },
});

/**
 * Forgets cached answers whose path lies under `prefix` (all when omitted): pages not on screen
 * load them afresh next time, pages on screen refetch them now. With no prefix (the session
 * changed) every answer is dropped, so nobody sees the previous person's data.
 */
export function invalidate(prefix = ''): void {
  if (!prefix) {
    queryClient.removeQueries({ type: 'inactive' });
    void queryClient.resetQueries();
    return;
  }
  const predicate = (q: { queryKey: QueryKey }) => underPrefix(q.queryKey, prefix);
  queryClient.removeQueries({ predicate, type: 'inactive' });
  void queryClient.invalidateQueries({ predicate });
}

/** Seeds the cache (e.g. with the dossier a POST returned) so the next page shows it at once. */
export function prime(path: string, data: unknown): void {
  queryClient.setQueryData(queryKeyOf(path), data);
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

export interface ApiOptions {
  /** Search results stay visible while the next query loads (with `loading` true). */
  keepPrevious?: boolean;
  /** Refreshes every so many milliseconds while the tab is in view (work queues, badges). */
  refetchInterval?: number;
}

/**
 * GETs `path` (from `apiPath(...)`) and tracks loading, error and data. `null` skips the call.
 * A stale answer for a previous path is not shown for the new one, unless `keepPrevious`.
 */
export function useApi<T>(path: string | null, opts: ApiOptions = {}): ApiState<T> {
  const client = useQueryClient();
  const query = useQuery<T, ApiError>({
    queryKey: path === null ? ['nts', 'no-request'] : queryKeyOf(path),
    queryFn: async ({ signal }) => {
      try {
        return await api.get<T>(path!, signal);
      } catch (e) {
        if (e instanceof DOMException && e.name === 'AbortError') throw e;
        throw toApiError(e);
      }
    },
    enabled: path !== null,
    placeholderData: opts.keepPrevious ? keepPreviousData : undefined,
    refetchInterval: opts.refetchInterval,
  });
  const { refetch } = query;
  const reload = useCallback(() => {
    if (path !== null) void refetch();
  }, [path, refetch]);
  const setData = useCallback(
    (data: T) => {
      if (path !== null) client.setQueryData(queryKeyOf(path), data);
    },
    [client, path],
  );
  return {
    data: path === null ? undefined : query.data,
    error: path === null ? null : query.error,
    loading: path !== null && (query.isPlaceholderData || (query.isPending && query.fetchStatus !== 'idle')),
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
