import { useState, type FormEvent } from 'react';
import { MILESTONES, PROJECT_KINDS, type MilestoneKind } from '@domain/projects.ts';
import { api, toApiError, type ApiError } from '../../../api/client';
import { useSession } from '../../../api/session';
import { useApi } from '../../../api/useApi';
import { useT } from '../../../i18n';
import { formatDate } from '../../../i18n/format';
import { Link, useNavigate, usePageTitle } from '../../../router';
import { Button, Checkboxes, DateInput, ErrorState, ErrorSummary, Loading, Radios, Select, Textarea, TextInput, type FormError } from '../../../ui';
import { LazyWardMap } from '../../feedback/LazyWardMap';
import { boApi, type Unit } from '../api';
import { boHref } from '../paths';
import { projectApi, type ProjectDetail } from './api';
import { milestoneLabel } from './labels';
import { bodyOf, draftOf, emptyDraft, fieldId, issuesOnFields, type ProjectDraft } from './projectForm';

/**
 * /can-bo/du-an/moi and /can-bo/du-an/<id>/sua: registers a project, or edits one with the
 * version read (docs/PROJECTS.md). The fields are the API's (ProjectBody); the milestones' actual
 * dates are shown, not edited: a progress report records them.
 */
export function ProjectFormPage({ id }: { id?: string }) {
  const { t } = useT();
  const existing = useApi<ProjectDetail>(id ? projectApi.detail(id) : null);
  usePageTitle(id ? (existing.data ? t('prj.form.editTitle', { code: existing.data.code }) : t('prj.form.edit')) : t('prj.form.newTitle'));
  if (!id) return <ProjectForm project={null} onReload={() => undefined} />;
  if (existing.error) return <ErrorState error={existing.error} onRetry={existing.reload} />;
  if (!existing.data) return <Loading />;
  if (!existing.data.may.edit) {
    return (
      <>
        <h1>{t('prj.form.edit')}</h1>
        <p>{t('prj.form.notAllowed')}</p>
        <Link to={boHref.project(existing.data.id)}>{t('prj.form.cancel')}</Link>
      </>
    );
  }
  // Keyed by version: a reload after a conflict starts the form again from what is stored now.
  return <ProjectForm key={existing.data.version} project={existing.data} onReload={existing.reload} />;
}

function ProjectForm({ project, onReload }: { project: ProjectDetail | null; onReload: () => void }) {
  const { t, lang } = useT();
  const navigate = useNavigate();
  const { user } = useSession();
  const units = useApi<{ items: Unit[] }>(boApi.units());
  const departments = units.data?.items.find((u) => u.id === user?.unit?.id)?.departments ?? [];
  const [d, setD] = useState<ProjectDraft>(() => (project ? draftOf(project) : emptyDraft()));
  const [errors, setErrors] = useState<FormError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [pending, setPending] = useState(false);
  const set = <K extends keyof ProjectDraft>(k: K) => (v: ProjectDraft[K]) => setD((x) => ({ ...x, [k]: v }));
  const err = (path: string) => errors.find((e) => e.target === fieldId(path))?.text;
  const conflict = failure?.code === 'PROJECT_VERSION_CONFLICT';
  const shapeKept = project?.location && project.location.type !== 'Point' && !d.lat && !d.lon;
  const lat = Number(d.lat.replace(',', '.'));
  const lon = Number(d.lon.replace(',', '.'));
  const pin = d.lat && d.lon && Number.isFinite(lat) && Number.isFinite(lon) ? { lat, lon } : null;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const checked = bodyOf(d, project, t);
    setAttempt((n) => n + 1);
    setFailure(null);
    if ('errors' in checked) {
      setErrors(checked.errors);
      return;
    }
    setErrors([]);
    setPending(true);
    try {
      const saved = project
        ? await api.put<ProjectDetail>(`/projects/${encodeURIComponent(project.id)}`, { ...checked.body, version: project.version })
        : await api.post<ProjectDetail>('/projects', checked.body);
      navigate(boHref.project(saved.id));
    } catch (x) {
      const fail = toApiError(x);
      const issues = Array.isArray(fail.details?.issues) ? (fail.details.issues as { path: string; message: string }[]) : [];
      if (fail.code === 'VALIDATION_FAILED' && issues.length) setErrors(issuesOnFields(issues, checked.sent, lang));
      setFailure(fail);
    } finally {
      setPending(false);
    }
  };

  const setPlan = (i: number, k: 'date' | 'vnd' | 'pct', v: string) => setD((x) => ({ ...x, plan: x.plan.map((r, j) => (j === i ? { ...r, [k]: v } : r)) }));
  const title = project ? t('prj.form.editTitle', { code: project.code }) : t('prj.form.newTitle');

  return (
    <>
      <p>
        <Link to={project ? boHref.project(project.id) : boHref.projects()}>{project ? t('prj.form.cancel') : t('prj.detail.back')}</Link>
      </p>
      <form className="prj-form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="prj-form-title">
        <h1 id="prj-form-title">{title}</h1>
        <ErrorSummary errors={errors} focusKey={attempt} />
        {conflict && (
          <div className="state state--error" role="alert">
            <p className="state__title">{t('prj.form.conflict')}</p>
            <Button variant="secondary" onClick={onReload}>
              {t('prj.form.reload')}
            </Button>
          </div>
        )}
        {failure && !conflict && errors.length === 0 && <ErrorState error={failure} />}
        <TextInput id={fieldId('name')} label={t('prj.form.name')} value={d.name} onChange={set('name')} error={err('name')} />
        <Radios id={fieldId('kind')} legend={t('prj.form.kind')} inline value={d.kind} onChange={(v) => set('kind')(v === 'public' ? 'public' : 'investment')} options={PROJECT_KINDS.map((k) => ({ value: k, label: t(`prj.kind.${k}`) }))} />
        <TextInput id={fieldId('investorName')} label={t('prj.form.investorName')} value={d.investorName} onChange={set('investorName')} error={err('investorName')} />
        <TextInput id={fieldId('investorMst')} label={t('prj.form.investorMst')} hint={t('prj.form.investorMstHint')} width="w20" inputMode="numeric" value={d.investorMst} onChange={set('investorMst')} error={err('investorMst')} optional />
        <TextInput id={fieldId('registeredCapitalVnd')} label={t('prj.form.capital')} hint={t('prj.form.vndHint')} width="w20" inputMode="numeric" value={d.capital} onChange={set('capital')} error={err('registeredCapitalVnd')} />
        <TextInput id={fieldId('areaM2')} label={t('prj.form.area')} width="w10" inputMode="decimal" value={d.area} onChange={set('area')} error={err('areaM2')} optional />

        <fieldset className="prj-form__group" aria-describedby="pf-place-hint">
          <legend className="legend">{t('prj.form.place')}</legend>
          <p id="pf-place-hint" className="hint">
            {t('prj.form.placeHint')}
          </p>
          {shapeKept && <p className="small">{t('prj.form.shapeKept')}</p>}
          <LazyWardMap picked={pin} onPick={(p) => setD((x) => ({ ...x, lat: String(p.lat).replace('.', ','), lon: String(p.lon).replace('.', ',') }))} label={t('prj.form.mapLabel')} />
          <div className="prj-form__row">
            <TextInput id={fieldId('lat')} label={t('prj.form.lat')} width="w10" inputMode="decimal" value={d.lat} onChange={set('lat')} error={err('lat')} optional />
            <TextInput id={fieldId('lon')} label={t('prj.form.lon')} width="w10" inputMode="decimal" value={d.lon} onChange={set('lon')} error={err('lon')} optional />
          </div>
        </fieldset>
        <TextInput id={fieldId('address')} label={t('prj.form.address')} value={d.address} onChange={set('address')} error={err('address')} optional />
        <TextInput id={fieldId('landUse')} label={t('prj.form.landUse')} value={d.landUse} onChange={set('landUse')} error={err('landUse')} />
        <TextInput id={fieldId('planningZone')} label={t('prj.form.zone')} value={d.planningZone} onChange={set('planningZone')} error={err('planningZone')} />
        <Select
          id={fieldId('departmentId')}
          label={t('prj.form.department')}
          value={d.departmentId}
          onChange={set('departmentId')}
          error={err('departmentId')}
          placeholder={t('prj.form.noDepartment')}
          options={departments.map((x) => ({ value: x.id, label: x.name }))}
        />
        <Textarea id={fieldId('summary')} label={t('prj.form.summary')} rows={3} value={d.summary} onChange={set('summary')} error={err('summary')} optional />

        <h2>{t('prj.form.plan')}</h2>
        <p className="hint">{t('prj.form.planHint')}</p>
        {d.plan.map((r, i) => (
          <fieldset key={r.key} className="prj-form__group">
            <legend className="legend">{t('prj.form.planRow', { n: i + 1 })}</legend>
            <DateInput id={fieldId(`plan.${i}.date`)} legend={t('prj.form.planDate')} value={r.date} onChange={(v) => setPlan(i, 'date', v)} error={err(`plan.${i}.date`)} />
            <div className="prj-form__row">
              <TextInput id={fieldId(`plan.${i}.disbursedVnd`)} label={t('prj.form.planVnd')} width="w20" inputMode="numeric" value={r.vnd} onChange={(v) => setPlan(i, 'vnd', v)} error={err(`plan.${i}.disbursedVnd`)} optional />
              <TextInput id={fieldId(`plan.${i}.progressPct`)} label={t('prj.form.planPct')} width="w5" inputMode="decimal" value={r.pct} onChange={(v) => setPlan(i, 'pct', v)} error={err(`plan.${i}.progressPct`)} optional />
            </div>
            {d.plan.length > 1 && (
              <Button variant="secondary" onClick={() => setD((x) => ({ ...x, plan: x.plan.filter((_, j) => j !== i) }))}>
                {t('prj.form.planRemove', { n: i + 1 })}
              </Button>
            )}
          </fieldset>
        ))}
        <Button variant="secondary" onClick={() => setD((x) => ({ ...x, plan: [...x.plan, { key: Math.max(0, ...x.plan.map((p) => p.key)) + 1, date: '', vnd: '', pct: '' }] }))}>
          {t('prj.form.planAdd')}
        </Button>

        <h2>{t('prj.form.milestones')}</h2>
        <p className="hint">{t('prj.form.milestonesHint')}</p>
        {MILESTONES.map((k: MilestoneKind) => {
          const actual = project?.milestones.find((m) => m.kind === k)?.actualDate ?? null;
          return (
            <div key={k} className="prj-form__milestone">
              <DateInput
                id={fieldId(`planned.${k}`)}
                legend={t('prj.form.planned', { milestone: milestoneLabel(lang, k) })}
                hint={actual ? t('prj.form.actual', { date: formatDate(actual) }) : t('prj.form.actualNone')}
                value={d.planned[k]}
                onChange={(v) => setD((x) => ({ ...x, planned: { ...x.planned, [k]: v } }))}
                error={err(`planned.${k}`)}
                optional
              />
            </div>
          );
        })}
        <Checkboxes id={fieldId('public')} legend={t('prj.form.publication')} value={d.public ? ['yes'] : []} onChange={(v) => set('public')(v.includes('yes'))} options={[{ value: 'yes', label: t('prj.form.public') }]} />
        <Button type="submit" pending={pending}>
          {project ? t('prj.form.submitEdit') : t('prj.form.submitNew')}
        </Button>
      </form>
    </>
  );
}
