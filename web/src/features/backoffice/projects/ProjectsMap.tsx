import { useMemo } from 'react';
import { useT } from '../../../i18n';
import { formatNumber } from '../../../i18n/format';
import { Link } from '../../../router';
import { Table } from '../../../ui';
import { anchorOf } from '@domain/projects-geo.ts';
import { PROJECT_STATES } from '@domain/projects.ts';
import { LazyWardMap } from '../../feedback/LazyWardMap';
import { boHref } from '../paths';
import type { ProjectSummary } from './api';
import { STATE_MARK } from './labels';

/**
 * The projects on the ward map, each marked by its state with a colour AND a glyph (▲ late,
 * ◆ at risk…), a legend that names both, and the same facts as a table for whoever cannot use
 * the map. Leaflet comes with the feedback module's lazily loaded map (one chunk, shared).
 */
export function ProjectsMap({ items }: { items: ProjectSummary[] }) {
  const { t } = useT();
  const placed = useMemo(() => items.filter((p) => p.location !== null), [items]);
  const points = useMemo(
    () =>
      placed.map((p) => {
        const [lon, lat] = anchorOf(p.location!);
        const mark = STATE_MARK[p.assessment.state];
        return { lat, lon, colour: mark.colour, symbol: mark.symbol, label: `${mark.symbol} ${p.code} ${p.name}: ${t(`prj.state.${p.assessment.state}`)}` };
      }),
    [placed, t],
  );
  return (
    <section aria-labelledby="prj-map" className="prj-map">
      <h2 id="prj-map">{t('prj.map.title')}</h2>
      <ul className="prj-legend" aria-label={t('prj.map.legend')}>
        {PROJECT_STATES.map((s) => (
          <li key={s}>
            <span className="ward-map__symbol" style={{ background: STATE_MARK[s].colour }} aria-hidden="true">
              {STATE_MARK[s].symbol}
            </span>{' '}
            {t('prj.count', { label: t(`prj.state.${s}`), n: formatNumber(placed.filter((p) => p.assessment.state === s).length) })}
          </li>
        ))}
      </ul>
      <LazyWardMap points={points} label={t('prj.map.label')} />
      <details className="prj-map__table">
        <summary>{t('prj.map.asTable')}</summary>
        <Table
          caption={t('prj.map.tableCaption')}
          rowKey={(p: ProjectSummary) => p.id}
          rows={placed}
          columns={[
            { header: t('prj.col.project'), cell: (p) => <Link to={boHref.project(p.id)}>{`${p.code} ${p.name}`}</Link> },
            { header: t('prj.col.state'), cell: (p) => `${STATE_MARK[p.assessment.state].symbol} ${t(`prj.state.${p.assessment.state}`)}` },
            { header: t('prj.map.address'), cell: (p) => p.address || p.planningZone },
            {
              header: t('prj.map.coords'),
              nowrap: true,
              cell: (p) => {
                const [lon, lat] = anchorOf(p.location!);
                return `${lat.toFixed(5)}, ${lon.toFixed(5)}`;
              },
            },
          ]}
        />
      </details>
    </section>
  );
}
