import { useT } from '../../i18n';
import { formatDate } from '../../i18n/format';
import { Link, usePageTitle } from '../../router';
import { href } from '../../routes';
import { useApi } from '../../api/useApi';
import { useSession } from '../../api/session';
import { Details, ErrorState, Loading } from '../../ui';
import { UpdateForm } from '../backoffice/projects/UpdateForm';
import { projectApi, type ProjectDetail } from '../backoffice/projects/api';
import { MILESTONE_LABELS } from '@domain/projects.ts';
import { investApi, type MyInterest, type ProjectSummary } from './api';

/** /dau-tu/cua-toi: the projects linked to the signed-in investor, and the sites they registered interest in. */
export function MinePage() {
  const { t } = useT();
  usePageTitle(t('inv.mine.title'));
  const { user } = useSession();
  if (!user) {
    return (
      <>
        <h1>{t('inv.mine.title')}</h1>
        <p>
          <Link to={href('signIn', {}, { tiep: href('investMine') })}>{t('inv.mine.signIn')}</Link>
        </p>
      </>
    );
  }
  return <Mine />;
}

function Mine() {
  const { t, lang } = useT();
  const projects = useApi<{ items: ProjectSummary[] }>(investApi.myProjects());
  const interests = useApi<{ items: MyInterest[] }>(investApi.myInterests());
  return (
    <>
      <h1>{t('inv.mine.title')}</h1>
      <section aria-labelledby="mine-projects">
        <h2 id="mine-projects">{t('inv.mine.projects')}</h2>
        {projects.error && <ErrorState error={projects.error} onRetry={projects.reload} />}
        {!projects.data && !projects.error && <Loading />}
        {projects.data && projects.data.items.length === 0 && <p>{t('inv.mine.noProjects')}</p>}
        {projects.data && (
          <ul className="inv-cards">
            {projects.data.items.map((p) => (
              <li key={p.id} className="inv-card">
                <h3>
                  {p.public ? <Link to={href('investProject', { id: p.id })}>{p.name}</Link> : p.name} <span className="small">({p.code})</span>
                </h3>
                <p>
                  {t(`prj.state.${p.assessment.state}`)}
                  {p.assessment.reached && <> · {t('inv.project.reached', { milestone: MILESTONE_LABELS[p.assessment.reached][lang] })}</>}
                </p>
                <Details summary={t('inv.mine.report')}>
                  <InvestorReport id={p.id} />
                </Details>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="mine-interests">
        <h2 id="mine-interests">{t('inv.mine.interests')}</h2>
        {interests.error && <ErrorState error={interests.error} onRetry={interests.reload} />}
        {interests.data && interests.data.items.length === 0 && <p>{t('inv.mine.noInterests')}</p>}
        {interests.data && (
          <ul>
            {interests.data.items.map((i) => (
              <li key={i.id}>
                <strong>
                  {i.site.code} {i.site.name}
                </strong>
                : {i.message} <span className="small">({t('inv.mine.registeredOn', { date: formatDate(i.createdAt) })})</span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

/** The investor's progress report on one of its projects (the same form as the ward's, without what only officers may do). */
function InvestorReport({ id }: { id: string }) {
  const project = useApi<ProjectDetail>(projectApi.detail(id));
  if (project.error) return <ErrorState error={project.error} onRetry={project.reload} />;
  if (!project.data) return <Loading />;
  return project.data.may.report ? <UpdateForm project={project.data} onChange={project.setData} /> : null;
}
