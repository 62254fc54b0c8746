import { href, type Query } from '../../routes';

// The back office's own URLs, all under /can-bo (the app's router hands every such path to
// BackofficeApp). Built here, never by string concatenation in components.
const base = href('backoffice');

function withQuery(path: string, query?: Query): string {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined && v !== null && v !== '') qs.set(k, String(v));
  const s = qs.toString();
  return s ? `${path}?${s}` : path;
}

export const boHref = {
  queues: (query?: Query) => withQuery(base, query),
  dossier: (code: string) => `${base}/ho-so/${encodeURIComponent(code)}`,
  reception: () => `${base}/tiep-nhan`,
  signUps: () => `${base}/xac-minh-dang-ky`,
  procedures: (query?: Query) => withQuery(`${base}/quan-tri/thu-tuc`, query),
  toConfirm: () => `${base}/can-xac-nhan`,
  procedure: (code: string) => `${base}/quan-tri/thu-tuc/${encodeURIComponent(code)}`,
  calendar: (year?: number) => withQuery(`${base}/quan-tri/lich`, { nam: year }),
  users: () => `${base}/quan-tri/can-bo`,
  register: () => `${base}/so-theo-doi`,
  certify: () => `${base}/chung-thuc`,
  formTemplates: () => `${base}/quan-tri/mau-bieu`,
  notices: (event?: string) => withQuery(`${base}/quan-tri/thong-bao`, { mau: event }),
  interop: () => `${base}/quan-tri/ket-noi`,
  indicators: (query?: Query) => withQuery(`${base}/chi-so`, query),
  indicatorDossiers: (query?: Query) => withQuery(`${base}/chi-so/ho-so`, query),
  projects: (query?: Query) => withQuery(`${base}/du-an`, query),
  project: (id: string) => `${base}/du-an/${encodeURIComponent(id)}`,
  newProject: () => `${base}/du-an/moi`,
  editProject: (id: string) => `${base}/du-an/${encodeURIComponent(id)}/sua`,
  projectRule: () => `${base}/du-an/tieu-chi`,
  investmentSites: () => `${base}/co-hoi-dau-tu`,
  feedback: () => `${base}/phan-anh`,
  open311Keys: () => `${base}/quan-tri/open311`,
  feedbackSettings: () => `${base}/quan-tri/phan-anh`,
  feedbackAreas: () => `${base}/quan-tri/phan-anh/ranh-gioi`,
  training: () => `${base}/quan-tri/dao-tao`,
  indicatorRule: () => `${base}/quan-tri/cach-cham`,
};

export type BoRoute =
  | { name: 'queues' }
  | { name: 'dossier'; code: string }
  | { name: 'reception' }
  | { name: 'signUps' }
  | { name: 'procedures' }
  | { name: 'toConfirm' }
  | { name: 'procedure'; code: string }
  | { name: 'calendar' }
  | { name: 'users' }
  | { name: 'register' }
  | { name: 'certify' }
  | { name: 'formTemplates' }
  | { name: 'notices' }
  | { name: 'interop' }
  | { name: 'indicators' }
  | { name: 'indicatorDossiers' }
  | { name: 'projects' }
  | { name: 'project'; id: string }
  | { name: 'projectNew' }
  | { name: 'projectEdit'; id: string }
  | { name: 'projectRule' }
  | { name: 'investmentSites' }
  | { name: 'feedback' }
  | { name: 'feedbackReport'; code: string }
  | { name: 'open311Keys' }
  | { name: 'feedbackSettings' }
  | { name: 'feedbackAreas' }
  | { name: 'training' }
  | { name: 'indicatorRule' }
  | { name: 'notFound' };

function decode(s: string): string | null {
  try {
    return decodeURIComponent(s);
  } catch {
    return null;
  }
}

/** Which back-office page a pathname (already known to start with /can-bo) shows. */
export function matchBo(pathname: string): BoRoute {
  const rest = pathname.replace(/\/+$/, '').slice(base.length).split('/').filter(Boolean);
  const [a, b, c, ...more] = rest;
  if (more.length) return { name: 'notFound' };
  if (!a) return { name: 'queues' };
  if (a === 'ho-so' && b && !c) {
    const code = decode(b);
    return code ? { name: 'dossier', code } : { name: 'notFound' };
  }
  if (a === 'tiep-nhan' && !b) return { name: 'reception' };
  if (a === 'can-xac-nhan' && !b) return { name: 'toConfirm' };
  if (a === 'so-theo-doi' && !b) return { name: 'register' };
  if (a === 'chung-thuc' && !b) return { name: 'certify' };
  if (a === 'xac-minh-dang-ky' && !b) return { name: 'signUps' };
  if (a === 'chi-so' && !b) return { name: 'indicators' };
  if (a === 'chi-so' && b === 'ho-so' && !c) return { name: 'indicatorDossiers' };
  if (a === 'du-an' && !b) return { name: 'projects' };
  if (a === 'co-hoi-dau-tu' && !b) return { name: 'investmentSites' };
  // Project ids are UUIDs: this name never shadows one.
  if (a === 'du-an' && b === 'tieu-chi' && !c) return { name: 'projectRule' };
  if (a === 'du-an' && b === 'moi' && !c) return { name: 'projectNew' };
  if (a === 'du-an' && b && c === 'sua') {
    const id = decode(b);
    return id ? { name: 'projectEdit', id } : { name: 'notFound' };
  }
  if (a === 'du-an' && b && !c) {
    const id = decode(b);
    return id ? { name: 'project', id } : { name: 'notFound' };
  }
  if (a === 'phan-anh' && !b) return { name: 'feedback' };
  if (a === 'phan-anh' && b && !c) {
    const code = decode(b);
    return code ? { name: 'feedbackReport', code } : { name: 'notFound' };
  }
  if (a === 'quan-tri') {
    if (b === 'thu-tuc' && !c) return { name: 'procedures' };
    if (b === 'thu-tuc' && c) {
      const code = decode(c);
      return code ? { name: 'procedure', code } : { name: 'notFound' };
    }
    if (b === 'lich' && !c) return { name: 'calendar' };
    if (b === 'can-bo' && !c) return { name: 'users' };
    if (b === 'mau-bieu' && !c) return { name: 'formTemplates' };
    if (b === 'thong-bao' && !c) return { name: 'notices' };
    if (b === 'open311' && !c) return { name: 'open311Keys' };
    if (b === 'phan-anh' && !c) return { name: 'feedbackSettings' };
    if (b === 'phan-anh' && c === 'ranh-gioi') return { name: 'feedbackAreas' };
    if (b === 'ket-noi' && !c) return { name: 'interop' };
    if (b === 'dao-tao' && !c) return { name: 'training' };
    if (b === 'cach-cham' && !c) return { name: 'indicatorRule' };
  }
  return { name: 'notFound' };
}
