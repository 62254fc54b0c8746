import { useT } from '../../../i18n';
import { useLocation, usePageTitle } from '../../../router';
import { href } from '../../../routes';
import { ButtonLink } from '../../../ui';
import { boHref } from '../paths';

/** Shown instead of any back-office page to someone not signed in with a staff account. */
export function SignInPrompt({ signedInAsCitizen }: { signedInAsCitizen: boolean }) {
  const { t } = useT();
  const { pathname, search } = useLocation();
  usePageTitle(t('backoffice.title'));
  return (
    <>
      <h1>{t('backoffice.title')}</h1>
      <p className="lead">{t('backoffice.signInPrompt')}</p>
      {signedInAsCitizen && <p>{t('bo.gate.citizen')}</p>}
      <ButtonLink to={href('signIn', {}, { tiep: `${pathname}${search}` })}>{t('bo.gate.signIn')}</ButtonLink>
    </>
  );
}

/** A page the official's roles do not open (e.g. administration without unit_admin). */
export function Forbidden({ title }: { title: string }) {
  const { t } = useT();
  usePageTitle(title);
  return (
    <>
      <h1>{title}</h1>
      <div className="state state--error" role="alert">
        <p className="state__title">{t('bo.forbidden.title')}</p>
        <p>{t('bo.forbidden.body')}</p>
      </div>
      <ButtonLink variant="secondary" to={boHref.queues()}>
        {t('bo.nav.queues')}
      </ButtonLink>
    </>
  );
}
