import { useT, isMessageKey } from '../../i18n';
import { useSearchParams } from '../../router';
import { apiPath } from '../../api/client';
import { useApi } from '../../api/useApi';

/**
 * "Đăng nhập bằng VNeID" on the sign-in page, when the ward has set it up; and, coming back from a
 * refused VNeID sign-in (`?vneid=<code>`), why nothing was linked.
 */
export function VneidSignIn({ next }: { next: string | null }) {
  const { t } = useT();
  const providers = useApi<{ vneid: { enabled: boolean; name: string } }>(apiPath('/auth/providers'));
  const refused = useSearchParams().get('vneid');
  const reasonKey = refused ? `vneid.error.${refused}` : null;
  const start = apiPath('/auth/vneid/start', { tiep: next ?? undefined });
  return (
    <>
      {reasonKey && (
        <div className="state state--error" role="alert">
          <p className="state__title">{t('vneid.refused')}</p>
          <p>{isMessageKey(reasonKey) ? t(reasonKey) : t('vneid.error.OIDC_PROVIDER_FAILED')}</p>
        </div>
      )}
      {providers.data?.vneid.enabled && (
        <section aria-labelledby="vneid-title">
          <h2 id="vneid-title">{t('vneid.title')}</h2>
          <p>{t('vneid.lead')}</p>
          <a className="btn btn--secondary" href={start}>
            {t('vneid.button', { name: providers.data.vneid.name })}
          </a>
        </section>
      )}
    </>
  );
}
