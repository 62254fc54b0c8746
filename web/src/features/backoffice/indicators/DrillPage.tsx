import { FIGURES, type Figure } from '@domain/indicators-contract.ts';
import { useT } from '../../../i18n';
import { formatDate, formatDateTime } from '../../../i18n/format';
import { Link, usePageTitle, useSearchParams } from '../../../router';
import { apiPath } from '../../../api/client';
import { useApi } from '../../../api/useApi';
import { ErrorState, Loading, Table } from '../../../ui';
import type { Drill } from '../../indicators/api';
import { boHref } from '../paths';
import { ExportLinks } from './ExportLinks';
import { usePeriod } from './IndicatorsPage';

type Item = Drill['items'][number];

/** The dossiers behind one figure of the indicators, each a link to the dossier. */
export function DrillPage() {
  const { t } = useT();
  const params = useSearchParams();
  const period = usePeriod();
  const raw = params.get('chi_tieu') ?? 'received';
  const figure: Figure = (FIGURES as readonly string[]).includes(raw) ? (raw as Figure) : 'received';
  const filters = { procedure: params.get('thu_tuc'), field: params.get('linh_vuc'), assignee: params.get('can_bo') };
  const title = t('ind.drill.title', { figure: t(`ind.fig.${figure}`) });
  usePageTitle(title);
  const query = { ...period, figure, ...filters };
  const { data, error, loading, reload } = useApi<Drill>(apiPath('/indicators/dossiers', query));
  const channel = (c: string) => (c === 'online' || c === 'in_person' || c === 'post' ? t(`ind.channel.${c}`) : c);
  return (
    <>
      <p>
        <Link to={boHref.indicators({ tu: period.from, den: period.to })}>{t('ind.drill.back')}</Link>
      </p>
      <h1>{title}</h1>
      <p>{t('ind.period.showing', { from: formatDate(period.from), to: formatDate(period.to) })}</p>
      {loading && <Loading />}
      {error && <ErrorState error={error} onRetry={reload} />}
      {data && data.items.length === 0 && <p>{t('ind.drill.none')}</p>}
      {data && data.items.length > 0 && (
        <>
          <Table
            caption={title}
            captionHidden
            columns={[
              { header: t('ind.late.code'), cell: (r: Item) => <Link to={boHref.dossier(r.code)}>{r.code}</Link>, nowrap: true },
              { header: t('ind.late.procedure'), cell: (r) => r.procedureName },
              { header: t('ind.drill.channel'), cell: (r) => channel(r.channel) },
              { header: t('ind.risk.official'), cell: (r) => r.assigneeName ?? t('ind.risk.unassigned') },
              { header: t('ind.drill.received'), cell: (r) => formatDateTime(r.receivedAt), nowrap: true },
              { header: t('ind.late.due'), cell: (r) => formatDateTime(r.dueAt), nowrap: true },
              { header: t('ind.late.finished'), cell: (r) => formatDateTime(r.finishedAt), nowrap: true },
            ]}
            rows={data.items}
            rowKey={(r) => r.code}
          />
          <ExportLinks table="dossiers" what={title} query={query} />
        </>
      )}
    </>
  );
}
