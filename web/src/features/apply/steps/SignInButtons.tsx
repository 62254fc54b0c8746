import { useT } from '../../../i18n';
import { href } from '../../../routes';
import { ButtonLink } from '../../../ui';

/** Sign in / create an account, both coming back to `back` (the draft is kept meanwhile). */
export function SignInButtons({ back }: { back: string }) {
  const { t } = useT();
  return (
    <div className="button-group">
      <ButtonLink to={href('signIn', {}, { tiep: back })}>{t('nav.signIn')}</ButtonLink>
      <ButtonLink to={href('signUp', {}, { tiep: back })} variant="secondary">
        {t('signIn.createAccount')}
      </ButtonLink>
    </div>
  );
}
