import { useT } from '../../i18n';
import { formatDate, formatDateTime } from '../../i18n/format';
import { usePageTitle, useNavigate, useSearchParams } from '../../router';
import { href } from '../../routes';
import { apiPath } from '../../api/client';
import { useApi } from '../../api/useApi';
import { Breadcrumbs, ErrorState, Loading } from '../../ui';
import type { PublicIndicators } from './api';
import { HeadlineTiles, IndexGroups, LateTable, TrendCharts } from './components/Figures';
import { PeriodForm, vnToday } from './components/PeriodForm';
import { PublicTargets } from './components/PublicTargets';
import './indicators.css';

/** /cong-khai: the public transparency page (lazily loaded: the citizen bundle does not carry it). */
export default function PublicIndicatorsPage() {
  const { t } = useT();
  usePageTitle(t('ind.public.title'));
  const params = useSearchParams();
  const navigate = useNavigate();
  const today = vnToday();
  const period = { from: params.get('tu') ?? `${today.slice(0, 4)}-01-01`, to: params.get('den') ?? today };
  const { data, error, loading, reload } = useApi<PublicIndicators>(apiPath('/public/indicators', { from: period.from, to: period.to }));
  return (
    <>
      <Breadcrumbs items={[{ href: href('home'), text: t('nav.home') }]} />
      <h1>{t('ind.public.title')}</h1>
      <PeriodForm key={`${period.from}-${period.to}`} value={period} onChange={(p) => navigate(href('transparency', {}, { tu: p.from, den: p.to }))} />
      {loading && <Loading />}
      {error && <ErrorState error={error} onRetry={reload} />}
      {data && (
        <>
          <p className="lead">{t('ind.public.lead', { unit: data.unit })}</p>
          <p>
            <strong>{t('ind.period.showing', { from: formatDate(data.period.from), to: formatDate(data.period.to) })}</strong> · {t('ind.public.asOf', { time: formatDateTime(data.asOf) })}
          </p>
          <HeadlineTiles h={data.headline} />
          <IndexGroups index={data.index} />
          <TrendCharts trend={data.trend} />
          <LateTable late={data.late} />
        </>
      )}
      <PublicTargets />
    </>
  );
}
