import { useT } from '../../i18n';
import { formatDateTime } from '../../i18n/format';
import { Link, usePageTitle } from '../../router';
import { href } from '../../routes';
import { apiPath } from '../../api/client';
import { useApi } from '../../api/useApi';
import type { Dossier } from '../../api/types';
import { ErrorState, Loading, Panel, StatusTag, SummaryList } from '../../ui';

/**
 * The receipt after an online submission. The code comes from the URL, so the panel shows even
 * if the details cannot be loaded (offline, signed out in another tab).
 */
export function ReceiptPage({ dossierCode }: { procedureCode: string; dossierCode: string }) {
  const { t } = useT();
  const { data, error, reload } = useApi<Dossier>(apiPath(`/dossiers/${encodeURIComponent(dossierCode)}`));
  usePageTitle(t('receipt.title'));
  return (
    <div className="grid grid--two-thirds">
      <div>
        <Panel title={t('receipt.title')}>
          {t('receipt.codeLabel')}
          <br />
          <strong>{dossierCode}</strong>
        </Panel>
        <p>{t('receipt.keepCode')}</p>
        {error ? (
          <ErrorState error={error} onRetry={reload} />
        ) : !data ? (
          <Loading />
        ) : (
          <SummaryList
            rows={[
              { key: t('dossier.procedure'), value: data.procedure.name },
              { key: t('dossier.status'), value: <StatusTag status={data.status} fallback={data.statusLabel} /> },
              { key: t('dossier.submittedAt'), value: formatDateTime(data.submittedAt) || '—' },
              { key: t('receipt.appointment'), value: data.dueAt ? formatDateTime(data.dueAt) : t('receipt.dueLater') },
            ]}
          />
        )}
        <h2>{t('receipt.nextTitle')}</h2>
        <ol className="list-number">
          <li>{t('receipt.next1')}</li>
          <li>{t('receipt.next2')}</li>
          <li>{t('receipt.next3')}</li>
        </ol>
        <ul className="list-plain">
          <li>
            <Link to={href('trackResult', { code: dossierCode })}>{t('receipt.trackLink')}</Link>
          </li>
          <li>
            <Link to={href('myDossier', { code: dossierCode })}>{t('receipt.detailLink')}</Link>
          </li>
          <li>
            <Link to={href('procedures')}>{t('receipt.another')}</Link>
          </li>
        </ul>
      </div>
    </div>
  );
}
