import { lazy, Suspense } from 'react';
import { QueryClientProvider } from '@tanstack/react-query';
import { I18nProvider } from '../i18n';
import { SessionProvider } from '../api/session';
import { queryClient } from '../api/useApi';
import { RouterProvider, useLocation } from '../router';
import { matchRoute } from '../routes';
import { Loading } from '../ui';
import { Layout } from './Layout';
import { HomePage } from '../features/home/HomePage';
import { CataloguePage } from '../features/procedures/CataloguePage';
import { ProcedurePage } from '../features/procedures/ProcedurePage';
import { TrackPage } from '../features/tracking/TrackPage';
import { TrackResultPage } from '../features/tracking/TrackResultPage';
import { SignInPage } from '../features/auth/SignInPage';
import { SignUpPage } from '../features/auth/SignUpPage';
import { ForgotPasswordPage } from '../features/auth/ForgotPasswordPage';
import { AccountPage } from '../features/auth/AccountPage';
import { ApplyPage } from '../features/apply/ApplyPage';
import { ReceiptPage } from '../features/apply/ReceiptPage';
import { MyDossiersPage } from '../features/dossiers/MyDossiersPage';
import { DossierPage } from '../features/dossiers/DossierPage';
import { NotFoundPage } from '../features/errors/NotFoundPage';
import { MyDocumentsPage } from '../features/documents/MyDocumentsPage';
import { VerifyPage } from '../features/documents/VerifyPage';
import { InboxPage } from '../features/notifications/InboxPage';
import { NoticesProvider } from '../features/notifications/NoticesProvider';

// The back office is a separate chunk: citizens never download it.
const BackofficeApp = lazy(() => import('../features/backoffice/BackofficeApp'));
// The transparency page and its charts are a chunk of their own too.
const PublicIndicatorsPage = lazy(() => import('../features/indicators/PublicIndicatorsPage'));
// Feedback and its map (Leaflet) are a chunk of their own.
const FeedbackApp = lazy(() => import('../features/feedback/FeedbackApp'));
// Investment opportunities, planning and public projects (with the map): a chunk of their own.
const InvestApp = lazy(() => import('../features/invest/InvestApp'));

function CurrentPage() {
  const { pathname } = useLocation();
  const match = matchRoute(pathname);
  if (!match) return <NotFoundPage />;
  switch (match.name) {
    case 'home':
      return <HomePage />;
    case 'procedures':
      return <CataloguePage />;
    case 'procedure':
      return <ProcedurePage code={match.params.code} />;
    case 'track':
      return <TrackPage />;
    case 'trackResult':
      return <TrackResultPage code={match.params.code} />;
    case 'signIn':
      return <SignInPage />;
    case 'signUp':
      return <SignUpPage />;
    case 'forgotPassword':
      return <ForgotPasswordPage />;
    case 'account':
      return <AccountPage />;
    case 'apply':
      // Keyed so that moving to another procedure's form starts from that procedure's draft.
      return <ApplyPage key={match.params.code} code={match.params.code} />;
    case 'receipt':
      return <ReceiptPage procedureCode={match.params.code} dossierCode={match.params.dossierCode} />;
    case 'myDossiers':
      return <MyDossiersPage />;
    case 'myDossier':
      return <DossierPage key={match.params.code} code={match.params.code} />;
    case 'myDocuments':
      return <MyDocumentsPage />;
    case 'verify':
      return <VerifyPage key={match.params.id} id={match.params.id} />;
    case 'inbox':
      return <InboxPage />;
    case 'transparency':
      return (
        <Suspense fallback={<Loading />}>
          <PublicIndicatorsPage />
        </Suspense>
      );
    case 'feedback':
    case 'feedbackNew':
    case 'feedbackOne':
      return (
        <Suspense fallback={<Loading />}>
          <FeedbackApp page={match.name === 'feedback' ? 'list' : match.name === 'feedbackNew' ? 'new' : 'one'} code={match.name === 'feedbackOne' ? match.params.code : undefined} />
        </Suspense>
      );
    case 'invest':
    case 'investPlans':
    case 'investProjects':
    case 'investProject':
    case 'investMine':
      return (
        <Suspense fallback={<Loading />}>
          <InvestApp page={match.name} id={match.name === 'investProject' ? match.params.id : undefined} />
        </Suspense>
      );
    case 'backoffice':
      return (
        <Suspense fallback={<Loading />}>
          <BackofficeApp />
        </Suspense>
      );
  }
}

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <I18nProvider>
        <SessionProvider>
          <NoticesProvider>
            <RouterProvider>
              <Layout>
                <CurrentPage />
              </Layout>
            </RouterProvider>
          </NoticesProvider>
        </SessionProvider>
      </I18nProvider>
    </QueryClientProvider>
  );
}
