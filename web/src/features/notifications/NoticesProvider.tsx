import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api } from '../../api/client';
import { useSession } from '../../api/session';
import type { Summary } from './api';

const POLL_MS = 60_000;

interface NoticesValue {
  /** Null until the first answer, and for visitors and officials. */
  summary: Summary | null;
  refresh: () => void;
}

const NoticesContext = createContext<NoticesValue>({ summary: null, refresh: () => {} });

/**
 * What is asked of the signed-in citizen and how many notices they have not read: the banner on
 * the home page and the badge on "Hồ sơ của tôi". Asked on sign-in, every minute while the page is
 * visible, and when the tab comes back into view.
 */
export function NoticesProvider({ children }: { children: ReactNode }) {
  const { user } = useSession();
  const citizen = user !== null && user.kind !== 'staff';
  const [summary, setSummary] = useState<Summary | null>(null);
  const [nonce, setNonce] = useState(0);
  const refresh = useCallback(() => setNonce((n) => n + 1), []);

  useEffect(() => {
    if (!citizen) {
      setSummary(null);
      return;
    }
    let stopped = false;
    const load = () => {
      if (document.visibilityState === 'hidden') return;
      api
        .get<Summary>('/me/notifications/summary')
        .then((s) => {
          if (!stopped) setSummary(s);
        })
        .catch(() => {
          // Offline or signed out meanwhile: the badge keeps its last value; the next poll tries again.
        });
    };
    load();
    const timer = window.setInterval(load, POLL_MS);
    document.addEventListener('visibilitychange', load);
    return () => {
      stopped = true;
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', load);
    };
  }, [citizen, user?.id, nonce]);

  const value = useMemo(() => ({ summary: citizen ? summary : null, refresh }), [citizen, summary, refresh]);
  return <NoticesContext.Provider value={value}>{children}</NoticesContext.Provider>;
}

export const useNotices = () => useContext(NoticesContext);
