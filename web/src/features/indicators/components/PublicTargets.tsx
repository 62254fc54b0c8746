import type { PublicTargets as Data } from '@domain/training-contract.ts';
import { useT } from '../../../i18n';
import { formatDate, formatNumber } from '../../../i18n/format';
import { apiPath } from '../../../api/client';
import { useApi } from '../../../api/useApi';
import { ErrorState, Loading, ProgressBar, SummaryList } from '../../../ui';
import './targets.css';

type Item = Data['items'][number];

/**
 * The term's targets on the public page: one card per target (readable on a phone, no chart: the
 * progress bar repeats a figure written beside it), plain words, no personal data.
 */
export function PublicTargets() {
  const { t, lang } = useT();
  const { data, error, loading, reload } = useApi<Data>(apiPath('/public/targets'));
  const name = (i: Item) => (lang === 'en' ? i.en : i.vi);
  const figure = (v: number | null, unit: string) => (v === null ? '—' : `${formatNumber(v)} ${unit}`);
  const sign = (i: Item) => (i.direction === 'at_least' ? '≥' : '≤');
  const rows = (i: Item, year: number) => [
    { key: t('pt.col.baseline'), value: i.baseline === null ? '—' : `${figure(i.baseline, i.unit)} (${i.baselineYear})` },
    { key: t('pt.col.goal'), value: i.target === null ? t('ind.targets.toSet') : `${sign(i)} ${figure(i.target, i.unit)} (${i.targetYear})` },
    { key: t('pt.col.thisYear', { year }), value: i.expectedThisYear === null ? '—' : `${sign(i)} ${figure(i.expectedThisYear, i.unit)}` },
    {
      key: t('pt.col.latest'),
      value: i.latest ? (
        <>
          <strong>{figure(i.latest.value, i.unit)}</strong> ({i.latest.year}
          {i.latest.computed ? `, ${t('pt.computed')}` : ''})
          <br />
          <span className="secondary-text">{t('pt.sourceDate', { source: i.latest.source, date: formatDate(i.latest.asOf) })}</span>
        </>
      ) : (
        t('pt.noData')
      ),
    },
    {
      key: t('pt.col.progress'),
      value: (
        <>
          <strong>{t(`ind.targets.state.${i.state}`)}</strong>
          {i.progressPct !== null && (
            <>
              <br />
              <ProgressBar value={i.progressPct / 100} label={`${name(i)}: ${t('pt.progressOf', { pct: formatNumber(i.progressPct) })}`} />{' '}
              <span className="small">{t('pt.progressOf', { pct: formatNumber(i.progressPct) })}</span>
            </>
          )}
        </>
      ),
    },
  ];
  return (
    <section aria-labelledby="pt-title">
      <h2 id="pt-title">{t('pt.title')}</h2>
      <p>{t('pt.lead')}</p>
      {loading && <Loading />}
      {error && <ErrorState error={error} onRetry={reload} />}
      {data && (
        <ul className="pt-list">
          {data.items.map((i) => (
            <li key={i.key} className="pt-card" aria-labelledby={`pt-${i.key}`}>
              <h3 id={`pt-${i.key}`} className="pt-card__title">
                {name(i)}
              </h3>
              <SummaryList rows={rows(i, data.year)} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
