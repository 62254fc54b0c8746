import { MILESTONES, type MilestoneKind, type ProjectKind } from '@domain/projects.ts';
import type { ProjectDetail, ProjectInput } from '@domain/projects-contract.ts';
import { normalizeDate, type FormError } from '../../../ui';
import type { Translate } from '../../../i18n';
import { pickLang } from '../indicators/ruleForm';

// The register's form (ProjectFormPage): what the official types, checked as the API would, and
// the API's per-field refusals mapped back onto the fields.

export interface PlanRow {
  key: number;
  date: string;
  vnd: string;
  pct: string;
}

export interface ProjectDraft {
  name: string;
  kind: ProjectKind;
  investorName: string;
  investorMst: string;
  capital: string;
  area: string;
  lat: string;
  lon: string;
  address: string;
  landUse: string;
  planningZone: string;
  departmentId: string;
  summary: string;
  public: boolean;
  plan: PlanRow[];
  planned: Record<MilestoneKind, string>;
}

const noDates = () => Object.fromEntries(MILESTONES.map((k) => [k, ''])) as Record<MilestoneKind, string>;

export const emptyDraft = (): ProjectDraft => ({
  name: '',
  kind: 'investment',
  investorName: '',
  investorMst: '',
  capital: '',
  area: '',
  lat: '',
  lon: '',
  address: '',
  landUse: '',
  planningZone: '',
  departmentId: '',
  summary: '',
  public: false,
  plan: [{ key: 0, date: '', vnd: '', pct: '' }],
  planned: noDates(),
});

/** đồng as people write them: "12.000.000.000" → "12.000.000.000" kept; numbers shown with Vietnamese dots. */
const vndText = (n: number | null) => (n === null ? '' : new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 }).format(n));
const decimalText = (n: number | null) => (n === null ? '' : String(n).replace('.', ','));

export function draftOf(p: ProjectDetail): ProjectDraft {
  const planned = noDates();
  for (const m of p.milestones) planned[m.kind] = m.plannedDate ?? '';
  return {
    name: p.name,
    kind: p.kind,
    investorName: p.investorName,
    investorMst: p.investorMst ?? '',
    capital: vndText(p.registeredCapitalVnd),
    area: decimalText(p.areaM2),
    lat: p.location?.type === 'Point' ? decimalText(p.location.coordinates[1]) : '',
    lon: p.location?.type === 'Point' ? decimalText(p.location.coordinates[0]) : '',
    address: p.address,
    landUse: p.landUse,
    planningZone: p.planningZone,
    departmentId: p.department?.id ?? '',
    summary: p.summary,
    public: p.public,
    plan: p.plan.length ? p.plan.map((x, i) => ({ key: i, date: x.date, vnd: vndText(x.disbursedVnd), pct: decimalText(x.progressPct) })) : [{ key: 0, date: '', vnd: '', pct: '' }],
    planned,
  };
}

/** "9,5" or "9.5" → 9.5; "" → null; anything else → NaN. */
const decimal = (s: string) => (s.trim() === '' ? null : /^-?\d+([.,]\d+)?$/.test(s.trim()) ? Number(s.trim().replace(',', '.')) : NaN);
/** "12.000.000.000", "12 000 000 000 đồng" → 12000000000; "" → null; anything else → NaN. */
const vnd = (s: string) => {
  const t = s.replace(/(đồng|đ)$/i, '').replace(/[.\s]/g, '').trim();
  return t === '' ? null : /^\d+$/.test(t) ? Number(t) : NaN;
};

/** Field ids: the error summary links to them, and the API's issue paths map onto them. */
export const fieldId = (path: string) => `pf-${path.replace(/\./g, '-')}`;

/** The body the API takes, or the problems found (each on its field). */
/** Which rows the body's arrays came from: the API's issue paths index these arrays. */
export interface Sent {
  milestones: MilestoneKind[];
  planRows: number[];
}

export function bodyOf(d: ProjectDraft, previous: ProjectDetail | null, t: Translate): { body: ProjectInput; sent: Sent } | { errors: FormError[] } {
  const errors: FormError[] = [];
  const need = (path: string, value: string, label: string) => {
    if (!value.trim()) errors.push({ target: fieldId(path), text: t('prj.form.err.required', { field: label.toLowerCase() }) });
  };
  need('name', d.name, t('prj.form.name'));
  need('investorName', d.investorName, t('prj.form.investorName'));
  const mst = d.investorMst.trim();
  if (mst && !/^\d{10}(-\d{3})?$/.test(mst)) errors.push({ target: fieldId('investorMst'), text: t('prj.form.err.mst') });
  const capital = vnd(d.capital);
  if (capital === null || !Number.isSafeInteger(capital)) errors.push({ target: fieldId('registeredCapitalVnd'), text: t('prj.form.err.vnd') });
  const area = decimal(d.area);
  if (area !== null && !(area > 0)) errors.push({ target: fieldId('areaM2'), text: t('prj.form.err.area') });
  const lat = decimal(d.lat);
  const lon = decimal(d.lon);
  if ((lat === null) !== (lon === null)) errors.push({ target: fieldId(lat === null ? 'lat' : 'lon'), text: t('prj.form.err.both') });
  if (lat !== null && !(lat >= -90 && lat <= 90)) errors.push({ target: fieldId('lat'), text: t('prj.form.err.lat') });
  if (lon !== null && !(lon >= -180 && lon <= 180)) errors.push({ target: fieldId('lon'), text: t('prj.form.err.lon') });
  need('landUse', d.landUse, t('prj.form.landUse'));
  need('planningZone', d.planningZone, t('prj.form.zone'));
  const plan: ProjectInput['plan'] = [];
  const planRows: number[] = [];
  d.plan.forEach((r, i) => {
    if (!r.date && !r.vnd.trim() && !r.pct.trim()) return;
    const date = normalizeDate(r.date);
    if (!date) errors.push({ target: fieldId(`plan.${i}.date`), text: t('prj.form.err.date') });
    const money = vnd(r.vnd);
    if (money !== null && !Number.isSafeInteger(money)) errors.push({ target: fieldId(`plan.${i}.disbursedVnd`), text: t('prj.form.err.vnd') });
    const pct = decimal(r.pct);
    if (pct !== null && !(pct >= 0 && pct <= 100)) errors.push({ target: fieldId(`plan.${i}.progressPct`), text: t('prj.form.err.pct') });
    if (date) {
      plan.push({ date, disbursedVnd: money, progressPct: pct });
      planRows.push(i);
    }
  });
  const milestones: ProjectInput['milestones'] = [];
  for (const k of MILESTONES) {
    if (!d.planned[k]) continue;
    const date = normalizeDate(d.planned[k]);
    if (!date) errors.push({ target: fieldId(`planned.${k}`), text: t('prj.form.err.date') });
    else milestones.push({ kind: k, plannedDate: date });
  }
  if (errors.length) return { errors };
  const point = lat !== null && lon !== null ? { type: 'Point' as const, coordinates: [lon, lat] as [number, number] } : null;
  return {
    sent: { milestones: milestones.map((m) => m.kind), planRows },
    body: {
      name: d.name.trim(),
      kind: d.kind,
      investorName: d.investorName.trim(),
      investorMst: mst || null,
      registeredCapitalVnd: capital!,
      areaM2: area,
      // A drawn area or line stays unless a point replaces it.
      location: point ?? (previous?.location && previous.location.type !== 'Point' ? previous.location : null),
      address: d.address.trim(),
      landUse: d.landUse.trim(),
      planningZone: d.planningZone.trim(),
      departmentId: d.departmentId || null,
      summary: d.summary.trim(),
      public: d.public,
      plan,
      milestones,
    },
  };
}

/**
 * The API's refusal of a field (`details.issues`, paths like `body.plan.0.date`) on the form's
 * field; `milestones.N` is the N-th milestone sent. Issues of no field stay general (null target).
 */
export function issuesOnFields(issues: { path: string; message: string }[], sent: Sent, lang: 'vi' | 'en'): FormError[] {
  return issues.map((i) => {
    const path = i.path.replace(/^body\.?/, '');
    const [head, n, leaf] = path.split('.');
    let target = fieldId(head || 'name');
    if (head === 'milestones') target = n !== undefined && sent.milestones[Number(n)] ? fieldId(`planned.${sent.milestones[Number(n)]}`) : fieldId(`planned.${MILESTONES[0]}`);
    else if (head === 'plan') target = fieldId(`plan.${sent.planRows[Number(n)] ?? 0}.${leaf ?? 'date'}`);
    else if (head === 'location') target = fieldId('lat');
    return { target, text: pickLang(i.message, lang) };
  });
}
