import { useMemo, useState } from 'react';
import { FEEDBACK_STATUSES, type FeedbackCategory, type FeedbackStatus } from '@domain/feedback.ts';
import { useT } from '../../i18n';
import { formatDate } from '../../i18n/format';
import { Link, usePageTitle } from '../../router';
import { apiPath } from '../../api/client';
import { useApi } from '../../api/useApi';
import { Button, ButtonLink, ErrorState, Loading, Select, Tag, TextInput } from '../../ui';
import type { PublicList } from './api';
import { LazyWardMap } from './LazyWardMap';
import { categoryLabel, categoryOptions, statusLabel } from './labels';
import { areaOptions, useWardAreas } from './areas';

/** /phan-anh: every public report on the map and in a list, with filters. */
export function ListPage() {
  const { t, lang } = useT();
  usePageTitle(t('fb.list.title'));
  const [category, setCategory] = useState('');
  const [status, setStatus] = useState('');
  const [area, setArea] = useState('');
  const areas = useWardAreas();
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  const { data, error, loading, reload } = useApi<PublicList>(apiPath('/feedback', { category, status, area, q }), { keepPrevious: true });
  const points = useMemo(
    () => (data?.items ?? []).filter((r) => r.lat !== null && r.lon !== null).map((r) => ({ lat: r.lat!, lon: r.lon!, label: `${r.code} — ${categoryLabel(r.category, lang)}` })),
    [data, lang],
  );
  return (
    <>
      <h1>{t('fb.list.title')}</h1>
      <p className="lead">{t('fb.list.lead')}</p>
      <ButtonLink to="/phan-anh/gui" start>
        {t('fb.list.report')}
      </ButtonLink>
      <form
        className="fb-filters"
        onSubmit={(e) => {
          e.preventDefault();
          setQ(typed.trim());
        }}
        aria-label={t('fb.list.filters')}
      >
        <div className="fb-search">
          <TextInput id="fb-q" label={t('fb.list.search')} hint={t('fb.list.searchHint')} value={typed} onChange={setTyped} type="search" width="w20" />
          <Button type="submit" variant="secondary">
            {t('fb.list.searchGo')}
          </Button>
        </div>
        <Select id="fb-category" label={t('fb.field.category')} value={category} onChange={setCategory} options={[{ value: '', label: t('fb.all') }, ...categoryOptions(lang)]} />
        <Select id="fb-status" label={t('fb.field.status')} value={status} onChange={setStatus} options={[{ value: '', label: t('fb.all') }, ...FEEDBACK_STATUSES.filter((s) => s !== 'rejected').map((s) => ({ value: s, label: statusLabel(s, lang) }))]} />
        <Select id="fb-area" label={t('fb.field.area')} value={area} onChange={setArea} options={[{ value: '', label: t('fb.all') }, ...areaOptions(areas)]} />
      </form>
      <LazyWardMap points={points} label={t('fb.map.label')} />
      {loading && !data && <Loading />}
      {error && <ErrorState error={error} onRetry={reload} />}
      {data && (
        <>
          <h2>{t('fb.list.count', { n: data.total })}</h2>
          <ul className="fb-list">
            {data.items.map((r) => (
              <li key={r.code}>
                <Link to={`/phan-anh/${r.code}`}>{r.code}</Link> · {categoryLabel(r.category as FeedbackCategory, lang)} · <Tag colour={r.status === 'answered' || r.status === 'closed' ? 'green' : 'blue'}>{statusLabel(r.status as FeedbackStatus, lang)}</Tag>
                <p>{r.description}</p>
                <p className="hint">
                  {r.address || r.areaName} · {t('fb.receivedOn', { date: formatDate(r.receivedAt) })}
                </p>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
