// Every citizen-facing URL in one table. Build links with `href('procedure', { code })`, never
// by string concatenation, so a renamed URL is a one-line change and a missing param a type error.
export const routes = {
  home: '/',
  procedures: '/thu-tuc',
  procedure: '/thu-tuc/:code',
  track: '/tra-cuu',
  trackResult: '/tra-cuu/:code',
  signIn: '/dang-nhap',
  signUp: '/dang-ky',
  forgotPassword: '/quen-mat-khau',
  account: '/tai-khoan',
  apply: '/nop-ho-so/:code',
  receipt: '/nop-ho-so/:code/bien-nhan/:dossierCode',
  myDossiers: '/ho-so-cua-toi',
  myDossier: '/ho-so-cua-toi/:code',
  myDocuments: '/giay-to-cua-toi',
  verify: '/xac-minh/:id',
  // The inbox of notices (the server's INBOX_PATH: links in emails lead here).
  inbox: '/thong-bao',
  transparency: '/cong-khai',
  // Citizen feedback (docs/FEEDBACK.md): '/phan-anh/gui' is listed before '/phan-anh/:code' so it wins.
  feedback: '/phan-anh',
  feedbackNew: '/phan-anh/gui',
  feedbackOne: '/phan-anh/:code',
  // Investment, planning and public projects (docs/PROJECTS.md): static paths before '/dau-tu/du-an/:id'.
  invest: '/dau-tu',
  investPlans: '/dau-tu/quy-hoach',
  investProjects: '/dau-tu/du-an',
  investProject: '/dau-tu/du-an/:id',
  investMine: '/dau-tu/cua-toi',
  // Everything under /can-bo belongs to the lazily loaded back office.
  backoffice: '/can-bo',
} as const;

export type RouteName = keyof typeof routes;

type ParamNames<P extends string> = P extends `${string}:${infer N}/${infer Rest}`
  ? N | ParamNames<Rest>
  : P extends `${string}:${infer N}`
    ? N
    : never;

export type RouteParams<N extends RouteName> = { [K in ParamNames<(typeof routes)[N]>]: string };
export type Query = Record<string, string | number | null | undefined>;

type HrefArgs<N extends RouteName> = [ParamNames<(typeof routes)[N]>] extends [never]
  ? [params?: Record<string, never>, query?: Query, hash?: string]
  : [params: RouteParams<N>, query?: Query, hash?: string];

/** `href('procedure', { code: '1.001612' }, { tab: 'x' })` → `/thu-tuc/1.001612?tab=x`. */
export function href<N extends RouteName>(name: N, ...[params, query, hash]: HrefArgs<N>): string {
  const values = (params ?? {}) as Record<string, string>;
  const path = routes[name].replace(/:(\w+)/g, (_, key: string) => encodeURIComponent(values[key] ?? ''));
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined && v !== null && v !== '') qs.set(k, String(v));
  const search = qs.toString();
  return `${path}${search ? `?${search}` : ''}${hash ? `#${hash}` : ''}`;
}

export type RouteMatch = { [N in RouteName]: { name: N; params: RouteParams<N> } }[RouteName];

/** Finds the route for a pathname (trailing slash ignored); `/can-bo/...` matches `backoffice`. */
export function matchRoute(pathname: string): RouteMatch | null {
  const clean = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  if (clean === routes.backoffice || clean.startsWith(`${routes.backoffice}/`)) {
    return { name: 'backoffice', params: {} } as RouteMatch;
  }
  const parts = clean.split('/');
  for (const [name, pattern] of Object.entries(routes) as [RouteName, string][]) {
    const pp = pattern.split('/');
    if (pp.length !== parts.length) continue;
    const params: Record<string, string> = {};
    const ok = pp.every((seg, i) => {
      const actual = parts[i] ?? '';
      if (seg.startsWith(':')) {
        if (!actual) return false;
        try {
          params[seg.slice(1)] = decodeURIComponent(actual);
        } catch {
          return false;
        }
        return true;
      }
      return seg === actual;
    });
    if (ok) return { name, params } as RouteMatch;
  }
  return null;
}

/** Only same-site paths may be used as a "return to" target after sign-in. */
export function safeReturnPath(value: string | null | undefined): string | null {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return null;
  return value;
}
