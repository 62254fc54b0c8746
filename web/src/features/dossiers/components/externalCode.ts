import { isMessageKey, useT } from '../../../i18n';

/**
 * "Mã hồ sơ trên Cổng DVC quốc gia": the label of a forwarded dossier's code at the system that
 * sent it, shown beside ours on the applicant's pages and the public tracking page (docs/INTEROP.md).
 */
export function useExternalCodeLabel() {
  const { t } = useT();
  return (channel: string | null | undefined) => {
    const key = `io.origin.${channel ?? 'national_portal'}`;
    return t('io.externalCode', { origin: isMessageKey(key) ? t(key) : t('io.origin.national_portal') });
  };
}
