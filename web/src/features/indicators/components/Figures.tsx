import type { ReactNode } from 'react';
import { useT, type MessageKey } from '../../../i18n';
import { formatDate, formatNumber } from '../../../i18n/format';
import { Table, Tabs } from '../../../ui';
import type { Headline, IndexScore, LateDossier, TrendPoint } from '../api';
import { BarChart } from './BarChart';

const pct = (v: number | null, t: (k: MessageKey, p?: Record<string, string | number>) => string) => (v === null ? t('ind.head.none') : t('ind.percent', { value: formatNumber(v) }));

/** The headline figures as tiles; `link` turns a figure into a drill-down link (leaders' view). */
export function HeadlineTiles({ h, link }: { h: Headline; link?: (figure: 'received' | 'settled' | 'in_progress' | 'overdue') => string }) {
  const { t } = useT();
  const tiles: { key: string; label: MessageKey; value: string; figure?: 'received' | 'settled' | 'in_progress' | 'overdue' }[] = [
    { key: 'received', label: 'ind.head.received', value: formatNumber(h.received), figure: 'received' },
    { key: 'settled', label: 'ind.head.settled', value: formatNumber(h.settled), figure: 'settled' },
    { key: 'onTime', label: 'ind.head.onTime', value: pct(h.onTimeShare, t) },
    { key: 'online', label: 'ind.head.online', value: pct(h.onlineShare, t) },
    { key: 'inProgress', label: 'ind.head.inProgress', value: formatNumber(h.inProgress), figure: 'in_progress' },
    { key: 'overdue', label: 'ind.head.overdue', value: formatNumber(h.overdue), figure: 'overdue' },
    { key: 'rating', label: 'ind.head.rating', value: h.averageRating === null ? t('ind.head.none') : t('ind.head.ofFive', { value: formatNumber(h.averageRating) }) },
    { key: 'satisfied', label: 'ind.head.satisfied', value: pct(h.satisfiedShare, t) },
  ];
  return (
    <ul className="ind-tiles">
      {tiles.map((tile) => (
        <li key={tile.key} className="ind-tile">
          <span className="ind-tile__value">{link && tile.figure ? <a href={link(tile.figure)}>{tile.value}</a> : tile.value}</span>
          <span className="ind-tile__label">{t(tile.label)}</span>
        </li>
      ))}
    </ul>
  );
}

/** The index by group, in the portal's 6 groups and the Decision's 5, with every item's ingredients. */
export function IndexGroups({ index, withItems }: { index: IndexScore | (Pick<IndexScore, 'total' | 'max' | 'rule' | 'groups6'> & { groups5?: IndexScore['groups5']; items?: IndexScore['items'] }); withItems?: boolean }) {
  const { t, lang } = useT();
  const name = (g: { vi: string; en: string }) => (lang === 'en' ? g.en : g.vi);
  const groupTable = (groups: IndexScore['groups6'], id: string) => (
    <Table
      caption={t(id === 'g6' ? 'ind.index.groups6' : 'ind.index.groups5')}
      captionHidden
      columns={[
        { header: t('ind.index.group'), cell: (g: IndexScore['groups6'][number]) => name(g) },
        { header: t('ind.index.points'), cell: (g) => formatNumber(g.points), numeric: true },
        { header: t('ind.index.max'), cell: (g) => formatNumber(g.max), numeric: true },
      ]}
      rows={groups}
      rowKey={(g) => g.key}
    />
  );
  const items = 'items' in index && index.items ? index.items : null;
  return (
    <section className="ind-groups" aria-labelledby="ind-index-title">
      <h2 id="ind-index-title">
        {t('ind.index.title')}: {t('ind.index.total', { total: formatNumber(index.total), max: formatNumber(index.max) })}
      </h2>
      <p className="secondary-text">{t('ind.index.rule', { version: index.rule.version, date: formatDate(index.rule.effectiveFrom), basis: index.rule.basis })}</p>
      {index.groups5 ? (
        <Tabs
          label={t('ind.index.title')}
          items={[
            { id: 'g6', label: t('ind.index.groups6'), content: groupTable(index.groups6, 'g6') },
            { id: 'g5', label: t('ind.index.groups5'), content: groupTable(index.groups5, 'g5') },
          ]}
        />
      ) : (
        groupTable(index.groups6, 'g6')
      )}
      {withItems && items && (
        <Table
          caption={t('ind.index.item')}
          columns={[
            { header: t('ind.index.item'), cell: (i: IndexScore['items'][number]) => name(i) },
            { header: t('ind.index.ingredients'), cell: (i) => (i.numerator === null ? '—' : `${formatNumber(i.numerator)}/${formatNumber(i.denominator ?? 0)}`), numeric: true, nowrap: true },
            { header: t('ind.index.rate'), cell: (i) => (i.rate === null ? '—' : t('ind.percent', { value: formatNumber(Math.round(i.rate * 10000) / 100) })), numeric: true },
            { header: t('ind.index.points'), cell: (i) => `${formatNumber(i.points)}/${formatNumber(i.max)}`, numeric: true, nowrap: true },
            { header: t('ind.index.origin'), cell: (i) => (i.origin === 'manual' ? t('ind.origin.manual', { source: i.manual?.source ?? '' }) : t(`ind.origin.${i.origin}`)) },
          ]}
          rows={items}
          rowKey={(i) => i.key}
        />
      )}
    </section>
  );
}

/** The 12-month trend: on-time share, index, received — each a chart with its table. */
export function TrendCharts({ trend }: { trend: TrendPoint[] }) {
  const { t } = useT();
  const rows = (pick: (p: TrendPoint) => number | null) => trend.map((p) => ({ key: p.from, label: p.label, value: pick(p) }));
  const common = { tableCaption: t('ind.chart.table'), labelHeader: t('ind.trend.month') };
  return (
    <section aria-labelledby="ind-trend-title">
      <h2 id="ind-trend-title">{t('ind.trend.title')}</h2>
      <BarChart title={t('ind.trend.onTime')} rows={rows((p) => p.headline.onTimeShare)} max={100} unit="%" valueHeader={t('ind.head.onTime')} {...common} />
      <BarChart title={t('ind.trend.index')} rows={rows((p) => p.index)} max={100} valueHeader={t('ind.index.points')} {...common} />
      <BarChart title={t('ind.trend.received')} rows={rows((p) => p.headline.received)} valueHeader={t('ind.head.received')} {...common} />
    </section>
  );
}

/** Late dossiers with their apology: codes and procedures only. */
export function LateTable({ late, codeCell, total, offset = 0 }: { late: LateDossier[]; codeCell?: (code: string) => ReactNode; total?: number; offset?: number }) {
  const { t } = useT();
  return (
    <section aria-labelledby="ind-late-title">
      <h2 id="ind-late-title">{t('ind.late.title')}</h2>
      <p>{t('ind.late.lead')}</p>
      {total !== undefined && late.length > 0 && late.length < total && (
        <p>{t('ind.late.range', { from: formatNumber(offset + 1), to: formatNumber(offset + late.length), total: formatNumber(total) })}</p>
      )}
      {late.length === 0 && !total ? (
        <p>{t('ind.late.none')}</p>
      ) : (
        <Table
          caption={t('ind.late.title')}
          captionHidden
          columns={[
            { header: t('ind.late.code'), cell: (l: LateDossier) => (codeCell ? codeCell(l.code) : l.code), nowrap: true },
            { header: t('ind.late.procedure'), cell: (l) => l.procedureName },
            { header: t('ind.late.due'), cell: (l) => formatDate(l.dueAt), nowrap: true },
            { header: t('ind.late.finished'), cell: (l) => (l.finishedAt ? formatDate(l.finishedAt) : t('ind.late.stillOpen')), nowrap: true },
            {
              header: t('ind.late.apology'),
              cell: (l) => (l.apology ? t(l.apology.onTime ? 'ind.late.apologyOnTime' : 'ind.late.apologyLate', { date: formatDate(l.apology.newDueAt) }) : t('ind.late.noApology')),
            },
          ]}
          rows={late}
          rowKey={(l) => l.code}
        />
      )}
    </section>
  );
}
