import { useState, type FormEvent } from 'react';
import { useT } from '../../../i18n';
import { formatDate, formatDateTime, formatNumber } from '../../../i18n/format';
import { Link, useNavigate, usePageTitle, useSearchParams } from '../../../router';
import { useApi } from '../../../api/useApi';
import { Button, ButtonLink, ErrorState, Loading, Select, Table, Tag, TextInput } from '../../../ui';
import { PROJECT_STATES, type ProjectState } from '@domain/projects.ts';
import { boHref } from '../paths';
import { projectApi, type Changes, type ProjectList, type ProjectSummary } from './api';
import { STATE_COLOUR, formatVnd, reasonsOf, ruleBasis } from './labels';
import { ProjectsMap } from './ProjectsMap';
import { InterestsSection } from './InterestsSection';
import { useSession } from '../../../api/session';

const isState = (s: string | null): s is ProjectState => (PROJECT_STATES as readonly string[]).includes(s ?? '');

/**
 * The leaders' view of the ward's projects: counts by state, the late ones first with why, the
 * open obstacles and overdue directions, and what changed this week (docs/PROJECTS.md).
 */
export function ProjectsPage() {
  const { t, lang } = useT();
  usePageTitle(t('prj.title'));
  const params = useSearchParams();
  const navigate = useNavigate();
  const stateParam = params.get('tinh-trang');
  const state = isState(stateParam) ? stateParam : undefined;
  const q = params.get('q') ?? '';
  const [draft, setDraft] = useState({ state: state ?? '', q });
  const list = useApi<ProjectList>(projectApi.list({ state, q }), { keepPrevious: true });
  const changes = useApi<Changes>(projectApi.changes());
  // The officers who manage the register read the registrations (projects.interests: the same people).
  const mayReadInterests = useSession().user?.capabilities.includes('projects.manage') ?? false;

  const onFilter = (e: FormEvent) => {
    e.preventDefault();
    navigate(boHref.projects({ 'tinh-trang': draft.state, q: draft.q.trim() }));
  };

  return (
    <>
      <h1>{t('prj.title')}</h1>
      <p className="lead">{t('prj.lead')}</p>
      {mayReadInterests && (
        <p>
          <ButtonLink to={boHref.newProject()}>{t('prj.form.new')}</ButtonLink>
        </p>
      )}
      {list.error && <ErrorState error={list.error} onRetry={list.reload} />}
      {!list.data && !list.error && <Loading />}
      {list.data && (
        <>
          <p className="small">
            {t('prj.asOf', { at: formatDateTime(list.data.asOf) })} · {t('prj.rule', { date: formatDate(list.data.rule.effectiveFrom), basis: ruleBasis(t, list.data.rule) })} · <Link to={boHref.projectRule()}>{t('prj.rule.link')}</Link>
          </p>
          <ul className="prj-counts" aria-label={t('prj.filter.state')}>
            {PROJECT_STATES.map((s) => (
              <li key={s}>
                <Link to={boHref.projects({ 'tinh-trang': s })}>
                  <Tag colour={STATE_COLOUR[s]}>{t('prj.count', { label: t(`prj.state.${s}`), n: formatNumber(list.data!.counts[s] ?? 0) })}</Tag>
                </Link>
              </li>
            ))}
            {list.data.overdueDirections > 0 && (
              <li>
                <Tag colour="red">{t('prj.overdueDirections', { n: formatNumber(list.data.overdueDirections) })}</Tag>
              </li>
            )}
          </ul>
        </>
      )}
      <p className="prj-exports">
        <a href={projectApi.exportXlsx({ state, q })} download>
          {t('prj.export.xlsx')}
        </a>
        {' · '}
        <a href={projectApi.briefPdf()} target="_blank" rel="noreferrer">
          {t('prj.export.brief')}
        </a>
        {mayReadInterests && (
          <>
            {' · '}
            <Link to={boHref.investmentSites()}>{t('prj.sites.title')}</Link>
          </>
        )}
      </p>
      <form className="prj-filter" onSubmit={onFilter} role="search">
        <Select
          id="prj-state"
          label={t('prj.filter.state')}
          value={draft.state}
          onChange={(v) => setDraft({ ...draft, state: v })}
          placeholder={t('prj.filter.all')}
          options={PROJECT_STATES.map((s) => ({ value: s, label: t(`prj.state.${s}`) }))}
        />
        <TextInput id="prj-q" label={t('prj.filter.q')} width="w20" value={draft.q} onChange={(v) => setDraft({ ...draft, q: v })} />
        <Button type="submit" variant="secondary">
          {t('prj.filter.submit')}
        </Button>
      </form>
      {list.data && list.data.items.length === 0 && <p>{t('prj.empty')}</p>}
      {list.data && list.data.items.length > 0 && (
        <Table
          caption={t('prj.title')}
          captionHidden
          rowKey={(p: ProjectSummary) => p.id}
          rows={list.data.items}
          columns={[
            {
              header: t('prj.col.project'),
              cell: (p) => (
                <>
                  <Link to={boHref.project(p.id)}>{p.name}</Link>
                  <br />
                  <span className="small">
                    {p.code} · {p.investorName}
                  </span>
                </>
              ),
            },
            { header: t('prj.col.state'), cell: (p) => <Tag colour={STATE_COLOUR[p.assessment.state]}>{t(`prj.state.${p.assessment.state}`)}</Tag> },
            {
              header: t('prj.col.why'),
              cell: (p) => {
                const why = reasonsOf(t, lang, p.assessment);
                return why.length ? (
                  <ul className="prj-why">
                    {why.map((w) => (
                      <li key={w}>{w}</li>
                    ))}
                  </ul>
                ) : (
                  '—'
                );
              },
            },
            { header: t('prj.col.obstacles'), cell: (p) => t('prj.obstacles.summary', { open: formatNumber(p.obstacles.open), overdue: formatNumber(p.obstacles.overdueDirections) }) },
            { header: t('prj.col.capital'), cell: (p) => formatVnd(lang, p.registeredCapitalVnd), numeric: true, nowrap: true },
            { header: t('prj.col.lastUpdate'), cell: (p) => (p.lastUpdateOn ? formatDate(p.lastUpdateOn) : '—'), nowrap: true },
          ]}
        />
      )}
      {list.data && list.data.items.length > 0 && <ProjectsMap items={list.data.items} />}
      <section aria-labelledby="prj-changes">
        <h2 id="prj-changes">{t('prj.changes.title')}</h2>
        {changes.error && <ErrorState error={changes.error} onRetry={changes.reload} />}
        {changes.data && changes.data.events.length === 0 && changes.data.stateChanges.length === 0 && <p>{t('prj.changes.none')}</p>}
        {changes.data && (
          <ul className="prj-changes">
            {changes.data.stateChanges.map((c) => (
              <li key={`state-${c.project.id}`}>
                <strong>{t('prj.changes.state', { project: c.project.name, from: t(`prj.state.${c.from}`), to: t(`prj.state.${c.to}`) })}</strong>
              </li>
            ))}
            {changes.data.events.map((e, i) => (
              <li key={`${e.at}-${i}`}>
                <span className="small">{formatDateTime(e.at)}</span> · <Link to={boHref.project(e.project.id)}>{e.project.name}</Link>: {e.summary}
                {e.actor && <span className="small"> ({e.actor})</span>}
              </li>
            ))}
          </ul>
        )}
      </section>
      {mayReadInterests && <InterestsSection />}
    </>
  );
}
