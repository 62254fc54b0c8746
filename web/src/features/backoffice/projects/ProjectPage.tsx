import { useState, type FormEvent } from 'react';
import { toApiError, type ApiError } from '../../../api/client';
import { useApi } from '../../../api/useApi';
import { useT } from '../../../i18n';
import { formatDate, formatDateTime, formatNumber } from '../../../i18n/format';
import { Link, usePageTitle } from '../../../router';
import { Button, ButtonLink, DateInput, Details, ErrorState, ErrorSummary, Loading, NotificationBanner, SummaryList, Table, Tag, Textarea, normalizeDate, type FormError } from '../../../ui';
import { boHref } from '../paths';
import { giveDirection, projectApi, projectFileHref, type Direction, type Obstacle, type ProjectDetail } from './api';
import { UpdateForm } from './UpdateForm';
import { InvestorsSection } from './InvestorsSection';
import { Publication } from './Publication';
import { CompleteDirectionForm, RaiseObstacleForm, ResolveObstacleForm, WhoActs, useDepartments, type ActorKind } from './ObstacleForms';
import { STATE_COLOUR, formatVnd, milestoneLabel, reasonsOf } from './labels';

const DIRECTION_COLOUR = { overdue: 'red', due_soon: 'orange', open: 'blue', done_late: 'yellow', done: 'green' } as const;

/** One project: its facts, why it is in its state, the milestones, the obstacles with the leaders' directions, the reports. */
export function ProjectPage({ id }: { id: string }) {
  const { t, lang } = useT();
  const p = useApi<ProjectDetail>(projectApi.detail(id));
  usePageTitle(p.data?.name ?? t('prj.title'));
  if (p.error) return <ErrorState error={p.error} onRetry={p.reload} />;
  if (!p.data) return <Loading />;
  const d = p.data;
  const a = d.assessment;
  const why = reasonsOf(t, lang, a);
  const pct = (n: number | null) => (n === null ? '—' : `${formatNumber(n)}%`);
  return (
    <>
      <p>
        <Link to={boHref.projects()}>{t('prj.detail.back')}</Link>
      </p>
      <h1>{d.name}</h1>
      <p>
        <Tag colour={STATE_COLOUR[a.state]}>{t(`prj.state.${a.state}`)}</Tag> <span className="small">{d.code}</span>
      </p>
      {d.may.edit && (
        <p>
          <ButtonLink variant="secondary" to={boHref.editProject(d.id)}>
            {t('prj.form.edit')}
          </ButtonLink>
        </p>
      )}
      {why.length > 0 && (
        <ul className="prj-why" aria-label={t('prj.col.why')}>
          {why.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
      <h2>{t('prj.detail.facts')}</h2>
      <SummaryList
        rows={[
          { key: t('prj.detail.investor'), value: d.investorMst ? `${d.investorName} (MST ${d.investorMst})` : d.investorName },
          { key: t('prj.detail.kind'), value: t(`prj.kind.${d.kind}`) },
          { key: t('prj.detail.capital'), value: `${formatVnd(lang, d.registeredCapitalVnd)} / ${formatVnd(lang, a.actualDisbursedVnd)}` },
          { key: t('prj.detail.progress'), value: t('prj.detail.planVsActual', { actual: pct(a.actualProgressPct), planned: pct(a.plannedProgressPct) }) },
          { key: t('prj.detail.area'), value: d.areaM2 === null ? '—' : `${formatNumber(d.areaM2)} m²` },
          { key: t('prj.detail.place'), value: d.address || '—' },
          { key: t('prj.detail.landUse'), value: `${d.landUse}; ${d.planningZone}` },
          { key: t('prj.detail.department'), value: d.department?.name ?? '—' },
        ]}
      />
      {d.summary && <p>{d.summary}</p>}
      <InvestorsSection project={d} onChange={p.setData} />

      <h2>{t('prj.milestones')}</h2>
      <Table
        caption={t('prj.milestones')}
        captionHidden
        rowKey={(m) => m.kind}
        rows={d.milestones}
        columns={[
          { header: t('prj.ms.col.milestone'), cell: (m) => milestoneLabel(lang, m.kind) },
          { header: t('prj.ms.col.planned'), cell: (m) => (m.plannedDate ? formatDate(m.plannedDate) : '—'), nowrap: true },
          {
            header: t('prj.ms.col.actual'),
            cell: (m) => {
              if (m.actualDate) return formatDate(m.actualDate);
              const late = a.reasons.find((r) => r.kind === 'milestone_overdue' && r.milestone === m.kind);
              return late && late.kind === 'milestone_overdue' ? <Tag colour="red">{t('prj.ms.late', { days: formatNumber(late.daysLate) })}</Tag> : t('prj.ms.notReached');
            },
            nowrap: true,
          },
        ]}
      />

      <h2>{t('prj.obstacles')}</h2>
      {d.obstacles.length === 0 && <p>{t('prj.obstacles.none')}</p>}
      {d.obstacles.map((o) => (
        <ObstacleCard key={o.id} projectId={d.id} obstacle={o} mayDirect={d.may.direct} mayResolve={d.may.resolve} onChange={p.setData} />
      ))}
      {d.may.raiseObstacle && <RaiseObstacleForm projectId={d.id} onChange={p.setData} />}

      <section aria-labelledby="prj-updates">
        <h2 id="prj-updates">{t('prj.updates')}</h2>
        {d.updates.length === 0 && <p>{t('prj.updates.none')}</p>}
        {d.may.edit && !d.public && d.updates.some((u) => u.public) && <p className="small">{t('prj.pub.projectHidden')}</p>}
        <ul className="prj-updates">
          {d.updates.map((u) => (
            <li key={u.id}>
              <p className="small">
                {t('prj.update.by', { date: formatDate(u.reportedOn), who: u.reporter.name })} <Tag colour={u.public ? 'green' : 'grey'}>{t(u.public ? 'prj.pub.published' : 'prj.pub.hidden')}</Tag>
              </p>
              <p>{u.note}</p>
              <p className="small">{t('prj.update.figures', { progress: pct(u.progressPct), disbursed: formatVnd(lang, u.disbursedVnd) })}</p>
              {u.files.length > 0 && (
                <ul className="small" aria-label={t('prj.update.files')}>
                  {u.files.map((f) => (
                    <li key={f.id}>
                      <a href={projectFileHref(d.id, f.id)} target="_blank" rel="noreferrer">
                        {f.name}
                      </a>
                    </li>
                  ))}
                </ul>
              )}
              {d.may.edit && <Publication projectId={d.id} update={u} onChange={p.setData} onStale={p.reload} />}
            </li>
          ))}
        </ul>
        {d.may.report && <UpdateForm project={d} onChange={p.setData} />}
      </section>
    </>
  );
}

function actorName(t: ReturnType<typeof useT>['t'], actor: Obstacle['actor']): string {
  if (actor.kind === 'department') return actor.department?.name ?? '—';
  if (actor.kind === 'investor') return t('prj.actor.investor');
  return actor.other || '—';
}

function ObstacleCard({ projectId, obstacle: o, mayDirect, mayResolve, onChange }: { projectId: string; obstacle: Obstacle; mayDirect: boolean; mayResolve: boolean; onChange: (d: ProjectDetail) => void }) {
  const { t } = useT();
  return (
    <article className="prj-obstacle" aria-labelledby={`obstacle-${o.id}`}>
      <h3 id={`obstacle-${o.id}`}>{o.description}</h3>
      <p className="small">
        {t('prj.obstacle.who', { who: actorName(t, o.actor) })} · {t('prj.direction.by', { who: o.raisedBy, at: formatDateTime(o.raisedAt) })}
      </p>
      {o.resolvedAt && <p>{t('prj.obstacle.resolved', { at: formatDateTime(o.resolvedAt), resolution: o.resolution ?? '' })}</p>}
      <ul className="prj-directions">
        {o.directions.map((d) => (
          <DirectionItem key={d.id} projectId={projectId} d={d} onChange={onChange} />
        ))}
      </ul>
      {mayDirect && !o.resolvedAt && <DirectionForm projectId={projectId} obstacleId={o.id} onChange={onChange} />}
      {mayResolve && !o.resolvedAt && (
        <Details summary={t('prj.resolve.title')}>
          <ResolveObstacleForm projectId={projectId} obstacleId={o.id} onChange={onChange} />
        </Details>
      )}
    </article>
  );
}

function DirectionItem({ projectId, d, onChange }: { projectId: string; d: Direction; onChange: (p: ProjectDetail) => void }) {
  const { t } = useT();
  const s = d.status;
  return (
    <li>
      <p>
        <Tag colour={DIRECTION_COLOUR[s.state]}>{t(`prj.direction.state.${s.state}`, { days: formatNumber(s.daysOverdue) })}</Tag> {d.text}
      </p>
      <p className="small">
        {t('prj.obstacle.who', { who: actorName(t, d.owner) })} · {t('prj.direction.deadline', { date: formatDate(d.deadline) })} · {t('prj.direction.by', { who: d.givenBy, at: formatDateTime(d.givenAt) })}
      </p>
      {d.completionNote && <p className="small">{d.completionNote}</p>}
      {d.mayComplete && !d.completedAt && (
        <Details summary={t('prj.done.title')}>
          <CompleteDirectionForm projectId={projectId} directionId={d.id} onChange={onChange} />
        </Details>
      )}
    </li>
  );
}

/** A leader's direction on an obstacle: what, to whom, by when. */
function DirectionForm({ projectId, obstacleId, onChange }: { projectId: string; obstacleId: string; onChange: (d: ProjectDetail) => void }) {
  const { t } = useT();
  const departments = useDepartments();
  const [text, setText] = useState('');
  const [ownerKind, setOwnerKind] = useState<ActorKind>('department');
  const [dept, setDept] = useState('');
  const [other, setOther] = useState('');
  const [deadline, setDeadline] = useState('');
  const [errors, setErrors] = useState<FormError[]>([]);
  const [apiError, setApiError] = useState<ApiError | null>(null);
  const [pending, setPending] = useState(false);
  const [done, setDone] = useState(false);
  const fid = (k: string) => `direct-${obstacleId}-${k}`;

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const date = normalizeDate(deadline);
    const problems: FormError[] = [];
    if (!text.trim()) problems.push({ target: fid('text'), text: t('prj.direct.required') });
    if (!date) problems.push({ target: fid('deadline'), text: t('prj.direct.deadlineInvalid') });
    setErrors(problems);
    setDone(false);
    if (problems.length || !date) return;
    setPending(true);
    setApiError(null);
    try {
      onChange(
        await giveDirection(projectId, obstacleId, {
          text: text.trim(),
          ownerKind,
          ownerDepartmentId: ownerKind === 'department' && dept ? dept : null,
          ownerOther: ownerKind === 'other' ? other.trim() : '',
          deadline: date,
        }),
      );
      setText('');
      setDeadline('');
      setDone(true);
    } catch (err) {
      setApiError(toApiError(err));
    } finally {
      setPending(false);
    }
  };
  const errorOf = (k: string) => errors.find((x) => x.target === fid(k))?.text;

  return (
    <form className="prj-direct" onSubmit={(e) => void onSubmit(e)} noValidate aria-label={t('prj.direct.title')}>
      <h4>{t('prj.direct.title')}</h4>
      {done && <NotificationBanner type="success" title={t('prj.direct.done')} />}
      {errors.length > 0 && <ErrorSummary errors={errors} />}
      {apiError && <ErrorState error={apiError} />}
      <Textarea id={fid('text')} label={t('prj.direct.text')} rows={3} value={text} onChange={setText} error={errorOf('text')} />
      <WhoActs
        ids={{ kind: fid('owner'), dept: fid('dept'), other: fid('other') }}
        legend={t('prj.direct.owner')}
        deptLabel={t('prj.direct.department')}
        kind={ownerKind}
        onKind={setOwnerKind}
        dept={dept}
        onDept={setDept}
        other={other}
        onOther={setOther}
        departments={departments}
      />
      <DateInput id={fid('deadline')} legend={t('prj.direct.deadline')} value={deadline} onChange={setDeadline} error={errorOf('deadline')} />
      <Button type="submit" pending={pending}>
        {t('prj.direct.submit')}
      </Button>
    </form>
  );
}
