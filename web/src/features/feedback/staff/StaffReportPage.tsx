import { useState } from 'react';
import type { FeedbackCategory, FeedbackStatus } from '@domain/feedback.ts';
import { useT, type MessageKey } from '../../../i18n';
import { formatDate, formatDateTime } from '../../../i18n/format';
import { Link, usePageTitle } from '../../../router';
import { useApi } from '../../../api/useApi';
import { Breadcrumbs, ErrorState, Loading, SummaryList, Tag } from '../../../ui';
import { categoryLabel, statusLabel } from '../labels';
import { ActionPanel, actionLabelKey } from './ActionPanel';
import { staffFeedbackApi, type StaffDetail } from './api';
import { fbStaffHref } from './paths';
import { TimeTag } from './TimeTag';

type StepState = 'done' | 'current' | 'todo';

const REPORTER_STEPS: Record<string, MessageKey> = { receive: 'fb.step.receive', rate: 'fb.step.rate', reopen: 'fb.step.reopen', fixed: 'fb.step.fixed' };
const eventLabel = (t: (k: MessageKey) => string, action: string) => t(REPORTER_STEPS[action] ?? actionLabelKey(action));

/** Decree 20/2008's steps and where the report is among them (rejected and merged reports stop at classification). */
function stepsOf(r: StaffDetail, t: (k: MessageKey, p?: Record<string, string | number>) => string, lang: 'vi' | 'en') {
  const s = r.status as FeedbackStatus;
  const reached = { received: 1, forwarded: 2, in_progress: 3, answered: 4, closed: 5, rejected: 1, merged: 1 }[s];
  const state = (i: number): StepState => (i < reached ? 'done' : i === reached ? 'current' : 'todo');
  return [
    { label: t('fbs.steps.receive'), state: 'done' as StepState, at: formatDateTime(r.receivedAt) },
    { label: t('fbs.steps.log', { code: r.code }), state: 'done' as StepState },
    { label: t('fbs.steps.classify', { category: categoryLabel(r.category as FeedbackCategory, lang) }), state: (reached >= 2 ? 'done' : 'current') as StepState },
    { label: t('fbs.steps.forward', { date: formatDate(r.forwardDueAt) }), state: state(2), late: r.forwardLate },
    { label: t('fbs.steps.handle'), state: state(3) },
    { label: t('fbs.steps.publish', { date: formatDate(r.dueAt) }), state: state(4), at: r.answeredAt ? formatDateTime(r.answeredAt) : undefined },
    { label: t('fbs.steps.archive'), state: s === 'closed' ? ('done' as StepState) : ('todo' as StepState) },
  ];
}

/** /can-bo/phan-anh/<code>: a report as its handlers see it — reporter, original text, the decree's steps, internal log — and the steps to take. */
export function StaffReportPage({ code }: { code: string }) {
  const { t, lang } = useT();
  usePageTitle(t('fbs.one.title', { code }));
  const { data, error, loading, reload, setData } = useApi<StaffDetail>(staffFeedbackApi.detail(code));
  const [done, setDone] = useState('');
  if (loading && !data) return <Loading />;
  if (error && !data) return <ErrorState error={error} onRetry={reload} />;
  if (!data) return null;
  const r = data;
  return (
    <>
      <Breadcrumbs items={[{ href: fbStaffHref.queue(), text: t('fbs.one.back') }]} />
      <h1>{t('fbs.one.title', { code })}</h1>
      <p>
        <Tag colour="blue">{statusLabel(r.status as FeedbackStatus, lang)}</Tag> <TimeTag value={r.timeliness} /> · <Link to={`/phan-anh/${encodeURIComponent(r.code)}`}>{t('fbs.one.public')}</Link>
      </p>
      <div role="status" aria-live="polite">
        {done && <p className="fbs-done">{t('fbs.act.done', { label: done })}</p>}
      </div>
      <div className="fbs-layout">
        <div>
          <h2 id="fbs-steps">{t('fbs.steps.title')}</h2>
          <ol className="fbs-steps" aria-labelledby="fbs-steps">
            {stepsOf(r, t, lang).map((s) => (
              <li key={s.label} className={`fbs-step fbs-step--${s.state}`}>
                {s.label} <span className="small">({t(`fbs.steps.${s.state}` as MessageKey)}{s.at ? ` · ${s.at}` : ''})</span>
                {'late' in s && s.late && (
                  <>
                    {' '}
                    <Tag colour="orange">{t('fbs.forwardLate')}</Tag>
                  </>
                )}
              </li>
            ))}
          </ol>
          <h2>{t('fbs.facts.title')}</h2>
          <SummaryList
            rows={[
              { key: t('fb.field.category'), value: categoryLabel(r.category as FeedbackCategory, lang) },
              { key: t('fbs.facts.public'), value: r.description },
              ...(r.originalDescription !== r.description ? [{ key: t('fbs.facts.original'), value: r.originalDescription }] : []),
              { key: t('fb.field.where'), value: [r.address, r.areaName].filter(Boolean).join(' · ') || '—' },
              {
                key: t('fbs.facts.reporter'),
                value: `${r.reporter.name || '—'}${r.reporter.phone ? ` · ${r.reporter.phone}` : ''}${r.reporter.email ? ` · ${r.reporter.email}` : ''} (${t(r.reporter.account ? 'fbs.facts.account' : 'fbs.facts.noAccount')})`,
              },
              { key: t('fbs.facts.channel'), value: t(`fbs.facts.channel.${r.channel}` as MessageKey) },
              { key: t('fb.field.received'), value: formatDateTime(r.receivedAt) },
              { key: t('fbs.col.forwardDue'), value: formatDate(r.forwardDueAt) },
              { key: t('fbs.col.due'), value: formatDate(r.dueAt) },
              { key: t('fb.field.department'), value: r.department ?? '—' },
              { key: t('fbs.facts.assignee'), value: r.assignee ?? '—' },
              ...(r.answer ? [{ key: t('fb.one.answer'), value: r.answer }] : []),
              ...(r.mergedInto ? [{ key: t('fb.field.mergedInto'), value: <Link to={fbStaffHref.report(r.mergedInto)}>{r.mergedInto}</Link> }] : []),
              ...(r.reopenCount > 0 ? [{ key: t('fbs.facts.reopened'), value: String(r.reopenCount) }] : []),
            ]}
          />
          {r.allPhotos.length > 0 && (
            <>
              <h2>{t('fbs.photos.title')}</h2>
              <ul className="fb-photos fbs-photos">
                {r.allPhotos.map((p, i) => (
                  <li key={p.id}>
                    <img src={p.url} alt={t('fb.photoAlt', { n: i + 1 })} />
                    {p.hidden && <span className="small"> {t('fbs.photos.hidden')}</span>}
                  </li>
                ))}
              </ul>
            </>
          )}
          <h2>{t('fbs.events.title')}</h2>
          <ol className="fbs-events">
            {r.events.map((e, i) => (
              <li key={i}>
                {formatDateTime(e.at)} — {eventLabel(t, e.action)}
                {e.actorName ? ` (${e.actorName})` : ''}
                {e.internal && (
                  <>
                    {' '}
                    <Tag colour="grey">{t('fbs.events.internal')}</Tag>
                  </>
                )}
                {e.note ? `: ${e.note}` : ''}
              </li>
            ))}
          </ol>
        </div>
        <aside aria-labelledby="fbs-act">
          <h2 id="fbs-act">{t('fbs.act.title')}</h2>
          <ActionPanel
            key={r.version}
            report={r}
            onDone={(next, label) => {
              setData(next);
              setDone(label);
            }}
          />
        </aside>
      </div>
    </>
  );
}
