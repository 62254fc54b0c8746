import type { ReactNode } from 'react';
import { useLocation, useFocusOnNavigate } from '../router';
import { Footer, Header, SkipLink } from '../ui';

/** Skip link, header, the page in <main>, footer; moves focus to the new page's heading. */
export function Layout({ children }: { children: ReactNode }) {
  const { focusKey, hash } = useLocation();
  useFocusOnNavigate(focusKey, hash);
  return (
    <>
      <SkipLink />
      <Header />
      <main id="main-content" tabIndex={-1}>
        <div className="width-container">{children}</div>
      </main>
      <Footer />
    </>
  );
}
