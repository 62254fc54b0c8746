import { useT } from '../../i18n';
import { Link, usePageTitle } from '../../router';
import { href } from '../../routes';
import { useApi } from '../../api/useApi';
import { ErrorState, Loading } from '../../ui';
import { MILESTONE_LABELS } from '@domain/projects.ts';
import { investApi, type PublicProjectSummary } from './api';

/** /dau-tu/du-an: the projects the ward publishes, each leading to its timeline. */
export function PublicProjectsPage() {
  const { t, lang } = useT();
  usePageTitle(t('inv.projects.title'));
  const { data, error, reload } = useApi<{ items: PublicProjectSummary[] }>(investApi.projects());
  return (
    <>
      <h1>{t('inv.projects.title')}</h1>
      <p className="lead">{t('inv.projects.lead')}</p>
      {error && <ErrorState error={error} onRetry={reload} />}
      {!data && !error && <Loading />}
      {data && data.items.length === 0 && <p>{t('inv.projects.none')}</p>}
      {data && (
        <ul className="inv-cards">
          {data.items.map((p) => (
            <li key={p.id} className="inv-card">
              <h2>
                <Link to={href('investProject', { id: p.id })}>{p.name}</Link>
              </h2>
              <p>
                {t('inv.project.investor')}: {p.investorName} · {p.address}
              </p>
              <p>{p.reached ? t('inv.project.reached', { milestone: MILESTONE_LABELS[p.reached][lang] }) : t('inv.project.notStarted')}</p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
