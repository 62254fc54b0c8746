import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { apiPath } from '../../api/client';
import { useSession } from '../../api/session';
import { useApi } from '../../api/useApi';
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
  // Polled while the tab is in view and refreshed when it comes back; a failed poll (offline,
  // signed out meanwhile) keeps the badge's last value and the next one tries again.
  const { data, reload } = useApi<Summary>(citizen ? apiPath('/me/notifications/summary') : null, { refetchInterval: POLL_MS });
  const summary = data ?? null;
  const refresh = reload;

  const value = useMemo(() => ({ summary: citizen ? summary : null, refresh }), [citizen, summary, refresh]);
  return <NoticesContext.Provider value={value}>{children}</NoticesContext.Provider>;
}

export const useNotices = () => useContext(NoticesContext);
