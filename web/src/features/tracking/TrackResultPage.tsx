import { useT } from '../../i18n';
import { formatDateTime } from '../../i18n/format';
import { usePageTitle, useSearchParams } from '../../router';
import { href } from '../../routes';
import { apiPath } from '../../api/client';
import { useApi } from '../../api/useApi';
import type { PublicDossier } from '../../api/types';
import { Breadcrumbs, Details, ErrorState, Loading, StatusTag, SummaryList } from '../../ui';
import { StepsTable } from '../dossiers/components/StepsTable';
import { Timeline } from '../dossiers/components/Timeline';
import { useExternalCodeLabel } from '../dossiers/components/externalCode';
import { TrackForm } from './TrackForm';

export function TrackResultPage({ code }: { code: string }) {
  const { t } = useT();
  const externalLabel = useExternalCodeLabel();
  const params = useSearchParams();
  const phoneLast4 = params.get('sdt') ?? '';
  const { data, error, reload } = useApi<PublicDossier>(
    apiPath(`/public/dossiers/${encodeURIComponent(code)}`, { phoneLast4 }),
  );
  // Asked by the national portal's code, the dossier is named by ours (the portal's is shown below).
  const shown = data?.code ?? code;
  usePageTitle(t('track.resultTitle', { code: shown }));
  const crumbs = [
    { href: href('home'), text: t('nav.home') },
    { href: href('track'), text: t('track.title') },
  ];

  return (
    <>
      <Breadcrumbs items={crumbs} />
      <span className="caption">{t('track.resultCaption')}</span>
      <h1 style={{ overflowWrap: 'anywhere' }}>{shown}</h1>
      {error ? (
        error.status === 404 ? (
          <div className="grid grid--two-thirds">
            <div>
              <div className="state state--error" role="alert">
                <p className="state__title">{t('track.notFoundTitle')}</p>
                <p>{t('track.notFoundBody')}</p>
              </div>
              <h2>{t('track.again')}</h2>
              <TrackForm initialCode={code} />
            </div>
          </div>
        ) : (
          <ErrorState error={error} onRetry={reload} />
        )
      ) : !data ? (
        <Loading />
      ) : (
        <>
          <SummaryList
            rows={[
              ...(data.externalCode ? [{ key: externalLabel(data.originChannel), value: data.externalCode }] : []),
              { key: t('dossier.procedure'), value: data.procedure.name },
              { key: t('dossier.status'), value: <StatusTag status={data.status} fallback={data.statusLabel} /> },
              { key: t('dossier.applicant'), value: data.applicantName },
              { key: t('dossier.submittedAt'), value: formatDateTime(data.submittedAt) || '—' },
              { key: t('dossier.receivedAt'), value: formatDateTime(data.receivedAt) || '—' },
              {
                key: t('dossier.dueAt'),
                value: data.dueAt ? (
                  <>
                    {formatDateTime(data.extendedDueAt ?? data.dueAt)}
                    {data.extendedDueAt && <span className="small secondary-text" style={{ display: 'block' }}>{t('dossier.extended', { date: formatDateTime(data.dueAt) })}</span>}
                    {data.clock === 'stopped' && data.clockStoppedAt && (
                      <span className="small secondary-text" style={{ display: 'block' }}>{t('clock.stoppedCitizen', { date: formatDateTime(data.clockStoppedAt) })}</span>
                    )}
                  </>
                ) : (
                  t('receipt.dueLater')
                ),
              },
              ...(data.finishedAt ? [{ key: t('dossier.finishedAt'), value: formatDateTime(data.finishedAt) }] : []),
              ...(data.returnedAt ? [{ key: t('dossier.returnedAt'), value: formatDateTime(data.returnedAt) }] : []),
            ]}
          />
          {data.steps ? (
            <>
              <h2>{t('dossier.steps')}</h2>
              <StepsTable steps={data.steps} />
              {data.events && (
                <>
                  <h2>{t('dossier.history')}</h2>
                  <Timeline events={data.events} />
                </>
              )}
            </>
          ) : (
            <>
              <p className="secondary-text">{phoneLast4 ? t('track.phoneMismatch') : t('track.moreWithPhone')}</p>
              <Details summary={t('track.addPhone')}>
                <TrackForm idPrefix="track-more" initialCode={code} />
              </Details>
            </>
          )}
        </>
      )}
    </>
  );
}
