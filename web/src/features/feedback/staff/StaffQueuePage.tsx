import { useState, type FormEvent } from 'react';
import { FEEDBACK_STATUSES, type FeedbackCategory, type FeedbackStatus } from '@domain/feedback.ts';
import { useT } from '../../../i18n';
import { formatDate, formatNumber } from '../../../i18n/format';
import { Link, usePageTitle } from '../../../router';
import { useApi } from '../../../api/useApi';
import { Button, Checkboxes, ErrorState, Loading, Select, Table, Tag, TextInput } from '../../../ui';
import { categoryLabel, categoryOptions, statusLabel } from '../labels';
import { areaOptions, useWardAreas } from '../areas';
import { queueOrder, staffFeedbackApi, type Queue, type QueueItem } from './api';
import { fbStaffHref } from './paths';
import { TimeTag } from './TimeTag';

const EMPTY = { status: '', category: '', area: '', q: '', mine: '' };

/** /can-bo/phan-anh: the officials' list of reports, overdue first, with filters by step, category and area. */
export function StaffQueuePage() {
  const { t, lang } = useT();
  usePageTitle(t('fbs.queue.title'));
  const [draft, setDraft] = useState(EMPTY);
  const [applied, setApplied] = useState(EMPTY);
  const areas = useWardAreas();
  const { data, error, loading, reload } = useApi<Queue>(staffFeedbackApi.queue(applied), { keepPrevious: true });
  const onFilter = (e: FormEvent) => {
    e.preventDefault();
    setApplied({ ...draft, q: draft.q.trim() });
  };
  const items = data ? queueOrder(data.items) : [];
  return (
    <>
      <h1>{t('fbs.queue.title')}</h1>
      <p className="lead">{t('fbs.queue.lead')}</p>
      {data && (
        <ul className="fbs-counts" aria-label={t('fbs.queue.counts')}>
          {FEEDBACK_STATUSES.filter((s) => data.counts[s]).map((s) => (
            <li key={s}>
              <Tag colour="blue">{t('fbs.queue.count', { label: statusLabel(s, lang), n: formatNumber(data.counts[s] ?? 0) })}</Tag>
            </li>
          ))}
          {(data.counts.overdue ?? 0) > 0 && (
            <li>
              <Tag colour="red">{t('fbs.queue.count', { label: t('fbs.queue.overdue'), n: formatNumber(data.counts.overdue ?? 0) })}</Tag>
            </li>
          )}
        </ul>
      )}
      <form className="fbs-filters" onSubmit={onFilter} role="search" aria-label={t('fbs.queue.filters')}>
        <Select
          id="fbs-status"
          label={t('fbs.queue.status')}
          value={draft.status}
          onChange={(v) => setDraft({ ...draft, status: v })}
          options={[{ value: '', label: t('fb.all') }, ...FEEDBACK_STATUSES.map((s) => ({ value: s, label: statusLabel(s, lang) }))]}
        />
        <Select id="fbs-category" label={t('fb.field.category')} value={draft.category} onChange={(v) => setDraft({ ...draft, category: v })} options={[{ value: '', label: t('fb.all') }, ...categoryOptions(lang)]} />
        <Select
          id="fbs-area"
          label={t('fb.field.area')}
          value={draft.area}
          onChange={(v) => setDraft({ ...draft, area: v })}
          options={[{ value: '', label: t('fb.all') }, ...areaOptions(areas)]}
        />
        <TextInput id="fbs-q" label={t('fbs.queue.q')} width="w20" value={draft.q} onChange={(v) => setDraft({ ...draft, q: v })} />
        <Checkboxes id="fbs-mine" legend={t('fbs.queue.scope')} value={draft.mine ? ['1'] : []} onChange={(v) => setDraft({ ...draft, mine: v.includes('1') ? '1' : '' })} options={[{ value: '1', label: t('fbs.queue.mine') }]} />
        <Button type="submit" variant="secondary">
          {t('fbs.queue.filter')}
        </Button>
      </form>
      {error && <ErrorState error={error} onRetry={reload} />}
      {loading && !data && <Loading />}
      {data && items.length === 0 && <p>{t('fbs.queue.empty')}</p>}
      {items.length > 0 && (
        <Table
          caption={t('fbs.queue.title')}
          captionHidden
          rowKey={(r: QueueItem) => r.code}
          rows={items}
          columns={[
            { header: t('fbs.col.code'), cell: (r) => <Link to={fbStaffHref.report(r.code)}>{r.code}</Link>, nowrap: true },
            {
              header: t('fbs.col.what'),
              cell: (r) => (
                <>
                  {categoryLabel(r.category as FeedbackCategory, lang)}
                  <br />
                  <span className="small">{[r.address, r.areaName].filter(Boolean).join(' · ')}</span>
                </>
              ),
            },
            { header: t('fbs.col.status'), cell: (r) => statusLabel(r.status as FeedbackStatus, lang) },
            {
              header: t('fbs.col.forwardDue'),
              cell: (r) => (
                <>
                  {formatDate(r.forwardDueAt)}
                  {r.forwardLate && (
                    <>
                      {' '}
                      <Tag colour="orange">{t('fbs.forwardLate')}</Tag>
                    </>
                  )}
                </>
              ),
              nowrap: true,
            },
            {
              header: t('fbs.col.due'),
              cell: (r) => (
                <>
                  {formatDate(r.dueAt)} <TimeTag value={r.timeliness} />
                </>
              ),
              nowrap: true,
            },
            { header: t('fbs.col.handler'), cell: (r) => [r.department, r.assignee].filter(Boolean).join(' · ') || '—' },
          ]}
        />
      )}
    </>
  );
}

