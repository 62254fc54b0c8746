import { useEffect, useRef } from 'react';

/**
 * Calls `refresh` every `ms` while the page is visible, and as soon as it becomes visible again:
 * polling works the same behind any proxy and with any number of app instances.
 */
export function usePolling(refresh: () => void, ms: number): void {
  const latest = useRef(refresh);
  latest.current = refresh;
  useEffect(() => {
    const tick = () => {
      if (document.visibilityState !== 'hidden') latest.current();
    };
    const timer = window.setInterval(tick, ms);
    const onVisible = () => {
      if (document.visibilityState === 'visible') latest.current();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [ms]);
}
