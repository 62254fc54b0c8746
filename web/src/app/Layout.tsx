import type { ReactNode } from 'react';
import { useLocation, useFocusOnNavigate } from '../router';
import { Footer, Header, SkipLink } from '../ui';
import { useNotices } from '../features/notifications/NoticesProvider';

/** Skip link, header, the page in <main>, footer; moves focus to the new page's heading. */
export function Layout({ children }: { children: ReactNode }) {
  const { focusKey, hash } = useLocation();
  useFocusOnNavigate(focusKey, hash);
  const unread = useNotices().summary?.unread ?? 0;
  return (
    <>
      <SkipLink />
      <Header unread={unread} />
      <main id="main-content" tabIndex={-1}>
        <div className="width-container">{children}</div>
      </main>
      <Footer />
    </>
  );
}
