import { useT } from '../../i18n';
import { formatDate, formatNumber } from '../../i18n/format';
import { Link, usePageTitle } from '../../router';
import { href } from '../../routes';
import { useApi } from '../../api/useApi';
import { ErrorState, Loading } from '../../ui';
import { MILESTONE_LABELS } from '@domain/projects.ts';
import { investApi, type PublicProject } from './api';

/** /dau-tu/du-an/<id>: a public project's legal milestones as a timeline, and its published progress photos. */
export function PublicProjectPage({ id }: { id: string }) {
  const { t, lang } = useT();
  const { data, error, reload } = useApi<PublicProject>(investApi.project(id));
  usePageTitle(data?.name ?? t('inv.projects.title'));
  if (error) return <ErrorState error={error} onRetry={reload} />;
  if (!data) return <Loading />;
  return (
    <>
      <p>
        <Link to={href('investProjects')}>{t('inv.project.back')}</Link>
      </p>
      <h1>{data.name}</h1>
      <p className="lead">{data.summary}</p>
      <p>
        {t('inv.project.investor')}: {data.investorName} · {data.address}
      </p>
      <section aria-labelledby="inv-timeline">
        <h2 id="inv-timeline">{t('inv.project.timeline')}</h2>
        <ol className="inv-timeline">
          {data.milestones.map((m) => (
            <li key={m.kind} className={m.actualDate ? 'is-done' : undefined}>
              <strong>{MILESTONE_LABELS[m.kind][lang]}</strong>
              <br />
              {m.actualDate ? t('inv.project.actual', { date: formatDate(m.actualDate) }) : t('inv.project.notYet')}
              {m.plannedDate && <span className="small"> · {t('inv.project.planned', { date: formatDate(m.plannedDate) })}</span>}
            </li>
          ))}
        </ol>
      </section>
      <section aria-labelledby="inv-updates">
        <h2 id="inv-updates">{t('inv.project.updates')}</h2>
        {data.updates.length === 0 && <p>{t('inv.project.noUpdates')}</p>}
        {data.updates.map((u) => (
          <article key={u.id} className="inv-card" aria-label={formatDate(u.reportedOn)}>
            <h3>{formatDate(u.reportedOn)}</h3>
            <p>{u.note}</p>
            {u.progressPct !== null && <p>{t('inv.project.progress', { n: formatNumber(u.progressPct) })}</p>}
            {u.files.length > 0 && (
              <ul className="inv-photos">
                {u.files.map((f) => (
                  <li key={f.id}>
                    {f.mime.startsWith('image/') ? (
                      <figure>
                        <img src={investApi.file(f.id)} alt={f.caption || f.name} loading="lazy" />
                        {f.caption && <figcaption className="small">{f.caption}</figcaption>}
                      </figure>
                    ) : (
                      <a href={investApi.file(f.id)}>{f.caption || f.name}</a>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </article>
        ))}
      </section>
    </>
  );
}
