import { useState } from 'react';
import type { FeedbackCategory, FeedbackStatus } from '@domain/feedback.ts';
import { useT, type MessageKey } from '../../i18n';
import { formatDateTime } from '../../i18n/format';
import { usePageTitle, useSearchParams } from '../../router';
import { api, toApiError, type ApiError } from '../../api/client';
import { useApi } from '../../api/useApi';
import { Breadcrumbs, Button, ErrorState, ErrorSummary, Loading, NotificationBanner, Panel, Radios, SummaryList, TextInput, Textarea } from '../../ui';
import type { PublicDetail } from './api';
import { LazyWardMap } from './LazyWardMap';
import { categoryLabel, statusLabel } from './labels';

const STEP_KEYS: Record<string, MessageKey> = {
  receive: 'fb.step.receive',
  forward: 'fb.step.forward',
  answer: 'fb.step.answer',
  archive: 'fb.step.archive',
  merge: 'fb.step.merge',
  classify: 'fb.step.classify',
  rate: 'fb.step.rate',
  reopen: 'fb.step.reopen',
  fixed: 'fb.step.fixed',
};

/**
 * For a reporter without an account (the page opened with its `?token=`): the link is their only
 * way back to the report — say so, show it and let them copy it.
 */
function KeepLink() {
  const { t } = useT();
  const link = window.location.href;
  const [copied, setCopied] = useState<'' | 'ok' | 'failed'>('');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link);
      setCopied('ok');
    } catch {
      (document.getElementById('fb-keep-link') as HTMLInputElement | null)?.select();
      setCopied('failed');
    }
  };
  return (
    <NotificationBanner title={t('fb.keep.title')}>
      <p>{t('fb.keep.body')}</p>
      <TextInput id="fb-keep-link" label={t('fb.keep.link')} value={link} onChange={() => undefined} readOnly spellCheck={false} onFocus={(e) => e.currentTarget.select()} />
      <Button variant="secondary" onClick={() => void copy()}>
        {t('fb.keep.copy')}
      </Button>
      <p role="status">{copied === 'ok' ? t('fb.keep.copied') : copied === 'failed' ? t('fb.keep.copyFailed') : ''}</p>
    </NotificationBanner>
  );
}

/** /phan-anh/<code>: a report as the public sees it; its reporter rates, confirms or reopens it here. */
export function FollowPage({ code }: { code: string }) {
  const { t, lang } = useT();
  usePageTitle(t('fb.one.title', { code }));
  const token = useSearchParams().get('token') ?? undefined;
  const { data, error, loading, reload } = useApi<PublicDetail>(`/feedback/${encodeURIComponent(code)}${token ? `?token=${encodeURIComponent(token)}` : ''}`);
  const [rating, setRating] = useState('');
  const [reason, setReason] = useState('');
  const [fail, setFail] = useState<ApiError | null>(null);
  const [pending, setPending] = useState(false);
  const step = async (path: string, body: Record<string, unknown>) => {
    setPending(true);
    setFail(null);
    try {
      await api.post(`/feedback/${encodeURIComponent(code)}/${path}`, { ...body, ...(token ? { token } : {}) });
      reload();
    } catch (e) {
      setFail(toApiError(e));
    } finally {
      setPending(false);
    }
  };
  if (loading && !data) return <Loading />;
  if (error) return <ErrorState error={error} onRetry={reload} />;
  if (!data) return null;
  return (
    <>
      <Breadcrumbs items={[{ href: '/phan-anh', text: t('fb.list.title') }]} />
      <h1>{t('fb.one.title', { code })}</h1>
      {token && <KeepLink />}
      {fail && <ErrorSummary errors={[{ target: 'fb-actions', text: fail.message }]} />}
      <SummaryList
        rows={[
          { key: t('fb.field.status'), value: statusLabel(data.status as FeedbackStatus, lang) },
          { key: t('fb.field.category'), value: categoryLabel(data.category as FeedbackCategory, lang) },
          { key: t('fb.field.description'), value: data.description },
          { key: t('fb.field.where'), value: data.address || data.areaName || '—' },
          { key: t('fb.field.department'), value: data.department ?? '—' },
          { key: t('fb.field.received'), value: formatDateTime(data.receivedAt) },
          { key: t('fb.field.due'), value: formatDateTime(data.dueAt) },
          ...(data.mergedInto ? [{ key: t('fb.field.mergedInto'), value: data.mergedInto }] : []),
        ]}
      />
      {data.answer && (
        <Panel title={t('fb.one.answer')}>
          <p>{data.answer}</p>
          {data.answeredAt && <p>{formatDateTime(data.answeredAt)}</p>}
        </Panel>
      )}
      {data.photos.length > 0 && (
        <div className="fb-photos">
          {data.photos.map((p, i) => (
            <img key={p} src={p} alt={t('fb.photoAlt', { n: i + 1 })} />
          ))}
        </div>
      )}
      {data.lat !== null && data.lon !== null && <LazyWardMap points={[{ lat: data.lat, lon: data.lon, label: code }]} label={t('fb.map.label')} />}
      <h2>{t('fb.one.steps')}</h2>
      <ol>
        {data.events.map((e, i) => (
          <li key={i}>
            {formatDateTime(e.at)} — {STEP_KEYS[e.action] ? t(STEP_KEYS[e.action]!) : e.action}
            {e.note && e.action !== 'answer' ? `: ${e.note}` : ''}
          </li>
        ))}
      </ol>
      <div id="fb-actions">
        {data.reporter.askFixed && (
          <Panel title={t('fb.one.askFixed')}>
            <Button pending={pending} onClick={() => void step('fixed', {})}>
              {t('fb.one.fixedYes')}
            </Button>
          </Panel>
        )}
        {data.reporter.mayRate && (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void step('rate', { rating: Number(rating) });
            }}
          >
            <Radios id="fb-rating" legend={t('fb.one.rate')} value={rating} onChange={setRating} options={[5, 4, 3, 2, 1].map((n) => ({ value: String(n), label: t(`fb.rating.${n}` as MessageKey) }))} />
            <Button type="submit" pending={pending}>
              {t('fb.one.sendRating')}
            </Button>
          </form>
        )}
        {data.reporter.mayReopen && (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void step('reopen', { reason });
            }}
          >
            <Textarea id="fb-reopen" label={t('fb.one.reopen')} value={reason} onChange={setReason} rows={3} />
            <Button type="submit" variant="secondary" pending={pending}>
              {t('fb.one.reopenSend')}
            </Button>
          </form>
        )}
      </div>
    </>
  );
}
