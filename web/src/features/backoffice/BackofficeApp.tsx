import { useT } from '../../i18n';
import { usePageTitle } from '../../router';
import { useSession } from '../../api/session';
import { href } from '../../routes';
import { ButtonLink, Loading } from '../../ui';

/**
 * Placeholder for the back office (loaded lazily under /can-bo/...). The back-office team
 * replaces this file and adds its own pages under features/backoffice/.
 */
export default function BackofficeApp() {
  const { t } = useT();
  const { status, user } = useSession();
  usePageTitle(t('backoffice.title'));
  if (status === 'loading') return <Loading />;
  return (
    <>
      <h1>{t('backoffice.title')}</h1>
      {user?.kind === 'staff' ? (
        <p className="lead">{t('backoffice.welcome', { name: user.fullName })}</p>
      ) : (
        <>
          <p className="lead">{t('backoffice.signInPrompt')}</p>
          <ButtonLink to={href('signIn', {}, { tiep: '/can-bo' })}>{t('nav.signIn')}</ButtonLink>
        </>
      )}
    </>
  );
}
