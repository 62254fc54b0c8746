import { useT } from '../../i18n';
import { formatDate, formatDateTime } from '../../i18n/format';
import { usePageTitle, useNavigate, useSearchParams } from '../../router';
import { href } from '../../routes';
import { apiPath } from '../../api/client';
import { useApi } from '../../api/useApi';
import { Breadcrumbs, ErrorState, Loading, Pagination } from '../../ui';
import type { PublicIndicators } from './api';
import { HeadlineTiles, IndexGroups, LateTable, TrendCharts } from './components/Figures';
import { PeriodForm, vnToday } from './components/PeriodForm';
import { PublicTargets } from './components/PublicTargets';
import './indicators.css';

/** Late dossiers shown per page (the API gives at most 200). */
const LATE_PER_PAGE = 50;

/** /cong-khai: the public transparency page (lazily loaded: the citizen bundle does not carry it). */
export default function PublicIndicatorsPage() {
  const { t } = useT();
  usePageTitle(t('ind.public.title'));
  const params = useSearchParams();
  const navigate = useNavigate();
  const today = vnToday();
  const period = { from: params.get('tu') ?? `${today.slice(0, 4)}-01-01`, to: params.get('den') ?? today };
  // The late dossiers come page by page (a large unit's year has thousands); `trang` is the page.
  const page = Math.max(1, Math.floor(Number(params.get('trang'))) || 1);
  const { data, error, loading, reload } = useApi<PublicIndicators>(
    apiPath('/public/indicators', { from: period.from, to: period.to, lateOffset: page > 1 ? (page - 1) * LATE_PER_PAGE : undefined, lateLimit: LATE_PER_PAGE }),
    { keepPrevious: true },
  );
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
          <LateTable late={data.late} total={data.lateTotal} offset={data.lateOffset} />
          <Pagination
            page={page}
            pageCount={Math.ceil(data.lateTotal / LATE_PER_PAGE)}
            hrefFor={(p) => href('transparency', {}, { tu: params.get('tu') ?? undefined, den: params.get('den') ?? undefined, trang: p > 1 ? p : undefined })}
          />
        </>
      )}
      <PublicTargets />
    </>
  );
}
