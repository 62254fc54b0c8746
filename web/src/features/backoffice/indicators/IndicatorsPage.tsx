import { useT } from '../../../i18n';
import { formatDate, formatDateTime, formatNumber } from '../../../i18n/format';
import { Link, useNavigate, usePageTitle, useSearchParams } from '../../../router';
import { apiPath } from '../../../api/client';
import { useApi } from '../../../api/useApi';
import { ErrorState, Loading, Table, Tabs } from '../../../ui';
import type { Capability } from '../../../api/types';
import type { Report } from '../../indicators/api';
import { HeadlineTiles, IndexGroups, TrendCharts } from '../../indicators/components/Figures';
import { PeriodForm, vnToday } from '../../indicators/components/PeriodForm';
import { boHref } from '../paths';
import { AtRiskSection } from './AtRiskSection';
import { ExportLinks } from './ExportLinks';
import { InputForm } from './InputForm';
import { TargetsSection } from './TargetsSection';
import { TrainingShare } from './TrainingShare';
import '../../indicators/indicators.css';

type Row = Report['breakdowns']['procedures'][number];
type Figure = 'received' | 'received_online' | 'settled' | 'settled_early' | 'settled_on_time' | 'settled_late' | 'extended' | 'in_progress' | 'overdue' | 'waiting' | 'closed';

/** The period the URL names (tu, den), by default the year so far. */
export function usePeriod() {
  const params = useSearchParams();
  const today = vnToday();
  return { from: params.get('tu') ?? `${today.slice(0, 4)}-01-01`, to: params.get('den') ?? today };
}

/** The leaders' view: headline, the index in both views, trend, breakdowns, points at risk, exports. */
export function IndicatorsPage({ may }: { may: (c: Capability) => boolean }) {
  const { t } = useT();
  usePageTitle(t('ind.bo.title'));
  const period = usePeriod();
  const navigate = useNavigate();
  const path = apiPath('/indicators', period);
  const { data, error, loading, reload } = useApi<Report>(path);
  const drill = (figure: Figure, extra: Record<string, string> = {}) => boHref.indicatorDossiers({ tu: period.from, den: period.to, chi_tieu: figure, ...extra });
  const breakdown = (rows: Row[], table: 'procedures' | 'fields' | 'officials' | 'channels', filterKey: 'procedure' | 'field' | 'assignee' | null) => (
    <>
      <Table
        caption={t(`ind.bo.by.${table}`)}
        captionHidden
        columns={[
          { header: t('ind.bo.col.name'), cell: (r: Row) => (table === 'channels' ? channelLabel(r.key) : r.label) },
          { header: t('ind.head.received'), cell: (r) => link(r.headline.received, drill('received', filterOf(filterKey, r.key))), numeric: true },
          { header: t('ind.head.settled'), cell: (r) => link(r.headline.settled, drill('settled', filterOf(filterKey, r.key))), numeric: true },
          { header: t('ind.bo.col.late'), cell: (r) => formatNumber(r.late), numeric: true },
          { header: t('ind.bo.col.onTimeRate'), cell: (r) => (r.onTimeRate === null ? '—' : formatNumber(r.onTimeRate)), numeric: true },
        ]}
        rows={rows}
        rowKey={(r) => r.key || '-'}
      />
      <ExportLinks table={table} what={t(`ind.bo.by.${table}`)} query={period} />
    </>
  );
  const channelLabel = (c: string) => (c === 'online' || c === 'in_person' || c === 'post' ? t(`ind.channel.${c}`) : c);
  return (
    <>
      <h1>{t('ind.bo.title')}</h1>
      <p className="lead">{t('ind.bo.lead')}</p>
      <PeriodForm key={`${period.from}-${period.to}`} value={period} onChange={(p) => navigate(boHref.indicators({ tu: p.from, den: p.to }))} />
      <AtRiskSection />
      {loading && <Loading />}
      {error && <ErrorState error={error} onRetry={reload} />}
      {data && (
        <>
          <p>
            <strong>{t('ind.period.showing', { from: formatDate(data.period.from), to: formatDate(data.period.to) })}</strong> · {t('ind.public.asOf', { time: formatDateTime(data.asOf) })}
          </p>
          <p>
            <a href={apiPath('/indicators/report.pdf', data.period)} target="_blank" rel="noopener">
              {t('ind.bo.report')}
            </a>
          </p>
          <HeadlineTiles h={data.headline} link={(f) => drill(f)} />
          <IndexGroups index={data.index} withItems />
          <ExportLinks table="index" what={t('ind.index.title')} query={period} />
          <ExportLinks table="groups" what={t('ind.bo.groups')} query={period} />
          <h2>{t('ind.bo.tally')}</h2>
          <Table
            caption={t('ind.bo.tally')}
            captionHidden
            columns={[
              { header: t('ind.fig.figure'), cell: (r: { figure: Figure; n: number }) => t(`ind.fig.${r.figure}`) },
              { header: t('ind.fig.count'), cell: (r) => link(r.n, drill(r.figure)), numeric: true },
            ]}
            rows={figuresOf(data)}
            rowKey={(r) => r.figure}
          />
          <ExportLinks table="tally" what={t('ind.bo.tally')} query={period} />
          <p>{t('ind.bo.supplement', { rounds: data.tally.supplement.rounds, dossiers: data.tally.supplement.dossiers, late: data.tally.supplement.late })}</p>
          <TrendCharts trend={data.trend} />
          <ExportLinks table="months" what={t('ind.trend.title')} query={period} />
          <h2>{t('ind.bo.breakdowns')}</h2>
          <Tabs
            label={t('ind.bo.breakdowns')}
            items={[
              { id: 'procedures', label: t('ind.bo.by.procedures'), content: breakdown(data.breakdowns.procedures, 'procedures', 'procedure') },
              { id: 'fields', label: t('ind.bo.by.fields'), content: breakdown(data.breakdowns.fields, 'fields', 'field') },
              { id: 'officials', label: t('ind.bo.by.officials'), content: breakdown(data.breakdowns.officials, 'officials', 'assignee') },
              { id: 'channels', label: t('ind.bo.by.channels'), content: breakdown(data.breakdowns.channels, 'channels', null) },
            ]}
          />
          {may('indicators.enter') && <InputForm index={data.index} period={data.period} onSaved={reload} />}
          <TrainingShare period={data.period} />
          <TargetsSection canEnter={may('indicators.enter')} canEdit={may('indicators.rule_edit')} />
        </>
      )}
    </>
  );
}

function filterOf(key: 'procedure' | 'field' | 'assignee' | null, value: string): Record<string, string> {
  if (!key || !value) return {};
  return { [key === 'assignee' ? 'can_bo' : key === 'field' ? 'linh_vuc' : 'thu_tuc']: value };
}

function link(n: number, to: string) {
  return n === 0 ? formatNumber(n) : <Link to={to}>{formatNumber(n)}</Link>;
}

function figuresOf(r: Report): { figure: Figure; n: number }[] {
  const s = r.tally;
  return [
    { figure: 'received', n: s.received.total },
    { figure: 'received_online', n: s.received.online },
    { figure: 'settled', n: s.settled.total },
    { figure: 'settled_early', n: s.settled.early },
    { figure: 'settled_on_time', n: s.settled.onTime },
    { figure: 'settled_late', n: s.settled.late },
    { figure: 'extended', n: s.settled.extended },
    { figure: 'in_progress', n: s.inProgress.total },
    { figure: 'overdue', n: s.inProgress.overdue },
    { figure: 'waiting', n: s.inProgress.waiting },
    { figure: 'closed', n: s.closedWithoutResult },
  ];
}
