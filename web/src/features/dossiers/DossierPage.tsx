import { useState } from 'react';
import { useT } from '../../i18n';
import { usePageTitle } from '../../router';
import { href } from '../../routes';
import { useSession } from '../../api/session';
import { invalidate, useApi } from '../../api/useApi';
import { fileUrl } from '../../api/upload';
import { canDo, type Dossier, type Procedure } from '../../api/types';
import { Breadcrumbs, ErrorState, Loading, NotificationBanner, Tabs } from '../../ui';
import { procedureApi } from '../procedures/api';
import { dossierApi, type EventList } from './api';
import { DossierFacts } from './components/DossierFacts';
import { RatingForm } from './components/RatingForm';
import { SignInRequired } from './components/SignInRequired';
import { StepsTable } from './components/StepsTable';
import { SubmittedDocuments } from './components/SubmittedDocuments';
import { SupplementForm } from './components/SupplementForm';
import { Timeline } from './components/Timeline';
import { WithdrawForm } from './components/WithdrawForm';
import { SignedDocuments } from '../documents/SignedDocuments';
import { FormsList } from '../documents/FormsList';

export function DossierPage({ code }: { code: string }) {
  const { t } = useT();
  const { status, user } = useSession();
  const dossier = useApi<Dossier>(user ? dossierApi.one(code) : null);
  const events = useApi<EventList>(user ? dossierApi.events(code) : null);
  const d = dossier.data;
  const procedure = useApi<Procedure>(d ? procedureApi.one(d.procedure.code) : null);
  const [notice, setNotice] = useState<'withdrawn' | 'answered' | 'rated' | null>(null);
  usePageTitle(t('dossier.title', { code }));

  if (status === 'loading') return <Loading />;
  if (!user) return <SignInRequired title={t('dossier.title', { code })} />;

  const crumbs = [
    { href: href('home'), text: t('nav.home') },
    { href: href('myDossiers'), text: t('dossiers.title') },
  ];
  const updated = (next: Dossier, what: 'withdrawn' | 'answered') => {
    dossier.setData(next);
    events.reload();
    invalidate('/api/v1/dossiers?');
    setNotice(what);
  };

  return (
    <>
      <Breadcrumbs items={crumbs} />
      {d && <span className="caption">{d.procedure.name}</span>}
      <h1 style={{ overflowWrap: 'anywhere' }}>{t('dossier.title', { code })}</h1>
      {dossier.error ? (
        <ErrorState error={dossier.error} onRetry={dossier.error.status === 404 ? undefined : dossier.reload} />
      ) : !d ? (
        <Loading />
      ) : (
        <>
          {notice && (
            <NotificationBanner title={t('common.done')} type="success">
              <p>{t(`dossier.notice.${notice}`)}</p>
            </NotificationBanner>
          )}
          {d.status === 'supplement_requested' && d.openSupplement && (
            <>
              <NotificationBanner title={t('supplement.title')} type="warning" heading={t('supplement.heading')}>
                <p>
                  <a href="#supplement-title">{t('supplement.jump')}</a>
                </p>
              </NotificationBanner>
            </>
          )}
          {d.result && d.result.files.length > 0 && (
            <NotificationBanner title={t('result.title')} type="success" heading={t(`result.${d.result.outcome}`)}>
              <ul className="list-plain">
                {d.result.files.map((f) => (
                  <li key={f.id}>
                    <a href={fileUrl(f.fileId ?? f.id)} download={f.name}>
                      {t('result.download', { name: f.name })}
                    </a>
                  </li>
                ))}
              </ul>
            </NotificationBanner>
          )}

          <DossierFacts dossier={d} />
          {d.result && <SignedDocuments key={d.version} code={d.code} />}
          <FormsList key={`forms-${d.version}`} code={d.code} />

          {d.status === 'supplement_requested' && d.openSupplement && (
            <section aria-labelledby="supplement-title">
              <h2 id="supplement-title" tabIndex={-1}>
                {t('supplement.formTitle')}
              </h2>
              <SupplementForm dossier={d} procedure={procedure.data} onDone={(next) => updated(next, 'answered')} />
            </section>
          )}

          <Tabs
            label={t('dossier.tabs')}
            items={[
              { id: 'steps', label: t('dossier.steps'), content: <StepsTable steps={d.steps} /> },
              {
                id: 'history',
                label: t('dossier.history'),
                content: events.error ? (
                  <ErrorState error={events.error} onRetry={events.reload} />
                ) : !events.data ? (
                  <Loading />
                ) : (
                  <Timeline events={events.data.items} />
                ),
              },
              { id: 'documents', label: t('dossier.submitted'), content: <SubmittedDocuments dossier={d} procedure={procedure.data} /> },
            ]}
          />

          {d.status === 'returned' && (
            <section aria-labelledby="rating-title">
              <h2 id="rating-title">{t('rating.title')}</h2>
              {d.rating ? (
                <p>{t('rating.given', { score: d.rating.score })}</p>
              ) : (
                <RatingForm
                  code={d.code}
                  onDone={() => {
                    setNotice('rated');
                    dossier.reload();
                  }}
                />
              )}
            </section>
          )}

          {canDo(d, 'withdraw') && (
            <section aria-labelledby="withdraw-title">
              <h2 id="withdraw-title">{t('withdraw.title')}</h2>
              <p>{t('withdraw.lead')}</p>
              <WithdrawForm dossier={d} onDone={(next) => updated(next, 'withdrawn')} />
            </section>
          )}
        </>
      )}
    </>
  );
}
