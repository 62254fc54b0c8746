import { useMemo } from 'react';
import { useT } from '../../i18n';
import { formatDate, formatNumber } from '../../i18n/format';
import { usePageTitle } from '../../router';
import { useApi } from '../../api/useApi';
import { ErrorState, Loading } from '../../ui';
import { anchorOf } from '@domain/projects-geo.ts';
import { LazyWardMap } from '../feedback/LazyWardMap';
import { investApi, type PlanningDocument } from './api';

/** /dau-tu/quy-hoach: approved planning documents with their decision, place on the map and files. */
export function PlansPage() {
  const { t } = useT();
  usePageTitle(t('inv.plans.title'));
  const { data, error, reload } = useApi<{ items: PlanningDocument[] }>(investApi.plans());
  const points = useMemo(
    () =>
      (data?.items ?? [])
        .filter((d) => d.location)
        .map((d) => {
          const [lon, lat] = anchorOf(d.location!);
          return { lat, lon, label: d.title };
        }),
    [data],
  );
  return (
    <>
      <h1>{t('inv.plans.title')}</h1>
      <p className="lead">{t('inv.plans.lead')}</p>
      {error && <ErrorState error={error} onRetry={reload} />}
      {!data && !error && <Loading />}
      {data && data.items.length === 0 && <p>{t('inv.plans.none')}</p>}
      {data && data.items.length > 0 && (
        <>
          <section className="pub-map" aria-label={t('inv.plans.map')}>
            <LazyWardMap points={points} label={t('inv.plans.map')} />
          </section>
          <ul className="inv-cards">
            {data.items.map((d) => (
              <li key={d.id}>
                <article className="inv-card" aria-labelledby={`plan-${d.id}`}>
                  <h2 id={`plan-${d.id}`}>{d.title}</h2>
                  <p>
                    <strong>{t(`inv.plan.kind.${d.kind}`)}</strong> · {t('inv.plan.decision', { number: d.decisionNumber, date: formatDate(d.decisionDate), issuer: d.issuer })}
                    {d.areaHa !== null && <> · {t('inv.plan.area', { n: formatNumber(d.areaHa) })}</>}
                  </p>
                  {d.summary && <p>{d.summary}</p>}
                  {d.files.length > 0 && (
                    <>
                      <h3>{t('inv.plan.files')}</h3>
                      <ul>
                        {d.files.map((f) => (
                          <li key={f.id}>
                            <a href={investApi.file(f.id)}>{f.caption || f.name}</a> <span className="small">({f.name})</span>
                          </li>
                        ))}
                      </ul>
                    </>
                  )}
                </article>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
