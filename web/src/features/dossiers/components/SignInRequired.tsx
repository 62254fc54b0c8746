import { useT } from '../../../i18n';
import { useLocation } from '../../../router';
import { href } from '../../../routes';
import { ButtonLink } from '../../../ui';

/** Shown instead of a private page to someone not signed in; sign-in returns here. */
export function SignInRequired({ title }: { title: string }) {
  const { t } = useT();
  const { pathname, search } = useLocation();
  return (
    <>
      <h1>{title}</h1>
      <p>{t('dossiers.signIn')}</p>
      <ButtonLink to={href('signIn', {}, { tiep: `${pathname}${search}` })}>{t('nav.signIn')}</ButtonLink>
    </>
  );
}
