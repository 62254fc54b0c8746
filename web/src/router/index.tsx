import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type AnchorHTMLAttributes,
  type MouseEvent,
  type ReactNode,
} from 'react';

export interface Location {
  pathname: string;
  search: string;
  hash: string;
  /** Changes on every navigation that should move focus to the new page's heading. */
  focusKey: number;
}

export interface NavigateOptions {
  /** Replace the history entry instead of adding one (filters, redirects). */
  replace?: boolean;
  /** Move focus to the page's `<h1>` (or the `#hash` target). Default true. */
  focus?: boolean;
}

interface RouterValue {
  location: Location;
  navigate: (to: string, opts?: NavigateOptions) => void;
}

const RouterContext = createContext<RouterValue | null>(null);

function readLocation(focusKey: number): Location {
  const { pathname, search, hash } = window.location;
  return { pathname, search, hash, focusKey };
}

/** History-API router: keeps `window.location` in React state. */
export function RouterProvider({ children }: { children: ReactNode }) {
  const [location, setLocation] = useState<Location>(() => readLocation(0));

  useEffect(() => {
    const onPop = () => setLocation((l) => readLocation(l.focusKey + 1));
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);

  const navigate = useCallback((to: string, opts: NavigateOptions = {}) => {
    const url = new URL(to, window.location.href);
    if (url.origin !== window.location.origin) {
      window.location.assign(to);
      return;
    }
    const target = `${url.pathname}${url.search}${url.hash}`;
    if (opts.replace) window.history.replaceState(null, '', target);
    else window.history.pushState(null, '', target);
    const focus = opts.focus ?? true;
    setLocation((l) => readLocation(focus ? l.focusKey + 1 : l.focusKey));
  }, []);

  const value = useMemo(() => ({ location, navigate }), [location, navigate]);
  return <RouterContext.Provider value={value}>{children}</RouterContext.Provider>;
}

function useRouter(): RouterValue {
  const value = useContext(RouterContext);
  if (!value) throw new Error('Router hooks must be used inside <RouterProvider>');
  return value;
}

export function useLocation(): Location {
  return useRouter().location;
}

export function useNavigate(): RouterValue['navigate'] {
  return useRouter().navigate;
}

/** The current query string, parsed. */
export function useSearchParams(): URLSearchParams {
  const { search } = useLocation();
  return useMemo(() => new URLSearchParams(search), [search]);
}

export type LinkProps = AnchorHTMLAttributes<HTMLAnchorElement> & { to: string; replace?: boolean };

/**
 * A real `<a href>`: middle-click, ctrl-click, "open in new tab" and keyboard all work; a plain
 * left click navigates without reloading.
 */
export function Link({ to, replace, onClick, target, children, ...rest }: LinkProps) {
  const navigate = useNavigate();
  const handle = (e: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(e);
    if (
      e.defaultPrevented ||
      e.button !== 0 ||
      e.metaKey ||
      e.ctrlKey ||
      e.shiftKey ||
      e.altKey ||
      (target && target !== '_self') ||
      to.startsWith('#') ||
      to.startsWith('/api/')
    ) {
      return;
    }
    const url = new URL(to, window.location.href);
    if (url.origin !== window.location.origin) return;
    e.preventDefault();
    navigate(to, { replace });
  };
  return (
    <a href={to} onClick={handle} target={target} {...rest}>
      {children}
    </a>
  );
}

/** Navigates once after render (e.g. a redirect to sign-in). */
export function Redirect({ to }: { to: string }) {
  const navigate = useNavigate();
  useEffect(() => navigate(to, { replace: true }), [navigate, to]);
  return null;
}

/**
 * Moves focus to the `#hash` target, else the main `<h1>`, whenever `focusKey` changes
 * (not on first load: the browser starts at the top and screen readers read the page).
 * Headings that are rendered later (after data loads) are waited for briefly.
 */
export function useFocusOnNavigate(focusKey: number, hash: string): void {
  useEffect(() => {
    if (focusKey === 0) return;
    let tries = 0;
    let timer = 0;
    const attempt = () => {
      const byHash = hash ? document.getElementById(decodeURIComponent(hash.slice(1))) : null;
      const heading = document.querySelector<HTMLElement>('main h1');
      const target = byHash ?? heading;
      if (target) {
        if (!byHash) window.scrollTo(0, 0);
        if (!target.hasAttribute('tabindex') && !/^(INPUT|SELECT|TEXTAREA|BUTTON|A)$/.test(target.tagName)) {
          target.setAttribute('tabindex', '-1');
        }
        target.focus({ preventScroll: !byHash });
        return;
      }
      if (tries++ < 20) timer = window.setTimeout(attempt, 50);
      else document.querySelector<HTMLElement>('main')?.focus();
    };
    timer = window.setTimeout(attempt, 0);
    return () => window.clearTimeout(timer);
  }, [focusKey, hash]);
}

/** Sets `document.title` to "<page> – Nông Trang Số". */
export function usePageTitle(title: string | null | undefined, service = 'Nông Trang Số'): void {
  useEffect(() => {
    document.title = title ? `${title} – ${service}` : service;
  }, [title, service]);
}
