import { useT } from '../../../i18n';
import { formatDateTime } from '../../../i18n/format';

/** When the dossier was received, with its receipt (Mẫu 01, PDF); `notYet` until then. */
export function ReceivedAt({ code, receivedAt, notYet }: { code: string; receivedAt: string | null; notYet: string }) {
  const { t } = useT();
  if (!receivedAt) return <>{notYet}</>;
  return (
    <>
      {formatDateTime(receivedAt)}{' '}
      <a href={`/api/v1/dossiers/${encodeURIComponent(code)}/forms/receipt.pdf`} target="_blank" rel="noopener">
        {t('dossier.receiptPdf')}
      </a>
    </>
  );
}
