import { useT } from '../../i18n';
import { Redirect, useLocation, usePageTitle } from '../../router';
import { href } from '../../routes';
import { useSession } from '../../api/session';
import { ErrorState, Loading } from '../../ui';
import type { Capability, User } from '../../api/types';
import { matchBo } from './paths';
import { BoNav } from './components/BoNav';
import { Forbidden, SignInPrompt } from './components/AccessGate';
import { QueuesPage } from './queues/QueuesPage';
import { StaffDossierPage } from './dossier/StaffDossierPage';
import { ReceptionPage } from './reception/ReceptionPage';
import { SignUpsPage } from './signups/SignUpsPage';
import { ProceduresAdminPage } from './admin/ProceduresAdminPage';
import { ProcedureEditorPage } from './admin/ProcedureEditorPage';
import { ToConfirmPage } from './admin/ToConfirmPage';
import { CalendarAdminPage } from './admin/CalendarAdminPage';
import { UsersAdminPage } from './admin/UsersAdminPage';
import { FormTemplatesPage } from './forms/FormTemplatesPage';
import { RegisterPage } from './forms/RegisterPage';
import { CertifyPage } from './forms/CertifyPage';
import { NoticesAdminPage } from './admin/NoticesAdminPage';
import { InteropSyncPage } from './admin/InteropSyncPage';
import { IndicatorsPage } from './indicators/IndicatorsPage';
import { DrillPage } from './indicators/DrillPage';
import { TrainingPage } from './indicators/TrainingPage';
import { RulePage } from './indicators/RulePage';
import { ProjectsPage } from './projects/ProjectsPage';
import { ProjectPage } from './projects/ProjectPage';
import { ProjectFormPage } from './projects/ProjectFormPage';
import { InvestmentSitesPage } from './projects/InvestmentSitesPage';
import { ProjectRulePage } from './projects/RulePage';
import { StaffQueuePage } from '../feedback/staff/StaffQueuePage';
import { StaffReportPage } from '../feedback/staff/StaffReportPage';
import { Open311KeysPage } from '../feedback/staff/Open311KeysPage';
import { AreasPage as FeedbackAreasPage } from '../feedback/staff/AreasPage';
import { SettingsPage as FeedbackSettingsPage } from '../feedback/staff/SettingsPage';
import '../feedback/staff/staff.css';
import './backoffice.css';

function NotFound() {
  const { t } = useT();
  usePageTitle(t('notFound.title'));
  return (
    <>
      <h1>{t('notFound.title')}</h1>
      <p>{t('notFound.body')}</p>
    </>
  );
}

function Page({ user }: { user: User }) {
  const { t } = useT();
  const { pathname } = useLocation();
  const route = matchBo(pathname);
  // What the session's capabilities (the server's policy) allow; the API refuses the rest anyway.
  const may = (c: Capability) => user.capabilities.includes(c);
  switch (route.name) {
    case 'queues':
      return <QueuesPage user={user} />;
    case 'dossier':
      return <StaffDossierPage key={route.code} code={route.code} />;
    case 'reception':
      return may('dossier.file_at_desk') ? <ReceptionPage /> : <Forbidden title={t('bo.reception.title')} />;
    case 'signUps':
      return may('citizen.verify_sign_up') ? <SignUpsPage /> : <Forbidden title={t('bo.signUps.title')} />;
    case 'procedures':
      return may('catalogue.edit') ? <ProceduresAdminPage /> : <Forbidden title={t('bo.adminProc.title')} />;
    case 'procedure':
      return may('catalogue.edit') ? <ProcedureEditorPage key={route.code} code={route.code} /> : <Forbidden title={t('bo.adminProc.title')} />;
    case 'toConfirm':
      return may('catalogue.review') ? <ToConfirmPage user={user} /> : <Forbidden title={t('bo.toConfirm.title')} />;
    case 'calendar':
      return may('calendar.edit') ? <CalendarAdminPage /> : <Forbidden title={t('bo.calendar.title')} />;
    case 'users':
      return may('users.manage') ? <UsersAdminPage user={user} /> : <Forbidden title={t('bo.users.title')} />;
    case 'register':
      return may('dossier.register') ? <RegisterPage /> : <Forbidden title={t('bo.register.title')} />;
    case 'certify':
      return may('certification.perform') ? <CertifyPage /> : <Forbidden title={t('bo.certify.title')} />;
    case 'formTemplates':
      return may('forms.edit') ? <FormTemplatesPage /> : <Forbidden title={t('bo.templates.title')} />;
    case 'notices':
      return may('notification_templates.edit') ? <NoticesAdminPage /> : <Forbidden title={t('bo.notices.title')} />;
    case 'interop':
      return may('interop.manage') ? <InteropSyncPage mayPublish={may('catalogue.edit')} /> : <Forbidden title={t('io.title')} />;
    case 'indicators':
      return may('indicators.read') ? <IndicatorsPage may={may} /> : <Forbidden title={t('ind.bo.title')} />;
    case 'indicatorDossiers':
      return may('indicators.read') ? <DrillPage /> : <Forbidden title={t('ind.bo.title')} />;
    case 'projects':
      return may('projects.list') ? <ProjectsPage /> : <Forbidden title={t('prj.title')} />;
    case 'project':
      return may('projects.list') ? <ProjectPage key={route.id} id={route.id} /> : <Forbidden title={t('prj.title')} />;
    case 'projectNew':
      return may('projects.manage') ? <ProjectFormPage /> : <Forbidden title={t('prj.form.newTitle')} />;
    case 'projectEdit':
      // Whether this official may edit this project is the project's `may.edit` (the page asks).
      return may('projects.list') ? <ProjectFormPage key={route.id} id={route.id} /> : <Forbidden title={t('prj.title')} />;
    case 'projectRule':
      return may('projects.list') ? <ProjectRulePage /> : <Forbidden title={t('prjRule.title')} />;
    case 'investmentSites':
      return may('projects.manage') ? <InvestmentSitesPage /> : <Forbidden title={t('prj.sites.title')} />;
    case 'feedback':
      return may('feedback.queue') ? <StaffQueuePage /> : <Forbidden title={t('fbs.queue.title')} />;
    case 'feedbackReport':
      return may('feedback.queue') ? <StaffReportPage key={route.code} code={route.code} /> : <Forbidden title={t('fbs.queue.title')} />;
    case 'open311Keys':
      return may('open311.keys') ? <Open311KeysPage /> : <Forbidden title={t('fbs.keys.title')} />;
    case 'feedbackSettings':
      return may('feedback.settings') ? <FeedbackSettingsPage /> : <Forbidden title={t('fbs.set.title')} />;
    case 'feedbackAreas':
      return may('feedback.settings') ? <FeedbackAreasPage /> : <Forbidden title={t('fbs.areas.title')} />;
    case 'training':
      return may('training.manage') ? <TrainingPage /> : <Forbidden title={t('trn.title')} />;
    case 'indicatorRule':
      return may('indicators.rule_edit') ? <RulePage /> : <Forbidden title={t('rule.title')} />;
    case 'notFound':
      return <NotFound />;
  }
}

/**
 * The back office (lazily loaded for every path under /can-bo): a sign-in gate, the back
 * office's own menu, and a sub-router for its pages.
 */
export default function BackofficeApp() {
  const { status, user, error, refresh } = useSession();
  const { pathname, search } = useLocation();
  // Each page sets its own title (a parent's effect would run after, and overwrite, the child's).
  if (status === 'loading') return <Loading />;
  if (!user && error) return <ErrorState error={error} onRetry={() => void refresh()} />;
  if (!user || user.kind !== 'staff') {
    return (
      <div className="bo">
        <SignInPrompt signedInAsCitizen={Boolean(user)} />
      </div>
    );
  }
  // A password an admin set is changed first: the API refuses everything else until then.
  // … and so is two-factor sign-in for a leader or admin.
  if (user.mustChangePassword || (user.twoFactor.required && !user.twoFactor.enabled)) return <Redirect to={href('account', {}, { tiep: `${pathname}${search}` })} />;
  return (
    <div className="bo">
      <BoNav user={user} />
      <Page user={user} />
    </div>
  );
}
